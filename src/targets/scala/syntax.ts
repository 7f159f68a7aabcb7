// Scala's generic types, as the target writes them: every type string with type arguments is built
// here (a template never writes `List[...]` or `Codec[...]` itself).

/** `Head[A, B]`. */
function applied(head: string, ...args: string[]): string {
  return `${head}[${args.join(", ")}]`;
}

/** `Option[T]`. */
export const optionOf = (type: string): string => applied("Option", type);
/** `List[T]`. */
export const listOf = (type: string): string => applied("List", type);
/** `Map[K, V]`. */
export const mapOf = (key: string, value: string): string => applied("Map", key, value);
/** `Decoder[T]`. */
export const decoderTypeOf = (type: string): string => applied("Decoder", type);
/** `Codec[T]`. */
export const codecTypeOf = (type: string): string => applied("Codec", type);
/** `Codec.AsObject[T]`: the codec of a case class, which writes a JSON object. */
export const objectCodecTypeOf = (type: string): string => applied("Codec.AsObject", type);
/** A call of a generic `JsonSupport` helper with its type arguments: `JsonSupport.knownValue[String, Color]`. */
export const supportCall = (helper: string, ...typeArgs: string[]): string => applied(`JsonSupport.${helper}`, ...typeArgs);
/** `Nullable[T]`: the support library's absent / null / present value (an optional field that may be null). */
export const nullableOf = (type: string): string => applied("Nullable", type);
