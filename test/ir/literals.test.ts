// When a schema allows exactly one value (a literal: `const`, a one-value enum, null aside) and
// when a oneOf/anyOf is an enum written as a union of consts.
import { describe, expect, it } from "vitest";
import { constBranches, literalOf } from "../../src/ir/normalize/build-enum.js";
import type { Schema } from "../../src/ir/normalize/keywords.js";

describe("literalOf", () => {
  it.each<{ name: string; given: Schema; want: string | number | boolean | undefined }>([
    { name: "a string const", given: { const: "thread.run" }, want: "thread.run" },
    { name: "a number const", given: { const: 2 }, want: 2 },
    { name: "a false const", given: { const: false }, want: false },
    { name: "a null const is no literal", given: { const: null }, want: undefined },
    { name: "an object const is no literal", given: { const: { a: 1 } }, want: undefined },
    { name: "a one-value enum", given: { enum: ["list"] }, want: "list" },
    { name: "a one-value enum with null", given: { enum: [null, "list"] }, want: "list" },
    { name: "two values are an enum", given: { enum: ["a", "b"] }, want: undefined },
    { name: "only null", given: { enum: [null] }, want: undefined },
    { name: "a const wins over an enum", given: { const: "a", enum: ["b"] }, want: "a" },
    { name: "nothing", given: { type: "string" }, want: undefined },
  ])("$name", ({ given, want }) => {
    expect(literalOf(given)).toBe(want);
  });
});

describe("constBranches", () => {
  it.each<{ name: string; given: Schema; want: Schema[] | undefined }>([
    {
      name: "oneOf of consts",
      given: { oneOf: [{ const: "a", title: "Alpha" }, { const: "b" }] },
      want: [{ const: "a", title: "Alpha" }, { const: "b" }],
    },
    { name: "anyOf of one-value enums, a null branch aside", given: { anyOf: [{ enum: [1] }, { type: "null" }, { enum: [2] }] }, want: [{ enum: [1] }, { enum: [2] }] },
    { name: "one const is not an enum", given: { oneOf: [{ const: "a" }, { type: "null" }] }, want: undefined },
    { name: "a branch that is not a const", given: { oneOf: [{ const: "a" }, { type: "string" }] }, want: undefined },
    { name: "a $ref branch is a model, not a value", given: { oneOf: [{ const: "a" }, { $ref: "#/B", const: "b" }] }, want: undefined },
    { name: "no branches", given: { type: "string" }, want: undefined },
  ])("$name", ({ given, want }) => {
    expect(constBranches(given)).toEqual(want);
  });
});
