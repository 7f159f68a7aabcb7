// The closed tagged union's last match arm, `_ => return Err(unknown_variant(&tag, &[...]))`, laid
// out as rustfmt does: flat while the call fits its 60-column call width; else the call broken
// with the tag array on one line; else the array broken, short tags packed and long ones one a line.
import { describe, expect, it } from "vitest";
import { rejectTagLines } from "../../../src/targets/rust/layout.js";

const I = " ".repeat(12);
const IN = `${I}        `;
const quoted = (names: string[]) => names.map((n) => `"${n}"`);
const broken = (arrayLines: string[]) => [
  `${I}_ => {`,
  `${I}    return Err(serde::de::Error::unknown_variant(`,
  `${IN}&tag,`,
  ...arrayLines,
  `${I}    ))`,
  `${I}}`,
];
const shortTags = quoted(Array.from({ length: 12 }, (_, i) => `t_${String(i + 1).padStart(2, "0")}`));
const longTags = quoted(Array.from({ length: 4 }, (_, i) => `a_long_tag_name_number_${i}`));

describe("rejectTagLines", () => {
  it.each<{ name: string; tags: string[]; want: string[] }>([
    { name: "flat", tags: quoted(["a", "b"]), want: [`${I}_ => return Err(serde::de::Error::unknown_variant(&tag, &["a", "b"])),`] },
    // The call is 41 columns plus the array: a 19-column array keeps it within 60.
    {
      name: "a call of exactly 60 columns stays flat",
      tags: quoted(["abcdefghijklmn"]),
      want: [`${I}_ => return Err(serde::de::Error::unknown_variant(&tag, &["abcdefghijklmn"])),`],
    },
    { name: "61 columns break the call", tags: quoted(["abcdefghijklmno"]), want: broken([`${IN}&["abcdefghijklmno"],`]) },
    {
      name: "the array on one line while it fits",
      tags: quoted(["tag_1", "tag_2", "tag_3", "tag_4", "tag_5"]),
      want: broken([`${IN}&["tag_1", "tag_2", "tag_3", "tag_4", "tag_5"],`]),
    },
    {
      name: "short tags packed, at most 99 columns a line",
      tags: shortTags,
      want: broken([`${IN}&[`, `${IN}    ${shortTags.slice(0, 9).join(", ")},`, `${IN}    ${shortTags.slice(9).join(", ")},`, `${IN}],`]),
    },
    { name: "long tags one a line", tags: longTags, want: broken([`${IN}&[`, ...longTags.map((t) => `${IN}    ${t},`), `${IN}],`]) },
  ])("$name", ({ tags, want }) => {
    const lines = rejectTagLines(I, tags);
    expect(lines).toEqual(want);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });
});
