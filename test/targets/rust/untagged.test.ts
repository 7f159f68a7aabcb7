import { describe, expect, it } from "vitest";
import { decodeOrder } from "../../../src/targets/common/untagged-order.js";
import { dispatchArms, isTagged } from "../../../src/targets/rust/unions.js";
import { newUses, type RustTypeContext } from "../../../src/targets/rust/types.js";
import { analyzeRecursion } from "../../../src/targets/rust/recursion.js";
import { collectLiterals } from "../../../src/targets/rust/literals.js";
import { rustNamingRules } from "../../../src/targets/rust/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, IrDocument, Model, TypeExpr, UnionModel } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const field = (name: string, type: TypeExpr, required = true): Field => ({ name, type, required, docs: {}, source });
const str: TypeExpr = { kind: "primitive", type: "string" };
const obj = (id: string, fields: Field[]): Model => ({ id, kind: "object", nameHint: [id.slice(2)], fields, docs: {}, source });
const ref = (target: string): TypeExpr => ({ kind: "ref", target });

const models: Model[] = [
  obj("#/Loose", [field("a", str, false)]),
  obj("#/One", [field("a", str)]),
  obj("#/Two", [field("a", str), field("b", str)]),
  obj("#/Tagged", [field("type", { kind: "literal", value: "t" }), field("a", str)]),
  { id: "#/Status", kind: "enum", valueType: "string", nameHint: ["Status"], members: [{ value: "a" }], docs: {}, source },
  { id: "#/Level", kind: "enum", valueType: "integer", nameHint: ["Level"], members: [{ value: 1 }], docs: {}, source },
  { id: "#/Alias", kind: "alias", nameHint: ["Alias"], type: { kind: "primitive", type: "integer" }, docs: {}, source },
  // Aliases that come back inside their own type (failure-classes.yaml): `Nested = Vec<Vec<Nested>>`,
  // and `Codec = BTreeMap<String, CodecList>` with `CodecList = Vec<Codec>`.
  { id: "#/Nested", kind: "alias", nameHint: ["Nested"], type: { kind: "array", items: { kind: "array", items: { kind: "ref", target: "#/Nested" } } }, docs: {}, source },
  { id: "#/Codec", kind: "alias", nameHint: ["Codec"], type: { kind: "map", values: { kind: "ref", target: "#/CodecList" } }, docs: {}, source },
  { id: "#/CodecList", kind: "alias", nameHint: ["CodecList"], type: { kind: "array", items: { kind: "ref", target: "#/Codec" } }, docs: {}, source },
];
const index = indexModels(models);
/** The order serde tries the variants in: `Vec<u8>` (format: binary) reads an array of integers. */
const untaggedOrder = (variants: TypeExpr[], models: typeof index, openEnums: boolean) =>
  decodeOrder(variants, models, { openEnums, bytesAreArrays: true });

describe("untagged variant order", () => {
  it.each<{ name: string; given: TypeExpr[]; want: number[]; open?: boolean }>([
    { name: "literal before string", given: [str, { kind: "literal", value: "auto" }], want: [1, 0] },
    { name: "open enum before string", given: [str, ref("#/Status")], want: [1, 0] },
    { name: "closed enum before string", given: [str, ref("#/Status")], want: [1, 0], open: false },
    { name: "integer before number", given: [{ kind: "primitive", type: "number" }, ref("#/Alias")], want: [1, 0] },
    { name: "closed integer enum before integer", given: [{ kind: "primitive", type: "integer" }, ref("#/Level")], want: [1, 0], open: false },
    { name: "objects by tag, then required fields; loose objects, maps, anything last", given: [{ kind: "unknown" }, { kind: "map", values: str }, ref("#/Loose"), ref("#/One"), ref("#/Two"), ref("#/Tagged")], want: [5, 4, 3, 2, 1, 0] },
    { name: "ties keep the spec's order", given: [str, str], want: [0, 1] },
    { name: "arrays by their items", given: [{ kind: "array", items: str }, { kind: "array", items: { kind: "primitive", type: "integer" } }], want: [1, 0] },
    {
      // `Vec<u8>` reads an array of integers: tried with the arrays, before other integer arrays, after arrays of bytes
      name: "bytes (format: binary) are an array of small integers",
      given: [str, { kind: "array", items: { kind: "primitive", type: "integer" } }, { kind: "primitive", type: "string", format: "binary" }, { kind: "array", items: { kind: "primitive", type: "string", format: "binary" } }],
      want: [3, 2, 1, 0],
    },
  ])("$name", ({ given, want, open }) => {
    expect(untaggedOrder(given, index, open ?? true)).toEqual(want);
  });

  it("ranks aliases that refer to themselves (it used to recurse until the stack overflowed)", () => {
    // Nested reads only arrays: before a string; CodecList is an array, Codec a map: after it.
    expect(untaggedOrder([str, ref("#/Nested")], index, true)).toEqual([1, 0]);
    expect(untaggedOrder([ref("#/Codec"), str, ref("#/CodecList")], index, true)).toEqual([2, 1, 0]);
  });
});

describe("tagged union dispatch", () => {
  const variants: Model[] = [
    obj("#/Easy", [field("type", { kind: "literal", value: "message" }), field("content", str)]),
    obj("#/Output", [field("type", { kind: "literal", value: "message" }), field("id", str), field("content", str)]),
    obj("#/Call", [field("type", { kind: "literal", value: "function_call" })]),
  ];
  const u: UnionModel = {
    id: "#/Item",
    kind: "union",
    combinator: "oneOf",
    nameHint: ["Item"],
    variants: [
      { type: ref("#/Easy"), tags: ["message"] },
      { type: ref("#/Output"), tags: ["message"] },
      { type: ref("#/Call"), tags: ["function_call", "custom_call"] },
    ],
    discriminator: { property: "type", origin: "declared" },
    docs: {},
    source,
  };
  const all = [...variants, u];
  const ir: IrDocument = { irVersion: 1, spec: { file: "x", openapi: "3.1.0" }, models: all, report: [] };
  const ctx: RustTypeContext = { models: indexModels(all), names: assignNames(ir, rustNamingRules), literals: collectLiterals(ir), recursion: analyzeRecursion(indexModels(all)), owner: u.id, uses: newUses() };

  it("is tagged only when every variant has a tag", () => {
    expect(isTagged(u)).toBe(true);
    expect(isTagged({ ...u, variants: [...u.variants, { type: str }] })).toBe(false);
  });

  it("tries variants that share a tag most specific first, one arm per tag set", () => {
    const arms = dispatchArms(u, ctx, ["Message", "Message2", "FunctionCall"], true);
    expect(arms.map((a) => ({ openLines: a.openLines, attempts: a.attempts, last: a.last, lastLines: a.lastLines }))).toEqual([
      { openLines: ['            "message" => {'], attempts: ["Message2"], last: "Message", lastLines: ["                serde_support::variant(value).map(Self::Message)"] },
      { openLines: ['            "function_call" | "custom_call" => {'], attempts: [], last: "FunctionCall", lastLines: ["                serde_support::variant(value).map(Self::FunctionCall)"] },
    ]);
    expect(arms[0]!.lines).toEqual(['            "message" => serde_support::variant(value).map(Self::Message),']);
  });
});
