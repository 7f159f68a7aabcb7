// The shared description lines: one-line texts take a shortcut, others are split; both must give
// what the split gives, and every call a list of its own (callers append notes to it).
import { describe, expect, it } from "vitest";
import { descriptionLines } from "../../../src/targets/common/description-lines.js";

describe("descriptionLines", () => {
  it.each([
    { name: "undefined", given: undefined, want: [] },
    { name: "empty", given: "", want: [] },
    { name: "one line", given: "The ID.", want: ["The ID."] },
    { name: "one line, trailing spaces cut, leading kept", given: "  a \t", want: ["  a"] },
    { name: "one blank line", given: " \t ", want: [] },
    { name: "a line separator is white space, not a break", given: "a\u2028", want: ["a"] },
    { name: "CR alone breaks a line", given: "a\rb", want: ["a", "b"] },
    { name: "blank lines collapsed and trimmed", given: "\n a\n\n\n b \n", want: [" a", "", " b"] },
  ])("$name", ({ given, want }) => {
    expect(descriptionLines(given)).toEqual(want);
  });

  // Texts with line breaks are split once per thread: a kept answer must not be the caller's list.
  it("splits a text with line breaks once, and still hands each caller its own list", () => {
    const text = "kept\r\n\n\nlines ";
    const first = descriptionLines(text);
    expect(first).toEqual(["kept", "", "lines"]);
    first.length = 0;
    expect(descriptionLines(text)).toEqual(["kept", "", "lines"]);
  });

  it("hands each caller its own list", () => {
    const first = descriptionLines("x\ny");
    first.push("changed");
    expect(descriptionLines("x\ny")).toEqual(["x", "y"]);
    expect(descriptionLines("x\ny")).not.toBe(descriptionLines("x\ny"));
  });
});
