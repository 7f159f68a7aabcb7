// Line layout that matches Prettier's output for the shapes the target writes, so generated files
// are Prettier-stable without running Prettier on the hot path. The few shapes whose breaking
// Prettier decides inside generic arguments (`Record<...>`, `Array<A | B>`, long index
// signatures) are flagged instead, and only those files go through Prettier itself.

const PRINT_WIDTH = 80;

/** Collects whether any laid-out line needs Prettier's own judgement. */
export interface LayoutState {
  needsPrettier: boolean;
}

/**
 * `Record<..>`, `Array<..>` around a union or another generic, and object types (`{ [key: string]: T }`,
 * the recursive spelling of a map): Prettier may break inside them.
 */
function breaksInside(part: string): boolean {
  return part.includes("Record<") || part.includes("{ [key: string]:") || /Array<.*[<|]/.test(part);
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
  // A single type after a colon stays on the line, however long (unless Prettier can break inside it).
  if (isSingle(parts))
    return (
      recordArgsLines(head, indent, parts) ??
      arrayArgLines(head, indent, parts) ??
      (parts.some(breaksInside) ? flagged(state, [flat]) : [flat])
    );
  return brokenUnion(state, head, indent, parts);
}

/** `export type Name = A | B;` as Prettier lays it out. */
export function typeAliasLines(state: LayoutState, indent: string, name: string, parts: string[]): string[] {
  const head = `${indent}export type ${name} =`;
  const flat = `${head} ${parts.join(" | ")};`;
  if (flat.length <= PRINT_WIDTH) return [flat];
  if (isSingle(parts)) {
    // After `=`, a single type moves to the next line, however long (unless Prettier can break inside it).
    // Prettier breaks the arguments of a two-argument generic (`Record<`) instead.
    const record = recordArgsLines(head, indent, parts);
    if (record) return record;
    const next = `${indent}  ${parts.join(" | ")};`;
    // An object type hugs the `=` (`= {` ... `} | null`): Prettier's own layout.
    return parts.some((p) => p.startsWith("Record<") || p.startsWith("{")) || (next.length > PRINT_WIDTH && parts.some(breaksInside))
      ? flagged(state, [flat])
      : [head, next];
  }
  return brokenUnion(state, head, indent, parts);
}

/**
 * `Record<string, T>` (or `Record<string, T> | null`) too wide for its line: Prettier puts each
 * type argument on its own line. Only for a plain T; anything nested is left to Prettier.
 */
function recordArgsLines(head: string, indent: string, parts: string[]): string[] | undefined {
  const [first, second] = parts;
  const m = first !== undefined ? /^Record<string, ([^<>|]+)>$/.exec(first) : null;
  if (!m || (second !== undefined && second !== "null") || parts.length > 2) return undefined;
  return [`${head} Record<`, `${indent}  string,`, `${indent}  ${m[1]}`, `${indent}>${second ? " | null" : ""};`];
}

/** A member Prettier never breaks inside: a string literal, a name, `null`. */
const PLAIN_MEMBER = /^(?:"(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$.]*)$/;

/**
 * `Array<A | B>` (or `Array<A | B> | null`) too wide for its line, its members plain: Prettier
 * puts the union on its own line inside the brackets, or one member per line with leading bars
 * when that line is too wide too. A string literal holding ` | ` does not split into plain members,
 * so it is left to Prettier.
 */
function arrayArgLines(head: string, indent: string, parts: string[]): string[] | undefined {
  const [first, second] = parts;
  const m = first !== undefined ? /^Array<(.*)>$/.exec(first) : null;
  if (!m || (second !== undefined && second !== "null") || parts.length > 2) return undefined;
  const members = m[1]!.split(" | ");
  if (members.length < 2 || !members.every((x) => PLAIN_MEMBER.test(x))) return undefined;
  const inner = `${indent}  ${members.join(" | ")}`;
  const body = inner.length <= PRINT_WIDTH ? [inner] : members.map((x) => `${indent}  | ${x}`);
  return [`${head} Array<`, ...body, `${indent}>${second ? " | null" : ""};`];
}

/** `[key: string]: A | B;` (Prettier breaks long ones inside the brackets: leave those to it). */
export function indexSignatureLines(state: LayoutState, indent: string, parts: string[]): string[] {
  const flat = `${indent}[key: string]: ${parts.join(" | ")};`;
  return flat.length <= PRINT_WIDTH ? [flat] : flagged(state, [flat]);
}

/**
 * The union alone on the next line when it fits there, else one member per line with leading
 * bars; a member line still too wide is left to Prettier when it could break inside the member.
 */
function brokenUnion(state: LayoutState, head: string, indent: string, parts: string[]): string[] {
  const inner = indent + "  ";
  const nextLine = `${inner}${parts.join(" | ")};`;
  if (nextLine.length <= PRINT_WIDTH) return [head, nextLine];
  const lines = [head, ...parts.map((p, i) => `${inner}| ${p}${i === parts.length - 1 ? ";" : ""}`)];
  return parts.some((p, i) => lines[i + 1]!.length > PRINT_WIDTH && breaksInside(p)) ? flagged(state, lines) : lines;
}

function flagged(state: LayoutState, lines: string[]): string[] {
  state.needsPrettier = true;
  return lines;
}
