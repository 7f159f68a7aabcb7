// What a schema object's keywords mean to the normalizer: docs, constraints (3.0's boolean
// exclusive bounds and 3.1's numeric ones), declared types and null, annotation-only members.
import { describe, expect, it } from "vitest";
import {
  constraintsOf,
  docsOf,
  isAnnotationOnly,
  isNullSchema,
  isSchemaObject,
  mergeDocs,
  typesOf,
  unsupportedKeysOf,
  type Schema,
} from "../../src/ir/normalize/keywords.js";
import type { Constraints, Docs } from "../../src/ir/types.js";

describe("isSchemaObject", () => {
  it.each([
    { given: {}, want: true },
    { given: { type: "string" }, want: true },
    { given: null, want: false },
    { given: [], want: false },
    { given: "string", want: false },
    { given: true, want: false },
  ])("$given", ({ given, want }) => {
    expect(isSchemaObject(given)).toBe(want);
  });
});

describe("isAnnotationOnly", () => {
  it.each<{ given: Schema; want: boolean }>([
    { given: {}, want: true },
    { given: { description: "d", nullable: true, "x-internal": true }, want: true },
    { given: { $comment: "c", examples: [1], readOnly: true }, want: true },
    { given: { type: "string" }, want: false },
    { given: { description: "d", properties: {} }, want: false },
    { given: { $ref: "#/x" }, want: false },
  ])("$given", ({ given, want }) => {
    expect(isAnnotationOnly(given)).toBe(want);
  });
});

describe("docsOf", () => {
  it.each<{ name: string; given: Schema; want: Docs }>([
    { name: "nothing", given: { type: "string" }, want: {} },
    { name: "title and description", given: { title: "T", description: "D" }, want: { title: "T", description: "D" } },
    {
      name: "flags only when true",
      given: { deprecated: true, readOnly: false, writeOnly: true },
      want: { deprecated: true, writeOnly: true },
    },
    { name: "non-string text is ignored", given: { title: 3, description: null }, want: {} },
    { name: "example, then examples", given: { example: "a", examples: ["b", "c"] }, want: { examples: ["a", "b", "c"] } },
    { name: "an example of null is kept", given: { example: null }, want: { examples: [null] } },
    {
      name: "extensions, except the ones the normalizer consumes",
      given: { "x-go-name": "G", "x-enum-varnames": ["A"], "x-stainless-const": true, "x-enumDescriptions": {} },
      want: { extensions: { "x-go-name": "G" } },
    },
  ])("$name", ({ given, want }) => {
    expect(docsOf(given)).toEqual(want);
  });
});

describe("mergeDocs", () => {
  it.each<{ name: string; outer: Docs; inner: Docs; want: Docs }>([
    {
      name: "the use site wins",
      outer: { description: "use" },
      inner: { description: "def", title: "T" },
      want: { description: "use", title: "T" },
    },
    { name: "the definition fills in", outer: {}, inner: { deprecated: true }, want: { deprecated: true } },
    {
      name: "extensions merge key by key",
      outer: { extensions: { "x-a": 1 } },
      inner: { extensions: { "x-a": 0, "x-b": 2 } },
      want: { extensions: { "x-a": 1, "x-b": 2 } },
    },
    { name: "nothing on either side", outer: {}, inner: {}, want: {} },
  ])("$name", ({ outer, inner, want }) => {
    expect(mergeDocs(outer, inner)).toEqual(want);
  });
});

describe("constraintsOf", () => {
  it.each<{ name: string; given: Schema; want: Constraints | undefined }>([
    { name: "none", given: { type: "string" }, want: undefined },
    { name: "numeric bounds", given: { minimum: 1, maximum: 9, multipleOf: 2 }, want: { minimum: 1, maximum: 9, multipleOf: 2 } },
    {
      name: "lengths, items, properties",
      given: { minLength: 1, maxItems: 3, minProperties: 0 },
      want: { minLength: 1, maxItems: 3, minProperties: 0 },
    },
    { name: "a bound that is not a number is ignored", given: { minimum: "1" }, want: undefined },
    { name: "a pattern", given: { pattern: "^a+$" }, want: { pattern: "^a+$" } },
    { name: "uniqueItems only when true", given: { uniqueItems: false }, want: undefined },
    {
      name: "3.1 exclusive bounds are numbers",
      given: { exclusiveMinimum: 0, exclusiveMaximum: 10 },
      want: { exclusiveMinimum: 0, exclusiveMaximum: 10 },
    },
    {
      name: "3.0 exclusive bounds move the bound",
      given: { minimum: 0, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: true },
      want: { exclusiveMinimum: 0, exclusiveMaximum: 5 },
    },
    { name: "3.0 false exclusive bounds keep it inclusive", given: { minimum: 0, exclusiveMinimum: false }, want: { minimum: 0 } },
    { name: "a 3.0 exclusive flag without a bound is nothing", given: { exclusiveMaximum: true }, want: undefined },
  ])("$name", ({ given, want }) => {
    expect(constraintsOf(given)).toEqual(want);
  });
});

describe("constraintsOf finds each constraint keyword alone (its pass over the keys knows them all)", () => {
  it.each([
    ["minimum", 1],
    ["maximum", 1],
    ["multipleOf", 2],
    ["minLength", 1],
    ["maxLength", 1],
    ["minItems", 1],
    ["maxItems", 1],
    ["minProperties", 1],
    ["maxProperties", 1],
    ["pattern", "a"],
    ["uniqueItems", true],
    ["exclusiveMinimum", 1],
    ["exclusiveMaximum", 1],
  ])("%s", (key, value) => {
    expect(constraintsOf({ type: "number", description: "d", [key]: value })).toEqual({ [key]: value });
  });

  it("keeps the keywords' order whatever order they are written in", () => {
    expect(Object.keys(constraintsOf({ pattern: "a", maxLength: 3, minLength: 1 })!)).toEqual(["minLength", "maxLength", "pattern"]);
  });
});

describe("typesOf shares its answer for a single type name", () => {
  it.each(["string", "number", "integer", "boolean", "object", "array", "null", "file"])("%s", (name) => {
    const got = typesOf({ type: name });
    expect(got).toEqual({ types: name === "null" ? [] : [name], hasNull: name === "null" });
    expect(typesOf({ type: name, description: "other" })).toEqual(got);
  });

  it("a shared answer cannot be changed by a caller", () => {
    const got = typesOf({ type: "string" });
    expect(got).toBe(typesOf({ type: "string" }));
    expect(() => (got.types as string[]).push("x")).toThrow();
    expect(typesOf({}).types).toEqual([]);
  });
});

describe("unsupportedKeysOf", () => {
  const all = [
    "not",
    "if",
    "then",
    "else",
    "patternProperties",
    "propertyNames",
    "dependentSchemas",
    "dependentRequired",
    "prefixItems",
    "contains",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contentSchema",
    "dependencies",
  ];
  it.each(all)("finds %s alone", (key) => {
    expect(unsupportedKeysOf({ type: "object", [key]: {} })).toEqual([key]);
  });

  it("gives them in one fixed order, and none for a schema without any", () => {
    expect(unsupportedKeysOf(Object.fromEntries([...all].reverse().map((k) => [k, {}])))).toEqual(all);
    expect(unsupportedKeysOf({ type: "string", description: "not", title: "if" })).toEqual([]);
    expect(unsupportedKeysOf({})).toEqual([]);
  });
});

describe("typesOf", () => {
  it.each<{ given: Schema; want: { types: string[]; hasNull: boolean } }>([
    { given: {}, want: { types: [], hasNull: false } },
    { given: { type: "string" }, want: { types: ["string"], hasNull: false } },
    { given: { type: ["string", "null"] }, want: { types: ["string"], hasNull: true } },
    { given: { type: ["null"] }, want: { types: [], hasNull: true } },
    { given: { type: ["integer", "number"] }, want: { types: ["integer", "number"], hasNull: false } },
    { given: { type: [1, "boolean"] }, want: { types: ["boolean"], hasNull: false } },
  ])("$given", ({ given, want }) => {
    expect(typesOf(given)).toEqual(want);
  });
});

describe("isNullSchema", () => {
  it.each([
    { given: { type: "null" }, want: true },
    { given: { type: ["null"] }, want: true },
    { given: { enum: [null] }, want: true },
    { given: { const: null }, want: true },
    { given: { type: ["string", "null"] }, want: false },
    { given: { enum: [null, "a"] }, want: false },
    { given: { const: "null" }, want: false },
    { given: {}, want: false },
    { given: null, want: false },
  ])("$given", ({ given, want }) => {
    expect(isNullSchema(given)).toBe(want);
  });
});
