// The lines of a description as every language's doc comments take them: line breaks of any kind
// (CRLF, CR) as one, trailing white space cut (what `\s` matches), outer and doubled blank lines
// dropped. Each language then makes the lines safe for its own comment syntax.
//
// Every language writes the same descriptions, and a spec repeats many (a parameter's or a shared
// field's): the lines of each text are worked out once per thread (bounded, for a long `--watch`).
// Most descriptions are one line: they skip the splitting.

const known = new Map<string, readonly string[]>();
const KNOWN_LIMIT = 50_000;

/** The lines of `text` (none for undefined or blank text); a fresh array the caller may change. */
export function descriptionLines(text: string | undefined): string[] {
  if (!text) return [];
  let lines = known.get(text);
  if (lines === undefined) {
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(text, (lines = split(text)));
  }
  return lines.slice();
}

function split(text: string): string[] {
  if (!text.includes("\n") && !text.includes("\r")) {
    const line = text.trimEnd();
    return line === "" ? [] : [line];
  }
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  while (lines.length && lines[0] === "") lines.shift();
  return lines.filter((l, i) => !(l === "" && lines[i - 1] === ""));
}
