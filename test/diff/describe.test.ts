// The diff's language-neutral words: constraint changes by direction, type texts, and where a
// hoisted model sits below its owner. Given/want tables; the report's sentences are built from these.
import { describe, expect, it } from "vitest";
import { compareConstraints, type ConstraintChange } from "../../src/diff/constraints.js";
import { displayName, joinPath, pathBelowOwner, typeText, valueText } from "../../src/diff/describe.js";
import { ownerOf } from "../../src/ir/query.js";
import { indexModels } from "../../src/ir/query.js";
import type { Constraints, Model, TypeExpr } from "../../src/ir/types.js";

describe("compareConstraints", () => {
  it.each<{ name: string; before?: Constraints; after?: Constraints; want: ConstraintChange[] }>([
    { name: "none on either side", want: [] },
    { name: "the same", before: { minimum: 1 }, after: { minimum: 1 }, want: [] },
    { name: "an added bound tightens", after: { maxLength: 10 }, want: [{ keyword: "maxLength", direction: "tightened", after: 10 }] },
    { name: "a removed bound loosens", before: { minItems: 1 }, want: [{ keyword: "minItems", direction: "loosened", before: 1 }] },
    { name: "a higher minimum tightens", before: { minimum: 1 }, after: { minimum: 2 }, want: [{ keyword: "minimum", direction: "tightened", before: 1, after: 2 }] },
    { name: "a lower minimum loosens", before: { minLength: 3 }, after: { minLength: 1 }, want: [{ keyword: "minLength", direction: "loosened", before: 3, after: 1 }] },
    { name: "a lower maximum tightens", before: { maximum: 9 }, after: { maximum: 5 }, want: [{ keyword: "maximum", direction: "tightened", before: 9, after: 5 }] },
    { name: "a higher maximum loosens", before: { maxItems: 2 }, after: { maxItems: 4 }, want: [{ keyword: "maxItems", direction: "loosened", before: 2, after: 4 }] },
    { name: "a divisor of the old multipleOf loosens", before: { multipleOf: 4 }, after: { multipleOf: 2 }, want: [{ keyword: "multipleOf", direction: "loosened", before: 4, after: 2 }] },
    { name: "a multiple of the old multipleOf tightens", before: { multipleOf: 2 }, after: { multipleOf: 6 }, want: [{ keyword: "multipleOf", direction: "tightened", before: 2, after: 6 }] },
    { name: "a changed pattern tightens", before: { pattern: "^a" }, after: { pattern: "^b" }, want: [{ keyword: "pattern", direction: "tightened", before: "^a", after: "^b" }] },
    { name: "uniqueItems turned on tightens", before: { uniqueItems: false }, after: { uniqueItems: true }, want: [{ keyword: "uniqueItems", direction: "tightened", before: false, after: true }] },
    { name: "uniqueItems turned off loosens", before: { uniqueItems: true }, after: { uniqueItems: false }, want: [{ keyword: "uniqueItems", direction: "loosened", before: true, after: false }] },
    { name: "uniqueItems false and absent are the same", before: { uniqueItems: false }, want: [] },
    { name: "the same exact bound", before: { maximum: 2 ** 63, exact: { maximum: "9223372036854775807" } }, after: { maximum: 2 ** 63, exact: { maximum: "9223372036854775807" } }, want: [] },
    {
      name: "exact bounds that one double holds compare by their digits",
      before: { maximum: 2 ** 63, exact: { maximum: "9223372036854775807" } },
      after: { maximum: 2 ** 63, exact: { maximum: "9223372036854775806" } },
      want: [{ keyword: "maximum", direction: "tightened", before: 9223372036854775807n, after: 9223372036854775806n }],
    },
    {
      name: "an exact bound against a plain one",
      before: { minimum: 0 },
      after: { minimum: -(2 ** 63), exact: { minimum: "-9223372036854775808" } },
      want: [{ keyword: "minimum", direction: "loosened", before: 0n, after: -9223372036854775808n }],
    },
    {
      name: "a number without digits stands for its own spelling, not the double's exact value",
      before: { minimum: 2 ** 63 },
      after: { minimum: 2 ** 63, exact: { minimum: "9223372036854775808" } },
      want: [{ keyword: "minimum", direction: "loosened", before: 9223372036854776000n, after: 9223372036854775808n }],
    },
    { name: "digits that spell the number are the number", before: { maximum: 2 ** 63 }, after: { maximum: 2 ** 63, exact: { maximum: "9223372036854776000" } }, want: [] },
    {
      name: "an exact bound against a fraction",
      before: { exclusiveMaximum: 0.5 },
      after: { exclusiveMaximum: 2 ** 63, exact: { exclusiveMaximum: "9223372036854775807" } },
      want: [{ keyword: "exclusiveMaximum", direction: "loosened", before: 0.5, after: 9223372036854775807n }],
    },
    {
      name: "an exact multipleOf dividing the old one loosens, compared as integers",
      before: { multipleOf: 2 ** 54, exact: { multipleOf: "18014398509481986" } },
      after: { multipleOf: 2 ** 53, exact: { multipleOf: "9007199254740993" } },
      want: [{ keyword: "multipleOf", direction: "loosened", before: 18014398509481986n, after: 9007199254740993n }],
    },
    {
      name: "an exact multipleOf that does not divide the old one tightens",
      before: { multipleOf: 2 ** 54, exact: { multipleOf: "18014398509481984" } },
      after: { multipleOf: 2 ** 53, exact: { multipleOf: "9007199254740993" } },
      want: [{ keyword: "multipleOf", direction: "tightened", before: 18014398509481984n, after: 9007199254740993n }],
    },
    {
      name: "several keywords, in keyword order",
      before: { maxLength: 5, minimum: 0 },
      after: { maxLength: 6, minimum: 1 },
      want: [
        { keyword: "minimum", direction: "tightened", before: 0, after: 1 },
        { keyword: "maxLength", direction: "loosened", before: 5, after: 6 },
      ],
    },
  ])("$name", ({ before, after, want }) => {
    expect(compareConstraints(before, after)).toEqual(want);
  });
});

describe("joinPath", () => {
  it.each([
    { base: "", part: "a", want: "a" },
    { base: "a", part: "", want: "a" },
    { base: "a", part: "b", want: "a.b" },
    { base: "a", part: "[]", want: "a[]" },
    { base: "a", part: "{}", want: "a{}" },
    { base: "a.b", part: "c", want: "a.b.c" },
  ])("$base + $part", ({ base, part, want }) => {
    expect(joinPath(base, part)).toBe(want);
  });
});

describe("valueText", () => {
  it.each([
    { given: undefined, want: "undefined" },
    { given: null, want: "null" },
    { given: "a", want: '"a"' },
    { given: 1.5, want: "1.5" },
    { given: [1, "b"], want: '[1,"b"]' },
    { given: { a: true }, want: '{"a":true}' },
  ])("$given", ({ given, want }) => {
    expect(valueText(given)).toBe(want);
  });
});

const source = { file: "", line: 1, col: 1, pointer: "" };
const alias = (id: string, nameHint: string[], parent?: string): Model => ({
  id,
  kind: "alias",
  nameHint,
  type: { kind: "primitive", type: "string" },
  docs: {},
  source,
  ...(parent ? { parent } : {}),
});
const models = indexModels([
  alias("#/Run", ["RunObject"]),
  alias("#/Run/last_error", ["RunObject", "last_error"], "#/Run"),
  alias("#/Run/last_error/code", ["RunObject", "last_error", "code"], "#/Run/last_error"),
  alias("#/Renamed", ["Other", "thing"], "#/Run"),
  alias("#/Orphan", ["Orphan", "part"], "#/Missing"),
]);

describe("typeText", () => {
  it.each<{ name: string; given: TypeExpr; want: string }>([
    { name: "a primitive", given: { kind: "primitive", type: "integer" }, want: "integer" },
    { name: "a formatted primitive", given: { kind: "primitive", type: "string", format: "date-time" }, want: "string(date-time)" },
    { name: "a nullable primitive", given: { kind: "primitive", type: "integer", nullable: true }, want: "integer | null" },
    { name: "a literal", given: { kind: "literal", value: "thread.run" }, want: '"thread.run"' },
    { name: "unknown, null or not", given: { kind: "unknown", nullable: true }, want: "any" },
    { name: "an array of refs", given: { kind: "array", items: { kind: "ref", target: "#/Run" } }, want: "Array<RunObject>" },
    { name: "a map of nullable", given: { kind: "map", values: { kind: "primitive", type: "number", nullable: true } }, want: "Map<number | null>" },
    { name: "a hoisted model by its dotted name", given: { kind: "ref", target: "#/Run/last_error" }, want: "RunObject.last_error" },
    { name: "a ref to no model keeps its id", given: { kind: "ref", target: "#/Nowhere" }, want: "#/Nowhere" },
  ])("$name", ({ given, want }) => {
    expect(typeText(given, models)).toBe(want);
  });
});

describe("owners and paths below them", () => {
  it.each([
    { id: "#/Run", owner: "RunObject", path: "" },
    { id: "#/Run/last_error", owner: "RunObject", path: "last_error" },
    { id: "#/Run/last_error/code", owner: "RunObject", path: "last_error.code" },
    // Words that do not start with the owner's: all but the first.
    { id: "#/Renamed", owner: "RunObject", path: "thing" },
    // A parent that is not in the index: the model is its own owner.
    { id: "#/Orphan", owner: "Orphan.part", path: "" },
  ])("$id", ({ id, owner, path }) => {
    expect(displayName(ownerOf(id, models)!)).toBe(owner);
    expect(pathBelowOwner(id, models)).toBe(path);
  });

  it("a model not in the index has no owner and no path", () => {
    expect(ownerOf("#/Nowhere", models)).toBeUndefined();
    expect(pathBelowOwner("#/Nowhere", models)).toBe("");
  });
});
