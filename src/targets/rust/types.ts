// IR type expressions as Rust type strings, and the serde attributes a field's presence needs.
// All type logic of the target lives here (templates only place the strings).
import type { NameTable } from "../../naming/assign.js";
import { acceptsNull, isUnixTime, unalias, type ModelIndex } from "../../ir/query.js";
import type { Field, PrimitiveType, TypeExpr } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import type { LiteralTable } from "./literals.js";
import type { RecursionInfo } from "./recursion.js";
import { serdeName } from "./naming.js";
import { boxOf, optionOf, rustString, stringMapOf, vecOf } from "./syntax.js";
import { WIRE_TYPES, type Mappings } from "../mappings.js";
import { unixSecondsShape } from "./unix-seconds.js";

/** What a file must import for the types written in it. */
export interface Uses {
  /** Type names of models referenced (imported with `use crate::{...}`). */
  models: Set<string>;
  btreeMap: boolean;
  literals: boolean;
  /** Helpers of the crate's `serde_support` module used by attributes. */
  support: Set<string>;
  /** Crates the types need beyond serde (`chrono`, `uuid`): Cargo.toml depends on them only then. */
  crates: Set<NativeCrate>;
  /** Paths of the user's types (`crate::extra::Metadata`, `time::OffsetDateTime`) written here. */
  userTypes: Set<string>;
}

export type NativeCrate = "chrono" | "uuid";

export function newUses(): Uses {
  return { models: new Set(), btreeMap: false, literals: false, support: new Set(), crates: new Set(), userTypes: new Set() };
}

export interface RustTypeContext {
  models: ModelIndex;
  names: NameTable;
  literals: LiteralTable;
  recursion: RecursionInfo;
  /** The model whose definition is being written: references back into its cycle get a `Box`. */
  owner: string;
  uses: Uses;
  /** Formats and models the settings map to chrono/uuid or the user's types (absent: wire types). */
  mappings?: Mappings;
}

/**
 * Integers are `i64` unless the format says otherwise (`int32` -> `i32`, `uint32` -> `u32`,
 * `uint64` -> `u64`); Unix timestamps are `i64`, never `i32`. Every number is `f64`, `format:
 * float` too: an `f32` would re-encode 0.7 as 0.699999988079071. A `number` with a unixtime
 * format stays `f64`, as it may carry fractional seconds. Strings of every format are `String`
 * (no chrono or uuid dependency; the format is noted in the docs), except `binary`: a file part of
 * a multipart body is raw bytes, not text, so it is `Vec<u8>`.
 */
export function primitiveType(t: Pick<PrimitiveType, "type" | "format">): string {
  return wirePrimitiveType(t);
}

/**
 * `types: native`: `date-time` is `chrono::DateTime<chrono::Utc>`, `date` `chrono::NaiveDate`,
 * `uuid` `uuid::Uuid` (their serde forms are the wire's RFC 3339 and hyphenated strings). A Unix
 * timestamp stays `i64` here: it becomes a date-time only as a field's own type, where an attribute
 * can name its codec (unix-seconds.ts). A user's type is written as given, its serde impl theirs.
 */
export function mappedPrimitiveType(t: Pick<PrimitiveType, "type" | "format">, mappings: Mappings, uses?: Uses): string {
  const choice = mappings.format(t);
  if (!choice) return wirePrimitiveType(t);
  if ("user" in choice) {
    uses?.userTypes.add(choice.user as string);
    return choice.user as string;
  }
  switch (choice.native) {
    case "date-time":
      uses?.crates.add("chrono");
      return DATE_TIME;
    case "date":
      uses?.crates.add("chrono");
      return "chrono::NaiveDate";
    case "uuid":
      uses?.crates.add("uuid");
      return "uuid::Uuid";
    case "unixtime":
      return wirePrimitiveType(t);
  }
}

const DATE_TIME = "chrono::DateTime<chrono::Utc>";

function wirePrimitiveType(t: Pick<PrimitiveType, "type" | "format">): string {
  switch (t.type) {
    case "string":
      return isBinary(t) ? vecOf("u8") : "String";
    case "boolean":
      return "bool";
    case "number":
      return "f64";
    case "integer":
      if (isUnixTime(t.format)) return "i64";
      return t.format === "int32" ? "i32" : t.format === "uint32" ? "u32" : t.format === "uint64" ? "u64" : "i64";
  }
}

/** `type: string, format: binary`: raw bytes (a file part of a multipart body). */
export function isBinary(t: Pick<PrimitiveType, "type" | "format">): boolean {
  return t.type === "string" && t.format === "binary";
}

/** Does the type decode into `serde_json::Value`, which holds `null` itself (no `Option` needed)? */
function isJsonValue(t: TypeExpr, models: ModelIndex): boolean {
  return unalias(t, models).kind === "unknown";
}

/** Does a value of this type accept `null` (and so need an `Option` the type itself does not give)? */
function needsOption(t: TypeExpr, models: ModelIndex): boolean {
  return acceptsNull(t, models) && !isJsonValue(t, models);
}

/** The type, wrapped in `Option` when it accepts null. */
export function rustType(t: TypeExpr, ctx: RustTypeContext, byValue = true): string {
  const core = coreType(t, ctx, byValue);
  return needsOption(t, ctx.models) ? optionOf(core) : core;
}

/** The type without the `Option` its nullability adds. */
export function coreType(t: TypeExpr, ctx: RustTypeContext, byValue = true): string {
  switch (t.kind) {
    case "primitive":
      return mappedPrimitiveType(t, ctx.mappings ?? WIRE_TYPES, ctx.uses);
    case "literal":
      ctx.uses.literals = true;
      return `literals::${ctx.literals.name(t)}`;
    case "unknown":
      return "serde_json::Value";
    case "array":
      return vecOf(rustType(t.items, ctx, false));
    case "map":
      ctx.uses.btreeMap = true;
      return stringMapOf(rustType(t.values, ctx, false));
    case "ref": {
      const user = ctx.mappings?.model(t.target);
      if (user !== undefined) {
        ctx.uses.userTypes.add(user as string);
        return user as string;
      }
      const name = ctx.names.type(t.target);
      if (t.target !== ctx.owner) ctx.uses.models.add(name);
      return byValue && ctx.recursion.boxed(ctx.owner, t.target) ? boxOf(name) : name;
    }
  }
}

/**
 * The type as written outside the model files, where nothing is imported (the operation index):
 * models as `crate::Name`, literals as `crate::literals::Name`, maps with their full path. No
 * `Box`: the index only names types, it never holds one inside itself.
 */
export function qualifiedType(t: TypeExpr, ctx: Pick<RustTypeContext, "models" | "names" | "literals" | "mappings">): string {
  const core = ((): string => {
    switch (t.kind) {
      case "primitive":
        return mappedPrimitiveType(t, ctx.mappings ?? WIRE_TYPES);
      case "literal":
        return `crate::literals::${ctx.literals.name(t)}`;
      case "unknown":
        return "serde_json::Value";
      case "array":
        return vecOf(qualifiedType(t.items, ctx));
      case "map":
        return stringMapOf(qualifiedType(t.values, ctx), true);
      case "ref":
        return (ctx.mappings?.model(t.target) as string | undefined) ?? `crate::${ctx.names.type(t.target)}`;
    }
  })();
  return needsOption(t, ctx.models) ? optionOf(core) : core;
}

export interface FieldShape {
  /** The field's Rust type. */
  type: string;
  /** Items of its `#[serde(...)]` attribute, in the order they are written. */
  serde: string[];
}

/**
 * Presence, field by field:
 * - required, not nullable: `T`; absent is an error.
 * - required, nullable: `Option<T>`, written as `null` when `None`. Lenient: absent reads as
 *   `None` (serde does this for every `Option` field by itself). Strict: absent is an error
 *   (`serde_support::required` turns that serde default off).
 * - optional, not nullable: `Option<T>`, left out when `None`.
 * - optional and nullable: `Option<Option<T>>`, because absent and `null` are both valid and
 *   mean different things (PATCH-style "leave alone" vs "clear"): absent is `None`, `null` is
 *   `Some(None)`, and each re-encodes as it came.
 * `serde_json::Value` fields hold `null` themselves: required ones are `Value` (lenient: absent
 * reads as `Value::Null`), optional ones `Option<Value>` with `null` kept as `Some(Value::Null)`.
 *
 * Tolerant: every field may be absent or `null`. A required field that does not admit null is
 * shaped as an optional one (`Option<T>`, absent and `null` read as `None`, which encoding leaves
 * out); a required nullable one is as under lenient (`None` is written as the `null` the spec
 * requires). The type of a literal field is still its literal, so a wrong value is an error.
 */
export function fieldShape(f: Field, identifier: string, ctx: RustTypeContext, presence: PresencePolicy): FieldShape {
  const serde: string[] = [];
  if (serdeName(identifier) !== f.name) serde.push(`rename = ${rustString(f.name)}`);
  const seconds = unixSecondsShape(f, ctx, presence);
  if (seconds) return { type: seconds.type, serde: [...serde, ...seconds.serde] };
  const json = isJsonValue(f.type, ctx.models);
  const nullable = acceptsNull(f.type, ctx.models);
  const type = rustType(f.type, ctx);
  const support = (helper: string) => {
    ctx.uses.support.add(helper);
    return `"crate::serde_support::${helper}"`;
  };
  const required = f.required && !(presence === "tolerant" && !nullable);
  if (required) {
    if (nullable && presence !== "strict" && json) serde.push("default");
    if (nullable && presence === "strict" && !json) serde.push(`deserialize_with = ${support("required")}`);
    return { type, serde };
  }
  serde.push("default");
  if (nullable) serde.push(`deserialize_with = ${support("present")}`);
  serde.push(`skip_serializing_if = "Option::is_none"`);
  return { type: optionOf(type), serde };
}
