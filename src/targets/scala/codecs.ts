// The circe codec each value is read and written with, as a Scala expression. Every codec is
// named outright (`JsonSupport.string`, `Run.codec`, `JsonSupport.list(Run.LastError.codec)`):
// no implicit search, so the compiler stays fast on a thousand models, and a literal type gets
// its checked-constant codec where `Codec["thread.run"]` could not be summoned.
import type { Field, LiteralType, PrimitiveType, TypeExpr } from "../../ir/types.js";
import { isLongValue, scalaString } from "./naming.js";
import { isRecursiveAlias } from "./recursive-aliases.js";
import {
  BYTES_TYPE,
  literalValue,
  modelRef,
  NATIVE_TYPES,
  primitiveType,
  takesOption,
  type FieldShape,
  type ScalaTypeContext,
} from "./types.js";
import type { Mappings } from "../mappings.js";

export type CodecContext = ScalaTypeContext;

/** `JsonSupport.literalString("thread.run")`: a codec that accepts exactly one value. */
export function literalCodec(t: LiteralType): string {
  const kind =
    typeof t.value === "string" ? "String" : typeof t.value === "boolean" ? "Boolean" : isLongValue(t.value, t.exact) ? "Long" : "Double";
  return `JsonSupport.literal${kind}(${literalValue(t.value, t.exact)})`;
}

const PRIMITIVE_CODECS: Record<string, string> = {
  String: "string",
  Boolean: "boolean",
  Double: "double",
  Int: "int",
  Long: "long",
  BigInt: "bigInt",
  // Base64 in JSON: the only way JSON can carry bytes.
  [BYTES_TYPE]: "bytes",
};

export function primitiveCodec(t: PrimitiveType, mappings?: Mappings): string {
  const choice = mappings?.format(t);
  if (choice) return "native" in choice ? `JsonSupport.${NATIVE_TYPES[choice.native].codec}` : providedCodec(choice.user as string);
  return `JsonSupport.${PRIMITIVE_CODECS[primitiveType(t)]!}`;
}

/** The codec of a type of the user's: theirs, found as implicit `Decoder` and `Encoder` instances (its companion's, typically). */
function providedCodec(type: string): string {
  return `JsonSupport.provided[${type}]`;
}

/**
 * The codec of a type without its own nullability. An alias has no companion, so its codec is the
 * one of the type it names; a recursive alias is a wrapper case class with a codec of its own (see
 * recursive-aliases.ts), which is also where every expansion of a cycle stops.
 */
export function codecOf(t: TypeExpr, ctx: CodecContext): string {
  switch (t.kind) {
    case "primitive":
      return primitiveCodec(t, ctx.mappings);
    case "literal":
      return literalCodec(t);
    case "unknown":
      return "JsonSupport.json";
    case "array":
      return `JsonSupport.list(${nestedCodec(t.items, ctx)})`;
    case "map":
      return `JsonSupport.map(${nestedCodec(t.values, ctx)})`;
    case "ref": {
      const user = ctx.mappings?.model(t.target);
      if (user !== undefined) return providedCodec(user as string);
      const m = ctx.models.get(t.target);
      if (m?.kind === "alias" && !isRecursiveAlias(m.id, ctx.models)) return codecOf({ ...m.type, nullable: false }, ctx);
      return `${modelRef(t.target, ctx)}.codec`;
    }
  }
}

/** The codec of a value in any position, `Option` included when it admits null. */
export function nestedCodec(t: TypeExpr, ctx: CodecContext): string {
  const core = codecOf(t, ctx);
  return takesOption(t, ctx.models) ? `JsonSupport.option(${core})` : core;
}

/**
 * How one field of an object is read and written, from its shape (fieldShape, worked out once per
 * field by the caller): the decoder's right-hand side `r.required("id", JsonSupport.string)` and
 * the encoder's step `.required("id", a.id, JsonSupport.string)`, sharing one codec expression.
 */
export function fieldCodecs(f: Field, identifier: string, shape: FieldShape, ctx: CodecContext): { decode: string; encode: string } {
  const key = scalaString(f.name);
  const codec = codecOf(f.type, ctx);
  const json = shape.presence === "requiredJson" || shape.presence === "optionalJson";
  const method = shape.presence === "requiredJson" ? "required" : shape.presence === "optionalJson" ? "optional" : shape.presence;
  return {
    decode: json ? `r.${shape.presence}(${key})` : `r.${shape.presence}(${key}, ${codec})`,
    encode: `.${method}(${key}, a.${identifier}, ${codec})`,
  };
}
