// The documents of a multi-file spec are listed root first, then by path in code-unit order, the
// same on every machine: a locale's collation would put `a.yaml` before `B.yaml` on one machine and
// after it on another, and the order reaches the models hoisted from other files.
import { describe, expect, it } from "vitest";
import { SpecSet } from "../../src/load/loader.js";

const FILES: Record<string, string> = {
  "/spec/root.yaml": [
    "openapi: 3.0.3",
    "info: { title: T, version: '1' }",
    "paths: {}",
    "components:",
    "  schemas:",
    "    A: { $ref: 'a.yaml#/A' }",
    "    B: { $ref: 'B.yaml#/B' }",
    "    U: { $ref: '_under.yaml#/U' }",
    "    Z: { $ref: 'z/deep.yaml#/Z' }",
  ].join("\n"),
  "/spec/a.yaml": "A: { type: string }",
  "/spec/B.yaml": "B: { type: string }",
  "/spec/_under.yaml": "U: { type: string }",
  "/spec/z/deep.yaml": "Z: { type: string }",
};

describe("SpecSet.documents()", () => {
  it("lists the root first, then the other files in code-unit order of their paths", () => {
    const specs = new SpecSet("/spec/root.yaml", (p) => {
      const text = FILES[p];
      if (text === undefined) throw new Error(`no file ${p}`);
      return text;
    });
    for (const name of ["A", "B", "U", "Z"]) {
      const ref = (specs.root.value as { components: { schemas: Record<string, { $ref: string }> } }).components.schemas[name]!;
      specs.resolve(ref.$ref, specs.root, ref, `/components/schemas/${name}`);
    }
    // Code-unit order: upper case before `_`, `_` before lower case (a collation would give a, B, _under, z).
    expect(specs.documents().map((d) => d.file)).toEqual(["root.yaml", "B.yaml", "_under.yaml", "a.yaml", "z/deep.yaml"]);
  });
});
