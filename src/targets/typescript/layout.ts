// Line layout that matches Prettier's output for the shapes the target writes, so generated files
// are Prettier-stable without running Prettier on the hot path. The few shapes whose breaking
// Prettier decides inside generic arguments (`Record<...>`, `Array<A | B>`, long index
// signatures) are flagged instead, and only those files go through Prettier itself.

export const PRINT_WIDTH = 80;

/** Collects whether any laid-out line needs Prettier's own judgement. */
export interface LayoutState {
  needsPrettier: boolean;
}

/** `Record<..>` and `Array<..>` around a union or another generic: Prettier may break inside them. */
function breaksInside(part: string): boolean {
  return part.includes("Record<") || /Array<.*[<|]/.test(part);
}

/** Unions Prettier prints like a single type: one member, or one member and `null`. */
function isSingle(parts: string[]): boolean {
  return parts.length === 1 || (parts.length === 2 && parts.includes("null"));
}

/** `key?: A | B;` as Prettier lays it out. */
export function propertyLines(state: LayoutState, indent: string, key: string, optional: boolean, parts: string[]): string[] {
  const head = `${indent}${key}${optional ? "?" : ""}:`;
  const flat = `${head} ${parts.join(" | ")};`;
  if (flat.length <= PRINT_WIDTH) return [flat];
  if (parts.some(breaksInside)) return flagged(state, [flat]);
  // A single type after a colon stays on the line, however long.
  if (isSingle(parts)) return [flat];
  return brokenUnion(head, indent, parts);
}

/** `export type Name = A | B;` as Prettier lays it out. */
export function typeAliasLines(state: LayoutState, indent: string, name: string, parts: string[]): string[] {
  const head = `${indent}export type ${name} =`;
  const flat = `${head} ${parts.join(" | ")};`;
  if (flat.length <= PRINT_WIDTH) return [flat];
  if (parts.some(breaksInside)) return flagged(state, [flat]);
  // After `=`, a single type moves to the next line, however long.
  if (isSingle(parts)) return [head, `${indent}  ${parts.join(" | ")};`];
  return brokenUnion(head, indent, parts);
}

/** `[key: string]: A | B;` (Prettier breaks long ones inside the brackets: leave those to it). */
export function indexSignatureLines(state: LayoutState, indent: string, parts: string[]): string[] {
  const flat = `${indent}[key: string]: ${parts.join(" | ")};`;
  return flat.length <= PRINT_WIDTH ? [flat] : flagged(state, [flat]);
}

/** The union alone on the next line when it fits there, else one member per line with leading bars. */
function brokenUnion(head: string, indent: string, parts: string[]): string[] {
  const inner = indent + "  ";
  const nextLine = `${inner}${parts.join(" | ")};`;
  if (nextLine.length <= PRINT_WIDTH) return [head, nextLine];
  return [head, ...parts.map((p, i) => `${inner}| ${p}${i === parts.length - 1 ? ";" : ""}`)];
}

function flagged(state: LayoutState, lines: string[]): string[] {
  state.needsPrettier = true;
  return lines;
}

/** A JSDoc block (`/**`, ` * line`, ` *\/`), or nothing for no lines. */
export function docLines(indent: string, lines: string[]): string[] {
  if (lines.length === 0) return [];
  return [`${indent}/**`, ...lines.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}
