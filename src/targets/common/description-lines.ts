// The lines of a description as every language's doc comments take them: line breaks of any kind
// (CRLF, CR) as one, trailing white space cut (what `\s` matches), outer and doubled blank lines
// dropped. Each language then makes the lines safe for its own comment syntax.
// Most descriptions are one line: they skip the splitting (a cache of each text's lines, shared by
// the languages, measured slower than this: hashing every text costs more than splitting the few
// with line breaks again). The texts with line breaks are split once per thread and kept: every
// language asks for the same texts, and splitting them (a replace, a split, a trim per line, a
// filter) was the larger part of this function's time.

/** The lines of `text` (none for undefined or blank text); a fresh array the caller may change. */
export function descriptionLines(text: string | undefined): string[] {
  if (!text) return [];
  if (!text.includes("\n") && !text.includes("\r")) {
    const line = text.trimEnd();
    return line === "" ? [] : [line];
  }
  let lines = splitLines.get(text);
  if (lines === undefined) {
    if (splitLines.size >= SPLIT_LINES_LIMIT) splitLines.clear();
    splitLines.set(text, (lines = split(text)));
  }
  return lines.slice();
}

/** The lines of each text with line breaks, per thread (bounded, for a long `--watch`). */
const splitLines = new Map<string, readonly string[]>();
const SPLIT_LINES_LIMIT = 50_000;

function split(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  while (lines.length && lines[0] === "") lines.shift();
  return lines.filter((l, i) => !(l === "" && lines[i - 1] === ""));
}
