// IR type expressions as Elixir typespecs (`String.t() | nil`, `[Root.Tool.t()]`, `:queued | :failed`)
// and as codec descriptors, the data the generated `__schema__/0` functions hand to `Root.Codec`
// (`{:nullable, :string}`, `{:list, {:model, Root.Tool}}`). Both come from the same walk, so a
// typespec and the decoder of a field can never disagree.
import type { NameTable } from "../../naming/assign.js";
import { dottedPath } from "../../naming/dotted.js";
import { acceptsNull, isInlineEnum, type ModelIndex } from "../../ir/query.js";
import type { EnumModel, PrimitiveName, TypeExpr } from "../../ir/types.js";
import { flat, flatTerm, text, union, type Term, type TypeDoc } from "./layout.js";
import { atomLiteral, literalAtomName, stringLiteral } from "./naming.js";
import type { MappableFormat } from "../../ir/customize/formats.js";
import type { Mappings } from "../mappings.js";

/** What naming a module takes: the naming pass and the root namespace. */
export interface ModuleNaming {
  names: NameTable;
  /** The root namespace, e.g. `RunsApi`. */
  namespace: string;
  /** Formats and models the settings map to Elixir's own or the user's types (absent: wire types). */
  mappings?: Mappings;
}

export interface ElixirTypeContext extends ModuleNaming {
  models: ModelIndex;
  /**
   * Enums keep a value the spec does not list (option `openEnums`, default true): it decodes as
   * itself, so every enum type also admits its values' JSON type (`:queued | String.t()`).
   */
  openEnums: boolean;
}

/** The full module name of a model: `RunsApi.Run.LastError`. */
export function moduleName(id: string, ctx: ModuleNaming): string {
  const user = ctx.mappings?.model(id);
  if (user !== undefined) return user as string;
  return `${ctx.namespace}.${dottedPath(ctx.names, id)}`;
}

/**
 * Does a use of `t` admit null on its own? The IR marks every reference to a nullable model
 * nullable, so null is said at the use site (`Metadata.t() | nil`) and a model's own type is the
 * value; the model's flag is looked at too for IR built by hand.
 */
function isNullable(t: TypeExpr, ctx: ElixirTypeContext): boolean {
  if (t.kind === "unknown") return false; // term() already includes nil
  if (t.nullable) return true;
  return t.kind === "ref" && ctx.models.get(t.target)?.nullable === true;
}

/** Does a field's value admit nil, looking through aliases (`metadata: Metadata` where Metadata is nullable)? */
export function admitsNil(t: TypeExpr, ctx: ElixirTypeContext): boolean {
  return isNullable(t, ctx) || acceptsNull(t, ctx.models);
}

/** The typespec of a use of `t`, with `nil` last when it admits null. */
export function typeDoc(t: TypeExpr, ctx: ElixirTypeContext): TypeDoc {
  const core = coreDoc(t, ctx);
  return isNullable(t, ctx) ? withNil(core) : core;
}

export function typespec(t: TypeExpr, ctx: ElixirTypeContext): string {
  return flat(typeDoc(t, ctx));
}

/** The typespec of a struct field: optional fields default to nil, so they admit it too. */
export function fieldTypeDoc(t: TypeExpr, required: boolean, ctx: ElixirTypeContext): TypeDoc {
  const doc = typeDoc(t, ctx);
  return required ? doc : withNil(doc);
}

/** `T | nil`, unless T already admits nil (`term()` does). */
export function withNil(doc: TypeDoc): TypeDoc {
  if (doc.kind === "text" && doc.text === "none()") return text("nil");
  const parts = doc.kind === "union" ? doc.parts : [doc];
  return parts.some((p) => p.kind === "text" && (p.text === "nil" || p.text === "term()")) ? doc : union([...parts, text("nil")]);
}

function coreDoc(t: TypeExpr, ctx: ElixirTypeContext): TypeDoc {
  switch (t.kind) {
    case "primitive": {
      const choice = ctx.mappings?.format(t);
      if (choice) return text("native" in choice ? NATIVE_TYPES[choice.native].spec : `${choice.user as string}.t()`);
      return text(isRawBytes(t) ? "binary()" : primitiveSpec(t.type));
    }
    case "literal":
      return text(valueSpec(t.value, t.exact));
    case "unknown":
      return text("term()");
    case "array":
      return { kind: "list", item: typeDoc(t.items, ctx) };
    case "map":
      return { kind: "map", key: "optional(String.t())", value: typeDoc(t.values, ctx) };
    case "ref": {
      const target = ctx.models.get(t.target);
      if (isInlineEnum(target)) return enumDoc(target, ctx);
      return text(`${moduleName(t.target, ctx)}.t()`);
    }
  }
}

/**
 * `types: native`: what a value of each format is in Elixir, and its codec descriptor. The codec
 * parses it in `from_json` (bad text is `{:invalid_format, path, value}`) and writes the wire form
 * back in `to_json`; a uuid stays a string, its format checked both ways.
 */
const NATIVE_TYPES: Record<MappableFormat, { spec: string; codec: string }> = {
  "date-time": { spec: "DateTime.t()", codec: ":date_time" },
  date: { spec: "Date.t()", codec: ":date" },
  uuid: { spec: "String.t()", codec: ":uuid" },
  unixtime: { spec: "DateTime.t()", codec: ":unixtime" },
};

/**
 * `type: string, format: binary`: raw bytes (a multipart file part), not text, so `binary()`
 * rather than `String.t()` (which promises UTF-8). The codec still checks `is_binary`.
 */
export function isRawBytes(t: TypeExpr): boolean {
  return t.kind === "primitive" && t.type === "string" && t.format === "binary";
}

/** JSON numbers stay as decoded (an integer or a float), so `number` is `number()`, whatever the format. */
export function primitiveSpec(type: "string" | "integer" | "number" | "boolean"): string {
  switch (type) {
    case "string":
      return "String.t()";
    case "integer":
      return "integer()";
    case "number":
      return "number()";
    case "boolean":
      return "boolean()";
  }
}

/**
 * The typespec of one literal value: an atom for strings, the number or boolean itself (floats as
 * `float()`). `exact`: the spec's digits of an integer beyond 2^53 (LiteralType.exact, EnumMember.exact).
 */
export function valueSpec(value: string | number | boolean, exact?: string): string {
  if (typeof value === "string") return atomLiteral(literalAtomName(value));
  if (typeof value === "boolean") return String(value);
  return Number.isInteger(value) ? integerLiteral(value, exact) : "float()";
}

/**
 * The atoms (and numbers, booleans) of an enum as a union, then, when enums are open, the JSON
 * type an unknown value keeps (`:queued | :failed | String.t()`); a use that admits null adds `nil`.
 */
export function enumDoc(m: EnumModel, ctx: Pick<ElixirTypeContext, "names" | "openEnums">): TypeDoc {
  const known = m.members.map((x) =>
    text(typeof x.value === "string" ? atomLiteral(ctx.names.member(m.id, x.value)) : valueSpec(x.value, x.exact)),
  );
  return union(ctx.openEnums ? [...known, ...unknownValueTypes(m).map((p) => text(primitiveSpec(p)))] : known);
}

/**
 * The JSON types an open enum keeps a value of that it does not list: its values' own type
 * (`integer` for an integer enum, never a float), or for a mixed enum each type among its values.
 * An enum without values keeps nothing.
 */
export function unknownValueTypes(m: EnumModel): PrimitiveName[] {
  if (m.members.length === 0) return [];
  if (m.valueType !== "mixed") return [m.valueType];
  const kinds = new Set(
    m.members.map((x) => (typeof x.value === "string" ? "string" : typeof x.value === "boolean" ? "boolean" : "number")),
  );
  return (["string", "number", "boolean"] as const).filter((k) => kinds.has(k));
}

/** The Elixir term an enum member decodes to (`exact` as for valueSpec). */
export function memberTerm(m: EnumModel, value: string | number | boolean, names: NameTable, exact?: string): string {
  return typeof value === "string" ? atomLiteral(names.member(m.id, value)) : jsonLiteral(value, exact);
}

/**
 * A JSON scalar as Elixir source: `"text"`, `42`, `1.5`, `true`, `nil`. `exact`: the spec's digits
 * of an integer beyond 2^53, which Elixir's integers hold (Jason decodes them exactly).
 */
export function jsonLiteral(value: string | number | boolean | null, exact?: string): string {
  if (value === null) return "nil";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "boolean") return String(value);
  return Number.isInteger(value) ? integerLiteral(value, exact) : floatLiteral(value);
}

function integerLiteral(value: number, exact: string | undefined): string {
  // Without the spec's digits, an integer beyond 2^53 is the double the reader gave: printed without exponent.
  return groupedDigits(exact ?? BigInt(value).toString());
}

/** Elixir floats need digits on both sides of the point: `1.0e-7`, never `1e-7`. */
export function floatLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`elixir: ${value} has no JSON form`);
  const text = String(value);
  const [mantissa, exponent] = text.split("e");
  const withPoint = mantissa!.includes(".") ? mantissa! : `${mantissa}.0`;
  const [whole, fraction] = withPoint.split(".");
  const spelled = `${groupedDigits(whole!)}.${fraction}`;
  return exponent === undefined ? spelled : `${spelled}e${exponent.replace(/^\+/, "")}`;
}

/**
 * A number's whole part as `mix format` writes it: six digits or more grouped by three with `_`
 * (`100_000`, `-9_223_372_036_854_775_808`), fewer as they are (`12345`).
 */
function groupedDigits(whole: string): string {
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  return digits.length < 6 ? whole : `${sign}${digits.replace(/\B(?=(\d{3})+$)/g, "_")}`;
}

/** The codec descriptor of `t` (see the `type` typespec of the generated `Codec` module). */
export function codecTerm(t: TypeExpr, ctx: ElixirTypeContext): Term {
  const core = codecCore(t, ctx);
  return isNullable(t, ctx) ? { tuple: [":nullable", core] } : core;
}

export function codecType(t: TypeExpr, ctx: ElixirTypeContext): string {
  return flatTerm(codecTerm(t, ctx));
}

function codecCore(t: TypeExpr, ctx: ElixirTypeContext): Term {
  switch (t.kind) {
    case "primitive": {
      const choice = ctx.mappings?.format(t);
      if (choice) return "native" in choice ? NATIVE_TYPES[choice.native].codec : { tuple: [":external", choice.user as string] };
      return `:${t.type}`;
    }
    case "literal":
      return { tuple: [":literal", jsonLiteral(t.value, t.exact), literalTerm(t.value, t.exact)] };
    case "unknown":
      return ":any";
    case "array":
      return { tuple: [":list", codecTerm(t.items, ctx)] };
    case "map":
      return { tuple: [":map", codecTerm(t.values, ctx)] };
    case "ref": {
      const target = ctx.models.get(t.target);
      // A nullable inline enum is wrapped by codecTerm (isNullable looks at the target).
      if (isInlineEnum(target)) return enumCodec(target, ctx);
      // A mapped model is the user's module: its own from_json/1 and to_json/1 read and write it.
      if (ctx.mappings?.model(t.target) !== undefined) return { tuple: [":external", moduleName(t.target, ctx)] };
      return { tuple: [":model", moduleName(t.target, ctx)] };
    }
  }
}

/** `{:enum, [{"queued", :queued}, ...]}`: wire values with the terms they decode to (see enumCodecWith). */
function enumCodec(m: EnumModel, ctx: Pick<ElixirTypeContext, "names" | "openEnums">): Term {
  return enumCodecWith(
    m,
    { list: m.members.map((x) => ({ tuple: [jsonLiteral(x.value, x.exact), memberTerm(m, x.value, ctx.names, x.exact)] })) },
    ctx.openEnums,
  );
}

/**
 * An enum's codec descriptor around its members (a list, or the `@members` attribute): closed
 * `{:enum, members}`, or open `{:enum, members, [:string]}` naming the JSON types an unknown value
 * is kept as.
 */
export function enumCodecWith(m: EnumModel, members: Term, open: boolean): Term {
  return open ? { tuple: [":enum", members, { list: unknownValueTypes(m).map((p) => `:${p}`) }] } : { tuple: [":enum", members] };
}

function literalTerm(value: string | number | boolean, exact: string | undefined): string {
  return typeof value === "string" ? atomLiteral(literalAtomName(value)) : jsonLiteral(value, exact);
}
