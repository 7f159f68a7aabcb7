// Flattening a rendered file must never change its text, whatever it holds (numbers included:
// the flattening reads the text as a number and must not return that number).
import { describe, expect, it } from "vitest";
import { flattened } from "../../src/render/flatten.js";

function rope(pieces: string[]): string {
  let text = "";
  for (const p of pieces) text += p;
  return text;
}

describe("flattened", () => {
  it.each([
    { name: "an empty text", given: [] as string[], want: "" },
    { name: "a rope of lines", given: ["// header\n", "export type A = string;\n", "\n"], want: "// header\nexport type A = string;\n\n" },
    { name: "a text that reads as a number", given: ["4", "2"], want: "42" },
    { name: "a text that reads as zero", given: [" 0", "\n"], want: " 0\n" },
    { name: "non-Latin-1 text", given: ["/** café — ", "日本 */\n"], want: "/** café — 日本 */\n" },
  ])("$name", ({ given, want }) => {
    const got = flattened(rope(given));
    expect(typeof got).toBe("string");
    expect(got).toBe(want);
  });
});
