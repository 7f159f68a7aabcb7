// JSON specs are read by JSON.parse plus a scan for where containers start (src/load/json-starts.ts);
// everything must come out as js-yaml read it before: values, container offsets, and errors.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource, type ParsedSource } from "../../src/load/parse-source.js";
import { jsonContainerStarts, looksLikeJson } from "../../src/load/json-starts.js";
import { OPENAI_SPECS } from "../helpers/generate.js";

/** The same text read through js-yaml: a leading comment line makes it YAML, shifting every offset by its length. */
const COMMENT = "# yaml\n";
function viaYaml(json: string): ParsedSource {
  return parseSource(COMMENT + json);
}

/** Every container of `a` (JSON path) with its offset, checked against the same container of `b` (YAML path). */
function expectSameStarts(json: ParsedSource, yaml: ParsedSource): number {
  let checked = 0;
  const walk = (a: unknown, b: unknown): void => {
    if (a === null || typeof a !== "object") return;
    expect(json.startOf(a)).toBeDefined();
    expect(json.startOf(a)! + COMMENT.length).toBe(yaml.startOf(b as object));
    checked++;
    for (const key of Object.keys(a)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
  };
  walk(json.value, yaml.value);
  return checked;
}

describe("JSON read by JSON.parse", () => {
  const cases: { name: string; text: string }[] = [
    { name: "nested and empty containers", text: '{"a": {"b": [1, {"c": []}, {}]}, "d": [[], [[]]]}' },
    { name: "escaped and odd keys", text: '{"a\\"b": {"x": 1}, "\\u0041": [2], "__proto__": {"p": 3}, "": {"e": 4}, "k\\\\": {"z": 5}}' },
    { name: "strings holding brackets, quotes and backslashes", text: '{"s": "{[\\"]}\\\\", "t": {"u": "\\\\\\"{"}, "v": ["]", "}"]}' },
    {
      name: "numbers and literals",
      text: '{"n": [-0, -0.0, -0e1, 1e5, 1.5E-3, 12345678901234567890, true, false, null], "o": {"p": -1, "z": -0}}',
    },
    { name: "tabs, CRLF and no blanks at all", text: '{\r\n\t"a":\t{"b":[1,2]},\r\n\t"c" :\t[ {"d":null} ]\r\n}\r\n' },
    { name: "an array at the root", text: ' \n[{"a": 1}, [2]]' },
  ];
  it.each(cases)("$name: values and starts as js-yaml reads them", ({ text }) => {
    expect(looksLikeJson(text)).toBe(true);
    const json = parseSource(text);
    const yaml = viaYaml(text);
    expect(json.value).toEqual(yaml.value);
    expect(expectSameStarts(json, yaml)).toBeGreaterThan(1);
  });

  it.each(OPENAI_SPECS.slice(-2))(
    "%s as JSON (indented and compact): the same values and starts",
    (file) => {
      const value = parseSource(readFileSync(file, "utf8")).value;
      for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value)]) {
        const json = parseSource(text);
        expect(json.value).toEqual(value);
        expect(expectSameStarts(json, viaYaml(text))).toBeGreaterThan(10_000);
      }
    },
    60_000,
  );
});

describe("what JSON.parse would read differently goes to js-yaml", () => {
  it("a key written twice: the scan gives up, and js-yaml's error names its line", () => {
    const text = '{\n  "a": 1,\n  "a": 2\n}';
    expect(jsonContainerStarts(text, JSON.parse(text))).toBeUndefined();
    expect(() => parseSource(text)).toThrow(expect.objectContaining({ line: 3, detail: expect.stringMatching(/duplicated mapping key/) }));
  });

  it.each([
    { given: '{"a": 1,, }', line: 1 },
    { given: '{\n  "a": [1, 2\n}', line: 3 },
  ])("malformed JSON is reported by js-yaml at its line: $given", ({ given, line }) => {
    expect(() => parseSource(given)).toThrow(expect.objectContaining({ line }));
  });

  it("YAML flow syntax that is not JSON still reads (unquoted keys, single quotes, comments)", () => {
    expect(parseSource("{a: 1, 'b': [x, y]} # note").value).toEqual({ a: 1, b: ["x", "y"] });
  });

  it("a byte-order mark: read by js-yaml", () => {
    expect(parseSource('\ufeff{"a": {"b": 1}}').value).toEqual({ a: { b: 1 } });
  });

  it.each([
    { given: "openapi: 3.1.0", want: false },
    { given: "# c\n{}", want: false },
    { given: "  {}", want: true },
    { given: "\n[1]", want: true },
  ])("looksLikeJson($given) is $want", ({ given, want }) => expect(looksLikeJson(given)).toBe(want));
});
