import { describe, expect, it } from "vitest";
import { textDelta, utf16Length } from "../../src/load/text-delta.js";

/** The delta between two texts as the loader measures it (from their UTF-8 bytes). */
function delta(before: string, after: string) {
  return textDelta(Buffer.from(before, "utf8"), Buffer.from(after, "utf8"), before.length, after.length);
}

/** What the delta promises: the new text's [0, from) and [to, end) are the old text's [0, from) and [to - shift, end). */
function holds(before: string, after: string): void {
  const d = delta(before, after)!;
  expect(d).toBeDefined();
  expect(after.slice(0, d.from)).toBe(before.slice(0, d.from));
  expect(after.slice(d.to)).toBe(before.slice(d.to - d.shift));
  expect(d.shift).toBe(after.length - before.length);
}

describe("textDelta", () => {
  it.each([
    ["equal texts: an empty change at the end", "a: 1\nb: 2\n", "a: 1\nb: 2\n", { from: 10, to: 10, shift: 0 }],
    ["an insertion", "a: 1\nb: 2\n", "a: 1\nx: 9\nb: 2\n", { from: 5, to: 10, shift: 5 }],
    ["a deletion", "a: 1\nx: 9\nb: 2\n", "a: 1\nb: 2\n", { from: 5, to: 5, shift: -5 }],
    ["a replacement", "a: 1\nb: 2\n", "a: 7\nb: 2\n", { from: 3, to: 4, shift: 0 }],
    ["text appended", "a: 1\n", "a: 1\nb: 2\n", { from: 5, to: 10, shift: 5 }],
    ["text cut from the end", "a: 1\nb: 2\n", "a: 1\n", { from: 5, to: 5, shift: -5 }],
    ["a change at the start", "a: 1\n", "b: 1\n", { from: 0, to: 1, shift: 0 }],
    ["from nothing", "", "a: 1\n", { from: 0, to: 5, shift: 5 }],
  ])("%s", (_, before, after, want) => {
    expect(delta(before, after)).toEqual(want);
    holds(before, after);
  });

  it.each([
    // The inserted field's first spaces are also the next line's: measured from the ends alone, the
    // insertion would start after them, inside the line of `required`.
    [
      "a field appended after the last property: whole lines, where a line starts",
      "s:\n  properties:\n    a:\n      type: string\n  required: [a]\n",
      "s:\n  properties:\n    a:\n      type: string\n    b:\n      type: string\n  required: [a]\n",
      { from: 43, to: 69, shift: 26 },
    ],
    ["the same field removed", "s:\n  properties:\n    a:\n      type: string\n    b:\n      type: string\n  required: [a]\n", "s:\n  properties:\n    a:\n      type: string\n  required: [a]\n", { from: 43, to: 43, shift: -26 }],
    ["a field inserted before the first, indented as it", "p:\n  a: 1\n", "p:\n  x: 2\n  a: 1\n", { from: 3, to: 10, shift: 7 }],
    // A replacement is not moved; nor is an insertion that cannot reach a line start by what it repeats.
    ["a value replaced", "a: 1\nb: 2\n", "a: 3\nb: 2\n", { from: 3, to: 4, shift: 0 }],
    ["characters inserted inside a line", "key: ab\n", "key: aab\n", { from: 6, to: 7, shift: 1 }],
  ])("%s", (_, before, after, want) => {
    expect(delta(before, after)).toEqual(want);
    holds(before, after);
  });

  it.each([
    // é and è share their first byte (0xC3): the change starts at that byte's character, not inside it.
    ["a two-byte character changed to one with the same first byte", "name: café\n", "name: cafè\n"],
    ["a three-byte character changed to another with the same first bytes", "q: “x”\n", "q: ”x”\n"],
    // Four-byte characters are two UTF-16 units each: offsets before and after them count both.
    ["text after a four-byte character", "e: 😀\na: 1\n", "e: 😀\na: 2\n"],
    ["a four-byte character inserted among others", "e: 😀😀\n", "e: 😀🙂😀\n"],
    ["characters beyond ASCII on both sides of the change", "ü: 1\nx: ß\nö: 2\n", "ü: 1\nx: ßß\nö: 2\n"],
  ])("%s: offsets in characters, on character boundaries", (_, before, after) => holds(before, after));

  it("finds a change far into a large text, compared a block at a time", () => {
    const line = (i: number) => `  key${i}: value ${i} — ünïcödé\n`;
    const lines = Array.from({ length: 20000 }, (_, i) => line(i));
    const before = lines.join("");
    const edited = [...lines];
    edited[12345] = "  key12345: changed\n";
    holds(before, edited.join(""));
    const d = delta(before, edited.join(""))!;
    expect(before.slice(0, d.from).split("\n").length).toBe(12346);
  });

  it("counts UTF-16 units of UTF-8 bytes, across blocks that would cut a character", () => {
    const text = `${"a".repeat(16 * 1024 - 1)}é${"😀".repeat(5000)}ß`;
    const bytes = Buffer.from(text, "utf8");
    expect(utf16Length(bytes, 0, bytes.length)).toBe(text.length);
    expect(utf16Length(bytes, 0, 16 * 1024 - 1)).toBe(16 * 1024 - 1);
  });
});
