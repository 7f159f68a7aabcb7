// Every language cuts the same trailing white space from description lines (what `\s` matches:
// spaces, tabs, no-break and ideographic spaces, line and paragraph separators) and drops outer and
// doubled blank lines, so a description reads alike in all four.
import { describe, expect, it } from "vitest";
import { commentSafe } from "../../src/targets/typescript/docs.js";
import { docLines } from "../../src/targets/rust/syntax.js";
import { textLines as elixirLines } from "../../src/targets/elixir/docs.js";
import { textLines as scalaLines } from "../../src/targets/scala/docs.js";

describe("description lines", () => {
  it.each([
    { name: "trailing spaces and tabs", given: "a  \t\nb\t", want: ["a", "b"] },
    { name: "no-break, ideographic and en spaces", given: "a\u00a0\u3000\u2002\nb", want: ["a", "b"] },
    { name: "line and paragraph separators at a line's end", given: "a\u2028\nb\u2029", want: ["a", "b"] },
    { name: "leading space is kept", given: "  a\n\tb", want: ["  a", "\tb"] },
    { name: "CRLF and CR line breaks", given: "a \r\nb\rc", want: ["a", "b", "c"] },
    { name: "outer and doubled blank lines", given: "\n \na\n\n \n\nb\n\n", want: ["a", "", "b"] },
  ])("$name", ({ given, want }) => {
    expect({ ts: commentSafe(given), rust: docLines(given), elixir: elixirLines(given), scala: scalaLines(given) }).toEqual({
      ts: want,
      rust: want,
      elixir: want,
      scala: want,
    });
  });
});
