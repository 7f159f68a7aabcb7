// View models for the Elixir templates: one module per model (inline enums excepted: they are
// spelled as atom unions where used), every line of typespec, struct and schema already laid out.
import type { AliasModel, EnumModel, Field, Model, ObjectModel, UnionModel } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import { fieldsSection, joinParagraphs, modelIntro, typeFacts, valuesSection, variantsSection } from "./docs.js";
import { attributeLines, attributeListLines, attributeTermLines, defLines, shortDefLines, heredocLines, structTypeLines, text, union, type Term, type TypeDoc } from "./layout.js";
import { atomLiteral, keywordKey, stringLiteral } from "./naming.js";
import { EXTRA_KEYS_FIELD } from "./reserved.js";
import { admitsNil, codecTerm, enumDoc, fieldTypeDoc, jsonLiteral, memberTerm, moduleName, typeDoc, withNil, type ElixirTypeContext } from "./types.js";

export interface ModuleContext extends ElixirTypeContext {
  presence: PresencePolicy;
  header: string[];
  /** Models some operation sends as a `multipart/form-data` body: their fields are its parts. */
  multipartBodies: ReadonlySet<string>;
}

export interface ModuleView {
  header: string[];
  module: string;
  codec: string;
  doc: string[];
  /** `@enforce_keys` and `defstruct` lines (objects only). */
  structLines: string[];
  typeLines: string[];
  /** Extra definitions before `__schema__` (an enum's `values/0`). */
  extraLines: string[];
  schemaLines: string[];
  fromJsonSpecLines: string[];
  toJsonSpecLines: string[];
  fromJsonLines: string[];
  toJsonLines: string[];
}

/** How the codec treats a field that is absent from the JSON object. */
export function presenceOf(f: Field, policy: PresencePolicy, ctx: ElixirTypeContext): ":required" | ":nil_if_absent" | ":optional" | ":optional_nullable" {
  // An optional field that allows null is written as null when nil, so responses that spell out
  // their nulls come back unchanged; any-typed fields stay absent (null is not what they declare).
  if (!f.required) return f.type.kind !== "unknown" && admitsNil(f.type, ctx) ? ":optional_nullable" : ":optional";
  return policy === "lenient" && admitsNil(f.type, ctx) ? ":nil_if_absent" : ":required";
}

export function moduleView(m: Model, ctx: ModuleContext): ModuleView {
  switch (m.kind) {
    case "object":
      return objectView(m, ctx);
    case "enum":
      return enumView(m, ctx);
    case "union":
      return unionView(m, ctx);
    case "alias":
      return aliasView(m, ctx);
  }
}

function base(m: Model, ctx: ModuleContext, doc: string[], typeDoc: TypeDoc, toJson: TypeDoc): ModuleView {
  const codec = `${ctx.namespace}.Codec`;
  return {
    header: ctx.header,
    module: moduleName(m.id, ctx),
    codec,
    doc: heredocLines(doc),
    structLines: [],
    typeLines: attributeLines("@type t ::", typeDoc),
    extraLines: [],
    schemaLines: [],
    fromJsonSpecLines: attributeLines(`@spec from_json(${codec}.json()) ::`, union([text("{:ok, t()}"), text(`{:error, ${codec}.error()}`)])),
    toJsonSpecLines: attributeLines(`@spec to_json(t(), ${codec}.encode_options()) ::`, toJson),
    fromJsonLines: shortDefLines("from_json(json)", `${codec}.decode(json, {:model, __MODULE__})`),
    toJsonLines: toJsonDef("value", codec),
  };
}

function objectView(m: ObjectModel, ctx: ModuleContext): ModuleView {
  const codec = `${ctx.namespace}.Codec`;
  const part = ctx.multipartBodies.has(m.id);
  const fields = m.fields.map((f) => ({ field: f, key: ctx.names.field(m.id, f.name), type: fieldTypeDoc(f.type, f.required, ctx), part }));
  const extra = m.additionalProperties ? { key: EXTRA_KEYS_FIELD, type: { kind: "map", key: "optional(String.t())", value: typeDoc(m.additionalProperties, ctx) } as TypeDoc } : undefined;
  const intro = modelIntro(m);
  const empty = fields.length === 0 && !extra ? ["An object without declared fields: keys in the JSON are ignored."] : [];
  const doc = joinParagraphs(intro, empty, fieldsSection(fields, extra, ctx.presence, ctx));
  const view = base(m, ctx, doc, text("%__MODULE__{}"), text(`%{optional(String.t()) => ${codec}.json()}`));

  const required = fields.filter((f) => f.field.required).map((f) => atomLiteral(f.key));
  const structItems = fields.map((f) => atomLiteral(f.key));
  if (extra) structItems.push(`${keywordKey(extra.key)} %{}`);
  view.structLines = [...(required.length ? attributeListLines("@enforce_keys", required) : []), ...attributeListLines("defstruct", structItems)];
  view.typeLines = structTypeLines([
    ...fields.map((f) => ({ key: keywordKey(f.key), doc: f.type })),
    ...(extra ? [{ key: keywordKey(extra.key), doc: extra.type }] : []),
  ]);
  const descriptors: Term[] = fields.map((f) => ({
    tuple: [atomLiteral(f.key), stringLiteral(f.field.name), codecTerm(f.field.type, ctx), presenceOf(f.field, ctx.presence, ctx)],
  }));
  const extraTerm: Term = m.additionalProperties ? { tuple: [atomLiteral(EXTRA_KEYS_FIELD), codecTerm(m.additionalProperties, ctx)] } : "nil";
  view.schemaLines = [...attributeTermLines("fields", descriptors), "", ...schemaDef({ tuple: [":object", "@fields", extraTerm] }, ctx)];
  view.toJsonLines = toJsonDef("%__MODULE__{} = value", codec);
  return view;
}

function enumView(m: EnumModel, ctx: ModuleContext): ModuleView {
  const term = (value: string | number | boolean) => memberTerm(m, value, ctx.names);
  const doc = joinParagraphs(modelIntro(m), valuesSection(m, term));
  const view = base(m, ctx, doc, enumDoc(m, ctx.names), jsonDoc(ctx));
  const members: Term[] = m.members.map((x) => ({ tuple: [jsonLiteral(x.value), term(x.value)] }));
  view.extraLines = [
    ...attributeTermLines("members", members),
    "",
    '  @doc "Every value of the enum, in the order of the spec."',
    "  @spec values() :: [t()]",
    "  def values, do: for({_wire, value} <- @members, do: value)",
    "",
  ];
  const codec: Term = { tuple: [":enum", "@members"] };
  view.schemaLines = schemaDef({ tuple: [":type", m.nullable ? { tuple: [":nullable", codec] } : codec] }, ctx);
  return view;
}

function unionView(m: UnionModel, ctx: ModuleContext): ModuleView {
  const doc = joinParagraphs(modelIntro(m), variantsSection(m, ctx));
  const parts = union(m.variants.map((v) => typeDoc(v.type, ctx)));
  const view = base(m, ctx, doc, m.nullable ? withNil(parts) : parts, jsonDoc(ctx));
  const variants: Term[] = m.variants.map((v) => ({ tuple: [codecTerm(v.type, ctx), { list: (v.tags ?? []).map(stringLiteral) }] }));
  const tag = m.discriminator ? stringLiteral(m.discriminator.property) : "nil";
  view.schemaLines = [...attributeTermLines("variants", variants), "", ...schemaDef({ tuple: [":union", "@variants", tag, m.nullable ? "true" : "false"] }, ctx)];
  return view;
}

function aliasView(m: AliasModel, ctx: ModuleContext): ModuleView {
  const facts = typeFacts(m.type, ctx).map((fact) => [fact]);
  const type = typeDoc(m.type, ctx);
  const view = base(m, ctx, joinParagraphs(modelIntro(m), ...facts), m.nullable ? withNil(type) : type, jsonDoc(ctx));
  const codec = codecTerm(m.type, ctx);
  const wrap = m.nullable && m.type.kind !== "unknown" && !(typeof codec !== "string" && "tuple" in codec && codec.tuple[0] === ":nullable");
  view.schemaLines = schemaDef({ tuple: [":type", wrap ? { tuple: [":nullable", codec] } : codec] }, ctx);
  return view;
}

function toJsonDef(arg: string, codec: string): string[] {
  return shortDefLines(`to_json(${arg}, options \\\\ [])`, `${codec}.encode!(value, {:model, __MODULE__}, options)`);
}

/** `@doc false`, `@spec __schema__()`, `def __schema__`. */
function schemaDef(body: Term, ctx: ModuleContext): string[] {
  return ["  @doc false", `  @spec __schema__() :: ${ctx.namespace}.Codec.schema()`, ...defLines("__schema__", body)];
}

function jsonDoc(ctx: ModuleContext): TypeDoc {
  return text(`${ctx.namespace}.Codec.json()`);
}
