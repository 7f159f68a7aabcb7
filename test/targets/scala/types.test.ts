import { describe, expect, it } from "vitest";
import { fieldShape, primitiveType, valueType, type ScalaTypeContext } from "../../../src/targets/scala/types.js";
import { codecOf, fieldCodecs, nestedCodec } from "../../../src/targets/scala/codecs.js";
import type { Field, Model, TypeExpr } from "../../../src/ir/types.js";
import type { NameTable } from "../../../src/naming/assign.js";

const src = { file: "", line: 1, col: 1, pointer: "" };
const models = new Map<string, Model>(
  (
    [
      { id: "#/Usage", kind: "object", nameHint: ["Usage"], fields: [] },
      { id: "#/Run/err", parent: "#/Run", kind: "object", nameHint: ["Run", "last_error"], fields: [] },
      { id: "#/Run/status", parent: "#/Run", kind: "enum", valueType: "string", members: [{ value: "queued" }], nameHint: ["Run", "status"] },
      { id: "#/Metadata", kind: "alias", nullable: true, type: { kind: "map", values: { kind: "primitive", type: "string" } }, nameHint: ["Metadata"] },
      { id: "#/StepUsage", kind: "alias", type: { kind: "ref", target: "#/Usage", nullable: true }, nameHint: ["StepUsage"] },
      { id: "#/Anything", kind: "alias", type: { kind: "unknown" }, nameHint: ["Anything"] },
      { id: "#/Auto", kind: "alias", type: { kind: "literal", value: "auto" }, nameHint: ["Auto"] },
    ] as Partial<Model>[]
  ).map((m) => [m.id!, { docs: {}, source: src, ...m } as Model]),
);
const paths: Record<string, string[]> = {
  "#/Usage": ["Usage"],
  "#/Run/err": ["Run", "LastError"],
  "#/Run/status": ["Run", "Status"],
  "#/Metadata": ["Metadata"],
  "#/StepUsage": ["StepUsage"],
  "#/Anything": ["Anything"],
  "#/Auto": ["Auto"],
};
const names = { path: (id: string) => paths[id]! } as unknown as NameTable;
const ctx = (shadowed: string[] = []): ScalaTypeContext => ({ models, names, root: "_root_.acme.models", shadowed: new Set(shadowed), use: () => {} });

const str: TypeExpr = { kind: "primitive", type: "string" };

describe("Scala type strings", () => {
  it.each<{ given: TypeExpr; want: string; shadowed?: string[] }>([
    { given: str, want: "String" },
    { given: { kind: "primitive", type: "integer" }, want: "Long" },
    { given: { kind: "primitive", type: "integer", format: "int32" }, want: "Int" },
    { given: { kind: "primitive", type: "integer", format: "int64" }, want: "Long" },
    { given: { kind: "primitive", type: "integer", format: "unixtime", nullable: true }, want: "Option[Long]" },
    { given: { kind: "primitive", type: "integer", format: "uint64" }, want: "BigInt" },
    { given: { kind: "primitive", type: "number", format: "float" }, want: "Double" },
    { given: { kind: "primitive", type: "boolean" }, want: "Boolean" },
    { given: { kind: "primitive", type: "string", format: "date-time" }, want: "String" },
    { given: { kind: "literal", value: "thread.run" }, want: '"thread.run"' },
    { given: { kind: "literal", value: 2 }, want: "2L" },
    { given: { kind: "literal", value: true }, want: "true" },
    { given: { kind: "unknown" }, want: "Json" },
    { given: { kind: "unknown", nullable: true }, want: "Json" },
    { given: { kind: "array", items: { kind: "ref", target: "#/Usage" } }, want: "List[Usage]" },
    { given: { kind: "array", items: { ...str, nullable: true }, nullable: true }, want: "Option[List[Option[String]]]" },
    { given: { kind: "map", values: { kind: "unknown" } }, want: "Map[String, Json]" },
    { given: { kind: "map", values: { kind: "array", items: str } }, want: "Map[String, List[String]]" },
    { given: { kind: "ref", target: "#/Run/err", nullable: true }, want: "Option[Run.LastError]" },
    { given: { kind: "ref", target: "#/Run/status" }, want: "Run.Status" },
    { given: { kind: "ref", target: "#/Metadata" }, want: "Option[Metadata]" },
    { given: { kind: "ref", target: "#/StepUsage" }, want: "Option[StepUsage]" },
    { given: { kind: "ref", target: "#/Anything" }, want: "Anything" },
    { given: { kind: "ref", target: "#/Run/err" }, want: "_root_.acme.models.Run.LastError", shadowed: ["Run"] },
  ])("$want", ({ given, want, shadowed }) => {
    expect(valueType(given, ctx(shadowed))).toBe(want);
  });

  it("bytes (format: binary) are an ArraySeq[Byte], imported where used, with the base64 codec", () => {
    const used: string[] = [];
    const bytes: TypeExpr = { kind: "primitive", type: "string", format: "binary" };
    const withUse = { ...ctx(), use: (n: string) => used.push(n) };
    expect(valueType({ kind: "array", items: bytes, nullable: true }, withUse)).toBe("Option[List[ArraySeq[Byte]]]");
    expect(used).toEqual(["ArraySeq"]);
    expect(nestedCodec({ kind: "array", items: bytes }, ctx())).toBe("JsonSupport.list(JsonSupport.bytes)");
    // `format: byte` is base64 text in the spec itself: it stays a String.
    expect(valueType({ kind: "primitive", type: "string", format: "byte" }, ctx())).toBe("String");
  });

  it("every integer format but int32 is 64-bit or wider", () => {
    expect(["int64", "unixtime", "unix-time", undefined, "uint64"].map((format) => primitiveType({ kind: "primitive", type: "integer", ...(format ? { format } : {}) }))).toEqual([
      "Long",
      "Long",
      "Long",
      "Long",
      "BigInt",
    ]);
  });
});

describe("presence: declared type, default, codec calls", () => {
  const field = (name: string, type: TypeExpr, required: boolean): Field => ({ name, type, required, docs: {}, source: src });
  it.each<{ given: Field; declared: string; default?: string; decode: string; encode: string }>([
    { given: field("id", str, true), declared: "String", decode: 'r.required("id", JsonSupport.string)', encode: '.required("id", a.x, JsonSupport.string)' },
    {
      given: field("object", { kind: "literal", value: "thread.run" }, true),
      declared: '"thread.run"',
      default: '"thread.run"',
      decode: 'r.required("object", JsonSupport.literalString("thread.run"))',
      encode: '.required("object", a.x, JsonSupport.literalString("thread.run"))',
    },
    {
      given: field("expires_at", { kind: "primitive", type: "integer", format: "unixtime", nullable: true }, true),
      declared: "Option[Long]",
      decode: 'r.requiredNullable("expires_at", JsonSupport.long)',
      encode: '.requiredNullable("expires_at", a.x, JsonSupport.long)',
    },
    {
      given: field("usage", { kind: "ref", target: "#/StepUsage" }, true),
      declared: "Option[StepUsage]",
      decode: 'r.requiredNullable("usage", Usage.codec)',
      encode: '.requiredNullable("usage", a.x, Usage.codec)',
    },
    { given: field("data", { kind: "unknown" }, true), declared: "Json", decode: 'r.requiredJson("data")', encode: '.required("data", a.x, JsonSupport.json)' },
    {
      given: field("limit", { kind: "primitive", type: "integer", format: "int32" }, false),
      declared: "Option[Int]",
      default: "None",
      decode: 'r.optional("limit", JsonSupport.int)',
      encode: '.optional("limit", a.x, JsonSupport.int)',
    },
    {
      given: field("top_p", { kind: "primitive", type: "number", nullable: true }, false),
      declared: "Nullable[Double]",
      default: "Nullable.Absent",
      decode: 'r.optionalNullable("top_p", JsonSupport.double)',
      encode: '.optionalNullable("top_p", a.x, JsonSupport.double)',
    },
    { given: field("extra", { kind: "ref", target: "#/Anything" }, false), declared: "Option[Anything]", default: "None", decode: 'r.optionalJson("extra")', encode: '.optional("extra", a.x, JsonSupport.json)' },
    // A nullable alias (`Metadata: anyOf [map, null]`): the alias names the value, the field says whether null or absence is allowed.
    {
      given: field("metadata", { kind: "ref", target: "#/Metadata", nullable: true }, true),
      declared: "Option[Metadata]",
      decode: 'r.requiredNullable("metadata", JsonSupport.map(JsonSupport.string))',
      encode: '.requiredNullable("metadata", a.x, JsonSupport.map(JsonSupport.string))',
    },
    {
      given: field("metadata", { kind: "ref", target: "#/Metadata" }, false),
      declared: "Nullable[Metadata]",
      default: "Nullable.Absent",
      decode: 'r.optionalNullable("metadata", JsonSupport.map(JsonSupport.string))',
      encode: '.optionalNullable("metadata", a.x, JsonSupport.map(JsonSupport.string))',
    },
    {
      given: field("modes", { kind: "array", items: { kind: "ref", target: "#/Auto", nullable: true } }, true),
      declared: "List[Option[Auto]]",
      decode: 'r.required("modes", JsonSupport.list(JsonSupport.option(JsonSupport.literalString("auto"))))',
      encode: '.required("modes", a.x, JsonSupport.list(JsonSupport.option(JsonSupport.literalString("auto"))))',
    },
  ])("$given.name: $declared", ({ given, declared, default: def, decode, encode }) => {
    const shape = fieldShape(given, ctx(), "lenient");
    expect(shape.declared).toBe(declared);
    expect(shape.default).toBe(def);
    expect(fieldCodecs(given, "x", shape, ctx())).toEqual({ decode, encode });
    // Strict presence changes the decoder's check (JsonSupport.LenientPresence), not the shape.
    expect(fieldShape(given, ctx(), "strict")).toEqual(shape);
  });

  // Tolerant presence: every field may be absent or null; only required fields change.
  it.each<{ given: Field; declared: string; default?: string; decode: string; encode: string }>([
    { given: field("id", str, true), declared: "Option[String]", decode: 'r.optional("id", JsonSupport.string)', encode: '.optional("id", a.x, JsonSupport.string)' },
    {
      given: field("object", { kind: "literal", value: "thread.run" }, true),
      declared: 'Option["thread.run"]',
      default: 'Some("thread.run")',
      decode: 'r.optional("object", JsonSupport.literalString("thread.run"))',
      encode: '.optional("object", a.x, JsonSupport.literalString("thread.run"))',
    },
    {
      given: field("expires_at", { kind: "primitive", type: "integer", format: "unixtime", nullable: true }, true),
      declared: "Option[Long]",
      decode: 'r.requiredNullable("expires_at", JsonSupport.long)',
      encode: '.requiredNullable("expires_at", a.x, JsonSupport.long)',
    },
    { given: field("data", { kind: "unknown" }, true), declared: "Option[Json]", default: "None", decode: 'r.optionalJson("data")', encode: '.optional("data", a.x, JsonSupport.json)' },
    { given: field("usage", { kind: "ref", target: "#/Usage" }, true), declared: "Option[Usage]", decode: 'r.optional("usage", Usage.codec)', encode: '.optional("usage", a.x, Usage.codec)' },
    {
      given: field("top_p", { kind: "primitive", type: "number", nullable: true }, false),
      declared: "Nullable[Double]",
      default: "Nullable.Absent",
      decode: 'r.optionalNullable("top_p", JsonSupport.double)',
      encode: '.optionalNullable("top_p", a.x, JsonSupport.double)',
    },
    { given: field("limit", { kind: "primitive", type: "integer", format: "int32" }, false), declared: "Option[Int]", default: "None", decode: 'r.optional("limit", JsonSupport.int)', encode: '.optional("limit", a.x, JsonSupport.int)' },
  ])("tolerant $given.name: $declared", ({ given, declared, default: def, decode, encode }) => {
    const shape = fieldShape(given, ctx(), "tolerant");
    expect(shape.declared).toBe(declared);
    expect(shape.default).toBe(def);
    expect(shape.tolerated).toBe(given.required && !["expires_at"].includes(given.name));
    expect(fieldCodecs(given, "x", shape, ctx())).toEqual({ decode, encode });
  });

  it("codecs of nested and shadowed types", () => {
    expect(codecOf({ kind: "map", values: { kind: "ref", target: "#/Run/err", nullable: true } }, ctx())).toBe("JsonSupport.map(JsonSupport.option(Run.LastError.codec))");
    expect(nestedCodec({ kind: "ref", target: "#/Run/status", nullable: true }, ctx(["Run"]))).toBe("JsonSupport.option(_root_.acme.models.Run.Status.codec)");
    expect(codecOf({ kind: "primitive", type: "integer", format: "uint64" }, ctx())).toBe("JsonSupport.bigInt");
  });
});
