// Exact structural equality between an old and a new model (names and docs aside): what lets the
// diff follow a reference to an inline schema that moved into a component. And how alike two
// model names are, which pairs renamed models.
import { describe, expect, it } from "vitest";
import { ShapeEquality } from "../../src/diff/shape.js";
import { DiffContext } from "../../src/diff/context.js";
import { nameSimilarity } from "../../src/diff/match.js";
import { indexModels } from "../../src/ir/query.js";
import type { Model, TypeExpr } from "../../src/ir/types.js";
import { alias, arr, dict, enumOf, obj, ref, str, union } from "../ir/graph-fixtures.js";

const int: TypeExpr = { kind: "primitive", type: "integer" };
const formatted = (format: string): TypeExpr => ({ kind: "primitive", type: "string", format });
const optional = (m: Model): Model => (m.kind === "object" ? { ...m, fields: m.fields.map((f) => ({ ...f, required: false })) } : m);

function equal(oldModels: Model[], newModels: Model[], pairs: [string, string][] = []): ShapeEquality {
  const matching = { oldToNew: new Map(pairs), newToOld: new Map(pairs.map(([a, b]) => [b, a])), renamed: [], removed: [], added: [] };
  return new ShapeEquality(new DiffContext(indexModels(oldModels), indexModels(newModels), matching));
}

describe("ShapeEquality.models", () => {
  it.each<{ name: string; old: Model; new_: Model; want: boolean }>([
    { name: "the same object under another name", old: obj("Old", str, int), new_: obj("New", str, int), want: true },
    { name: "a field of another type", old: obj("Old", str), new_: obj("New", int), want: false },
    { name: "one field more", old: obj("Old", str), new_: obj("New", str, str), want: false },
    { name: "a field no longer required", old: obj("Old", str), new_: optional(obj("New", str)), want: false },
    { name: "nullable on one side only", old: alias("Old", str), new_: alias("New", str, true), want: false },
    { name: "an alias of the same type", old: alias("Old", arr(str)), new_: alias("New", arr(str)), want: true },
    { name: "an alias of a map against an array", old: alias("Old", dict(str)), new_: alias("New", arr(str)), want: false },
    { name: "enums with the same values in another order", old: enumOf("Old", "a", "b"), new_: enumOf("New", "b", "a"), want: true },
    { name: "enums with another value", old: enumOf("Old", "a", "b"), new_: enumOf("New", "a", "c"), want: false },
    { name: "unions with the same variants", old: union("Old", str, int), new_: union("New", str, int), want: true },
    { name: "unions with variants reordered", old: union("Old", str, int), new_: union("New", int, str), want: false },
    { name: "an object against an alias", old: obj("Old", str), new_: alias("New", str), want: false },
    { name: "another default", old: { ...alias("Old", str), default: "a" } as Model, new_: { ...alias("New", str), default: "b" } as Model, want: false },
    {
      name: "extra keys of the same type",
      old: { ...obj("Old"), additionalProperties: str } as Model,
      new_: { ...obj("New"), additionalProperties: str } as Model,
      want: true,
    },
    { name: "extra keys on one side only", old: { ...obj("Old"), additionalProperties: str } as Model, new_: obj("New"), want: false },
  ])("$name", ({ old, new_, want }) => {
    expect(equal([old], [new_]).models(old.id, new_.id)).toBe(want);
  });

  it("follows references into models of the same shape", () => {
    const shapes = equal([obj("A", ref("B")), obj("B", str)], [obj("A2", ref("B2")), obj("B2", str)]);
    expect(shapes.models("A", "A2")).toBe(true);
    const different = equal([obj("A", ref("B")), obj("B", str)], [obj("A2", ref("B2")), obj("B2", int)]);
    expect(different.models("A", "A2")).toBe(false);
  });

  it("takes a cycle as equal on its second visit", () => {
    const shapes = equal([obj("Tree", arr(ref("Tree")), str)], [obj("Node", arr(ref("Node")), str)]);
    expect(shapes.models("Tree", "Node")).toBe(true);
  });

  it("takes paired models as equal whatever their shape", () => {
    expect(equal([obj("A", str)], [obj("A", int)], [["A", "A"]]).models("A", "A")).toBe(true);
  });

  it("a model missing on either side is not equal", () => {
    expect(equal([obj("A", str)], []).models("A", "A")).toBe(false);
  });
});

describe("ShapeEquality.types", () => {
  const shapes = equal([], []);
  it.each<{ name: string; a: TypeExpr; b: TypeExpr; want: boolean }>([
    { name: "the same primitive", a: str, b: { kind: "primitive", type: "string" }, want: true },
    { name: "another format", a: formatted("date"), b: formatted("date-time"), want: false },
    { name: "no format and an empty one", a: str, b: formatted(""), want: true },
    { name: "another literal", a: { kind: "literal", value: "a" }, b: { kind: "literal", value: "b" }, want: false },
    { name: "unknown and unknown", a: { kind: "unknown" }, b: { kind: "unknown" }, want: true },
    { name: "other constraints", a: { ...str, constraints: { maxLength: 3 } }, b: { ...str, constraints: { maxLength: 4 } }, want: false },
    { name: "no constraints and empty ones", a: str, b: { ...str, constraints: {} }, want: true },
    { name: "arrays of different items", a: arr(str), b: arr(int), want: false },
    { name: "nullable on one side", a: str, b: { ...str, nullable: true }, want: false },
  ])("$name", ({ a, b, want }) => {
    expect(shapes.types(a, b)).toBe(want);
  });
});

describe("nameSimilarity", () => {
  it.each([
    { a: "Run", b: "Run", want: 1 },
    { a: "run", b: "RUN", want: 1 },
    { a: "abc", b: "xyz", want: 0 },
    // Dice over letter pairs: "night" and "nacht" share only "ht".
    { a: "night", b: "nacht", want: 0.25 },
    // A name inside the other counts as similar (at least 0.6).
    { a: "Wait", b: "WaitParam", want: 0.6 },
    { a: "RunObject", b: "Run", want: 0.6 },
    // Too short for the inside rule.
    { a: "ab", b: "abc", want: 2 / 3 },
    { a: "a", b: "a", want: 1 },
    { a: "a", b: "b", want: 0 },
  ])("$a ~ $b", ({ a, b, want }) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(want, 10);
  });
});
