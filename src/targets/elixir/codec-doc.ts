// The "Decoding" rules of the `<Namespace>.Codec` moduledoc and the root module's presence line:
// what this build does with missing fields, unknown enum values and unknown union tags, which the
// presence policy and the `openEnums` / `openUnions` options decide. Plain Markdown lines; the
// project view escapes them for the heredoc.
import type { PresencePolicy } from "../target.js";

export interface DecodingSettings {
  presence: PresencePolicy;
  openEnums: boolean;
  openUnions: boolean;
}

/** One sentence on the presence policy of this build (root module and Codec docs). */
export function presenceSentence(presence: PresencePolicy): string {
  switch (presence) {
    case "lenient":
      return "lenient (a required field that admits `nil` may be absent from the JSON and reads as `nil`).";
    case "strict":
      return "strict (every required field must be present in the JSON, even one that admits `nil`).";
    case "tolerant":
      return "tolerant (any field may be absent or `null` and reads as `nil`; every struct field admits `nil`).";
  }
}

/** The bullets of the Codec's "Decoding" section, then the paragraph on paths and messages. */
export function decodingRules(s: DecodingSettings): string[] {
  const missing =
    s.presence === "tolerant"
      ? [
          "* No field is required: a missing field, or `null` in any field, is `nil`. Constants, enum",
          "  values and union tags are still checked. Presence policy of this build is",
        ]
      : ["* A missing required field is `{:missing_field, path}`. Presence policy of this build is"];
  const enums = s.openEnums
    ? [
        "* Enums are open: a listed value becomes the atom (or number) in the type, and a value the",
        "  spec does not list is kept as it is, a string or number, and written back unchanged (so a",
        "  value the API adds later still decodes). A value of another JSON type is",
        "  `{:invalid_enum, path, value}`. No atom is ever created from input.",
      ]
    : [
        "* Enums are closed: string values become the atoms listed in the type, and a value outside",
        "  the list is `{:invalid_enum, path, value}`. No atom is ever created from input.",
      ];
  const unions = s.openUnions
    ? [
        "* Tagged unions pick their variant by the tag property; an object whose tag (a string) no",
        "  variant lists is kept as the map received (`unknown_variant/0`) and written back unchanged.",
        "  Untagged unions try their variants in order and take the first that decodes",
        "  (`{:no_matching_variant, path, errors}` with each variant's error when none does).",
      ]
    : [
        "* Tagged unions pick their variant by the tag property (`{:unknown_tag, path, value}` when no",
        "  variant has that tag); untagged unions try their variants in order and take the first that",
        "  decodes (`{:no_matching_variant, path, errors}` with each variant's error when none does).",
      ];
  const bullets = [
    "* Objects become structs. Keys the schema does not declare are ignored, except in objects",
    "  with `additionalProperties`, which keep them (decoded) under `:additional_properties`.",
    ...missing,
    presenceSentence(s.presence),
    ...(s.presence === "tolerant"
      ? []
      : [
          "* An absent optional field is `nil`, and so is `null` in one (it is left out when written);",
          "  elsewhere `null` is accepted only where the schema allows it.",
        ]),
    ...enums,
    "* Constants (`const`, one-value enums) must match: `{:invalid_literal, path, expected, value}`.",
    ...unions,
    "* Numbers stay as decoded: integer fields take integers only, number fields take both.",
  ];
  return [
    // Bullets sit two spaces in, as Markdown lists in moduledocs do.
    ...bullets.map((l) => `  ${l}`),
    "",
    "`path` lists the keys and list indexes from the outside in, e.g. `[\"step_details\", \"tool_calls\", 0, \"type\"]`;",
    "`format_error/1` turns a reason into a sentence naming the JSON path and showing the offending",
    'value cut to 80 characters (`at .step_details.tool_calls[0].type: "web" does not select any variant`).',
  ];
}
