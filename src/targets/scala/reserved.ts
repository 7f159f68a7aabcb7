// Names a generated Scala 3 identifier may not take, as data. Keywords are written in backticks;
// the other lists are names that would shadow or break what the generated code itself uses.

import { WINDOWS_DEVICE_TYPE_NAMES } from "../common/windows-names.js";

/** Hard keywords of Scala 3, plus Scala 2 ones that still read as keywords (`forSome`, `macro`). */
export const SCALA_KEYWORDS: ReadonlySet<string> = new Set([
  "abstract", "case", "catch", "class", "def", "do", "else", "enum", "export", "extends", "false", "final",
  "finally", "for", "forSome", "given", "if", "implicit", "import", "lazy", "macro", "match", "new", "null",
  "object", "override", "package", "private", "protected", "return", "sealed", "super", "then", "throw",
  "trait", "true", "try", "type", "val", "var", "while", "with", "yield",
]);

/** Soft keywords: legal identifiers, but backticks keep `end:` or `using` from ever parsing as syntax. */
export const SCALA_SOFT_KEYWORDS: ReadonlySet<string> = new Set([
  "as", "derives", "end", "extension", "infix", "inline", "opaque", "open", "transparent", "using",
]);

/**
 * Type names the generated files rely on: the Scala types every model uses, circe's types (imported
 * by name, so a model of the same name would lose to the import), and this target's own support
 * types. A model with one of these names gets a suffix (`Option` -> `OptionValue`).
 */
export const SCALA_RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...SCALA_KEYWORDS,
  // scala and Predef
  "Any", "AnyRef", "AnyVal", "Array", "BigDecimal", "BigInt", "Boolean", "Byte", "Char", "Double", "Either",
  "Equals", "Float", "Int", "Iterable", "Left", "List", "Long", "Map", "Nil", "None", "Nothing", "Null",
  "Object", "Option", "Predef", "Product", "Right", "Seq", "Serializable", "Set", "Short", "Singleton",
  "Some", "String", "StringContext", "Unit", "Vector",
  // circe
  "ACursor", "Codec", "Decoder", "DecodingFailure", "Encoder", "HCursor", "Json", "JsonObject", "KeyDecoder", "KeyEncoder",
  // scala.collection.immutable.ArraySeq: the type of bytes (`format: binary`), imported where used
  "ArraySeq",
  // this target's support files (see project.ts) and the operation index (operations.ts)
  "JsonSupport", "Nullable", "Operations",
  // file names Windows reserves for devices (`aux.rs`, `Con.ts`): such a repository cannot be checked out there
  ...WINDOWS_DEVICE_TYPE_NAMES,
]);

/**
 * Members every case class already has (Product, Equals, AnyRef): a field of that name would clash
 * with them. `additionalProperties` is the field that holds an open object's extra keys.
 */
export const SCALA_RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  ...SCALA_KEYWORDS,
  ...SCALA_SOFT_KEYWORDS,
  "additionalProperties", "asInstanceOf", "canEqual", "clone", "copy", "eq", "equals", "finalize", "getClass",
  "hashCode", "isInstanceOf", "ne", "notify", "notifyAll", "productArity", "productElement",
  "productElementName", "productElementNames", "productIterator", "productPrefix", "synchronized",
  "toString", "wait",
]);

/**
 * Case objects live in the enum's companion next to the code that reads and writes them, so they
 * may not shadow the types that code names (`None` for the value "none" would break `Option`), nor
 * the fallback case `Unknown`.
 */
export const SCALA_RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set([...SCALA_RESERVED_TYPE_NAMES, "Unknown"]);
