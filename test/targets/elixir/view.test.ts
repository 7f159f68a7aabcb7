// Module views of the shapes issue 16 found failing on public specs: a nullable model names the
// value (null is said where it is used), enum atoms stay the wire values while the docs give the
// names the spec chose, and a renamed field keeps its wire name as the JSON key.
import { describe, expect, it } from "vitest";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import type { IrDocument, Model, TypeExpr } from "../../../src/ir/types.js";
import { elixirNamingRules } from "../../../src/targets/elixir/naming.js";
import { moduleView, type ModuleContext, type ModuleView } from "../../../src/targets/elixir/view.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const str: TypeExpr = { kind: "primitive", type: "string" };
const ref = (target: string): TypeExpr => ({ kind: "ref", target, nullable: true });

// As the IR writes them: each nullable model says so, and every reference to it is nullable.
const models: Model[] = [
  { id: "#/Metadata", kind: "alias", nameHint: ["Metadata"], nullable: true, type: { kind: "map", values: str }, docs: {}, source },
  {
    id: "#/Level",
    kind: "enum",
    nameHint: ["Level"],
    valueType: "integer",
    nullable: true,
    members: [{ value: 1, name: "ALPHA", description: "The first level." }, { value: 2, name: "BETA" }, { value: 3 }],
    docs: {},
    source,
  },
  {
    id: "#/Mode",
    kind: "enum",
    nameHint: ["Mode"],
    valueType: "string",
    members: [{ value: "fast-lane", name: "FastLane" }, { value: "nil", name: "Nothing" }],
    docs: {},
    source,
  },
  { id: "#/Shape", kind: "union", nameHint: ["Shape"], nullable: true, combinator: "anyOf", variants: [{ type: str }, { type: { kind: "primitive", type: "integer" } }], docs: {}, source },
  {
    id: "#/Holder",
    kind: "object",
    nameHint: ["Holder"],
    fields: [
      { name: "metadata", identifier: "labels", type: ref("#/Metadata"), required: true, docs: {}, source },
      { name: "level", type: ref("#/Level"), required: false, docs: {}, source },
      { name: "shape", type: ref("#/Shape"), required: true, docs: {}, source },
    ],
    docs: {},
    source,
  },
];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const ctx: ModuleContext = {
  models: indexModels(models),
  names: assignNames(ir, elixirNamingRules),
  namespace: "FC",
  presence: "lenient",
  openEnums: false,
  openUnions: true,
  header: [],
  multipartBodies: new Set(),
};
const view = (id: string): ModuleView => moduleView(models.find((m) => m.id === id)!, ctx);
const lines = (v: ModuleView) => [...v.doc, ...(v.struct?.enforceKeysLines ?? []), ...(v.struct?.defstructLines ?? []), ...v.typeLines, ...v.extraLines, ...v.schemaLines].join("\n");

describe("a nullable model names the value; its uses say nil", () => {
  it.each([
    { id: "#/Metadata", type: "  @type t :: %{optional(String.t()) => String.t()}", schema: "  def __schema__, do: {:type, {:map, :string}}" },
    { id: "#/Level", type: "  @type t :: 1 | 2 | 3", schema: "  def __schema__, do: {:type, {:enum, @members}}" },
    { id: "#/Shape", type: "  @type t :: String.t() | integer()", schema: "  def __schema__, do: {:union, @variants, nil, :reject}" },
  ])("$id", ({ id, type, schema }) => {
    const v = view(id);
    expect(v.typeLines).toEqual([type]);
    expect(v.schemaLines).toContain(schema);
    expect(lines(v)).not.toContain("nil`");
  });

  it("each field that uses one admits nil and decodes null", () => {
    const holder = lines(view("#/Holder"));
    expect(holder).toContain("labels: FC.Metadata.t() | nil,");
    expect(holder).toContain("level: FC.Level.t() | nil,");
    expect(holder).toContain("shape: FC.Shape.t() | nil");
    expect(holder).toContain('{:labels, "metadata", {:nullable, {:model, FC.Metadata}}, :nil_if_absent}');
    expect(holder).toContain('{:level, "level", {:nullable, {:model, FC.Level}}, :optional_nullable}');
  });
});

describe("enum values", () => {
  it("list the names the spec gives them beside the atoms, which stay the values", () => {
    expect(view("#/Level").doc).toEqual(["  ## Values", "", "    * `1` - ALPHA: The first level.", "    * `2` - BETA", "    * `3`"]);
    const mode = view("#/Mode");
    expect(mode.doc).toEqual(["  ## Values", "", '    * `:"fast-lane"` - FastLane', '    * `:nil_` - Nothing, JSON `"nil"`']);
    expect(mode.extraLines[0]).toBe('  @members [{"fast-lane", :"fast-lane"}, {"nil", :nil_}]');
  });
});

describe("a renamed field (`rename.fields`)", () => {
  it("is the struct key, and its wire name stays the JSON key", () => {
    const holder = view("#/Holder");
    expect(holder.struct?.enforceKeysLines).toContain("  @enforce_keys [:labels, :shape]");
    expect(holder.doc).toContain('      JSON key: `"metadata"`');
    expect(lines(holder)).not.toContain(":metadata");
  });
});
