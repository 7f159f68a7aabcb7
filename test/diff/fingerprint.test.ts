// The coarse structural fingerprint that pairs a removed model with an added one as a rename:
// names, docs and constraints aside, fields by name, references followed three levels deep (or
// written as an id when the model exists on both sides).
import { describe, expect, it } from "vitest";
import { Fingerprints, isSubstantial } from "../../src/diff/fingerprint.js";
import { indexModels } from "../../src/ir/query.js";
import type { Field, Model, TypeExpr } from "../../src/ir/types.js";
import { alias, arr, dict, enumOf, obj, ref, str, union } from "../ir/graph-fixtures.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const field = (name: string, type: TypeExpr, required: boolean): Field => ({ name, type, required, docs: {}, source });
const int: TypeExpr = { kind: "primitive", type: "integer" };

const models = indexModels([
  obj("A", str),
  { ...obj("Named"), fields: [field("b", int, false), field("a", str, true)], docs: { description: "ignored" } } as Model,
  alias("List", arr(str), true),
  enumOf("E", "b", "a"),
  union("U", str, ref("A")),
  union("Anchored", ref("A"), ref("Shared")),
  obj("Shared", str),
  obj("C1", ref("C2")),
  obj("C2", ref("C3")),
  obj("C3", ref("C4")),
  obj("C4", ref("C5")),
  obj("C5"),
  obj("Tree", arr(ref("Tree"))),
  alias("Kinds", dict({ kind: "primitive", type: "string", format: "date", nullable: true })),
  obj("Misc", { kind: "literal", value: "x" }, { kind: "unknown" }, ref("Nowhere")),
  { ...obj("Bag"), additionalProperties: int } as Model,
]);
const fingerprints = new Fingerprints(models, new Set(["Shared"]));

describe("Fingerprints.of", () => {
  it.each([
    { id: "A", want: 'obj{"f0"!:string}' },
    { id: "Named", want: 'obj{"a"!:string,"b":integer}' },
    { id: "List", want: "alias?([string])" },
    { id: "E", want: 'enum("a","b")' },
    { id: "U", want: 'oneOf(string|(obj{"f0"!:string}))' },
    { id: "Anchored", want: 'oneOf((obj{"f0"!:string})|@Shared)' },
    { id: "C1", want: 'obj{"f0"!:(obj{"f0"!:(obj{"f0"!:(obj{"f0"!:#object})})})}' },
    { id: "Tree", want: 'obj{"f0"!:[(obj{"f0"!:[(obj{"f0"!:[(obj{"f0"!:[#object]})]})]})]}' },
    { id: "Kinds", want: "alias({string/date?})" },
    { id: "Misc", want: 'obj{"f0"!:="x","f1"!:any,"f2"!:(missing)}' },
    { id: "Bag", want: "obj{,*:integer}" },
    { id: "Nowhere", want: "missing" },
  ])("$id", ({ id, want }) => {
    expect(fingerprints.of(id)).toBe(want);
  });

  it("is the same for the same shape under other names and docs", () => {
    const renamed = new Fingerprints(indexModels([{ ...obj("Other", str), docs: { title: "T" }, nameHint: ["Other"] } as Model]), new Set());
    expect(renamed.of("Other")).toBe(fingerprints.of("A"));
  });
});

describe("isSubstantial", () => {
  it.each<{ name: string; model: Model; want: boolean }>([
    { name: "an object of two fields", model: obj("O", str, str), want: true },
    { name: "an object of one field", model: obj("O", str), want: false },
    { name: "an enum of two values", model: enumOf("E", "a", "b"), want: true },
    { name: "an enum of one value", model: enumOf("E", "a"), want: false },
    { name: "a union of two variants", model: union("U", str, int), want: true },
    { name: "a union of one variant", model: union("U", str), want: false },
    { name: "an alias", model: alias("N", arr(str)), want: false },
  ])("$name", ({ model, want }) => {
    expect(isSubstantial(model)).toBe(want);
  });
});
