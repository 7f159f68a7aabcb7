// Line layout that matches rustfmt's default output for the few shapes the target writes that
// can grow past its 100-column limit, so generated files are rustfmt-clean without running it.

export const MAX_WIDTH = 100;

/** `use path::{A, B};`, or rustfmt's vertical form when that is too wide. */
export function useList(path: string, names: string[]): string[] {
  if (names.length === 1) return [`use ${path}::${names[0]};`];
  const flat = `use ${path}::{${names.join(", ")}};`;
  if (flat.length <= MAX_WIDTH) return [flat];
  return [`use ${path}::{`, ...wrapList(names, "    "), "};"];
}

/** Items packed on lines of at most MAX_WIDTH columns, comma after each ("mixed" list layout). */
function wrapList(items: string[], indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line} ${item},` : `${indent}${item},`;
    if (line && next.length > MAX_WIDTH) {
      lines.push(line);
      line = `${indent}${item},`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** rustfmt's `attr_fn_like_width`: the widest argument list an attribute keeps on one line. */
export const ATTR_ARGS_WIDTH = 70;

/** `#[serde(a, b)]` at `indent`, or one item per line (no trailing comma) when that is too wide. */
export function serdeAttr(indent: string, items: string[]): string[] {
  if (items.length === 0) return [];
  const args = items.join(", ");
  const flat = `${indent}#[serde(${args})]`;
  if (args.length <= ATTR_ARGS_WIDTH && flat.length <= MAX_WIDTH) return [flat];
  return [`${indent}#[serde(`, ...items.map((item, i) => `${indent}    ${item}${i < items.length - 1 ? "," : ""}`), `${indent})]`];
}
