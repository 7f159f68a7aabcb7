// `.inf`, `.nan` and floats too large for a double are YAML (js-yaml's core schema reads them) but
// not JSON: the loader refuses them where they are written, whichever reader met them (block-yaml,
// js-yaml, JSON.parse, a leaf read alone), instead of an IR, snapshot and caches that would hold
// `null` for them (JSON all) and a target that cannot write them.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LeafCacheFile } from "../../src/load/leaf-cache.js";
import { ParseFailure, parseSource } from "../../src/load/parse-source.js";

/** What parseSource throws for `text`, as line, column, message and whether it calls the text malformed. */
function failure(parse: () => unknown): { line: number; col: number; detail: string; malformed: boolean } | undefined {
  try {
    parse();
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    return { line: e.line, col: e.col, detail: e.detail, malformed: e.malformed };
  }
  return undefined;
}

const REFUSED = /^`(?<written>[^`]+)` reads as (?<value>-?Infinity|NaN), a number JSON cannot hold: OpenAPI documents are limited to JSON's values/;

describe("numbers JSON cannot hold", () => {
  it.each([
    { name: "`.inf` as a keyword's value", text: "a:\n  maximum: .inf\n", line: 2, col: 12, written: ".inf", value: "Infinity" },
    { name: "`-.Inf` in a flow sequence", text: "a:\n  enum: [1, -.Inf]\n", line: 2, col: 13, written: "-.Inf", value: "-Infinity" },
    { name: "`.NaN` in a block sequence", text: "a:\n  b:\n    - 1\n    - .NaN\n", line: 4, col: 7, written: ".NaN", value: "NaN" },
    { name: "a float too large for a double", text: "a:\n  const: 1e999\n", line: 2, col: 10, written: "1e999", value: "Infinity" },
    { name: "`.inf` where js-yaml reads the text (an anchor)", text: "a: &x\n  k: 1\nb: *x\nc: .inf\n", line: 4, col: 4, written: ".inf", value: "Infinity" },
    { name: "a JSON number too large for a double", text: '{\n  "a": {"maximum": 1e999}\n}\n', line: 2, col: 20, written: "1e999", value: "Infinity" },
  ])("$name: refused at its place, not called malformed", ({ text, line, col, written, value }) => {
    const got = failure(() => parseSource(text));
    expect(got).toMatchObject({ line, col, malformed: false });
    expect(got!.detail).toMatch(REFUSED);
    expect(got!.detail.match(REFUSED)!.groups).toEqual({ written, value });
  });

  it("a number JSON holds is read as before (large, small, negative zero's neighbours)", () => {
    expect(parseSource("a: [1e308, -1e308, 5e-324, .5, -0.0, 0x1F]\n").value).toEqual({ a: [1e308, -1e308, 5e-324, 0.5, -0, 31] });
    expect(parseSource('{"a": [1e308, 5e-324]}').value).toEqual({ a: [1e308, 5e-324] });
  });

  it("a key that reads as `.inf` is refused too (js-yaml would make it the key `Infinity`)", () => {
    expect(failure(() => parseSource("a:\n  .inf: 1\n"))).toMatchObject({ line: 2, col: 3, malformed: false });
  });

  it("an edit bringing `.inf` into a spec whose leaves a previous run kept is refused at the document's line", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "not-json-number-"));
    const text = "a:\n  type: number\nb:\n  type: string\n";
    const first = LeafCacheFile.open(dir, "/specs/one.yaml");
    parseSource(text, first, 0);
    await first.save();
    const again = LeafCacheFile.open(dir, "/specs/one.yaml");
    expect(again.size).toBeGreaterThan(0);
    const edited = text.replace("b:\n  type: string\n", "b:\n  type: number\n  maximum: .inf\n");
    expect(failure(() => parseSource(edited, again, 0))).toMatchObject({ line: 5, col: 12, malformed: false });
  });
});
