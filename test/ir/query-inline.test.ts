// Questions every target asks about the IR, answered in one place (src/ir/query.ts).
import { describe, expect, it } from "vitest";
import { childrenByParent, isInlineEnum } from "../../src/ir/query.js";
import type { Model } from "../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const enumModel = (id: string, parent?: string): Model =>
  ({ id, kind: "enum", valueType: "string", members: [{ value: "a" }], nameHint: [id], docs: {}, source, ...(parent ? { parent } : {}) }) as Model;
const objectModel = (id: string, parent?: string): Model => ({ id, kind: "object", fields: [], nameHint: [id], docs: {}, source, ...(parent ? { parent } : {}) }) as Model;

describe("isInlineEnum: an enum hoisted from an inline schema", () => {
  it.each([
    { name: "a hoisted enum", given: enumModel("#/A/properties/s", "#/A"), want: true },
    { name: "a component enum", given: enumModel("#/Status"), want: false },
    { name: "a hoisted object", given: objectModel("#/A/properties/o", "#/A"), want: false },
    { name: "no model", given: undefined, want: false },
  ])("$name: $want", ({ given, want }) => {
    expect(isInlineEnum(given)).toBe(want);
  });
});

describe("childrenByParent: hoisted models by their parent, in IR order", () => {
  it.each([
    { name: "no hoisted models", given: [objectModel("#/A"), enumModel("#/B")], want: {} },
    {
      name: "children keep IR order, grandchildren sit under their own parent",
      given: [objectModel("#/A"), enumModel("#/A/z", "#/A"), objectModel("#/A/b", "#/A"), enumModel("#/A/b/c", "#/A/b"), objectModel("#/D")],
      want: { "#/A": ["#/A/z", "#/A/b"], "#/A/b": ["#/A/b/c"] },
    },
  ])("$name", ({ given, want }) => {
    const children = childrenByParent(given);
    expect(Object.fromEntries([...children].map(([parent, list]) => [parent, list.map((m) => m.id)]))).toEqual(want);
  });
});
