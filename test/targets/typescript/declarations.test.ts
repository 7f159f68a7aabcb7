// Declarations of nullable models (the model names the value; null is written at each use) and
// the docs of enums whose values the spec names or describes (a literal union has no other place
// for them).
import { describe, expect, it } from "vitest";
import { fileTypes, fileView, type FileContext } from "../../../src/targets/typescript/view.js";
import { docText } from "../../../src/targets/typescript/docs.js";
import { tsNamingRules } from "../../../src/targets/typescript/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { childrenByParent, indexModels } from "../../../src/ir/query.js";
import type { EnumMember, IrDocument, Model } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const schema = (name: string) => `#/components/schemas/${name}`;
const models: Model[] = [
  { id: schema("Meta"), kind: "alias", nameHint: ["Meta"], type: { kind: "map", values: { kind: "primitive", type: "string" } }, nullable: true, docs: {}, source },
  { id: schema("Effort"), kind: "enum", valueType: "string", members: [{ value: "low" }, { value: "high" }], nameHint: ["Effort"], nullable: true, docs: {}, source },
  { id: schema("Either"), kind: "union", combinator: "anyOf", variants: [{ type: { kind: "primitive", type: "string" } }, { type: { kind: "primitive", type: "number" } }], nameHint: ["Either"], nullable: true, docs: {}, source },
  { id: schema("Closed"), kind: "object", fields: [], nameHint: ["Closed"], nullable: true, docs: {}, source },
  { id: schema("Anything"), kind: "alias", nameHint: ["Anything"], type: { kind: "unknown", nullable: true }, docs: {}, source },
];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const ctx: FileContext = {
  models: indexModels(models),
  names: assignNames(ir, tsNamingRules),
  children: childrenByParent(models),
  int64: "number",
  header: [],
  multipartBodies: new Set(),
};
const declaration = (name: string) => fileView(ctx.models.get(schema(name))!, ctx).declarations[0]!.aliasLines;

describe("a nullable model is declared without null", () => {
  it.each([
    { name: "Meta", want: ["export type Meta = Record<string, string>;"] },
    { name: "Effort", want: ['export type Effort = "low" | "high";'] },
    { name: "Either", want: ["export type Either = string | number;"] },
    { name: "Closed", want: ["export type Closed = Record<string, never>;"] },
    { name: "Anything", want: ["export type Anything = unknown;"] },
  ])("$name", ({ name, want }) => {
    expect(declaration(name)).toEqual(want);
  });
});

describe("enum docs", () => {
  const members = (...m: EnumMember[]) => docText({ description: "Levels." }, { members: m });
  it("list the values when the spec names or describes any", () => {
    expect(members({ value: 1, name: "ALPHA", description: "The first." }, { value: 2, name: "BETA" }, { value: 3 })).toEqual([
      "Levels.",
      "",
      "- `1` ALPHA: The first.",
      "- `2` BETA",
      "- `3`",
    ]);
    expect(members({ value: "fast-lane", description: "lowest */ latency" })).toEqual(["Levels.", "", '- `"fast-lane"`: lowest *\\/ latency']);
  });
  it("say nothing more for plain values", () => {
    expect(members({ value: 1 }, { value: 2 })).toEqual(["Levels."]);
  });
});

describe("file imports", () => {
  it.each<{ name: string; refs: string[]; self?: string; want: string[] }>([
    { name: "a file per model referenced, by name", refs: ["Meta", "Effort", "Meta"], want: ["./Effort.js", "./Meta.js"] },
    { name: "never the file's own", refs: ["Meta", "Effort"], self: "Meta", want: ["./Effort.js"] },
    { name: "nothing referenced, nothing imported", refs: [], want: [] },
  ])("$name", ({ refs, self, want }) => {
    const file = fileTypes(ctx);
    for (const r of refs) file.types.onRef(schema(r));
    expect(file.imports(self && schema(self)).map((i) => i.from)).toEqual(want);
  });
});
