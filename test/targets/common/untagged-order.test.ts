// The order an untagged union tries its variants in, in Rust (serde's untagged) and in the zod
// schemas (z.union): the first variant that decodes wins, so the variant that accepts less goes
// first, and both languages must pick the same one: they share one function.
import { describe, expect, it } from "vitest";
import { decodeOrder } from "../../../src/targets/common/untagged-order.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, Model, TypeExpr } from "../../../src/ir/types.js";
import { alias, arr, dict, enumOf, ref, str, union } from "../../ir/graph-fixtures.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const literal = (value: string): TypeExpr => ({ kind: "literal", value });
const field = (name: string, type: TypeExpr, required: boolean): Field => ({ name, type, required, docs: {}, source });
const object = (id: string, ...fields: Field[]): Model => ({ id, kind: "object", fields, nameHint: [id], docs: {}, source });

const models = indexModels([
  object("Tagged", field("type", literal("t"), true), field("a", str, true)),
  object("Two", field("a", str, true), field("b", str, true)),
  object("One", field("a", str, true), field("b", str, false)),
  object("Loose", field("a", str, false)),
  enumOf("Status", "a", "b"),
  { ...enumOf("Level"), valueType: "integer", members: [{ value: 1 }] } as Model,
  alias("Count", { kind: "primitive", type: "integer" }),
  alias("Loop", arr(ref("Loop"))),
  alias("Itself", ref("Itself")),
  union("Inner", ref("Two"), str),
]);

/** The variants the cases pick from, by a short name. */
const VARIANTS: Record<string, TypeExpr> = {
  literal: literal("x"),
  tagged: ref("Tagged"),
  two: ref("Two"),
  one: ref("One"),
  loose: ref("Loose"),
  strings: arr(str),
  status: ref("Status"),
  level: ref("Level"),
  boolean: { kind: "primitive", type: "boolean" },
  integer: { kind: "primitive", type: "integer" },
  count: ref("Count"),
  number: { kind: "primitive", type: "number" },
  string: str,
  map: dict(str),
  any: { kind: "unknown" },
  loop: ref("Loop"),
  itself: ref("Itself"),
  inner: ref("Inner"),
};

describe("untagged variant order (Rust and zod agree)", () => {
  it.each<{ name: string; given: string[]; openEnums: boolean; want: string[] }>([
    {
      name: "every kind, closed enums",
      given: ["any", "map", "loose", "string", "number", "integer", "boolean", "level", "status", "strings", "one", "two", "tagged", "literal"],
      openEnums: false,
      want: ["literal", "tagged", "two", "one", "strings", "status", "level", "boolean", "integer", "number", "string", "loose", "map", "any"],
    },
    {
      name: "open enums come after numbers (a string enum) or with integers (an integer enum)",
      given: ["string", "status", "number", "level", "integer", "boolean"],
      openEnums: true,
      want: ["boolean", "level", "integer", "number", "status", "string"],
    },
    { name: "ties keep the spec's order", given: ["one", "string", "one"], openEnums: false, want: ["one", "one", "string"] },
    { name: "an alias ranks as what it stands for", given: ["number", "count"], openEnums: false, want: ["count", "number"] },
    { name: "an alias that is itself accepts anything", given: ["itself", "map"], openEnums: false, want: ["map", "itself"] },
    { name: "an alias of an array of itself ranks as an array", given: ["map", "loop"], openEnums: false, want: ["loop", "map"] },
    { name: "an untagged union ranks as its most accepting variant", given: ["inner", "number"], openEnums: false, want: ["number", "inner"] },
    { name: "more required fields first", given: ["one", "two"], openEnums: false, want: ["two", "one"] },
    { name: "a required literal (a tag) before more required fields", given: ["two", "tagged"], openEnums: false, want: ["tagged", "two"] },
  ])("$name", ({ given, openEnums, want }) => {
    const order = decodeOrder(
      given.map((n) => VARIANTS[n]!),
      models,
      { openEnums, bytesAreArrays: false },
    );
    expect(order.map((i) => given[i])).toEqual(want);
  });
});
