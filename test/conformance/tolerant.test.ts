import { describe, expect, it } from "vitest";
import { tolerantModels, typeContradictions } from "./tolerant.js";
import type { Model } from "../../src/ir/types.js";

const src = { file: "", line: 1, col: 1, pointer: "" };
const models = new Map<string, Model>([
  [
    "#/Run",
    {
      id: "#/Run",
      kind: "object",
      nameHint: ["Run"],
      fields: [
        { name: "id", type: { kind: "primitive", type: "string" }, required: true, docs: {}, source: src },
        { name: "object", type: { kind: "literal", value: "thread.run" }, required: true, docs: {}, source: src },
        { name: "tags", type: { kind: "array", items: { kind: "primitive", type: "string" } }, required: false, docs: {}, source: src },
      ],
      docs: {},
      source: src,
    },
  ],
]);
const relaxed = tolerantModels(models);
const judge = (json: unknown) => typeContradictions({ id: "e001", operation: "op", modelId: "#/Run", json } as never, relaxed).map((p) => `${p.pointer} ${p.reason}`);

describe("the judge under tolerant presence", () => {
  it.each([
    { json: {}, want: [] },
    { json: { id: null, object: null }, want: [] },
    { json: { id: 3 }, want: ["/id expected string, found 3"] },
    { json: { object: "thread" }, want: ['/object expected "thread.run", found "thread"'] },
    // Tolerance is for fields: a null array item still breaks the spec.
    { json: { tags: ["a", null] }, want: ["/tags/1 null where the spec does not allow it"] },
  ])("$json -> $want", ({ json, want }) => {
    expect(judge(json)).toEqual(want);
  });

  it("leaves the original models alone", () => {
    expect((models.get("#/Run") as Extract<Model, { kind: "object" }>).fields[0]!.required).toBe(true);
  });
});
