// Lays out schema expressions the way Prettier 3 prints them (print width 80, two-space indent,
// trailing commas), so the zod output is Prettier-stable without running Prettier on the hot
// path. The rules are Prettier's own (its estree printer: member chains, call arguments,
// assignments), for the few shapes the schemas use:
// - anything that fits on its line stays flat;
// - a call's arguments break one a line with a trailing comma, except that a last argument that
//   is an array or object hugs the call (`z.enum([` ... `])`); they always break when there are
//   two or more and one of them calls with a function (`z.record(z.string(), z.lazy(() => T))`);
// - a member chain of more groups than its cutoff (two; three after a capitalized head such as
//   `FooSchema`) breaks one call a line when it does not fit, and always when it has more than two
//   calls one of whose arguments is not "simple", or a group before the last that breaks;
// - `key: value` and `const x = value` keep the value on the line when its first piece fits, move
//   a short call chain (`XSchema.nullable()`) whole to the next line, and never move the value of
//   a key of four characters or less;
// - object literals are always written expanded (Prettier keeps an object expanded when its first
//   key is on a new line); arrays of numbers fill their lines.
// A shape outside these rules sets `needsPrettier`, and that file goes through Prettier itself.
import type { ObjectEntry, ZodExpr } from "./expr.js";

export const PRINT_WIDTH = 80;
const INDENT = "  ";

export interface PrintState {
  needsPrettier: boolean;
}

// Layout asks the same questions of each sub-expression at every level above it: the answers
// are kept on the expression object itself (expressions are never changed once built; a property
// is much cheaper to read than a WeakMap entry on this hot path).
interface Cached {
  flat?: string;
  hardBreak?: boolean;
  chain?: Chain;
}

function cache(e: ZodExpr): Cached {
  return e as Cached;
}

/** The expression on one line, as Prettier prints it when it fits. */
export function flat(e: ZodExpr): string {
  return (cache(e).flat ??= flatUncached(e));
}

function flatUncached(e: ZodExpr): string {
  switch (e.kind) {
    case "ident":
      return e.name;
    case "text":
      return e.text;
    case "member":
      return `${flat(e.object)}.${e.property}`;
    case "call":
      return `${flat(e.callee)}(${e.args.map(flat).join(", ")})`;
    case "array":
      return `[${e.items.map(flat).join(", ")}]`;
    case "object":
      return e.entries.length ? `{ ${e.entries.map((x) => `${x.key}: ${flat(x.value)}`).join(", ")} }` : "{}";
    case "arrow":
      return `() => ${flat(e.body)}`;
  }
}

/**
 * Never printed flat (Prettier's hard breaks, which also break everything around them): an object
 * literal with entries (written expanded), a call whose arguments Prettier always breaks, and a
 * member chain it always writes one call a line.
 */
function hasHardBreak(e: ZodExpr): boolean {
  return (cache(e).hardBreak ??= hardBreakUncached(e));
}

function hardBreakUncached(e: ZodExpr): boolean {
  switch (e.kind) {
    case "object":
      return e.entries.length > 0;
    case "member":
    case "call": {
      const chain = analyze(e);
      return chain.nodes.some((n) => n.kind === "call" && callBreaks(n.args)) || chain.expandsAlways;
    }
    case "array":
      return e.items.some(hasHardBreak);
    case "arrow":
      return hasHardBreak(e.body);
    default:
      return false;
  }
}

/** A call's arguments that cannot be flat: one of them breaks, or Prettier breaks them all. */
function callBreaks(args: ZodExpr[]): boolean {
  return forcesBrokenArguments(args) || args.some(hasHardBreak);
}

/** Prettier breaks every argument onto its own line when a call has two or more and one is (or calls with) a function. */
function forcesBrokenArguments(args: ZodExpr[]): boolean {
  if (args.length <= 1) return false;
  let functions = 0;
  for (const a of args) {
    if (a.kind === "arrow") {
      if (++functions > 1) return true;
    } else if (a.kind === "call" && a.args.some((x) => x.kind === "arrow")) return true;
  }
  return false;
}

/**
 * Prettier's "simple call argument" (`isSimpleCallArgument`, depth budget 2): literals (a regex
 * only up to 5 characters of pattern), identifiers, member paths, and arrays, objects and calls
 * (at most `depth` arguments) of simple ones one level down; never an arrow function.
 */
export function isSimpleArgument(e: ZodExpr, depth = 2): boolean {
  if (depth <= 0) return false;
  const child = (x: ZodExpr) => isSimpleArgument(x, depth - 1);
  switch (e.kind) {
    case "ident":
      return true;
    case "text":
      return !e.text.startsWith("/") || e.text.length - 2 <= 5;
    case "member":
      return isSimpleArgument(e.object, depth);
    case "call":
      return isSimpleArgument(e.callee, depth) && e.args.length <= depth && e.args.every(child);
    case "array":
      return e.items.every(child);
    case "object":
      return e.entries.every((x) => child(x.value));
    case "arrow":
      return false;
  }
}

/**
 * The lines of `e` printed from column `col` (the first line continues the current one; later
 * lines carry their own indentation, `indent` being the current line's), with `tail` characters
 * following the last line up to the next line break.
 */
function layout(e: ZodExpr, indent: string, col: number, tail: number, st: PrintState): string[] {
  if (!hasHardBreak(e) && col + flat(e).length + tail <= PRINT_WIDTH) return [flat(e)];
  switch (e.kind) {
    case "ident":
    case "text":
      return [flat(e)];
    case "arrow":
      // `() => body` too wide: Prettier moves the body to its own line; nothing we write is that long.
      st.needsPrettier = true;
      return [flat(e)];
    case "array":
      return arrayLines(e.items, indent, st);
    case "object":
      return objectLines(e.entries, indent, st);
    case "member":
    case "call":
      return chainLines(e, indent, col, tail, st);
  }
}

function isNumber(e: ZodExpr): boolean {
  return e.kind === "text" && /^-?\d/.test(e.text);
}

/** `[` items one a line (numbers: as many a line as fit) `]`. */
function arrayLines(items: ZodExpr[], indent: string, st: PrintState): string[] {
  const inner = indent + INDENT;
  const lines = ["["];
  if (items.length > 1 && items.every(isNumber)) {
    // Prettier fills arrays of numbers: as many as fit on each line.
    let line = "";
    for (const item of items) {
      const piece = `${flat(item)},`;
      if (line && `${line} ${piece}`.length > PRINT_WIDTH) {
        lines.push(line);
        line = "";
      }
      line = line ? `${line} ${piece}` : `${inner}${piece}`;
    }
    lines.push(line);
  } else {
    for (const item of items) lines.push(...prefixed(inner, layout(item, inner, inner.length, 1, st), ","));
  }
  lines.push(`${indent}]`);
  return lines;
}

/** `{` one `key: value,` a line `}` (empty: `{}`). */
function objectLines(entries: ObjectEntry[], indent: string, st: PrintState): string[] {
  if (entries.length === 0) return ["{}"];
  const inner = indent + INDENT;
  const lines = ["{"];
  for (const entry of entries) {
    for (const c of entry.comments ?? []) lines.push(`${inner}// ${c}`);
    // A key narrower than the indent plus three characters never has its value moved (Prettier's hasShortKey).
    lines.push(...prefixed(inner, assignmentLines(`${entry.key}:`, entry.value, inner, 1, entry.key.length < INDENT.length + 3, st), ","));
  }
  lines.push(`${indent}}`);
  return lines;
}

/** `head` before the first line, `end` after the last. */
function prefixed(head: string, lines: string[], end: string): string[] {
  const out = [...lines];
  out[0] = head + out[0];
  out[out.length - 1] += end;
  return out;
}

/**
 * `left value` (`key: value`, `export const X = value`) from the start of a line at `indent`:
 * flat when it fits; else Prettier's layouts: "never-break-after-operator" for a short key,
 * "break-after-operator" for a poorly breakable value (the whole value on the next line),
 * "fluid" otherwise (the value stays when its first piece fits, else the next line).
 */
function assignmentLines(left: string, value: ZodExpr, indent: string, tail: number, shortKey: boolean, st: PrintState): string[] {
  const col = indent.length + left.length + 1;
  if (!hasHardBreak(value) && col + flat(value).length + tail <= PRINT_WIDTH) return [`${left} ${flat(value)}`];
  // The first piece is followed by the tail when nothing in the value can break.
  const piece = firstPiece(value);
  const stays = shortKey || (!isPoorlyBreakable(value) && col + piece.length + (piece === flat(value) ? tail : 0) <= PRINT_WIDTH);
  if (stays) return prefixed(`${left} `, layout(value, indent, col, tail, st), "");
  const inner = indent + INDENT;
  return [left, ...prefixed(inner, layout(value, inner, inner.length, tail, st), "")];
}

/**
 * `export const Name = expr;` (or `export const Name: Annotation = expr;`), laid out as a
 * Prettier assignment. A left side wider than the line stays whole (Prettier does not break a
 * lone name or a one-argument type annotation); the value then starts on the next line.
 */
export function declarationLines(name: string, annotation: string | undefined, e: ZodExpr, st: PrintState): string[] {
  const left = `export const ${name}${annotation ? `: ${annotation}` : ""} =`;
  return prefixed("", assignmentLines(left, e, "", 1, false, st), ";");
}

interface ChainNode {
  /** The head is an identifier (its text); a member is `.name`; a call has its arguments. */
  kind: "head" | "member" | "call";
  text: string;
  args: ZodExpr[];
}

interface Chain {
  nodes: ChainNode[];
  /** Prettier's groups: the head with the calls right after it, then one per member and its calls. */
  groups: ChainNode[][];
  /** A capitalized head (`FooSchema`) keeps its first call on its line: the cutoff is three groups. */
  merged: boolean;
  /** More groups than the cutoff: printed flat, or one call a line. */
  breaksPerCall: boolean;
  /** One call a line whatever the width. */
  expandsAlways: boolean;
}

/** `a.b(x).c(y)` as Prettier's member-chain nodes and groups. */
function analyze(e: ZodExpr): Chain {
  return (cache(e).chain ??= analyzeUncached(e));
}

function analyzeUncached(e: ZodExpr): Chain {
  const nodes: ChainNode[] = [];
  let cur: ZodExpr = e;
  for (;;) {
    if (cur.kind === "call") {
      nodes.unshift({ kind: "call", text: "", args: cur.args });
      cur = cur.callee;
    } else if (cur.kind === "member") {
      nodes.unshift({ kind: "member", text: `.${cur.property}`, args: [] });
      cur = cur.object;
    } else {
      nodes.unshift({ kind: "head", text: flat(cur), args: [] });
      break;
    }
  }
  const groups: ChainNode[][] = [];
  let i = 1;
  const first = [nodes[0]!];
  while (i < nodes.length && nodes[i]!.kind === "call") first.push(nodes[i++]!);
  groups.push(first);
  let current: ChainNode[] = [];
  let seenCall = false;
  for (; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (seenCall && n.kind === "member") {
      groups.push(current);
      current = [];
      seenCall = false;
    }
    if (n.kind === "call") seenCall = true;
    current.push(n);
  }
  if (current.length) groups.push(current);
  // Prettier's isFactory: a capitalized name, or one of only `$` and `_`.
  const merged = groups.length >= 2 && groups[0]!.length === 1 && /^[A-Z]|^[$_]+$/.test(nodes[0]!.text);
  // A call whose callee is not a member access (`openEnum(x)`) is not a member chain at all.
  const breaksPerCall =
    nodes.length > 2 && nodes[1]!.kind === "member"
      ? groups.length > (merged ? 3 : 2)
      : groups.length > (merged ? 3 : 2) && groups[0]!.length < nodes.length;
  const calls = nodes.filter((n) => n.kind === "call");
  const expandsAlways =
    breaksPerCall &&
    ((calls.length > 2 && calls.some((c) => !c.args.every((a) => isSimpleArgument(a)))) ||
      groups.slice(0, -1).some((g) => g.some((n) => n.kind === "call" && callBreaks(n.args))));
  return { nodes, groups, merged, breaksPerCall, expandsAlways };
}

function chainLines(e: ZodExpr, indent: string, col: number, tail: number, st: PrintState): string[] {
  const chain = analyze(e);
  if (!chain.breaksPerCall) return oneLine(chain.nodes, indent, col, tail, st);
  if (!chain.expandsAlways && !hasHardBreak(e) && col + flat(e).length + tail <= PRINT_WIDTH) return [flat(e)];
  // One call a line: the head (and, merged, its first call), then each group one level in.
  const headGroups = chain.merged ? 2 : 1;
  const inner = indent + INDENT;
  const lines = oneLine(chain.groups.slice(0, headGroups).flat(), indent, col, 0, st);
  const rest = chain.groups.slice(headGroups);
  rest.forEach((g, i) => void lines.push(...prefixed(inner, oneLine(g, inner, inner.length, i === rest.length - 1 ? tail : 0, st), "")));
  return lines;
}

/** Chain nodes printed in a row, each call's arguments breaking only when the rest does not fit. */
function oneLine(nodes: ChainNode[], indent: string, col: number, tail: number, st: PrintState): string[] {
  const done: string[] = [];
  let current = "";
  nodes.forEach((n, i) => {
    if (n.kind !== "call") {
      current += n.text;
      return;
    }
    const here = done.length === 0 ? col + current.length : current.length;
    const args = argumentLines(n.args, done.length === 0 ? indent : leadingSpaces(current), here, restWidth(nodes.slice(i + 1), tail), st);
    if (args.length === 1) {
      current += args[0];
      return;
    }
    done.push(current + args[0], ...args.slice(1, -1));
    current = args[args.length - 1]!;
  });
  return [...done, current];
}

/** The width that follows a call up to the next place a line may break: the next call's `(`, else the tail. */
function restWidth(nodes: ChainNode[], tail: number): number {
  let width = 0;
  for (const n of nodes) {
    if (n.kind === "call") {
      if (n.args.length) return width + 1;
      width += 2;
    } else width += n.text.length;
  }
  return width + tail;
}

function leadingSpaces(line: string): string {
  return /^ */.exec(line)![0];
}

/** `(a, b)` flat, hugging its last argument, or one argument a line with a trailing comma. */
function argumentLines(args: ZodExpr[], indent: string, col: number, tail: number, st: PrintState): string[] {
  if (args.length === 0) return ["()"];
  const flatArgs = `(${args.map(flat).join(", ")})`;
  const forced = forcesBrokenArguments(args);
  if (!forced && !args.some(hasHardBreak) && col + flatArgs.length + tail <= PRINT_WIDTH) return [flatArgs];
  const last = args[args.length - 1];
  const before = args.slice(0, -1);
  if (!forced && last && huggable(last, args.length) && !before.some(hasHardBreak)) {
    const head = `(${before.map((a) => `${flat(a)}, `).join("")}`;
    const hugged = last.kind === "object" ? objectLines(last.entries, indent, st) : arrayLines(last.items, indent, st);
    if (col + head.length + 1 <= PRINT_WIDTH) return prefixed(head, hugged, ")");
  }
  const inner = indent + INDENT;
  const lines = ["("];
  for (const a of args) lines.push(...prefixed(inner, layout(a, inner, inner.length, 1, st), ","));
  lines.push(`${indent})`);
  return lines;
}

/** Prettier hugs a last argument that is a non-empty object or array (not an array of numbers after other arguments). */
function huggable(last: ZodExpr, count: number): last is Extract<ZodExpr, { kind: "array" | "object" }> {
  if (last.kind === "object") return last.entries.length > 0;
  if (last.kind !== "array" || last.items.length === 0) return false;
  return !(count > 1 && last.items.length > 1 && last.items.every(isNumber));
}

/**
 * A value Prettier would rather move after `=` or `:` whole than break (its
 * isPoorlyBreakableMemberOrCallChain): calls with no argument or one short one, down to an
 * identifier through member accesses, and not a member chain it breaks one call a line.
 */
function isPoorlyBreakable(e: ZodExpr): boolean {
  if (e.kind !== "call" && e.kind !== "member") return false;
  if (analyze(e).breaksPerCall) return false;
  // Identifiers and strings (with their quotes) up to 20 characters; any number, boolean or null.
  const short = (a: ZodExpr) =>
    (a.kind === "ident" || a.kind === "text") && (flat(a).length <= 20 || (a.kind === "text" && !/^["'/]/.test(a.text)));
  for (let cur: ZodExpr = e; ;) {
    if (cur.kind === "call") {
      if (cur.args.length > 1 || (cur.args.length === 1 && !short(cur.args[0]!))) return false;
      cur = cur.callee;
    } else if (cur.kind === "member") cur = cur.object;
    else return cur.kind === "ident";
  }
}

/** The text of an expression up to the first place Prettier can break it. */
function firstPiece(e: ZodExpr): string {
  switch (e.kind) {
    case "array":
      return e.items.length ? "[" : "[]";
    case "object":
      return e.entries.length ? "{" : "{}";
    case "call":
    case "member": {
      const chain = analyze(e);
      // Broken one call a line, the first piece ends with the head group (and its merged call).
      const upTo = chain.breaksPerCall ? chain.groups.slice(0, chain.merged ? 2 : 1).flat() : chain.nodes;
      let out = "";
      for (const n of upTo) {
        if (n.kind !== "call") out += n.text;
        else if (n.args.length === 0) out += "()";
        else return `${out}(`;
      }
      return out;
    }
    default:
      return flat(e);
  }
}
