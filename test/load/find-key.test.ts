// offsetOf (where `key:` is written in a block mapping) reads the text in place; these tests hold it
// to the slice-and-regex scan it replaced, on every key of an OpenAI spec and on edge cases.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource, type ParsedSource } from "../../src/load/parse-source.js";
import { keySpellings } from "../../src/load/yaml-outline.js";
import { OPENAI_SPECS } from "../helpers/generate.js";

/** The block-mapping scan as it was written before (slices and a regex per line). */
function findKeyBefore(text: string, start: number, key: string): number | undefined {
  const forms = keySpellings(key);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const column = start - lineStart;
  let pos = start;
  for (;;) {
    const rest = text.slice(pos, pos + key.length + 8);
    if (forms.some((f) => rest.startsWith(f) && /^\s*:/.test(rest.slice(f.length)))) return pos;
    let next = text.indexOf("\n", pos);
    for (;;) {
      if (next === -1) return undefined;
      const lineBegin = next + 1;
      const indent = /^[ ]*/.exec(text.slice(lineBegin, lineBegin + column + 1))![0].length;
      const ch = text[lineBegin + indent];
      if (ch === undefined || ch === "\n" || ch === "#" || indent > column) {
        next = text.indexOf("\n", lineBegin);
        continue;
      }
      if (indent < column) return undefined;
      pos = lineBegin + indent;
      break;
    }
  }
}

function offsetBefore(src: ParsedSource, container: object, key: string): number | undefined {
  const at = src.startOf(container);
  return at === undefined ? undefined : (findKeyBefore(src.text, at, key) ?? at);
}

/** Every block mapping of the value with every key it has, plus keys it does not have. */
function* askedKeys(value: unknown, src: ParsedSource): Generator<[object, string]> {
  if (value === null || typeof value !== "object") return;
  const start = src.startOf(value);
  const block = start !== undefined && src.text[start] !== "{" && src.text[start] !== "[";
  if (block && !Array.isArray(value)) {
    for (const key of Object.keys(value)) yield [value, key];
    yield [value, "parameters"];
    yield [value, "no such key"];
  }
  for (const child of Object.values(value)) yield* askedKeys(child, src);
}

describe("offsetOf in a block mapping", () => {
  it("finds every key of an OpenAI spec where the slice-and-regex scan found it", () => {
    const src = parseSource(readFileSync(OPENAI_SPECS[1]!, "utf8"));
    let asked = 0;
    for (const [container, key] of askedKeys(src.value, src)) {
      asked++;
      const got = src.offsetOf(container, key);
      if (got !== offsetBefore(src, container, key)) expect({ key, got }).toEqual({ key, got: offsetBefore(src, container, key) });
    }
    expect(asked).toBeGreaterThan(10_000);
  });

  it.each([
    ["spaces before the colon", "m:\n  a: 1\n  b       : 2\n", "b"],
    ["more spaces than the window holds", "m:\n  a: 1\n  b        : 2\n", "b"],
    ["a quoted key", "m:\n  a: 1\n  \"b\" : 2\n", "b"],
    ["a single-quoted key with a quote", "m:\n  a: 1\n  'it''s': 2\n", "it's"],
    ["a tab before the colon", "m:\n  a: 1\n  b\t: 2\n", "b"],
    ["a key that only starts the same", "m:\n  a: 1\n  bb: 1\n  b: 2\n", "b"],
    ["deeper lines, comments and blank lines", "m:\n  a:\n    b: 1\n\n  # b: no\n     \n  b: 2\n", "b"],
    ["the mapping ends first", "m:\n  a: 1\nb: 2\n", "b"],
    ["a CRLF blank line", "m:\n  a: 1\r\n\r\n  b: 2\r\n", "b"],
    ["the key is the last thing written", "m:\n  a: 1\n  b:", "b"],
    ["the text ends inside the window", "m:\n  a: 1\n  b :", "b"],
    ["nothing after the mapping", "m:\n  a: 1\n", "b"],
  ])("%s", (_, text, key) => {
    const src = parseSource(text);
    const m = (src.value as { m: object }).m;
    expect(src.offsetOf(m, key)).toBe(offsetBefore(src, m, key));
  });

  it("finds a key the window allows and not one it does not", () => {
    const src = parseSource("m:\n  a: 1\n  b       : 2\n  c        : 3\n");
    const m = (src.value as { m: object }).m;
    expect(src.lineCol(src.offsetOf(m, "b")!)).toEqual({ line: 3, col: 3 });
    expect(src.offsetOf(m, "c")).toBe(src.startOf(m));
  });
});
