// Model file views built from small IRs: what the user's renames and the spec's names for enum
// values turn into, and the newtype a self-referring alias becomes.
import { describe, expect, it } from "vitest";
import { modelFileView, type ViewContext } from "../../../src/targets/rust/view.js";
import { analyzeRecursion } from "../../../src/targets/rust/recursion.js";
import { collectLiterals } from "../../../src/targets/rust/literals.js";
import { rustNamingRules } from "../../../src/targets/rust/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, IrDocument, Model } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const field = (name: string, extra: Partial<Field> = {}): Field => ({ name, type: { kind: "primitive", type: "string" }, required: true, docs: {}, source, ...extra });

const models: Model[] = [
  {
    id: "#/Pet",
    kind: "object",
    nameHint: ["Pet"],
    // `rename.fields` sets `identifier`; the wire name stays `name`.
    fields: [field("owner_name", { identifier: "keeper" }), field("type", { identifier: "petKind", required: false }), field("created_at"), field("kind", { identifier: "kind" })],
    docs: {},
    source,
  },
  {
    id: "#/Level",
    kind: "enum",
    valueType: "integer",
    nameHint: ["Level"],
    members: [{ value: 1, name: "ALPHA" }, { value: 2, name: "BETA" }, { value: -1 }],
    docs: {},
    source,
  },
  {
    id: "#/Mode",
    kind: "enum",
    valueType: "string",
    nameHint: ["Mode"],
    members: [{ value: "fast-lane", name: "FastLane" }, { value: "1x", name: "OneX" }, { value: "", name: "Unset" }, { value: "2x" }],
    docs: {},
    source,
  },
  { id: "#/Nested", kind: "alias", nameHint: ["Nested"], type: { kind: "array", items: { kind: "array", items: { kind: "ref", target: "#/Nested" } } }, docs: {}, source },
];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const index = indexModels(models);
const vc: ViewContext = {
  models: index,
  names: assignNames(ir, rustNamingRules),
  literals: collectLiterals(ir),
  recursion: analyzeRecursion(index),
  presence: "lenient",
  openEnums: true,
  openUnions: true,
  header: [],
};
const view = (id: string) => modelFileView(index.get(id)!, vc).view;

describe("a field the user renamed (rename.fields)", () => {
  const fields = view("#/Pet").struct!.fields;

  it("takes the user's identifier and keeps the wire name in a serde rename", () => {
    expect(fields.map((f) => [...f.attrs, ...f.lines])).toEqual([
      ['    #[serde(rename = "owner_name")]', "    pub keeper: String,"],
      ['    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]', "    pub pet_kind: Option<String>,"],
      ["    pub created_at: String,"],
      // renamed to its own wire name: nothing to say
      ["    pub kind: String,"],
    ]);
  });
});

describe("enum members named by the spec (titles, x-enum-varnames)", () => {
  it("integer values take their names; unnamed ones fall back to a legal name from the value", () => {
    expect(view("#/Level").valueEnum!.variants.map((v) => [v.name, v.pattern])).toEqual([
      ["Alpha", "1"],
      ["Beta", "2"],
      ["Minus1", "-1"],
    ]);
  });

  it("string values take their names and keep their wire values as renames", () => {
    const e = view("#/Mode").stringEnum!;
    expect(e.containerAttr).toBe('#[serde(rename_all = "kebab-case")]');
    expect(e.variants.map((v) => [v.name, ...v.attrs])).toEqual([
      ["FastLane"],
      ["OneX", '    #[serde(rename = "1x")]'],
      ["Unset", '    #[serde(rename = "")]'],
      ["Value2x", '    #[serde(rename = "2x")]'],
    ]);
  });
});

describe("an alias that refers to itself", () => {
  it("is a transparent newtype, not a type alias (a recursive `type` is illegal)", () => {
    const v = view("#/Nested");
    expect(v.alias).toBeNull();
    expect(v.newtype).toMatchObject({ name: "Nested", type: "Vec<Vec<Nested>>" });
    expect(v.uses).toEqual(["use serde::{Deserialize, Serialize};"]);
  });
});
