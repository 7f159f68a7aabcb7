// Scala's generic type strings are built in the target (syntax.ts), never in a template: given the
// arguments, want the type as written.
import { describe, expect, it } from "vitest";
import {
  codecTypeOf,
  decoderTypeOf,
  listOf,
  mapOf,
  nullableOf,
  objectCodecTypeOf,
  optionOf,
  supportCall,
} from "../../../src/targets/scala/syntax.js";

describe("Scala type strings", () => {
  it.each([
    { name: "an option", given: () => optionOf("String"), want: "Option[String]" },
    { name: "a list of options", given: () => listOf(optionOf("Long")), want: "List[Option[Long]]" },
    { name: "a map", given: () => mapOf("String", "Json"), want: "Map[String, Json]" },
    { name: "an enum's value map", given: () => mapOf("Long", "Color"), want: "Map[Long, Color]" },
    { name: "a nullable field", given: () => nullableOf(listOf("Run")), want: "Nullable[List[Run]]" },
    { name: "a decoder", given: () => decoderTypeOf("Color"), want: "Decoder[Color]" },
    { name: "a codec of a qualified name", given: () => codecTypeOf("models.Color"), want: "Codec[models.Color]" },
    { name: "a case class's codec", given: () => objectCodecTypeOf("Run"), want: "Codec.AsObject[Run]" },
    {
      name: "a helper with type arguments",
      given: () => supportCall("knownValue", "String", "Color"),
      want: "JsonSupport.knownValue[String, Color]",
    },
  ])("$name: $want", ({ given, want }) => {
    expect(given()).toBe(want);
  });
});
