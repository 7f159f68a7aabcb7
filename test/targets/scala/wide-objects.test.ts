import { describe, expect, it } from "vitest";
import { MAX_PARAMETER_SLOTS, parameterSlots, partsOf } from "../../../src/targets/scala/wide-objects.js";
import { fieldShape, type ScalaTypeContext } from "../../../src/targets/scala/types.js";
import { objectView } from "../../../src/targets/scala/objects.js";
import { codecContext, type FileScope } from "../../../src/targets/scala/scope.js";
import { mappingsOf } from "../../../src/targets/mappings.js";
import { assignNames } from "../../../src/naming/assign.js";
import { scalaNamingRules } from "../../../src/targets/scala/naming.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, IrDocument, Model, ObjectModel, TypeExpr } from "../../../src/ir/types.js";

const src = { file: "", line: 1, col: 1, pointer: "" };
const field = (name: string, type: TypeExpr, required = true): Field => ({ name, type, required, docs: {}, source: src });
const integer: TypeExpr = { kind: "primitive", type: "integer" };
const text: TypeExpr = { kind: "primitive", type: "string" };
const model = (id: string, fields: Field[], extra: Partial<ObjectModel> = {}): ObjectModel => ({
  id,
  kind: "object",
  nameHint: [id.slice(2)],
  fields,
  docs: {},
  source: src,
  ...extra,
});

function scopeOf(models: Model[], mapped: Record<string, string> = {}, types: Record<string, string> = {}): FileScope {
  const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, report: [], models };
  const children = new Map<string, Model[]>();
  for (const m of models) if (m.parent) children.set(m.parent, [...(children.get(m.parent) ?? []), m]);
  return {
    models: indexModels(ir.models),
    names: assignNames(ir, scalaNamingRules),
    options: { package: "acme.models", unknownEnumValues: "keep", unknownUnionTags: "keep" },
    presence: "lenient",
    children,
    multipartBodies: new Set(),
    imports: new Set(),
    mappings: mappingsOf({ types }, mapped),
  };
}

describe("Scala wide objects: the parameter slots a field takes", () => {
  const alias: Model = { id: "#/Stamp", kind: "alias", nameHint: ["Stamp"], type: integer, docs: {}, source: src };
  const target = model("#/Pet", []);
  const mappedModel = model("#/Money", []);
  const scope = scopeOf([alias, target, mappedModel], { "#/Money": "com.acme.Money" }, { "date-time": "native", uuid: "com.acme.Id" });
  const ctx: ScalaTypeContext = codecContext(scope, new Set());
  const cases: [string, Field, 1 | 2][] = [
    ["a required Long", field("a", integer), 2],
    ["a required Double", field("a", { kind: "primitive", type: "number" }), 2],
    ["a required Int", field("a", { kind: "primitive", type: "integer", format: "int32" }), 1],
    ["a required BigInt", field("a", { kind: "primitive", type: "integer", format: "uint64" }), 1],
    ["an optional Long (boxed in an Option)", field("a", integer, false), 1],
    ["a required nullable Long (an Option)", field("a", { ...integer, nullable: true }), 1],
    ["a numeric constant", field("a", { kind: "literal", value: 3 }), 2],
    ["a string constant", field("a", { kind: "literal", value: "x" }), 1],
    ["a required alias of a Long", field("a", { kind: "ref", target: "#/Stamp" }), 2],
    ["a required model", field("a", { kind: "ref", target: "#/Pet" }), 1],
    ["a model mapped to the user's type (maybe a value class)", field("a", { kind: "ref", target: "#/Money" }), 2],
    ["a format mapped to a JDK type", field("a", { kind: "primitive", type: "string", format: "date-time" }), 1],
    ["a format mapped to the user's type", field("a", { kind: "primitive", type: "string", format: "uuid" }), 2],
    ["a list of Longs", field("a", { kind: "array", items: integer }), 1],
  ];
  it.each(cases)("%s", (_, f, want) => {
    expect(parameterSlots(f, fieldShape(f, ctx, "lenient"), ctx)).toBe(want);
  });
});

describe("Scala wide objects: runs of fields filled up to the limit", () => {
  const cases: [string, number[], number, number[][] | null][] = [
    ["all fit", Array(MAX_PARAMETER_SLOTS).fill(1), 0, null],
    ["all fit, two-slot fields counted twice", Array(MAX_PARAMETER_SLOTS / 2).fill(2), 0, null],
  ];
  it.each(cases)("%s", (_, slots, reserved, want) => {
    expect(partsOf(slots, reserved)).toEqual(want);
  });

  it("one slot over: the fields fill a first part, the rest start a second", () => {
    expect(partsOf(Array(255).fill(1), 0)).toEqual([range(0, 254), [254]]);
  });

  it("the map of extra keys counts toward the limit but is not in a part", () => {
    expect(partsOf(Array(254).fill(1), 1)).toEqual([range(0, 254)]);
  });

  it("a two-slot field that does not fit starts the next part", () => {
    const slots = [...Array(253).fill(1), 2, 1];
    expect(partsOf(slots, 0)).toEqual([range(0, 253), [253, 254]]);
  });

  it("674 fields make three parts of consecutive fields", () => {
    const parts = partsOf(Array(674).fill(1), 0)!;
    expect(parts.map((p) => p.length)).toEqual([254, 254, 166]);
    expect(parts.flat()).toEqual(range(0, 674));
  });
});

describe("Scala wide objects: the view of an object in parts", () => {
  const fields = [
    field("account_id", text),
    field("part1", { kind: "ref", target: "#/Wide/part1" }, false),
    field("other", { kind: "ref", target: "#/Part2" }, false),
    ...range(0, 300).map((i) => field(`flag_${i}`, { kind: "primitive", type: "boolean" }, false)),
  ];
  const wide = model("#/Wide", fields, { additionalProperties: text });
  const child = model("#/Wide/part1", [field("note", text, false)], { parent: "#/Wide", nameHint: ["Wide", "part1"] });
  const topLevel = model("#/Part2", []);
  const scope = scopeOf([wide, child, topLevel]);
  const { doc, view, shadows } = objectView(wide, "", scope, codecContext(scope, new Set()));

  it("the parts take names free of the fields and of the models the companion declares", () => {
    expect(view.parts.map((p) => [p.name, p.typeName, p.type])).toEqual([
      ["part1_2", "Part1_2", "Wide.Part1_2"],
      ["part2", "Part2", "Wide.Part2"],
    ]);
    expect(shadows).toEqual(["Part1_2", "Part2"]);
  });

  it("a top-level model a part hides is written from the package root", () => {
    expect(view.parts[0]!.params.find((p) => p.name === "other")!.type).toBe("Option[_root_.acme.models.Part2]");
    expect(view.forwarders.find((f) => f.name === "part1")).toEqual({ name: "part1", type: "Option[Wide.Part1]", part: "part1_2" });
  });

  it("the class holds the parts and the extra keys; every field has a member reading it from its part", () => {
    expect(view.params.map((p) => `${p.name}: ${p.type} = ${p.default}`)).toEqual([
      "part1_2: Wide.Part1_2 = ",
      "part2: Wide.Part2 = Wide.Part2()",
      "additionalProperties: Map[String, String] = Map.empty",
    ]);
    expect(view.forwarders).toHaveLength(303);
    // The map of extra keys counts toward the limit but stays in the class: the first part is full.
    expect(view.parts.map((p) => p.params.length)).toEqual([254, 49]);
    expect(view.forwarders[254]).toEqual({ name: "flag251", type: "Option[Boolean]", part: "part2" });
  });

  it("the decoder builds each part; the encoder writes every field in the spec's order, then the extra keys", () => {
    expect(view.parts.map((p) => p.separator)).toEqual([",", ","]);
    expect(view.parts[1]!.decodeArgs[0]).toEqual({ name: "flag251", expr: 'r.optional("flag_251", JsonSupport.boolean)' });
    expect(view.decodeArgs.map((a) => a.name)).toEqual(["additionalProperties"]);
    expect(view.encodeSteps).toHaveLength(304);
    expect(view.encodeSteps[0]).toBe('.required("account_id", a.accountId, JsonSupport.string)');
    expect(view.knownKeys.startsWith('Set("account_id", "part1", "other", "flag_0"')).toBe(true);
  });

  it("the scaladoc says why, and each part's lists its fields", () => {
    expect(doc).toContain(" * @param part2 The fields from `flag_251` to `flag_299`, each also a member of this class.");
    expect(doc.some((l) => l.includes("at most 255 parameter slots"))).toBe(true);
    expect(view.parts[1]!.doc[1]).toBe("   * Fields 255 to 303 of 303 of [[Wide]].");
    expect(view.parts[0]!.doc).toContain("   * @param accountId JSON key: `account_id`.");
  });

  it.each([
    [127, 0],
    [128, 2],
  ])("%i required Longs make %i parts (two slots each, 254 in all)", (count, parts) => {
    const longs = model("#/Longs", range(0, count).map((i) => field(`n${i}`, integer)));
    const s = scopeOf([longs]);
    expect(objectView(longs, "", s, codecContext(s, new Set())).view.parts).toHaveLength(parts);
  });

  it("an object that fits is left whole", () => {
      const narrow = model("#/Narrow", [fields[0]!, ...fields.slice(3, 200)]);
    const s = scopeOf([narrow, child, topLevel]);
    const result = objectView(narrow, "", s, codecContext(s, new Set()));
    expect(result.view.parts).toEqual([]);
    expect(result.view.forwarders).toEqual([]);
    expect(result.view.params).toHaveLength(198);
    expect(result.shadows).toEqual([]);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
