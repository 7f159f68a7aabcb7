// An enum model's view in Scala: the value type, each case object's wire value as a Scala
// expression of that type, and how a value the spec does not list is decoded, per value kind.
import { describe, expect, it } from "vitest";
import { enumView } from "../../../src/targets/scala/enums.js";
import { scalaNamingRules } from "../../../src/targets/scala/naming.js";
import type { FileScope, ScalaOptions } from "../../../src/targets/scala/scope.js";
import { assignNames } from "../../../src/naming/assign.js";
import { childrenByParent, indexModels } from "../../../src/ir/query.js";
import type { EnumModel, IrDocument } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const enumModel = (valueType: EnumModel["valueType"], values: (string | number | boolean)[]): EnumModel => ({
  id: "#/components/schemas/Level",
  kind: "enum",
  valueType,
  members: values.map((value) => ({ value })),
  nameHint: ["Level"],
  docs: {},
  source,
});

function viewOf(m: EnumModel, unknownEnumValues: ScalaOptions["unknownEnumValues"]) {
  const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models: [m], report: [] };
  const scope: FileScope = {
    models: indexModels(ir.models),
    names: assignNames(ir, scalaNamingRules),
    options: { package: "api.models", unknownEnumValues, unknownUnionTags: "keep" },
    presence: "lenient",
    children: childrenByParent(ir.models),
    multipartBodies: new Set(),
    imports: new Set(),
  };
  const { doc, view } = enumView(m, "", "Level", scope);
  return { doc, view, imports: [...scope.imports] };
}

describe("enumView by value kind", () => {
  it.each<{
    name: string;
    kind: EnumModel["valueType"];
    values: (string | number | boolean)[];
    valueType: string;
    names: string[];
    wire: string[];
    imports: string[];
  }>([
    { name: "strings", kind: "string", values: ["low", "high"], valueType: "String", names: ["Low", "High"], wire: ['"low"', '"high"'], imports: [] },
    { name: "integers are Long", kind: "integer", values: [1, 20], valueType: "Long", names: ["Value1", "Value20"], wire: ["1L", "20L"], imports: [] },
    { name: "numbers are Double", kind: "number", values: [1.5, 2], valueType: "Double", names: ["Value15", "Value2"], wire: ["1.5", "2.0"], imports: [] },
    { name: "booleans", kind: "boolean", values: [true, false], valueType: "Boolean", names: ["True", "False"], wire: ["true", "false"], imports: [] },
    {
      name: "mixed values are JSON",
      kind: "mixed",
      values: ["a", 1, 1.5, true],
      valueType: "Json",
      names: ["A", "Value1", "Value15", "True"],
      wire: ['Json.fromString("a")', "Json.fromLong(1L)", "Json.fromDoubleOrNull(1.5)", "Json.True"],
      imports: ["Json"],
    },
  ])("$name", ({ kind, values, valueType, names, wire, imports }) => {
    const { view, imports: used } = viewOf(enumModel(kind, values), "keep");
    expect(view.valueType).toBe(valueType);
    expect(view.members.map((m) => m.name)).toEqual(names);
    expect(view.members.map((m) => m.value)).toEqual(wire);
    expect(view.memberLines).toEqual([names.join(", ")]);
    expect(used).toEqual(imports);
    expect(view.label).toBe('"Level"');
  });
});

describe("a value the spec does not list", () => {
  it.each([
    {
      name: "kept, looked up by value",
      kind: "string" as const,
      policy: "keep" as const,
      decoder: "JsonSupport.anyValue[String, Level](JsonSupport.string, byValue.get, Unknown(_))",
      indexed: true,
      sentence: "A value the spec does not list decodes as `Unknown(value)` and is written back unchanged.",
    },
    {
      name: "kept, looked up by JSON equality for mixed values",
      kind: "mixed" as const,
      policy: "keep" as const,
      decoder: "JsonSupport.anyValue[Json, Level](JsonSupport.json, v => known.find(_.value == v), Unknown(_))",
      indexed: false,
      sentence: "A value the spec does not list decodes as `Unknown(value)` and is written back unchanged.",
    },
    {
      name: "rejected",
      kind: "integer" as const,
      policy: "reject" as const,
      decoder: "knownDecoder",
      indexed: true,
      sentence: "A value the spec does not list is rejected.",
    },
  ])("$name", ({ kind, policy, decoder, indexed, sentence }) => {
    const { doc, view } = viewOf(enumModel(kind, kind === "mixed" ? ["a", 1] : kind === "string" ? ["a"] : [1]), policy);
    expect(view.decoder).toBe(decoder);
    expect(view.indexed).toBe(indexed);
    expect(view.keepUnknown).toBe(policy === "keep");
    expect(doc.join("\n")).toContain(sentence);
  });

  it("lists the wire values in the doc, a backtick made a quote", () => {
    const { doc } = viewOf(enumModel("string", ["a`b", "c"]), "keep");
    expect(doc).toContain(" * Values: `\"a'b\"`, `\"c\"`.");
  });
});
