// A naming scope hands out unique identifiers in call order: the smallest free numeric suffix on
// a collision, reserved words never, and the same inputs always give the same names.
import { describe, expect, it } from "vitest";
import { NameScope } from "../../src/naming/scope.js";

describe("NameScope.claim", () => {
  it.each<{ name: string; reserved?: string[]; caseInsensitive?: boolean; given: string[]; want: string[] }>([
    { name: "distinct names are kept", given: ["a", "b", "c"], want: ["a", "b", "c"] },
    { name: "repeats get 2, 3, ...", given: ["a", "a", "a"], want: ["a", "a2", "a3"] },
    { name: "a suffix already taken is skipped", given: ["a2", "a", "a"], want: ["a2", "a", "a3"] },
    { name: "a reserved word gets a suffix", reserved: ["type"], given: ["type", "type"], want: ["type2", "type3"] },
    { name: "case differs: distinct by default", given: ["Asc", "ASC"], want: ["Asc", "ASC"] },
    { name: "case differs: the same when case-insensitive", caseInsensitive: true, given: ["Asc", "ASC", "asc"], want: ["Asc", "ASC2", "asc3"] },
    { name: "reserved words compare exactly, even case-insensitively", reserved: ["Self"], caseInsensitive: true, given: ["self", "Self"], want: ["self", "Self2"] },
    { name: "a backticked name is numbered inside its backticks", given: ["`type`", "`type`"], want: ["`type`", "`type2`"] },
    { name: "two backticks alone are not a quoted name", given: ["``", "``"], want: ["``", "``2"] },
  ])("$name", ({ reserved, caseInsensitive, given, want }) => {
    const scope = new NameScope(new Set(reserved ?? []), caseInsensitive ?? false);
    expect(given.map((n) => scope.claim(n))).toEqual(want);
  });

  it("numbers with a custom join", () => {
    const scope = new NameScope();
    const join = (base: string, n: number) => `${base}_${n}`;
    expect([scope.claim("x", join), scope.claim("x", join), scope.claim("x", join)]).toEqual(["x", "x_2", "x_3"]);
  });

  it("says whether a name is free without claiming it", () => {
    const scope = new NameScope(new Set(["end"]), true);
    scope.claim("Run");
    expect([scope.isFree("run"), scope.isFree("end"), scope.isFree("Step"), scope.isFree("Step")]).toEqual([false, false, true, true]);
  });
});
