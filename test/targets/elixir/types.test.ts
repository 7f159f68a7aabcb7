import { describe, expect, it } from "vitest";
import {
  codecType,
  enumDoc,
  fieldTypeDoc,
  floatLiteral,
  jsonLiteral,
  typespec,
  valueSpec,
  type ElixirTypeContext,
} from "../../../src/targets/elixir/types.js";
import { elixirNamingRules } from "../../../src/targets/elixir/naming.js";
import { fieldCodecTerm, fieldTypeUnder, isEnforced, presenceOf } from "../../../src/targets/elixir/presence.js";
import { flat, flatTerm } from "../../../src/targets/elixir/layout.js";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import type { EnumModel, Field, IrDocument, Model, TypeExpr } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const ref = (target: string, nullable?: boolean): TypeExpr => ({ kind: "ref", target, ...(nullable ? { nullable } : {}) });
const str: TypeExpr = { kind: "primitive", type: "string" };

const models: Model[] = [
  { id: "#/Usage", kind: "object", nameHint: ["Usage"], fields: [], docs: {}, source },
  { id: "#/Run", kind: "object", nameHint: ["Run"], fields: [], docs: {}, source },
  { id: "#/Run/last_error", kind: "object", nameHint: ["Run", "last_error"], parent: "#/Run", fields: [], docs: {}, source },
  { id: "#/Run/status", kind: "enum", nameHint: ["Run", "status"], parent: "#/Run", valueType: "string", members: [{ value: "queued" }, { value: "in_progress" }, { value: "thread.run" }], docs: {}, source },
  { id: "#/Run/f", kind: "enum", nameHint: ["Run", "f"], parent: "#/Run", valueType: "string", members: [{ value: "x" }, { value: "nil" }], nullable: true, docs: {}, source },
  { id: "#/RunStatus", kind: "enum", nameHint: ["RunStatus"], valueType: "string", members: [{ value: "queued" }], docs: {}, source },
  // A nullable alias as the IR writes it: the model says nullable, its type is the value.
  { id: "#/Metadata", kind: "alias", nameHint: ["Metadata"], nullable: true, type: { kind: "map", values: str }, docs: {}, source },
  { id: "#/StepUsage", kind: "alias", nameHint: ["StepUsage"], type: ref("#/Usage", true), docs: {}, source },
  { id: "#/Details", kind: "object", nameHint: ["Details"], nullable: true, fields: [], docs: {}, source },
  { id: "#/Mixed", kind: "enum", nameHint: ["Mixed"], parent: "#/Run", valueType: "mixed", members: [{ value: "auto" }, { value: 1 }, { value: 2.5 }, { value: true }], docs: {}, source },
  { id: "#/Level", kind: "enum", nameHint: ["Level"], parent: "#/Run", valueType: "integer", members: [{ value: 1 }, { value: 2 }], docs: {}, source },
];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const names = assignNames(ir, elixirNamingRules);
// Enums are open by default: each also admits its values' JSON type (`String.t()`).
const ctx: ElixirTypeContext = { models: indexModels(models), names, namespace: "RunsApi", openEnums: true };
const closed: ElixirTypeContext = { ...ctx, openEnums: false };

describe("Elixir typespecs and codec descriptors", () => {
  it.each<{ given: TypeExpr; spec: string; codec: string }>([
    { given: str, spec: "String.t()", codec: ":string" },
    { given: { kind: "primitive", type: "string", format: "date-time" }, spec: "String.t()", codec: ":string" },
    // raw bytes (a multipart file part): binary(), not String.t(), which promises UTF-8 text
    { given: { kind: "primitive", type: "string", format: "binary" }, spec: "binary()", codec: ":string" },
    { given: { kind: "primitive", type: "string", format: "binary", nullable: true }, spec: "binary() | nil", codec: "{:nullable, :string}" },
    { given: { kind: "array", items: { kind: "primitive", type: "string", format: "binary" } }, spec: "[binary()]", codec: "{:list, :string}" },
    { given: { kind: "primitive", type: "string", format: "byte" }, spec: "String.t()", codec: ":string" },
    { given: { kind: "primitive", type: "integer" }, spec: "integer()", codec: ":integer" },
    { given: { kind: "primitive", type: "integer", format: "unixtime", nullable: true }, spec: "integer() | nil", codec: "{:nullable, :integer}" },
    { given: { kind: "primitive", type: "integer", format: "int64" }, spec: "integer()", codec: ":integer" },
    { given: { kind: "primitive", type: "number", format: "float" }, spec: "number()", codec: ":number" },
    { given: { kind: "primitive", type: "boolean" }, spec: "boolean()", codec: ":boolean" },
    { given: { kind: "literal", value: "thread.run" }, spec: ':"thread.run"', codec: '{:literal, "thread.run", :"thread.run"}' },
    { given: { kind: "literal", value: "function" }, spec: ":function", codec: '{:literal, "function", :function}' },
    { given: { kind: "literal", value: "nil" }, spec: ":nil_", codec: '{:literal, "nil", :nil_}' },
    { given: { kind: "literal", value: 3 }, spec: "3", codec: "{:literal, 3, 3}" },
    { given: { kind: "literal", value: -1 }, spec: "-1", codec: "{:literal, -1, -1}" },
    { given: { kind: "literal", value: 0.5 }, spec: "float()", codec: "{:literal, 0.5, 0.5}" },
    { given: { kind: "literal", value: false }, spec: "false", codec: "{:literal, false, false}" },
    { given: { kind: "unknown" }, spec: "term()", codec: ":any" },
    { given: { kind: "unknown", nullable: true }, spec: "term()", codec: ":any" },
    { given: { kind: "array", items: ref("#/Usage") }, spec: "[RunsApi.Usage.t()]", codec: "{:list, {:model, RunsApi.Usage}}" },
    {
      given: { kind: "array", items: { ...str, nullable: true }, nullable: true },
      spec: "[String.t() | nil] | nil",
      codec: "{:nullable, {:list, {:nullable, :string}}}",
    },
    { given: { kind: "map", values: { kind: "primitive", type: "integer" } }, spec: "%{optional(String.t()) => integer()}", codec: "{:map, :integer}" },
    { given: { kind: "map", values: { kind: "unknown" } }, spec: "%{optional(String.t()) => term()}", codec: "{:map, :any}" },
    { given: ref("#/Usage"), spec: "RunsApi.Usage.t()", codec: "{:model, RunsApi.Usage}" },
    { given: ref("#/Usage", true), spec: "RunsApi.Usage.t() | nil", codec: "{:nullable, {:model, RunsApi.Usage}}" },
    { given: ref("#/Run/last_error", true), spec: "RunsApi.Run.LastError.t() | nil", codec: "{:nullable, {:model, RunsApi.Run.LastError}}" },
    // a model that is nullable itself makes every reference nullable
    { given: ref("#/Details"), spec: "RunsApi.Details.t() | nil", codec: "{:nullable, {:model, RunsApi.Details}}" },
    // a nullable alias is the value: the use says nil (the IR marks the reference; the model's flag alone is enough)
    { given: ref("#/Metadata", true), spec: "RunsApi.Metadata.t() | nil", codec: "{:nullable, {:model, RunsApi.Metadata}}" },
    { given: ref("#/Metadata"), spec: "RunsApi.Metadata.t() | nil", codec: "{:nullable, {:model, RunsApi.Metadata}}" },
    { given: ref("#/RunStatus"), spec: "RunsApi.RunStatus.t()", codec: "{:model, RunsApi.RunStatus}" },
    // inline enums are spelled where they are used, as ex_openai does; open ones keep other strings
    {
      given: ref("#/Run/status"),
      spec: ':queued | :in_progress | :"thread.run" | String.t()',
      codec: '{:enum, [{"queued", :queued}, {"in_progress", :in_progress}, {"thread.run", :"thread.run"}], [:string]}',
    },
    { given: ref("#/Run/f", true), spec: ":x | :nil_ | String.t() | nil", codec: '{:nullable, {:enum, [{"x", :x}, {"nil", :nil_}], [:string]}}' },
    // a mixed enum keeps a value of each JSON type among its values
    {
      given: ref("#/Mixed"),
      spec: ":auto | 1 | float() | true | String.t() | number() | boolean()",
      codec: '{:enum, [{"auto", :auto}, {1, 1}, {2.5, 2.5}, {true, true}], [:string, :number, :boolean]}',
    },
    { given: ref("#/Level"), spec: "1 | 2 | integer()", codec: "{:enum, [{1, 1}, {2, 2}], [:integer]}" },
  ])("$spec", ({ given, spec, codec }) => {
    expect(typespec(given, ctx)).toBe(spec);
    expect(codecType(given, ctx)).toBe(codec);
  });

  it.each<{ given: TypeExpr; spec: string; codec: string }>([
    { given: ref("#/Run/status"), spec: ':queued | :in_progress | :"thread.run"', codec: '{:enum, [{"queued", :queued}, {"in_progress", :in_progress}, {"thread.run", :"thread.run"}]}' },
    { given: ref("#/Run/f", true), spec: ":x | :nil_ | nil", codec: '{:nullable, {:enum, [{"x", :x}, {"nil", :nil_}]}}' },
    { given: ref("#/Mixed"), spec: ":auto | 1 | float() | true", codec: '{:enum, [{"auto", :auto}, {1, 1}, {2.5, 2.5}, {true, true}]}' },
    { given: ref("#/Level"), spec: "1 | 2", codec: "{:enum, [{1, 1}, {2, 2}]}" },
  ])("closed enums (openEnums: false): $spec", ({ given, spec, codec }) => {
    expect(typespec(given, closed)).toBe(spec);
    expect(codecType(given, closed)).toBe(codec);
  });

  it("never writes `| any()` for null", () => {
    for (const m of models) expect(typespec(ref(m.id, true), ctx)).not.toContain("any()");
  });

  it.each<{ given: TypeExpr; required: boolean; want: string }>([
    { given: str, required: true, want: "String.t()" },
    { given: str, required: false, want: "String.t() | nil" },
    { given: { ...str, nullable: true }, required: false, want: "String.t() | nil" },
    { given: { kind: "unknown" }, required: false, want: "term()" },
    { given: ref("#/Metadata"), required: false, want: "RunsApi.Metadata.t() | nil" },
  ])("struct field $want (required: $required)", ({ given, required, want }) => {
    expect(flat(fieldTypeDoc(given, required, ctx))).toBe(want);
  });
});

describe("Elixir presence of fields", () => {
  const field = (type: TypeExpr, required: boolean): Field => ({ name: "f", type, required, docs: {}, source });
  // tolerant: nothing is required, and null reads as nil in every field (the codec type is made
  // nullable where the spec's is not); a field that admits null keeps writing it
  it.each<{ given: Field; lenient: string; strict: string; tolerant: string; tolerantCodec: string; tolerantSpec: string }>([
    { given: field(str, true), lenient: ":required", strict: ":required", tolerant: ":optional", tolerantCodec: "{:nullable, :string}", tolerantSpec: "String.t() | nil" },
    {
      given: field({ ...str, nullable: true }, true),
      lenient: ":nil_if_absent",
      strict: ":required",
      tolerant: ":nil_if_absent",
      tolerantCodec: "{:nullable, :string}",
      tolerantSpec: "String.t() | nil",
    },
    // through an alias: Metadata is a nullable map
    {
      given: field(ref("#/Metadata"), true),
      lenient: ":nil_if_absent",
      strict: ":required",
      tolerant: ":nil_if_absent",
      tolerantCodec: "{:nullable, {:model, RunsApi.Metadata}}",
      tolerantSpec: "RunsApi.Metadata.t() | nil",
    },
    {
      given: field(ref("#/StepUsage"), true),
      lenient: ":nil_if_absent",
      strict: ":required",
      tolerant: ":nil_if_absent",
      tolerantCodec: "{:model, RunsApi.StepUsage}",
      tolerantSpec: "RunsApi.StepUsage.t() | nil",
    },
    { given: field({ kind: "unknown" }, true), lenient: ":nil_if_absent", strict: ":required", tolerant: ":nil_if_absent", tolerantCodec: ":any", tolerantSpec: "term()" },
    {
      given: field({ kind: "literal", value: "thread.run" }, true),
      lenient: ":required",
      strict: ":required",
      tolerant: ":optional",
      tolerantCodec: '{:nullable, {:literal, "thread.run", :"thread.run"}}',
      tolerantSpec: ':"thread.run" | nil',
    },
    { given: field(str, false), lenient: ":optional", strict: ":optional", tolerant: ":optional", tolerantCodec: "{:nullable, :string}", tolerantSpec: "String.t() | nil" },
    {
      given: field({ ...str, nullable: true }, false),
      lenient: ":optional_nullable",
      strict: ":optional_nullable",
      tolerant: ":optional_nullable",
      tolerantCodec: "{:nullable, :string}",
      tolerantSpec: "String.t() | nil",
    },
    { given: field({ kind: "unknown" }, false), lenient: ":optional", strict: ":optional", tolerant: ":optional", tolerantCodec: ":any", tolerantSpec: "term()" },
  ])("$lenient / $strict / $tolerant", ({ given, lenient, strict, tolerant, tolerantCodec, tolerantSpec }) => {
    expect(presenceOf(given, "lenient", ctx)).toBe(lenient);
    expect(presenceOf(given, "strict", ctx)).toBe(strict);
    expect(presenceOf(given, "tolerant", ctx)).toBe(tolerant);
    expect(flatTerm(fieldCodecTerm(given, "tolerant", ctx))).toBe(tolerantCodec);
    expect(flat(fieldTypeUnder(given, "tolerant", ctx))).toBe(tolerantSpec);
    expect(isEnforced(given, "tolerant")).toBe(false);
    expect(isEnforced(given, "lenient")).toBe(given.required);
  });
});

describe("Elixir literals", () => {
  it.each<{ given: string | number | boolean | null; want: string }>([
    { given: "a\"b", want: '"a\\"b"' },
    { given: 42, want: "42" },
    { given: -7, want: "-7" },
    { given: 1.5, want: "1.5" },
    { given: 1e-7, want: "1.0e-7" },
    { given: 1.5e-5, want: "0.000015" },
    { given: 1.5e-9, want: "1.5e-9" },
    // Six digits or more grouped by three, as `mix format` writes them (the compile test checks the output is formatted).
    { given: 12345, want: "12345" },
    { given: 123456, want: "123_456" },
    { given: -1234567, want: "-1_234_567" },
    { given: 123456.5, want: "123_456.5" },
    { given: -100000.25, want: "-100_000.25" },
    { given: 1.5e21, want: "1_500_000_000_000_000_000_000" },
    // biome-ignore lint/correctness/noPrecisionLoss: the literal is 2^53 + 1 on purpose, to show the double it becomes
    { given: 9007199254740993, want: "9_007_199_254_740_992" },
    { given: true, want: "true" },
    { given: null, want: "nil" },
  ])("JSON $given -> $want", ({ given, want }) => {
    expect(jsonLiteral(given)).toBe(want);
  });

  it("an integer beyond 2^53 is written with the spec's digits when they are known (Elixir's integers hold them)", () => {
    expect(jsonLiteral(2 ** 63, "9223372036854775807")).toBe("9_223_372_036_854_775_807");
    expect(jsonLiteral(-(2 ** 63), "-9223372036854775808")).toBe("-9_223_372_036_854_775_808");
    expect(valueSpec(2 ** 63, "9223372036854775807")).toBe("9_223_372_036_854_775_807");
    expect(valueSpec(2 ** 63)).toBe("9_223_372_036_854_775_808");
  });

  it("floats always have digits on both sides of the point", () => {
    expect(floatLiteral(2e-10)).toBe("2.0e-10");
    expect(floatLiteral(0.25)).toBe("0.25");
  });

  it.each<{ given: string | number | boolean; want: string }>([
    { given: "queued", want: ":queued" },
    { given: "true", want: ":true_" },
    { given: 10, want: "10" },
    { given: 0.1, want: "float()" },
    { given: false, want: "false" },
  ])("value $given in a typespec -> $want", ({ given, want }) => {
    expect(valueSpec(given)).toBe(want);
  });
});

describe("Elixir degenerate types", () => {
  const empty: Model[] = [
    { id: "#/Never", kind: "enum", nameHint: ["Never"], valueType: "string", members: [], docs: {}, source },
    { id: "#/OnlyNull", kind: "enum", nameHint: ["OnlyNull"], valueType: "string", members: [], nullable: true, docs: {}, source },
  ];
  const c: ElixirTypeContext = { models: indexModels(empty), names: assignNames({ ...ir, models: empty }, elixirNamingRules), namespace: "T", openEnums: true };
  it("an enum without values is none(), open or not; a use that allows null is nil", () => {
    expect(flat(enumDoc(empty[0] as EnumModel, c))).toBe("none()");
    expect(flat(enumDoc(empty[1] as EnumModel, { ...c, openEnums: false }))).toBe("none()");
    expect(typespec(ref("#/OnlyNull", true), c)).toBe("T.OnlyNull.t() | nil");
  });
});
