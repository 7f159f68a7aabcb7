// The "Decoding" rules of the generated Codec moduledoc say what this build does, so they follow
// the presence policy and the openEnums / openUnions options: one table of settings and the rules
// that must (and must not) be there.
import { describe, expect, it } from "vitest";
import { decodingRules, presenceSentence, type DecodingSettings } from "../../../src/targets/elixir/codec-doc.js";
import type { PresencePolicy } from "../../../src/targets/target.js";

describe("presenceSentence", () => {
  it.each<{ given: PresencePolicy; want: string }>([
    { given: "lenient", want: "lenient (a required field that admits `nil` may be absent from the JSON and reads as `nil`)." },
    { given: "strict", want: "strict (every required field must be present in the JSON, even one that admits `nil`)." },
    { given: "tolerant", want: "tolerant (any field may be absent or `null` and reads as `nil`; every struct field admits `nil`)." },
  ])("$given", ({ given, want }) => {
    expect(presenceSentence(given)).toBe(want);
  });
});

describe("decodingRules", () => {
  it.each<{ name: string; settings: DecodingSettings; has: string[]; hasNot: string[] }>([
    {
      name: "lenient, open enums and unions (the defaults)",
      settings: { presence: "lenient", openEnums: true, openUnions: true },
      has: ["  * A missing required field is `{:missing_field, path}`.", "  * Enums are open:", "unknown_variant/0", "  * An absent optional field is `nil`"],
      hasNot: ["Enums are closed", "{:unknown_tag, path, value}", "No field is required"],
    },
    {
      name: "strict, closed enums and unions",
      settings: { presence: "strict", openEnums: false, openUnions: false },
      has: ["  strict (every required field", "  * Enums are closed:", "`{:unknown_tag, path, value}` when no"],
      hasNot: ["Enums are open", "unknown_variant/0"],
    },
    {
      name: "tolerant: no field is required and the absent-optional rule is not repeated",
      settings: { presence: "tolerant", openEnums: false, openUnions: true },
      has: ["  * No field is required: a missing field, or `null` in any field, is `nil`.", "  tolerant (", "unknown_variant/0"],
      hasNot: ["A missing required field", "An absent optional field"],
    },
  ])("$name", ({ settings, has, hasNot }) => {
    const text = decodingRules(settings).join("\n");
    for (const line of has) expect(text).toContain(line);
    for (const line of hasNot) expect(text).not.toContain(line);
  });

  it("indents the bullets two spaces and ends with the paragraph on paths", () => {
    const lines = decodingRules({ presence: "lenient", openEnums: true, openUnions: true });
    const blank = lines.indexOf("");
    expect(lines.slice(0, blank).every((l) => l.startsWith("  "))).toBe(true);
    expect(lines[blank + 1]).toMatch(/^`path` lists the keys/);
    expect(lines.slice(blank + 1).every((l) => !l.startsWith(" "))).toBe(true);
  });
});
