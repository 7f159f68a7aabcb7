// Line layout for the shapes the Elixir target writes, chosen to print what `mix format` prints
// (98 columns), so the generated project is formatter-stable without running Elixir:
//  - typespecs (unions, lists, maps) break as the formatter breaks them: flat when they fit, else
//    on the next line, else one union member per line with leading bars;
//  - data terms (the `__schema__/0` descriptions) are flat when they fit, else one element per line
//    with the brackets on their own lines, a layout the formatter keeps as written.
import { heredocText } from "./naming.js";

const LINE_WIDTH = 98;

/** A typespec as a tree, so long ones can be broken where the formatter breaks them. */
export type TypeDoc =
  | { kind: "text"; text: string }
  | { kind: "union"; parts: TypeDoc[] }
  | { kind: "list"; item: TypeDoc }
  | { kind: "map"; key: string; value: TypeDoc };

export const text = (t: string): TypeDoc => ({ kind: "text", text: t });

/** A union of parts (nested unions flattened, duplicates dropped); one part is itself, none is `none()`. */
export function union(parts: TypeDoc[]): TypeDoc {
  const flatParts: TypeDoc[] = [];
  const seen = new Set<string>();
  const all = parts.flatMap((x) => (x.kind === "union" ? x.parts : [x]));
  for (let i = 0; i < all.length; i++) {
    const key = flat(all[i]!);
    if (seen.has(key)) continue;
    flatParts.push(all[i]!);
    seen.add(key);
  }
  if (flatParts.length === 0) return text("none()");
  return flatParts.length === 1 ? flatParts[0]! : { kind: "union", parts: flatParts };
}

export function flat(doc: TypeDoc): string {
  switch (doc.kind) {
    case "text":
      return doc.text;
    case "union":
      return doc.parts.map(flat).join(" | ");
    case "list":
      return `[${flat(doc.item)}]`;
    case "map":
      return `%{${doc.key} => ${flat(doc.value)}}`;
  }
}

const fits = (line: string) => line.length <= LINE_WIDTH;

/**
 * Is flat(doc) at most `room` characters? Measured without building it, and only as far as the
 * room (as flatFits does for terms): a type too long was flattened whole at every level it was
 * broken at.
 */
export function flatDocFits(doc: TypeDoc, room: number): boolean {
  return flatDocLength(doc, room) <= room;
}

/** flat(doc).length, or some length above `limit` once it is sure to exceed it. */
function flatDocLength(doc: TypeDoc, limit: number): number {
  switch (doc.kind) {
    case "text":
      return doc.text.length;
    case "list":
      return 2 + flatDocLength(doc.item, limit - 2);
    case "map":
      return doc.key.length + 7 + flatDocLength(doc.value, limit - doc.key.length - 7); // `%{key => value}`
    case "union": {
      let n = Math.max(0, doc.parts.length - 1) * 3; // ` | ` between parts
      for (let i = 0; i < doc.parts.length; i++) {
        if (n > limit) return n;
        n += flatDocLength(doc.parts[i]!, limit - n);
      }
      return n;
    }
  }
}

/**
 * `head type` after a `::`, a `key:` or a `=>` whose line nests at `base`: on one line when it
 * fits; a list or map that does not fit keeps its opening bracket on the head's line (the
 * formatter "hugs" containers); anything else goes on the lines below, two spaces deeper.
 */
function headed(headLine: string, doc: TypeDoc, base: string, suffix: string): string[] {
  if (flatDocFits(doc, LINE_WIDTH - headLine.length - 1 - suffix.length)) return [`${headLine} ${flat(doc)}${suffix}`];
  const inner = `${base}  `;
  switch (doc.kind) {
    case "list":
      return [`${headLine} [`, ...block(doc.item, inner, ""), `${base}]${suffix}`];
    case "map":
      return [`${headLine} %{`, ...headed(`${inner}${doc.key} =>`, doc.value, inner, ""), `${base}}${suffix}`];
    default:
      return [headLine, ...block(doc, inner, suffix)];
  }
}

/** A type starting on its own line at `indent`, followed by `suffix`. */
function block(doc: TypeDoc, indent: string, suffix: string): string[] {
  // A text is written whole even when it does not fit: nothing to break.
  if (doc.kind === "text" || flatDocFits(doc, LINE_WIDTH - indent.length - suffix.length)) return [`${indent}${flat(doc)}${suffix}`];
  const inner = `${indent}  `;
  switch (doc.kind) {
    case "union":
      return doc.parts.flatMap((p, i) => {
        const end = i === doc.parts.length - 1 ? suffix : "";
        if (i === 0) return block(p, indent, end);
        const [first, ...rest] = block(p, inner, end);
        return [`${indent}| ${first!.slice(inner.length)}`, ...rest];
      });
    case "list":
      return [`${indent}[`, ...block(doc.item, inner, ""), `${indent}]${suffix}`];
    case "map":
      return [`${indent}%{`, ...headed(`${inner}${doc.key} =>`, doc.value, inner, ""), `${indent}}${suffix}`];
  }
}

/** `@type t :: ...` / `@spec f(x) :: ...` at module level (`::` nests at eight spaces, as the formatter does). */
export function attributeLines(head: string, doc: TypeDoc): string[] {
  return headed(`  ${head}`, doc, "        ", "");
}

/**
 * `@type t :: %__MODULE__{...}`: flat when it fits, else one field per line at ten spaces, a long
 * field type broken below its key.
 */
export function structTypeLines(fields: { key: string; doc: TypeDoc }[]): string[] {
  return keywordMapTypeLines("@type t ::", "%__MODULE__{", fields);
}

/**
 * `head %{key: type, ...}` (or a struct's `%__MODULE__{`) at module level, laid out as
 * structTypeLines describes; `key` is a keyword key such as `name:`.
 */
export function keywordMapTypeLines(head: string, open: string, fields: { key: string; doc: TypeDoc }[]): string[] {
  if (fields.length === 0) return [`  ${head} ${open}}`];
  // `  head open` + `key type` per field, `, ` between them, `}`: measured before it is built.
  let room = LINE_WIDTH - (3 + head.length + open.length) - 2 * (fields.length - 1) - 1;
  for (let i = 0; i < fields.length; i++) {
    if (room < 0) break;
    room -= fields[i]!.key.length + 1;
    room -= flatDocLength(fields[i]!.doc, room);
  }
  if (room >= 0) return [`  ${head} ${open}${fields.map((f) => `${f.key} ${flat(f.doc)}`).join(", ")}}`];
  const indent = "          ";
  return [
    `  ${head} ${open}`,
    ...fields.flatMap((f, i) => headed(`${indent}${f.key}`, f.doc, indent, i < fields.length - 1 ? "," : "")),
    "        }",
  ];
}

/**
 * An Elixir data term: literal text, or a tuple, list or map of terms. A map entry's `key` is
 * written as given, with its separator: a keyword key (`name:`) or `"200" =>` (never both kinds
 * in one map: Elixir wants keyword keys last).
 */
export type Term = string | { tuple: Term[] } | { list: Term[] } | { map: MapEntry[] };

export interface MapEntry {
  key: string;
  value: Term;
}

export function flatTerm(term: Term): string {
  if (typeof term === "string") return term;
  if ("tuple" in term) return `{${term.tuple.map(flatTerm).join(", ")}}`;
  if ("list" in term) return `[${term.list.map(flatTerm).join(", ")}]`;
  return `%{${term.map.map((e) => `${e.key} ${flatTerm(e.value)}`).join(", ")}}`;
}

/**
 * Is flatTerm(term) at most `room` characters? Measured without building it, and only as far as
 * the room: a term that does not fit is laid out item by item, each measured again, so building
 * the whole flat text at every level cost a pass over the term per level.
 */
export function flatFits(term: Term, room: number): boolean {
  return flatLength(term, room) <= room;
}

/**
 * flatTerm(term).length, or some length above `limit` once it is sure to exceed it. Indexed loops:
 * called for every level of every term, mostly in V8's interpreter, where for-of allocates a step
 * object per item.
 */
function flatLength(term: Term, limit: number): number {
  if (typeof term === "string") return term.length;
  if ("map" in term) {
    const entries = term.map;
    let n = 3 + Math.max(0, entries.length - 1) * 2; // `%{`, `}` and the `, ` between entries
    for (let i = 0; i < entries.length; i++) {
      if (n > limit) return n;
      const e = entries[i]!;
      n += e.key.length + 1 + flatLength(e.value, limit - n - e.key.length - 1);
    }
    return n;
  }
  const items = "tuple" in term ? term.tuple : term.list;
  let n = 2 + Math.max(0, items.length - 1) * 2; // the brackets and the `, ` between items
  for (let i = 0; i < items.length; i++) {
    if (n > limit) return n;
    n += flatLength(items[i]!, limit - n);
  }
  return n;
}

/** A term at `indent`: flat when it fits, else one element per line (the formatter keeps that). */
function termLines(term: Term, indent: string, suffix = ""): string[] {
  if (typeof term === "string") return [`${indent}${term}${suffix}`];
  if (flatFits(term, LINE_WIDTH - indent.length - suffix.length)) return [`${indent}${flatTerm(term)}${suffix}`];
  return brokenLines(term, indent, suffix);
}

/**
 * A tuple, list or map with one element per line and its brackets on their own lines (empty: flat).
 * Built by `out.push(...lines)`, not `[open, ...lines, close]`: in V8's interpreter, where most of
 * the layout runs, a spread inside an array literal steps through the iterator protocol, while a
 * spread call takes a fast path for plain arrays (README "Speed").
 */
function brokenLines(term: Exclude<Term, string>, indent: string, suffix: string): string[] {
  const inner = `${indent}  `;
  const comma = (i: number, n: number) => (i < n - 1 ? "," : "");
  if ("map" in term) {
    const entries = term.map;
    if (entries.length === 0) return [`${indent}%{}${suffix}`];
    const out = [`${indent}%{`];
    for (let i = 0; i < entries.length; i++) out.push(...entryLines(entries[i]!, inner, comma(i, entries.length)));
    out.push(`${indent}}${suffix}`);
    return out;
  }
  const tuple = "tuple" in term;
  const open = tuple ? "{" : "[";
  const close = tuple ? "}" : "]";
  const items = tuple ? term.tuple : term.list;
  if (items.length === 0) return [`${indent}${open}${close}${suffix}`];
  const out = [`${indent}${open}`];
  for (let i = 0; i < items.length; i++) out.push(...termLines(items[i]!, inner, comma(i, items.length)));
  out.push(`${indent}${close}${suffix}`);
  return out;
}

/**
 * One map entry at `indent`, as the formatter prints it: on one line when it fits; else a map or
 * list keeps its opening bracket after the key and is broken (even when it would fit on a line
 * of its own); any other value goes on the next line, two spaces deeper (the formatter would
 * break a long tuple differently; none is written).
 */
function entryLines(entry: MapEntry, indent: string, suffix: string): string[] {
  const head = `${indent}${entry.key}`;
  const { value } = entry;
  if (flatFits(value, LINE_WIDTH - head.length - 1 - suffix.length)) return [`${head} ${flatTerm(value)}${suffix}`];
  const hugs = typeof value !== "string" && ("map" in value ? value.map.length > 0 : "list" in value && value.list.length > 0);
  if (hugs) {
    const lines = brokenLines(value, indent, suffix);
    lines[0] = `${head} ${lines[0]!.slice(indent.length)}`;
    return lines;
  }
  return [head, ...termLines(value, `${indent}  `, suffix)];
}

/** `def name, do: body` when it fits, else `def name do` / body / `end`. */
export function defLines(name: string, body: Term): string[] {
  const head = `  def ${name}, do: `;
  if (flatFits(body, LINE_WIDTH - head.length)) return [`${head}${flatTerm(body)}`];
  return [`  def ${name} do`, ...termLines(body, "    "), "  end"];
}

/** `def head, do: body` when it fits, else the formatter's `def head,` / `    do: body`. */
export function shortDefLines(head: string, body: string): string[] {
  const one = `  def ${head}, do: ${body}`;
  return fits(one) ? [one] : [`  def ${head},`, `    do: ${body}`];
}

/** `@name [...]`: a module attribute holding a list, flat when it fits, else one item per line. */
export function attributeTermLines(name: string, items: Term[]): string[] {
  const head = `  @${name} `;
  if (items.length === 0 || flatFits({ list: items }, LINE_WIDTH - head.length)) return [`${head}${flatTerm({ list: items })}`];
  const out = [`  @${name} [`];
  for (let i = 0; i < items.length; i++) out.push(...termLines(items[i]!, "    ", i < items.length - 1 ? "," : ""));
  out.push("  ]");
  return out;
}

/** `@enforce_keys [...]`, `defstruct [...]`: flat when it fits, else one item per line. */
export function attributeListLines(head: string, items: string[]): string[] {
  const one = `  ${head} [${items.join(", ")}]`;
  if (fits(one) || items.length === 0) return [one];
  return [`  ${head} [`, ...items.map((item, i) => `    ${item}${i < items.length - 1 ? "," : ""}`), "  ]"];
}

/** The body of a `"""` heredoc at two spaces, blank lines left empty (no trailing spaces). */
export function heredocLines(lines: string[]): string[] {
  return lines.map((l) => (l === "" ? "" : `  ${heredocText(l)}`));
}
