// The circe calls the generated codecs make, as Scala expressions. Decoders come from implicit
// scope (each model's companion) except where a literal type is involved: `Decoder["thread.run"]`
// does not exist, so those fields get an explicit checked-constant decoder.
import type { Field, LiteralType, TypeExpr } from "../../ir/types.js";
import { scalaString } from "./naming.js";
import { coreType, fieldShape, literalValue, needsExplicitDecoder, takesOption, type ScalaTypeContext } from "./types.js";

export interface CodecContext extends ScalaTypeContext {
  useCodec(name: "KeyDecoder"): void;
}

/** `JsonSupport.literalString("thread.run")`: a decoder that accepts exactly one value. */
export function literalDecoder(t: LiteralType): string {
  const kind = typeof t.value === "string" ? "String" : typeof t.value === "boolean" ? "Boolean" : Number.isInteger(t.value) ? "Long" : "Double";
  return `JsonSupport.literal${kind}(${literalValue(t.value)})`;
}

/** An explicit decoder for the type without its own nullability, or undefined when implicit scope has one. */
export function explicitDecoder(t: TypeExpr, ctx: CodecContext): string | undefined {
  if (!needsExplicitDecoder(t, ctx.models)) return undefined;
  switch (t.kind) {
    case "literal":
      return literalDecoder(t);
    case "array":
      return `Decoder.decodeList(using ${nestedDecoder(t.items, ctx)})`;
    case "map":
      ctx.useCodec("KeyDecoder");
      return `Decoder.decodeMap(using KeyDecoder.decodeKeyString, ${nestedDecoder(t.values, ctx)})`;
    case "ref": {
      const m = ctx.models.get(t.target);
      return m?.kind === "alias" ? explicitDecoder({ ...m.type, nullable: false }, ctx) : undefined;
    }
    default:
      return undefined;
  }
}

/** A decoder for a value in a nested position (array item, map value), `Option` included. */
function nestedDecoder(t: TypeExpr, ctx: CodecContext): string {
  const core = explicitDecoder(t, ctx) ?? `Decoder[${coreType(t, ctx)}]`;
  return takesOption(t, ctx.models) ? `Decoder.decodeOption(using ${core})` : core;
}

/** `using` clause text for a call that needs an explicit decoder, else "". */
function usingClause(t: TypeExpr, ctx: CodecContext): string {
  const explicit = explicitDecoder(t, ctx);
  return explicit ? `(using ${explicit})` : "";
}

/** The right-hand side that reads one field in an object decoder: `r.required[String]("id")`. */
export function fieldDecode(f: Field, ctx: CodecContext): string {
  const shape = fieldShape(f, ctx);
  const key = scalaString(f.name);
  if (shape.presence === "requiredJson" || shape.presence === "optionalJson") return `r.${shape.presence}(${key})`;
  return `r.${shape.presence}[${shape.inner}](${key})${usingClause(f.type, ctx)}`;
}

/** One step of an object encoder: `.required[String]("id", a.id)`. */
export function fieldEncode(f: Field, identifier: string, ctx: CodecContext): string {
  const shape = fieldShape(f, ctx);
  const method = shape.presence === "requiredJson" ? "required" : shape.presence === "optionalJson" ? "optional" : shape.presence;
  return `.${method}[${shape.encoded}](${scalaString(f.name)}, a.${identifier})`;
}

/** `c.as[T]` on the named cursor, with the decoder spelled out where implicit scope has none. */
export function cursorAs(cursor: string, t: TypeExpr, type: string, ctx: CodecContext, decoder?: string): string {
  const explicit = decoder ?? explicitDecoder(t, ctx);
  if (takesOption(t, ctx.models)) return explicit ? `${cursor}.as[Option[${type}]](using Decoder.decodeOption(using ${explicit}))` : `${cursor}.as[Option[${type}]]`;
  return explicit ? `${cursor}.as[${type}](using ${explicit})` : `${cursor}.as[${type}]`;
}
