// The circe codec each value is read and written with, as a Scala expression. Every codec is
// named outright (`JsonSupport.string`, `Run.codec`, `JsonSupport.list(Run.LastError.codec)`):
// no implicit search, so the compiler stays fast on a thousand models, and a literal type gets
// its checked-constant codec where `Codec["thread.run"]` could not be summoned.
import type { Field, LiteralType, PrimitiveType, TypeExpr } from "../../ir/types.js";
import { scalaString } from "./naming.js";
import { BYTES_TYPE, fieldShape, literalValue, modelRef, primitiveType, takesOption, type ScalaTypeContext } from "./types.js";

export type CodecContext = ScalaTypeContext;

/** `JsonSupport.literalString("thread.run")`: a codec that accepts exactly one value. */
export function literalCodec(t: LiteralType): string {
  const kind = typeof t.value === "string" ? "String" : typeof t.value === "boolean" ? "Boolean" : Number.isInteger(t.value) ? "Long" : "Double";
  return `JsonSupport.literal${kind}(${literalValue(t.value)})`;
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

export function primitiveCodec(t: PrimitiveType): string {
  return `JsonSupport.${PRIMITIVE_CODECS[primitiveType(t)]!}`;
}

/** The codec of a type without its own nullability (an alias reads as the type it stands for). */
export function codecOf(t: TypeExpr, ctx: CodecContext, aliases: ReadonlySet<string> = new Set()): string {
  switch (t.kind) {
    case "primitive":
      return primitiveCodec(t);
    case "literal":
      return literalCodec(t);
    case "unknown":
      return "JsonSupport.json";
    case "array":
      return `JsonSupport.list(${nestedCodec(t.items, ctx, aliases)})`;
    case "map":
      return `JsonSupport.map(${nestedCodec(t.values, ctx, aliases)})`;
    case "ref": {
      const m = ctx.models.get(t.target);
      // An alias has no companion: its codec is the one of the type it names.
      if (m?.kind === "alias" && !aliases.has(m.id)) return codecOf({ ...m.type, nullable: false }, ctx, new Set([...aliases, m.id]));
      return `${modelRef(t.target, ctx)}.codec`;
    }
  }
}

/** The codec of a value in any position, `Option` included when it admits null. */
export function nestedCodec(t: TypeExpr, ctx: CodecContext, aliases: ReadonlySet<string> = new Set()): string {
  const core = codecOf(t, ctx, aliases);
  return takesOption(t, ctx.models) ? `JsonSupport.option(${core})` : core;
}

/** The right-hand side that reads one field in an object decoder: `r.required("id", JsonSupport.string)`. */
export function fieldDecode(f: Field, ctx: CodecContext): string {
  const shape = fieldShape(f, ctx);
  const key = scalaString(f.name);
  if (shape.presence === "requiredJson" || shape.presence === "optionalJson") return `r.${shape.presence}(${key})`;
  return `r.${shape.presence}(${key}, ${codecOf(f.type, ctx)})`;
}

/** One step of an object encoder: `.required("id", a.id, JsonSupport.string)`. */
export function fieldEncode(f: Field, identifier: string, ctx: CodecContext): string {
  const shape = fieldShape(f, ctx);
  const method = shape.presence === "requiredJson" ? "required" : shape.presence === "optionalJson" ? "optional" : shape.presence;
  return `.${method}(${scalaString(f.name)}, a.${identifier}, ${codecOf(f.type, ctx)})`;
}
