// parseSource says whether a YAML anchor is written (the incremental normalizer then builds everything).
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/load/parse-source.js";

describe("hasAnchors", () => {
  it.each([
    ["no anchor", "a:\n  b: 1\n", false],
    ["an ampersand in a string", "a: R&D *bold* text\n", false],
    ["an anchored mapping and its alias", "a: &x\n  b: 1\nc: *x\n", true],
    ["an anchored scalar", "a: &name value\nb: *name\n", true],
    ["an anchor without an alias", "a:\n  b: &only 1\n", true],
    ["JSON", '{"a": {"b": "&x"}}', false],
  ])("%s", (_, text, want) => {
    const parsed = parseSource(text);
    expect(parsed.hasAnchors).toBe(want);
    expect(parsed.text).toBe(text);
  });
});
