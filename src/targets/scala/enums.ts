// An enum model as a sealed trait with one case object per value (zio-openai style), each holding
// its wire value; a value the spec does not list is kept as `Unknown(value)` or rejected, by option.
import type { EnumMember, EnumModel } from "../../ir/types.js";
import { literalText } from "../../ir/query.js";
import { docBlock, modelDoc, textLines } from "./docs.js";
import { isLongValue, scalaNumber, scalaString } from "./naming.js";
import type { FileScope } from "./scope.js";
import { decoderTypeOf, listOf, mapOf, supportCall } from "./syntax.js";

/** A sealed trait of case objects, one per value, with a codec of the wire values. */
export interface EnumView {
  /** The Scala type of the wire values (`String`, `Long`, `Double`, `Boolean`, `Json`). */
  valueType: string;
  /** One case object per value. */
  members: {
    /** The case object's scaladoc lines (the value's description), indented. */
    doc: string[];
    /** The case object's name. */
    name: string;
    /** The wire value, a Scala literal. */
    value: string;
  }[];
  /** The case objects for `List(...)`, packed into lines of at most 100 characters. */
  memberLines: string[];
  /** The enum's name in error messages, as a Scala string. */
  label: string;
  /** A value the spec does not list decodes as `Unknown(value)` (option `unknownEnumValues: keep`). */
  keepUnknown: boolean;
  /** Whether the companion keeps a value -> case map (not for mixed enums: JSON numbers compare by value). */
  indexed: boolean;
  /** How a wire value finds its case: a map lookup, or equality on JSON values for mixed enums. */
  lookup: string;
  /** The enum's decoder: `knownDecoder`, or one that keeps an unknown value. */
  decoder: string;
  /** The codec of the wire values (`JsonSupport.string`). */
  baseCodec: string;
  /** The type of `known`, every listed case (`List[Color]`). */
  knownType: string;
  /** The type of the value -> case map (`Map[String, Color]`). */
  byValueType: string;
  /** The type of `knownDecoder` (`Decoder[Color]`). */
  decoderType: string;
  /** The helper `knownDecoder` is built with, with its type arguments (`JsonSupport.knownValue[String, Color]`). */
  knownValue: string;
}

const VALUE_CODECS: Record<string, string> = { String: "string", Long: "long", Double: "double", Boolean: "boolean", Json: "json" };

function enumValueType(m: EnumModel): string {
  switch (m.valueType) {
    case "string":
      return "String";
    case "integer":
      return m.members.every((member) => typeof member.value !== "number" || isLongValue(member.value, member.exact)) ? "Long" : "Double";
    case "number":
      return "Double";
    case "boolean":
      return "Boolean";
    case "mixed":
      return "Json";
  }
}

/** A wire value as a Scala expression of the enum's value type (its digits beyond 2^53 kept where a Long holds them). */
function enumValue({ value, exact }: EnumMember, valueType: string): string {
  if (valueType === "Json") {
    if (typeof value === "string") return `Json.fromString(${scalaString(value)})`;
    if (typeof value === "boolean") return value ? "Json.True" : "Json.False";
    const number = scalaNumber(value, exact);
    return isLongValue(value, exact) ? `Json.fromLong(${number})` : `Json.fromDoubleOrNull(${number})`;
  }
  if (typeof value === "string") return scalaString(value);
  if (typeof value === "number") return valueType === "Long" ? scalaNumber(value, exact) : scalaNumber(value).replace(/L$/, ".0");
  return String(value);
}

export function enumView(m: EnumModel, indent: string, self: string, scope: FileScope): { doc: string[]; view: EnumView } {
  const valueType = enumValueType(m);
  if (valueType === "Json") scope.imports.add("Json");
  const members = m.members.map((member) => ({
    doc: docBlock(`${indent}  `, textLines(member.description)),
    name: scope.names.member(m.id, member.value),
    value: enumValue(member, valueType),
  }));
  const keepUnknown = scope.options.unknownEnumValues === "keep";
  const lookup = valueType === "Json" ? "v => known.find(_.value == v)" : "byValue.get";
  const base = `JsonSupport.${VALUE_CODECS[valueType]!}`;
  const decoder = keepUnknown ? `${supportCall("anyValue", valueType, self)}(${base}, ${lookup}, Unknown(_))` : "knownDecoder";
  const policy = keepUnknown
    ? "A value the spec does not list decodes as `Unknown(value)` and is written back unchanged."
    : "A value the spec does not list is rejected.";
  const listed = `Values: ${m.members.map((x) => `\`${literalText(x).replace(/`/g, "'")}\``).join(", ")}.`;
  return {
    doc: docBlock(indent, modelDoc(m, [listed, policy])),
    view: {
      valueType,
      members,
      memberLines: packLines(members.map((x) => x.name)),
      label: scalaString(scope.names.path(m.id).join(".")),
      keepUnknown,
      indexed: valueType !== "Json",
      lookup,
      decoder,
      baseCodec: base,
      knownType: listOf(self),
      byValueType: mapOf(valueType, self),
      decoderType: decoderTypeOf(self),
      knownValue: supportCall("knownValue", valueType, self),
    },
  };
}

/** `A, B, C,` packed into lines of at most `width` characters (the last without a comma). */
export function packLines(items: string[], width = 100): string[] {
  const lines: string[] = [];
  let line = "";
  items.forEach((item, i) => {
    const piece = i === items.length - 1 ? item : `${item},`;
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  });
  if (line) lines.push(line);
  return lines;
}
