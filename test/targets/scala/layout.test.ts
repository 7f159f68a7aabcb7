// The Scala target has no layout module of its own: its line layout is packLines (enum value
// lists), docBlock and textLines (scaladoc) and inlineCode. Each case gives the pieces and wants
// the lines, at the widths where the layout changes.
import { describe, expect, it } from "vitest";
import { packLines } from "../../../src/targets/scala/enums.js";
import { docBlock, inlineCode, textLines } from "../../../src/targets/scala/docs.js";

describe("packLines", () => {
  it.each([
    { name: "nothing", items: [], width: 100, want: [] },
    { name: "one item has no comma", items: ["A"], width: 100, want: ["A"] },
    { name: "what fits stays on one line", items: ["A", "B", "C"], width: 100, want: ["A, B, C"] },
    // "Aa, Bb," is 7 columns: it fits a width of 7, not of 6.
    { name: "a line filled to the width", items: ["Aa", "Bb", "Cc", "Dd"], width: 7, want: ["Aa, Bb,", "Cc, Dd"] },
    { name: "one column less moves an item down", items: ["Aa", "Bb", "Cc", "Dd"], width: 6, want: ["Aa,", "Bb,", "Cc, Dd"] },
    { name: "an item wider than the width gets a line of its own", items: ["Longer", "B"], width: 4, want: ["Longer,", "B"] },
  ])("$name", ({ items, width, want }) => {
    expect(packLines(items, width)).toEqual(want);
  });

  it("keeps every item, in order, each once", () => {
    const items = Array.from({ length: 40 }, (_, i) => `Value${i}`);
    const lines = packLines(items, 30);
    expect(lines.join(" ").split(/,? /)).toEqual(items);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(30);
  });
});

describe("docBlock", () => {
  it.each([
    { name: "no lines, no block", indent: "", given: [], want: [] },
    { name: "one line on one line", indent: "  ", given: ["The id."], want: ["  /** The id. */"] },
    { name: "a tag line always gets a block", indent: "", given: ["@param x The x."], want: ["/**", " * @param x The x.", " */"] },
    {
      name: "several lines, an empty one without trailing space",
      indent: "  ",
      given: ["First.", "", "Second."],
      want: ["  /**", "   * First.", "   *", "   * Second.", "   */"],
    },
    { name: "comment markers in quoted text are made safe", indent: "", given: ["a */ b /* c"], want: ["/** a *&#47; b /&#42; c */"] },
  ])("$name", ({ indent, given, want }) => {
    expect(docBlock(indent, given)).toEqual(want);
  });
});

describe("textLines", () => {
  it.each([
    { name: "no text", given: undefined, want: [] },
    { name: "empty text", given: "", want: [] },
    { name: "Windows line ends", given: "Line one.\r\nLine two.", want: ["Line one.", "Line two."] },
    { name: "blank lines around are dropped", given: "\n\nText\n\n", want: ["Text"] },
    { name: "doubled blank lines become one", given: "A\n\n\nB", want: ["A", "", "B"] },
    { name: "a tag at a line start is escaped", given: "@deprecated use X", want: ["&#64;deprecated use X"] },
    { name: "an indented tag too", given: "  @tag", want: ["  &#64;tag"] },
    { name: "an @ inside a line is kept", given: "mail me @ home", want: ["mail me @ home"] },
    { name: "trailing spaces are dropped", given: "trailing   ", want: ["trailing"] },
    { name: "comment markers are made safe", given: "see a/*b*/", want: ["see a/&#42;b*&#47;"] },
  ])("$name", ({ given, want }) => {
    expect(textLines(given)).toEqual(want);
  });
});

describe("inlineCode", () => {
  it.each([
    { given: "type", want: "`type`" },
    { given: "a`b", want: "`a'b`" },
    { given: "", want: "``" },
  ])("$given", ({ given, want }) => {
    expect(inlineCode(given)).toBe(want);
  });
});
