// The text index and project files are keyed by (src/emit/view-text.ts): inputs that could render
// differently must never share a text, and what is not plain data is refused.
import { describe, expect, it } from "vitest";
import { viewText } from "../../src/emit/view-text.js";

describe("viewText", () => {
  it.each([
    { a: { x: undefined }, b: {} },
    { a: { x: undefined }, b: { x: null } },
    { a: [undefined], b: [null] },
    { a: { x: -0 }, b: { x: 0 } },
    { a: { x: Number.NaN }, b: { x: null } },
    { a: { x: Number.POSITIVE_INFINITY }, b: { x: Number.NEGATIVE_INFINITY } },
    { a: { x: "\u0000undefined" }, b: { x: undefined } },
    { a: { x: "\u0000-0" }, b: { x: -0 } },
    { a: { x: "1" }, b: { x: 1 } },
    { a: { x: [1, 2] }, b: { x: [2, 1] } },
    { a: { modules: ["a", "b"] }, b: { modules: ["a", "b", "c"] } },
  ])("keeps $a and $b apart", ({ a, b }) => {
    expect(viewText(a)).not.toBe(viewText(b));
  });

  it.each([{ x: 1, list: ["a", { y: true }], none: null }, [], "text", 3])("gives equal inputs one text: %j", (value) => {
    expect(viewText(structuredClone(value))).toBe(viewText(value));
  });

  class Point {
    x = 1;
  }
  it.each([
    { name: "a function", value: { f: () => 1 } },
    { name: "a Map", value: { m: new Map([["a", 1]]) } },
    { name: "a Set", value: [new Set([1])] },
    { name: "a Date", value: { d: new Date(0) } },
    { name: "a class instance", value: { p: new Point() } },
    { name: "a bigint", value: { n: 1n } },
  ])("refuses $name", ({ value }) => {
    expect(() => viewText(value)).toThrow(/view-text/);
  });
});
