// Line layout that matches rustfmt's default output for the few shapes the target writes that
// can grow past its 100-column limit, so generated files are rustfmt-clean without running it.

const MAX_WIDTH = 100;

/**
 * `use path::{A, B};`, or rustfmt's wrapped form when that is too wide. (Measured against
 * rustfmt 1.9: a flat import list stays up to 98 columns, a wrapped line up to 99.)
 */
export function useList(path: string, names: string[]): string[] {
  if (names.length === 1) return [`use ${path}::${names[0]};`];
  const flat = `use ${path}::{${names.join(", ")}};`;
  if (flat.length <= MAX_WIDTH - 2) return [flat];
  const oneLine = `    ${names.join(", ")},`;
  if (oneLine.length <= MAX_WIDTH) return [`use ${path}::{`, oneLine, "};"];
  return [`use ${path}::{`, ...wrapList(names, "    "), "};"];
}

/** Items packed on lines of at most 99 columns, comma after each ("mixed" list layout). */
function wrapList(items: string[], indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line} ${item},` : `${indent}${item},`;
    if (line && next.length > MAX_WIDTH - 1) {
      lines.push(line);
      line = `${indent}${item},`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** `pub struct Name {` (or enum), with the brace on its own line when the name is too long. */
export function itemOpen(keyword: string, name: string): string[] {
  const flat = `${keyword} ${name} {`;
  return flat.length <= MAX_WIDTH ? [flat] : [`${keyword} ${name}`, "{"];
}

/** `impl Trait for Name {`, broken before `for` when too wide. */
export function implOpen(head: string, name: string): string[] {
  const flat = `${head} for ${name} {`;
  return flat.length <= MAX_WIDTH ? [flat] : [head, `    for ${name}`, "{"];
}

/** `pub type Name = Type;`, with the type on the next line when too wide. */
export function aliasLines(name: string, type: string): string[] {
  const flat = `pub type ${name} = ${type};`;
  return flat.length <= MAX_WIDTH ? [flat] : [`pub type ${name} =`, `    ${type};`];
}

/**
 * `pub const NAME: &str = "...";` or `pub type Name = Type;` inside a module, as rustfmt lays out an
 * item with a right-hand side: on one line; else the value on the next line, indented once more;
 * else, for a one-argument generic (`Option<T>`), the argument on a line of its own; else the one
 * line, which rustfmt leaves alone when nothing fits. (Measured against rustfmt 1.9.)
 */
export function assignmentLines(indent: string, head: string, value: string): string[] {
  const flat = `${indent}${head} = ${value};`;
  if (flat.length <= MAX_WIDTH) return [flat];
  const next = `${indent}    ${value};`;
  if (next.length <= MAX_WIDTH) return [`${indent}${head} =`, next];
  const generic = /^([A-Za-z_][A-Za-z0-9_:]*)<(.+)>$/.exec(value);
  if (generic && !hasTopLevelComma(generic[2]!)) {
    const argument = `${indent}    ${generic[2]},`;
    if (argument.length <= MAX_WIDTH) return [`${indent}${head} = ${generic[1]}<`, argument, `${indent}>;`];
  }
  return [flat];
}

/** Does a list of generic arguments have more than one (a comma outside any `<>`)? */
function hasTopLevelComma(args: string): boolean {
  let depth = 0;
  for (const ch of args) {
    if (ch === "<") depth++;
    else if (ch === ">") depth--;
    else if (ch === "," && depth === 0) return true;
  }
  return false;
}

/** A tuple variant `Name(Type),`, or rustfmt's broken form when too wide. */
export function tupleVariantLines(indent: string, name: string, type: string): string[] {
  const flat = `${indent}${name}(${type}),`;
  if (flat.length <= MAX_WIDTH) return [flat];
  return [`${indent}${name}(`, `${indent}    ${type},`, `${indent}),`];
}

/** rustfmt's `attr_fn_like_width`: the widest argument list an attribute keeps on one line. */
const ATTR_ARGS_WIDTH = 70;

/** `#[serde(a, b)]` at `indent`, or one item per line (no trailing comma) when that is too wide. */
export function serdeAttr(indent: string, items: string[]): string[] {
  if (items.length === 0) return [];
  const args = items.join(", ");
  const flat = `${indent}#[serde(${args})]`;
  if (args.length <= ATTR_ARGS_WIDTH && flat.length <= MAX_WIDTH) return [flat];
  return [`${indent}#[serde(`, ...items.map((item, i) => `${indent}    ${item}${i < items.length - 1 ? "," : ""}`), `${indent})]`];
}

/**
 * `pub name: Type,`; else the type on the next line; else, for a one-argument generic
 * (`Option<T>`, which every field is under tolerant presence), the argument on a line of its
 * own; else the type on the next line, which rustfmt leaves alone when nothing fits.
 */
export function fieldLines(indent: string, name: string, type: string): string[] {
  const flat = `${indent}pub ${name}: ${type},`;
  if (flat.length <= MAX_WIDTH) return [flat];
  const next = `${indent}    ${type},`;
  if (next.length <= MAX_WIDTH) return [`${indent}pub ${name}:`, next];
  const generic = /^([A-Za-z_][A-Za-z0-9_:]*)<(.+)>$/.exec(type);
  if (generic && !hasTopLevelComma(generic[2]!)) {
    const argument = `${indent}    ${generic[2]},`;
    if (argument.length <= MAX_WIDTH) return [`${indent}pub ${name}: ${generic[1]}<`, argument, `${indent}>,`];
  }
  return [`${indent}pub ${name}:`, next];
}

/**
 * A `match` arm whose body is one expression `head.method(arg)`: on one line; or the body in a
 * block; or, when even that is too wide, the call chain broken before `.method` (in a block
 * when the pattern leaves no room for the head).
 */
export function armLines(indent: string, alternatives: string[], head: string, call: string): string[] {
  const patternLines = armPatternLines(indent, alternatives);
  const above = patternLines.slice(0, -1);
  const pattern = patternLines[patternLines.length - 1]!.slice(indent.length);
  return [...above, ...armBodyLines(indent, pattern, head, call)];
}

/**
 * A match arm's pattern (`"a" | "b"`): on one line when it fits beside ` => {`, else one
 * alternative per line with a leading `| `, as rustfmt breaks a long or-pattern.
 */
export function armPatternLines(indent: string, alternatives: string[]): string[] {
  const flat = `${indent}${alternatives.join(" | ")}`;
  if (flat.length + " => {".length <= MAX_WIDTH) return [flat];
  return alternatives.map((a, i) => `${indent}${i === 0 ? "" : "| "}${a}`);
}

/** `head.call` at `indent`, or broken before `.call` (indented once more) when too wide. */
export function chainLines(indent: string, head: string, call: string): string[] {
  const flat = `${indent}${head}${call}`;
  return flat.length <= MAX_WIDTH ? [flat] : [`${indent}${head}`, `${indent}    ${call}`];
}

function armBodyLines(indent: string, pattern: string, head: string, call: string): string[] {
  const flat = `${indent}${pattern} => ${head}${call},`;
  if (flat.length <= MAX_WIDTH) return [flat];
  const inner = `${indent}    ${head}${call}`;
  if (inner.length <= MAX_WIDTH) return [`${indent}${pattern} => {`, inner, `${indent}}`];
  const start = `${indent}${pattern} => ${head}`;
  if (start.length < MAX_WIDTH) return [start, `${indent}    ${call},`];
  return [`${indent}${pattern} => {`, `${indent}    ${head}`, `${indent}        ${call}`, `${indent}}`];
}

/** `macro!(Name = value);`, broken like rustfmt breaks a long assignment-shaped macro call. */
export function literalMacroLines(macro: string, name: string, value: string): string[] {
  const flat = `${macro}!(${name} = ${value});`;
  if (flat.length <= MAX_WIDTH) return [flat];
  const inner = `    ${name} = ${value}`;
  if (inner.length <= MAX_WIDTH) return [`${macro}!(`, inner, ");"];
  return [`${macro}!(`, `    ${name} =`, `        ${value}`, ");"];
}

/** rustfmt's `fn_call_width` and `array_width`: calls and arrays wider than this are broken up. */
const CALL_WIDTH = 60;
/** rustfmt's `short_array_element_width_threshold`: arrays of elements this short are packed. */
const SHORT_ELEMENT = 10;

/** The closed tagged union's last arm: `_ => return Err(unknown_variant(&tag, &[...])),`. */
export function rejectTagLines(indent: string, tags: string[]): string[] {
  const array = `&[${tags.join(", ")}]`;
  const call = `serde::de::Error::unknown_variant(&tag, ${array})`;
  const flat = `${indent}_ => return Err(${call}),`;
  if (call.length <= CALL_WIDTH && flat.length <= MAX_WIDTH) return [flat];
  const inner = `${indent}        `;
  const arrayLine = `${inner}${array},`;
  let arrayLines: string[];
  if (array.length - 1 <= CALL_WIDTH && arrayLine.length <= MAX_WIDTH) arrayLines = [arrayLine];
  else if (tags.every((t) => t.length <= SHORT_ELEMENT)) arrayLines = [`${inner}&[`, ...wrapList(tags, `${inner}    `), `${inner}],`];
  else arrayLines = [`${inner}&[`, ...tags.map((t) => `${inner}    ${t},`), `${inner}],`];
  return [
    `${indent}_ => {`,
    `${indent}    return Err(serde::de::Error::unknown_variant(`,
    `${inner}&tag,`,
    ...arrayLines,
    `${indent}    ))`,
    `${indent}}`,
  ];
}

/** Templates leave blank lines where optional parts are missing: one blank line at most, one newline at the end. */
export function tidy(text: string): string {
  const collapsed = text.replace(/\n{3,}/g, "\n\n");
  // The trailing newlines found from the end: `/\n*$/` tried a match at every position of the file.
  let end = collapsed.length;
  while (end > 0 && collapsed.charCodeAt(end - 1) === 10) end--;
  // Most files already end in exactly one newline: returned as they are, not copied.
  return end === collapsed.length - 1 ? collapsed : `${collapsed.slice(0, end)}\n`;
}
