// Front coding of the model ids a units file keeps (src/emit/front-coding.ts): what comes back is
// exactly what went in, and a damaged record is refused, never half read.
import { describe, expect, it } from "vitest";
import { frontCode, frontDecode } from "../../src/emit/front-coding.js";

describe("frontCode", () => {
  // given: a list; want: what each entry shares with the one before, and the rest.
  const cases: { name: string; list: string[]; shared: number[]; rest: string[] }[] = [
    { name: "nothing", list: [], shared: [], rest: [] },
    {
      name: "sorted ids sharing a prefix",
      list: ["#/components/schemas/Run", "#/components/schemas/RunObject", "#/components/schemas/Thread"],
      shared: [0, 24, 21],
      rest: ["#/components/schemas/Run", "Object", "Thread"],
    },
    { name: "an entry inside the one before", list: ["abc", "ab", "ab", ""], shared: [0, 2, 2, 0], rest: ["abc", "", "", ""] },
    { name: "nothing in common", list: ["x", "y"], shared: [0, 0], rest: ["x", "y"] },
    { name: "characters outside the BMP", list: ["a😀b", "a😀c"], shared: [0, 3], rest: ["a😀b", "c"] },
  ];
  it.each(cases)("$name", ({ list, shared, rest }) => {
    expect(frontCode(list)).toEqual({ shared, rest });
    expect(frontDecode(JSON.parse(JSON.stringify(frontCode(list))))).toEqual(list);
  });
});

describe("frontDecode refuses what frontCode does not make", () => {
  const cases: { name: string; coded: unknown }[] = [
    { name: "nothing", coded: undefined },
    { name: "a list", coded: ["a", "b"] },
    { name: "lengths that differ", coded: { shared: [0, 1], rest: ["a"] } },
    { name: "sharing more than the entry before has", coded: { shared: [0, 2], rest: ["a", "b"] } },
    { name: "a negative length", coded: { shared: [-1], rest: ["a"] } },
    { name: "a fractional length", coded: { shared: [0, 0.5], rest: ["ab", "c"] } },
    { name: "a rest that is no string", coded: { shared: [0], rest: [7] } },
  ];
  it.each(cases)("$name", ({ coded }) => {
    expect(frontDecode(coded)).toBeUndefined();
  });
});
