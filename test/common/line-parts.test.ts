import { describe, expect, it } from "vitest";
import { LineParts } from "../../src/common/line-parts.js";

const SOURCE = Buffer.from("h0\na1\na2\na3\nb4\nb5");

/** Line `i` of SOURCE (every line is two bytes), as copy() takes it. */
function copyLine(out: LineParts, i: number): void {
  out.copy(3 * i, 3 * i + 2);
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

