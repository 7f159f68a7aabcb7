import { describe, expect, it } from "vitest";
import { LineParts, lineOffsets } from "../../src/common/line-parts.js";

const SOURCE = Buffer.from("h0\na1\na2\na3\nb4\nb5");

/** Lines of SOURCE by number, as copy() takes them. */
function copyLine(out: LineParts, i: number): void {
  const offsets = lineOffsets(SOURCE);
  out.copy(offsets[i]!, offsets[i + 1]! - 1);
}

type Step = number | string;

/** The lines given (a number: that line of SOURCE copied; a string: a new line), as written, and how many parts. */
function written(steps: Step[]): { text: string; parts: number } {
  const out = new LineParts(SOURCE);
  for (const s of steps) typeof s === "number" ? copyLine(out, s) : out.write(s);
  const parts = out.done();
  return { text: Buffer.concat(parts).toString("utf8"), parts: parts.length };
}

describe("LineParts", () => {
  it.each<{ name: string; steps: Step[]; text: string; parts: number }>([
    { name: "nothing", steps: [], text: "", parts: 0 },
    { name: "new lines only: one encoded part", steps: ["x", "y", "z"], text: "x\ny\nz", parts: 1 },
    { name: "consecutive source lines: one range", steps: [1, 2, 3], text: "a1\na2\na3", parts: 1 },
    { name: "a new line, then consecutive source lines", steps: ["H", 1, 2, 3, 4, 5], text: "H\na1\na2\na3\nb4\nb5", parts: 2 },
    { name: "a gap in the source lines: the break before the next range is its own", steps: ["H", 1, 2, 4, 5], text: "H\na1\na2\nb4\nb5", parts: 3 },
    { name: "new lines between ranges", steps: [1, 2, "n", "m", 4], text: "a1\na2\nn\nm\nb4", parts: 3 },
    { name: "the first source line first (no break before it)", steps: [0, 1, "t"], text: "h0\na1\nt", parts: 2 },
    { name: "source lines out of their order", steps: [3, 1], text: "a3\na1", parts: 2 },
    { name: "a source line twice", steps: [2, 2], text: "a2\na2", parts: 2 },
    { name: "non-ASCII new lines", steps: [1, "é", 2], text: "a1\né\na2", parts: 3 },
  ])("$name", ({ steps, text, parts }) => {
    expect(written(steps)).toEqual({ text, parts });
  });

  it("with no source, only new lines", () => {
    const out = new LineParts();
    out.write("a");
    out.write("b");
    expect(Buffer.concat(out.done()).toString()).toBe("a\nb");
  });
});

describe("lineOffsets", () => {
  it.each([
    { text: "", want: [0, 1] },
    { text: "a", want: [0, 2] },
    { text: "ab\nc", want: [0, 3, 5] },
    { text: "ab\n", want: [0, 3, 4] },
    { text: "é\nx", want: [0, 3, 5] },
  ])("$text: each line's start in bytes, and the end", ({ text, want }) => {
    expect(lineOffsets(Buffer.from(text))).toEqual(want);
  });
});
