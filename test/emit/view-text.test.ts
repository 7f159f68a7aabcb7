// The text index and project files are keyed by (src/emit/view-text.ts): inputs that could render
// differently must never share a text, and what is not plain data is refused.
import { describe, expect, it } from "vitest";
import { isPlainJson, markedText, viewText } from "../../src/emit/view-text.js";

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

describe("viewText's plain path (no replacer) writes what the marking path writes", () => {
  const plain = [
    { header: ["Generated."], modules: ["A", "B"], exports: ['export type * from "./A.js";'] },
    { nested: { deep: [[1, 2.5, -3], { t: true, f: false, n: null }], empty: {}, list: [] }, s: "é \u0001 \u2028" },
    Object.assign(Object.create(null), { a: 1, b: "x" }),
    [],
    "text",
    0,
    null,
  ];
  it.each(plain)("plain: %j", (value) => {
    expect(isPlainJson(value, 0)).toBe(true);
    expect(viewText(value)).toBe(markedText(value));
  });

  // Everything the marks tell apart, or that is refused, leaves the plain path.
  class Point {
    x = 1;
  }
  const deep: unknown[] = [];
  let at = deep;
  for (let i = 0; i < 300; i++) at.push((at = []));
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  it.each([
    { name: "undefined in an object", value: { x: undefined } },
    { name: "a hole", value: Object.assign(new Array<number>(3), { 0: 1, 2: 3 }) },
    { name: "-0", value: [-0] },
    { name: "NaN", value: { n: Number.NaN } },
    { name: "a marked string", value: { s: "\u0000x" } },
    { name: "a function", value: { f: () => 1 } },
    { name: "a class instance", value: { p: new Point() } },
    { name: "a Date", value: { d: new Date(0) } },
    { name: "a boxed string", value: { s: new String("x") } },
    { name: "deeper than the walk goes", value: deep },
    { name: "a cycle", value: cyclic },
  ])("not plain: $name", ({ value }) => {
    expect(isPlainJson(value, 0)).toBe(false);
    let marked: string | Error;
    try {
      marked = markedText(value);
    } catch (e) {
      marked = e as Error;
    }
    if (marked instanceof Error) expect(() => viewText(value)).toThrow(marked.constructor as new () => Error);
    else expect(viewText(value)).toBe(marked);
  });
});
