// diceCoefficient: given two strings, want the Dice coefficient over their adjacent-character pairs.
import { describe, expect, it } from "vitest";
import { diceCoefficient } from "../../src/common/similarity.js";

describe("diceCoefficient", () => {
  it.each<{ a: string; b: string; want: number }>([
    { a: "RunObject", b: "RunObject", want: 1 },
    { a: "", b: "", want: 1 },
    { a: "x", b: "x", want: 1 },
    // Two different strings too short to have a pair share nothing.
    { a: "x", b: "y", want: 0 },
    { a: "x", b: "", want: 0 },
    { a: "abc", b: "xyz", want: 0 },
    // night/nacht: pairs ni ig gh ht / na ac ch ht; one shared of eight.
    { a: "night", b: "nacht", want: 0.25 },
    // Repeated pairs count as often as both strings have them: aa aa / aa aa aa.
    { a: "aaa", b: "aaaa", want: 0.8 },
    // Case-sensitive: callers lower-case first when case should not count.
    { a: "Run", b: "run", want: 0.5 },
  ])("$a ~ $b = $want", ({ a, b, want }) => {
    expect(diceCoefficient(a, b)).toBeCloseTo(want, 10);
    expect(diceCoefficient(b, a)).toBeCloseTo(want, 10);
  });
});
