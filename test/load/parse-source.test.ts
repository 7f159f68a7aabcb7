import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseWithYamlPackage } from "yaml";
import { parseSource } from "../../src/load/parse-source.js";
import { OPENAI_SPECS } from "../helpers/generate.js";

describe("parseSource", () => {
  it("resolves anchors, aliases and merge keys", () => {
    const { value } = parseSource(
      ["base: &base", "  type: string", "  description: shared", "copy: *base", "merged:", "  <<: *base", "  description: own"].join("\n"),
    );
    const v = value as Record<string, Record<string, unknown>>;
    expect(v.copy).toBe(v.base);
    expect(v.merged).toEqual({ type: "string", description: "own" });
  });

  it("reads JSON too", () => {
    expect(parseSource('{"openapi": "3.1.0", "n": [1, 2.5, null, true]}').value).toEqual({ openapi: "3.1.0", n: [1, 2.5, null, true] });
  });

  it("knows where every container and key starts", () => {
    const text = "a:\n  b:\n    c: 1\n    # note\n    d: x\n  list:\n    - x\n    - y\n  flow: { k: v, 'q': 2 }\n";
    const src = parseSource(text);
    const root = src.value as { a: { b: object; list: string[]; flow: object } };
    const at = (o: number | undefined) => src.lineCol(o!);
    expect(at(src.startOf(root.a.b))).toEqual({ line: 3, col: 5 });
    expect(at(src.offsetOf(root.a.b, "d"))).toEqual({ line: 5, col: 5 });
    expect(at(src.offsetOf(root.a, "flow"))).toEqual({ line: 9, col: 3 });
    expect(at(src.startOf(root.a.list))).toEqual({ line: 7, col: 5 });
    expect(at(src.offsetOf(root.a.flow, "q"))).toEqual({ line: 9, col: 17 });
    expect(src.offsetOf(root.a.b, "missing")).toBe(src.startOf(root.a.b));
  });

  it("starts an anchored or tagged container at its first key or item, not at its anchor", () => {
    const text = "a: &base\n  b: 1\n  c: 2\nd: !!map &m\n  # note\n  e: 3\nf: &list\n  - x\ng: *base\n";
    const src = parseSource(text);
    const root = src.value as { a: object; d: object; f: string[]; g: object };
    const at = (o: number | undefined) => src.lineCol(o!);
    expect(at(src.startOf(root.a))).toEqual({ line: 2, col: 3 });
    expect(at(src.offsetOf(root.a, "c"))).toEqual({ line: 3, col: 3 });
    expect(at(src.startOf(root.d))).toEqual({ line: 6, col: 3 });
    expect(at(src.offsetOf(root.d, "e"))).toEqual({ line: 6, col: 3 });
    expect(at(src.startOf(root.f))).toEqual({ line: 8, col: 3 });
    expect(root.g).toBe(root.a);
  });

  it.each([
    { given: "a: [1, 2\nb: 3", line: 2 },
    { given: "a: 1\nb: : :\n", line: 2 },
    { given: "a: 1\na: 2\n", line: 2 },
    { given: '{"a": 1,, }', line: 1 },
  ])("reports malformed input at its line: $given", ({ given, line }) => {
    expect(() => parseSource(given)).toThrow(expect.objectContaining({ line }));
  });

  it.each(OPENAI_SPECS)("reads %s exactly as the yaml package does", (file) => {
    const text = readFileSync(file, "utf8");
    expect(parseSource(text).value).toEqual(parseWithYamlPackage(text, { merge: true, maxAliasCount: -1 }));
  }, 60_000);
});
