// The compatibility traits (for `openapi-modelgen diff`) of a target whose decoders check every
// value against its type: Rust (serde), Scala (circe codecs) and Elixir (`<Root>.Codec`). They
// agree on everything but the traits their options open or close and how integer formats map.
import type { TargetCompat } from "../target.js";
import { stringFormatsMapped } from "../mappings.js";

/** What differs between the checked-decoding targets. */
type OwnTraits = Pick<TargetCompat, "enumUnknownFallback" | "unionUnknownTagFallback" | "integerFormatsShareOneType">;

export function checkedDecodingCompat(options: Record<string, unknown>, own: OwnTraits): TargetCompat {
  return {
    ...own,
    uncheckedDecoding: false,
    // No decoder refuses keys a model does not declare (serde has no `deny_unknown_fields` here).
    ignoresUnknownFields: true,
    numbersShareOneType: false,
    // A string format mapped to a type of its own (`types:`) is no longer interchangeable.
    stringFormatsShareOneType: !stringFormatsMapped(options, true),
    // An optional field reads `null` as absent: serde into `None`, circe into `None`, Elixir's
    // Codec.dec_fields as a missing key.
    optionalFieldAcceptsNull: true,
    checksConstraints: false,
  };
}
