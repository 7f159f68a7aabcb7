import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/load/parse-source.js";

describe("parseSource", () => {
  it("resolves anchors, aliases and merge keys", () => {
    const { value } = parseSource(
      [
        "base: &base",
        "  type: string",
        "  description: shared",
        "copy: *base",
        "merged:",
        "  <<: *base",
        "  description: own",
      ].join("\n"),
    );
    const v = value as Record<string, Record<string, unknown>>;
    expect(v.copy).toBe(v.base);
    expect(v.merged).toEqual({ type: "string", description: "own" });
  });

  it("reads JSON too", () => {
    expect(parseSource('{"openapi": "3.1.0", "n": [1, 2.5, null, true]}').value).toEqual({ openapi: "3.1.0", n: [1, 2.5, null, true] });
  });

  it("keeps the position of every container and child", () => {
    const src = parseSource("a:\n  b:\n    c: 1\n  list:\n    - x\n    - y\n");
    const root = src.value as { a: { b: object; list: string[] } };
    const a = src.positions.get(root.a)!;
    expect(src.lineCol(a.children.get("b")!)).toEqual({ line: 3, col: 5 });
    const list = src.positions.get(root.a.list)!;
    expect(src.lineCol(list.children.get("1")!)).toEqual({ line: 6, col: 7 });
  });

  it.each([
    { given: "a: [1, 2", line: 1 },
    { given: "a: 1\nb: : :\n", line: 2 },
    { given: "a: 1\na: 2\n", line: 2 },
    { given: '{"a": 1,, }', line: 1 },
  ])("reports malformed input at its line: $given", ({ given, line }) => {
    expect(() => parseSource(given)).toThrow(expect.objectContaining({ line }));
  });
});
