// View models for the Elixir templates: one module per model (inline enums excepted: they are
// spelled as atom unions where used), every line of typespec, struct and schema already laid out.
import type { AliasModel, EnumMember, EnumModel, Model, ObjectModel, UnionModel } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import { fieldsSection, joinParagraphs, modelIntro, typeFacts, valuesSection, variantsSection } from "./docs.js";
import {
  attributeLines,
  attributeListLines,
  attributeTermLines,
  defLines,
  shortDefLines,
  heredocLines,
  structTypeLines,
  text,
  union,
  type Term,
  type TypeDoc,
} from "./layout.js";
import { atomLiteral, keywordKey, stringLiteral } from "./naming.js";
import { EXTRA_KEYS_FIELD } from "./reserved.js";
import {
  codecTerm,
  enumCodecWith,
  enumDoc,
  jsonLiteral,
  memberTerm,
  moduleName,
  primitiveSpec,
  typeDoc,
  unknownValueTypes,
  type ElixirTypeContext,
} from "./types.js";
import { fieldCodecTerm, fieldTypeUnder, isEnforced, presenceOf } from "./presence.js";

export interface ModuleContext extends ElixirTypeContext {
  presence: PresencePolicy;
  /**
   * Tagged unions keep an object whose tag they do not list, as the map received (option
   * `openUnions`, default true), so their type also admits `Codec.unknown_variant()`.
   */
  openUnions: boolean;
  header: string[];
  /** Models some operation sends as a `multipart/form-data` body: their fields are its parts. */
  multipartBodies: ReadonlySet<string>;
}

/** One model's module: moduledoc, struct (objects), `@type t`, the codec's schema, `from_json`/`to_json`. */
export interface ModuleView {
  /** The generated-file header, as `#` comment lines. */
  header: string[];
  /** The module's full name (`Namespace.RunObject`). */
  module: string;
  /** The shared codec module every `from_json`/`to_json` calls (`Namespace.Codec`). */
  codec: string;
  /** The `@moduledoc` heredoc's lines, indented; none writes `@moduledoc false`. */
  doc: string[];
  /**
   * Modules to `use` after the moduledoc, one `use` line each, with any options
   * (`"MyApp.Schema, strict: true"`). None built in: the place for an override's own.
   */
  uses: string[];
  /** The struct of an object model (`@derive`, `@enforce_keys`, `defstruct`); null for other models. */
  struct: StructView | null;
  /** `@type t :: ...` laid out. */
  typeLines: string[];
  /** Extra definitions before `__schema__` (an enum's `values/0`). */
  extraLines: string[];
  /** The codec's description of the model: module attributes and `def __schema__`. */
  schemaLines: string[];
  /** `@spec from_json(...)` laid out. */
  fromJsonSpecLines: string[];
  /** `@spec to_json(...)` laid out. */
  toJsonSpecLines: string[];
  /** `def from_json(json)` laid out. */
  fromJsonLines: string[];
  /** `def to_json(value, options \\ [])` laid out. */
  toJsonLines: string[];
}

/** An object model's struct, written before its `@type`. */
export interface StructView {
  /**
   * Protocols to derive, one `@derive` line each (`"Jason.Encoder"`, `"{Inspect, only: [:id]}"`);
   * none built in: the place for an override's own.
   */
  derives: string[];
  /** The struct's keys as atoms (`:id`), in the schema's order: for `@derive {Inspect, only: [...]}`. */
  keys: string[];
  /** `@enforce_keys [...]` laid out (the keys without a default); none when no key is enforced. */
  enforceKeysLines: string[];
  /** `defstruct [...]` laid out. */
  defstructLines: string[];
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

/**
 * The lines every module of a namespace repeats (the `from_json`/`to_json` specs and definitions):
 * laid out once per namespace instead of once per model. Shared between views, which templates
 * only read.
 */
interface FixedLines {
  fromJsonSpec: string[];
  /** `to_json`'s spec for a struct (an object model) and for any other value. */
  toJsonSpecObject: string[];
  toJsonSpecValue: string[];
  fromJson: string[];
  /** `to_json`'s definition for a struct and for any other value. */
  toJsonObject: string[];
  toJsonValue: string[];
}

const fixedByCodec = new Map<string, FixedLines>();

function fixedLines(codec: string): FixedLines {
  let fixed = fixedByCodec.get(codec);
  if (fixed === undefined) {
    const toJsonSpec = (toJson: TypeDoc) => attributeLines(`@spec to_json(t(), ${codec}.encode_options()) ::`, toJson);
    fixed = {
      fromJsonSpec: attributeLines(`@spec from_json(${codec}.json()) ::`, union([text("{:ok, t()}"), text(`{:error, ${codec}.error()}`)])),
      toJsonSpecObject: toJsonSpec(text(`%{optional(String.t()) => ${codec}.json()}`)),
      toJsonSpecValue: toJsonSpec(text(`${codec}.json()`)),
      fromJson: shortDefLines("from_json(json)", `${codec}.decode(json, {:model, __MODULE__})`),
      toJsonObject: toJsonDef("%__MODULE__{} = value", codec),
      toJsonValue: toJsonDef("value", codec),
    };
    // A handful of namespaces in a process (one per spec title); bounded all the same.
    if (fixedByCodec.size >= 64) fixedByCodec.clear();
    fixedByCodec.set(codec, fixed);
  }
  return fixed;
}

/** `isObject`: the model is a struct (its `to_json` takes `%__MODULE__{}`). */
function base(m: Model, ctx: ModuleContext, doc: string[], typeDoc: TypeDoc, isObject = false): ModuleView {
  const codec = `${ctx.namespace}.Codec`;
  const fixed = fixedLines(codec);
  return {
    header: ctx.header,
    module: moduleName(m.id, ctx),
    codec,
    doc: heredocLines(doc),
    uses: [],
    struct: null,
    typeLines: attributeLines("@type t ::", typeDoc),
    extraLines: [],
    schemaLines: [],
    fromJsonSpecLines: fixed.fromJsonSpec,
    toJsonSpecLines: isObject ? fixed.toJsonSpecObject : fixed.toJsonSpecValue,
    fromJsonLines: fixed.fromJson,
    toJsonLines: isObject ? fixed.toJsonObject : fixed.toJsonValue,
  };
}

function objectView(m: ObjectModel, ctx: ModuleContext): ModuleView {
  const part = ctx.multipartBodies.has(m.id);
  const fields = m.fields.map((f) => ({ field: f, key: ctx.names.field(m.id, f.name), type: fieldTypeUnder(f, ctx.presence, ctx), part }));
  const extra = m.additionalProperties
    ? { key: EXTRA_KEYS_FIELD, type: { kind: "map", key: "optional(String.t())", value: typeDoc(m.additionalProperties, ctx) } as TypeDoc }
    : undefined;
  const intro = modelIntro(m);
  const empty = fields.length === 0 && !extra ? ["An object without declared fields: keys in the JSON are ignored."] : [];
  const doc = joinParagraphs(intro, empty, fieldsSection(fields, extra, ctx.presence, ctx));
  const view = base(m, ctx, doc, text("%__MODULE__{}"), true);

  // Each key's atom, written three times below (struct keys, defstruct, descriptors): spelled once.
  const atoms = fields.map((f) => atomLiteral(f.key));
  const required = atoms.filter((_, i) => isEnforced(fields[i]!.field, ctx.presence));
  const structItems = atoms.slice();
  if (extra) structItems.push(`${keywordKey(extra.key)} %{}`);
  view.struct = {
    derives: [],
    keys: atoms,
    enforceKeysLines: required.length ? attributeListLines("@enforce_keys", required) : [],
    defstructLines: attributeListLines("defstruct", structItems),
  };
  view.typeLines = structTypeLines([
    ...fields.map((f) => ({ key: keywordKey(f.key), doc: f.type })),
    ...(extra ? [{ key: keywordKey(extra.key), doc: extra.type }] : []),
  ]);
  const descriptors: Term[] = fields.map((f, i) => ({
    tuple: [atoms[i]!, stringLiteral(f.field.name), fieldCodecTerm(f.field, ctx.presence, ctx), presenceOf(f.field, ctx.presence, ctx)],
  }));
  const extraTerm: Term = m.additionalProperties
    ? { tuple: [atomLiteral(EXTRA_KEYS_FIELD), codecTerm(m.additionalProperties, ctx)] }
    : "nil";
  view.schemaLines = [...attributeTermLines("fields", descriptors), "", ...schemaDef({ tuple: [":object", "@fields", extraTerm] }, ctx)];
  return view;
}

function enumView(m: EnumModel, ctx: ModuleContext): ModuleView {
  const term = (member: EnumMember) => memberTerm(m, member.value, ctx.names, member.exact);
  const unknown = ctx.openEnums ? unknownValueTypes(m).map(primitiveSpec) : [];
  const openNote = unknown.length
    ? [
        `Any other value (${unknown.map((u) => `\`${u}\``).join(" or ")})` +
          ` is kept as it is and written back unchanged, so a value the API adds later still decodes.`,
      ]
    : [];
  const doc = joinParagraphs(modelIntro(m), valuesSection(m, term), openNote);
  const view = base(m, ctx, doc, enumDoc(m, ctx));
  const members: Term[] = m.members.map((x) => ({ tuple: [jsonLiteral(x.value, x.exact), term(x)] }));
  view.extraLines = [
    ...attributeTermLines("members", members),
    "",
    '  @doc "Every value of the enum, in the order of the spec."',
    "  @spec values() :: [t()]",
    "  def values, do: for({_wire, value} <- @members, do: value)",
    "",
  ];
  // A nullable enum's null belongs to its uses (`{:nullable, {:model, ...}}` there), as for every model.
  view.schemaLines = schemaDef({ tuple: [":type", enumCodecWith(m, "@members", ctx.openEnums)] }, ctx);
  return view;
}

/**
 * An open tagged union (the default) keeps an object with an unlisted tag as the map received:
 * its type admits `Codec.unknown_variant()` and its schema says `:keep`; untagged unions and
 * closed ones say `:reject`.
 */
function unionView(m: UnionModel, ctx: ModuleContext): ModuleView {
  const keepsUnknown = ctx.openUnions && m.discriminator !== undefined;
  const unknownVariant = keepsUnknown ? `${ctx.namespace}.Codec.unknown_variant()` : undefined;
  const doc = joinParagraphs(modelIntro(m), variantsSection(m, ctx, unknownVariant));
  const parts = m.variants.map((v) => typeDoc(v.type, ctx));
  const view = base(m, ctx, doc, union(unknownVariant ? [...parts, text(unknownVariant)] : parts));
  const variants: Term[] = m.variants.map((v) => ({ tuple: [codecTerm(v.type, ctx), { list: (v.tags ?? []).map(stringLiteral) }] }));
  const tag = m.discriminator ? stringLiteral(m.discriminator.property) : "nil";
  const schema: Term = { tuple: [":union", "@variants", tag, keepsUnknown ? ":keep" : ":reject"] };
  view.schemaLines = [...attributeTermLines("variants", variants), "", ...schemaDef(schema, ctx)];
  return view;
}

/**
 * A nullable alias (`Metadata: anyOf [map, null]`) names the value, as the official TypeScript
 * client has it: `@type t` is the map, and each use says `| nil` and decodes `null` there.
 */
function aliasView(m: AliasModel, ctx: ModuleContext): ModuleView {
  const facts = typeFacts(m.type, ctx).map((fact) => [fact]);
  const view = base(m, ctx, joinParagraphs(modelIntro(m), ...facts), typeDoc(m.type, ctx));
  view.schemaLines = schemaDef({ tuple: [":type", codecTerm(m.type, ctx)] }, ctx);
  return view;
}

function toJsonDef(arg: string, codec: string): string[] {
  return shortDefLines(`to_json(${arg}, options \\\\ [])`, `${codec}.encode!(value, {:model, __MODULE__}, options)`);
}

/** `@doc false`, `@spec __schema__()`, `def __schema__`. */
function schemaDef(body: Term, ctx: ModuleContext): string[] {
  return ["  @doc false", `  @spec __schema__() :: ${ctx.namespace}.Codec.schema()`, ...defLines("__schema__", body)];
}
