// IR type expressions as Scala type strings, and how each field is present in JSON.
// Every string a template prints as a type comes from here.
import { listOf, mapOf, nullableOf, optionOf } from "./syntax.js";
import type { NameTable } from "../../naming/assign.js";
import { dottedPath } from "../../naming/dotted.js";
import { acceptsNull, unalias, type ModelIndex } from "../../ir/query.js";
import type { Field, LiteralType, PrimitiveType, TypeExpr } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import { scalaNumber, scalaString } from "./naming.js";
import type { MappableFormat } from "../../ir/customize/formats.js";
import type { Mappings } from "../mappings.js";

export interface ScalaTypeContext {
  models: ModelIndex;
  names: NameTable;
  /** `_root_.<package>`: how a model is named when its first name is shadowed where it is written. */
  root: string;
  /** Names declared around the place being written (union variant wrappers) that hide top-level models. */
  shadowed: Pick<ReadonlySet<string>, "has">;
  /** Told about every library name a type needs, so the file imports it. */
  use(name: "Json" | "ArraySeq"): void;
  /** Formats and models the settings map to java.time/java.util or the user's types (absent: wire types). */
  mappings?: Mappings;
}

/**
 * `types: native`: the JDK's own types, each with a codec in JsonSupport that reads and writes the
 * wire form (RFC 3339 text, ISO dates, hyphenated UUIDs, whole epoch seconds).
 */
export const NATIVE_TYPES: Record<MappableFormat, { type: string; codec: string }> = {
  "date-time": { type: "java.time.OffsetDateTime", codec: "offsetDateTime" },
  date: { type: "java.time.LocalDate", codec: "localDate" },
  uuid: { type: "java.util.UUID", codec: "uuid" },
  unixtime: { type: "java.time.Instant", codec: "epochSeconds" },
};

/** The type a primitive is written as: its wire type, unless the settings map its format. */
export function mappedPrimitiveType(t: PrimitiveType, mappings: Mappings | undefined): string {
  const choice = mappings?.format(t);
  if (!choice) return primitiveType(t);
  return "native" in choice ? NATIVE_TYPES[choice.native].type : (choice.user as string);
}

/** Does this type read any JSON value, null included (an unknown, or an alias of one)? */
function isJsonValue(t: TypeExpr, models: ModelIndex): boolean {
  return unalias(t, models).kind === "unknown";
}

/** Needs `Option[...]` where null is a value: it accepts null and is not a JSON value (which holds null itself). */
export function takesOption(t: TypeExpr, models: ModelIndex): boolean {
  return acceptsNull(t, models) && !isJsonValue(t, models);
}

/** The Scala type of a value in any position: `Option[T]` when null is allowed. */
export function valueType(t: TypeExpr, ctx: ScalaTypeContext): string {
  const core = coreType(t, ctx);
  return takesOption(t, ctx.models) ? optionOf(core) : core;
}

/** The type without the `Option` for its own nullability (nested positions keep theirs). */
export function coreType(t: TypeExpr, ctx: ScalaTypeContext): string {
  switch (t.kind) {
    case "primitive":
      if (isBinary(t)) ctx.use("ArraySeq");
      return mappedPrimitiveType(t, ctx.mappings);
    case "literal":
      return literalType(t);
    case "unknown":
      ctx.use("Json");
      return "Json";
    case "array":
      return listOf(valueType(t.items, ctx));
    case "map":
      return mapOf("String", valueType(t.values, ctx));
    case "ref":
      return modelRef(t.target, ctx);
  }
}

/** A model's path (`Run.LastError`), from the package root when its first name is shadowed here. */
export function modelRef(id: string, ctx: ScalaTypeContext): string {
  const user = ctx.mappings?.model(id);
  if (user !== undefined) return user as string;
  const joined = dottedPath(ctx.names, id);
  return ctx.shadowed.has(ctx.names.path(id)[0]!) ? `${ctx.root}.${joined}` : joined;
}

/** `type: string, format: binary`: raw bytes, such as a file part of a multipart body. */
export function isBinary(t: TypeExpr): boolean {
  return t.kind === "primitive" && t.type === "string" && t.format === "binary";
}

/** The Scala type of raw bytes: immutable, unboxed, and equal by content (an `Array` is equal by reference). */
export const BYTES_TYPE = "ArraySeq[Byte]";

/**
 * Integers are 64-bit unless the spec says int32: OpenAI writes Unix timestamps as plain
 * `integer`, and `Int` would overflow in 2038. uint64 needs BigInt to hold every value.
 */
export function primitiveType(t: PrimitiveType): string {
  switch (t.type) {
    case "string":
      return isBinary(t) ? BYTES_TYPE : "String";
    case "boolean":
      return "Boolean";
    case "number":
      return "Double";
    case "integer":
      if (t.format === "int32") return "Int";
      return t.format === "uint64" ? "BigInt" : "Long";
  }
}

/** A literal type: `"thread.run"`, `1L`, `0.5`, `true`. */
function literalType(t: LiteralType): string {
  return literalValue(t.value, t.exact);
}

export function literalValue(value: string | number | boolean, exact?: string): string {
  if (typeof value === "string") return scalaString(value);
  if (typeof value === "number") return scalaNumber(value, exact);
  return String(value);
}

/**
 * How a field is present in JSON, which fixes its Scala type and the codec calls:
 * - required: `T`, must be there and not null;
 * - requiredNullable: `Option[T]`, written as null when None; absent reads as None under the lenient policy;
 * - requiredJson: `Json`, any value including null (absent reads as null under the lenient policy);
 * - optional: `Option[T]`, None is absent (a null on the wire also reads as None);
 * - optionalNullable: `Nullable[T]`, absent, null and a value kept apart so each survives a round trip;
 * - optionalJson: `Option[Json]`, None is absent, `Some(Json.Null)` is null.
 */
export type Presence = "required" | "requiredNullable" | "requiredJson" | "optional" | "optionalNullable" | "optionalJson";

export interface FieldShape {
  presence: Presence;
  /** Required by the spec but read as optional: the tolerant presence policy (see fieldShape). */
  tolerated: boolean;
  /** The declared type of the case class parameter. */
  declared: string;
  /** The type the codec reads and writes (`T` inside `Option[T]`). */
  inner: string;
  /** The parameter's default value, if any. */
  default?: string;
}

/**
 * The field's shape under a presence policy. Lenient and strict differ only in the decoder's check
 * (JsonSupport.LenientPresence). Tolerant makes every required field readable when absent or null:
 * one that admits null keeps its `Option` (written as null), any other reads as an optional field
 * (`Option[T]`, left out when `None`), a constant defaulting to `Some(constant)` so it is still
 * written unless the caller clears it. Decoding then fails only on a value of the wrong type, an
 * unlisted constant, enum value or tag.
 */
export function fieldShape(f: Field, ctx: ScalaTypeContext, policy: PresencePolicy): FieldShape {
  const inner = coreType(f.type, ctx);
  const json = isJsonValue(f.type, ctx.models);
  const nullable = acceptsNull(f.type, ctx.models);
  const tolerated = f.required && policy === "tolerant" && (json || !nullable);
  if (f.required && !tolerated) {
    if (json) return { presence: "requiredJson", tolerated, declared: inner, inner };
    if (nullable) return { presence: "requiredNullable", tolerated, declared: optionOf(inner), inner };
    const shape: FieldShape = { presence: "required", tolerated, declared: inner, inner };
    // A constant needs no argument: it can only ever hold its one value.
    if (f.type.kind === "literal") shape.default = literalType(f.type);
    return shape;
  }
  if (json) return { presence: "optionalJson", tolerated, declared: optionOf(inner), inner, default: "None" };
  if (nullable) return { presence: "optionalNullable", tolerated, declared: nullableOf(inner), inner, default: "Nullable.Absent" };
  if (tolerated) {
    // No default: the spec requires the field, so a caller building a value still names it.
    const shape: FieldShape = { presence: "optional", tolerated, declared: optionOf(inner), inner };
    if (f.type.kind === "literal") shape.default = `Some(${literalType(f.type)})`;
    return shape;
  }
  return { presence: "optional", tolerated, declared: optionOf(inner), inner, default: "None" };
}
