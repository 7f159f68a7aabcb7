// The questions every target asks of IR types (answered once, so the targets agree) and the
// generic traversal of a model's type expressions. Each case is a small model graph.
import { describe, expect, it } from "vitest";
import {
  acceptsNull,
  childrenByParent,
  defaultText,
  describeConstraints,
  inIntegerRange,
  integerRange,
  describeParameter,
  isNumericBound,
  NUMERIC_BOUNDS,
  indexModels,
  isUnixTime,
  literalText,
  unalias,
} from "../../src/ir/query.js";
import { forEachType, mapTypes, someTypeOfModel, typesOfModel } from "../../src/ir/walk.js";
import type { Constraints, Model, ParameterLocation, TypeExpr } from "../../src/ir/types.js";
import { alias, arr, dict, enumOf, obj, ref, str, union } from "./graph-fixtures.js";

const models = indexModels([
  obj("Obj", str),
  alias("Name", str),
  alias("MaybeName", str, true),
  alias("NameOfMaybe", ref("MaybeName")),
  alias("NullableInside", { kind: "primitive", type: "integer", nullable: true }),
  alias("Outer", ref("Name")),
  alias("LoopA", ref("LoopB")),
  alias("LoopB", ref("LoopA")),
]);

describe("acceptsNull", () => {
  it.each<{ name: string; given: TypeExpr; want: boolean }>([
    { name: "a primitive", given: str, want: false },
    { name: "a nullable primitive", given: { kind: "primitive", type: "string", nullable: true }, want: true },
    { name: "unknown", given: { kind: "unknown" }, want: true },
    { name: "an object", given: ref("Obj"), want: false },
    { name: "a nullable reference", given: ref("Obj", true), want: true },
    { name: "a nullable alias", given: ref("MaybeName"), want: true },
    { name: "an alias of a nullable alias", given: ref("NameOfMaybe"), want: true },
    { name: "an alias of a nullable type", given: ref("NullableInside"), want: true },
    { name: "an alias of a plain type", given: ref("Outer"), want: false },
    { name: "a cycle of aliases ends", given: ref("LoopA"), want: false },
    { name: "a missing model", given: ref("Missing"), want: false },
    { name: "an array of nullable items is not null itself", given: arr(ref("MaybeName")), want: false },
  ])("$name", ({ given, want }) => {
    expect(acceptsNull(given, models)).toBe(want);
  });
});

describe("unalias", () => {
  it.each<{ name: string; given: TypeExpr; want: TypeExpr }>([
    { name: "an alias", given: ref("Name"), want: str },
    { name: "an alias of an alias", given: ref("Outer"), want: str },
    { name: "a nullable reference keeps null", given: ref("Outer", true), want: { ...str, nullable: true } },
    { name: "an object reference stays", given: ref("Obj"), want: ref("Obj") },
    { name: "a cycle of aliases stops where it started", given: ref("LoopA"), want: ref("LoopA") },
    { name: "not a reference", given: arr(ref("Name")), want: arr(ref("Name")) },
    { name: "a missing model", given: ref("Missing"), want: ref("Missing") },
  ])("$name", ({ given, want }) => {
    expect(unalias(given, models)).toEqual(want);
  });
});

describe("numeric bounds", () => {
  it("lists the five bounds that may carry the spec's digits, and no other keyword or inherited name", () => {
    expect([...NUMERIC_BOUNDS].sort()).toEqual(["exclusiveMaximum", "exclusiveMinimum", "maximum", "minimum", "multipleOf"]);
    expect(["minimum", "multipleOf", "maxLength", "pattern", "toString", "constructor"].map(isNumericBound)).toEqual([true, true, false, false, false, false]);
  });
});

describe("describeConstraints", () => {
  it.each<{ given: Constraints | undefined; want: string[] }>([
    { given: undefined, want: [] },
    { given: {}, want: [] },
    { given: { maximum: 5, minimum: 1 }, want: ["minimum: 1", "maximum: 5"] },
    {
      given: { exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.5 },
      want: ["exclusive minimum: 0", "exclusive maximum: 1", "multiple of: 0.5"],
    },
    { given: { pattern: "^a$", maxLength: 3, minLength: 1 }, want: ["min length: 1", "max length: 3", "pattern: `^a$`"] },
    { given: { uniqueItems: false, minItems: 1 }, want: ["min items: 1"] },
    { given: { uniqueItems: true, maxItems: 2 }, want: ["max items: 2", "items are unique"] },
    { given: { minProperties: 1, maxProperties: 9 }, want: ["min properties: 1", "max properties: 9"] },
    {
      given: { minimum: -(2 ** 63), maximum: 2 ** 63, exact: { minimum: "-9223372036854775808", maximum: "9223372036854775807" } },
      want: ["minimum: -9223372036854775808", "maximum: 9223372036854775807"],
    },
    {
      given: { exclusiveMinimum: 2 ** 53, exclusiveMaximum: 2 ** 64, multipleOf: 2 ** 53, exact: { exclusiveMaximum: "18446744073709551615", multipleOf: "9007199254740993" } },
      want: ["exclusive minimum: 9007199254740992", "exclusive maximum: 18446744073709551615", "multiple of: 9007199254740993"],
    },
  ])("$given", ({ given, want }) => {
    expect(describeConstraints(given)).toEqual(want);
  });
});

describe("defaultText and literalText: JSON as the spec wrote it", () => {
  it.each<{ given: Parameters<typeof defaultText>[0]; want: string | undefined }>([
    { given: {}, want: undefined },
    { given: { default: null }, want: "null" },
    { given: { default: { a: [1, "b"] } }, want: '{"a":[1,"b"]}' },
    { given: { default: 2 ** 63 }, want: "9223372036854776000" },
    { given: { default: 2 ** 63, defaultExact: "9223372036854775807" }, want: "9223372036854775807" },
  ])("default $given", ({ given, want }) => {
    expect(defaultText(given)).toBe(want);
  });

  it.each<{ given: Parameters<typeof literalText>[0]; want: string }>([
    { given: { value: "a\"b" }, want: '"a\\"b"' },
    { given: { value: false }, want: "false" },
    { given: { value: 2 ** 53 }, want: "9007199254740992" },
    { given: { value: 2 ** 53, exact: "9007199254740993" }, want: "9007199254740993" },
  ])("value $given", ({ given, want }) => {
    expect(literalText(given)).toBe(want);
  });
});

describe("integerRange and inIntegerRange", () => {
  it.each<{ format: string | undefined; want: [bigint, bigint] }>([
    { format: "int32", want: [-(2n ** 31n), 2n ** 31n - 1n] },
    { format: "uint32", want: [0n, 2n ** 32n - 1n] },
    { format: "uint64", want: [0n, 2n ** 64n - 1n] },
    { format: "int64", want: [-(2n ** 63n), 2n ** 63n - 1n] },
    // Any other format, or none, is an int64; a key of every object's prototype is no format.
    { format: undefined, want: [-(2n ** 63n), 2n ** 63n - 1n] },
    { format: "unixtime", want: [-(2n ** 63n), 2n ** 63n - 1n] },
    { format: "constructor", want: [-(2n ** 63n), 2n ** 63n - 1n] },
  ])("$format", ({ format, want }) => {
    expect(integerRange(format)).toEqual(want);
  });

  it("tells whether an integer is within a format's range, at both ends", () => {
    expect([9223372036854775807n, 9223372036854775808n, -9223372036854775808n, -9223372036854775809n].map((n) => inIntegerRange(n, "int64"))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([18446744073709551615n, 18446744073709551616n, -1n].map((n) => inIntegerRange(n, "uint64"))).toEqual([true, false, false]);
  });
});

describe("describeParameter", () => {
  it.each<{ given: ParameterLocation | undefined; want: string | undefined }>([
    { given: undefined, want: undefined },
    { given: { in: "query" }, want: "Query parameter." },
    { given: { in: "path", style: "simple" }, want: "Path parameter (style: simple)." },
    { given: { in: "header", explode: false }, want: "Header parameter (explode: false)." },
    { given: { in: "cookie", style: "form", explode: true }, want: "Cookie parameter (style: form, explode: true)." },
  ])("$given", ({ given, want }) => {
    expect(describeParameter(given)).toBe(want);
  });
});

describe("isUnixTime", () => {
  it.each([
    { given: "unixtime", want: true },
    { given: "unix-time", want: true },
    { given: "date-time", want: false },
    { given: "int64", want: false },
    { given: undefined, want: false },
  ])("$given", ({ given, want }) => {
    expect(isUnixTime(given)).toBe(want);
  });
});

describe("childrenByParent", () => {
  it("lists hoisted models under their parent in IR order", () => {
    const child = (id: string, parent: string): Model => ({ ...obj(id), parent });
    const children = childrenByParent([obj("A"), child("A.x", "A"), obj("B"), child("B.y", "B"), child("A.z", "A"), child("A.x.w", "A.x")]);
    expect(Object.fromEntries([...children].map(([p, list]) => [p, list.map((m) => m.id)]))).toEqual({
      A: ["A.x", "A.z"],
      B: ["B.y"],
      "A.x": ["A.x.w"],
    });
  });
});

describe("walking a model's types", () => {
  it("visits a type outermost first", () => {
    const kinds: string[] = [];
    forEachType(arr(dict(ref("A"))), (t) => kinds.push(t.kind));
    expect(kinds).toEqual(["array", "map", "ref"]);
  });

  it.each<{ name: string; model: Model; want: TypeExpr[] }>([
    {
      name: "an object's fields, then its extra keys",
      model: { ...obj("O", str, ref("A")), additionalProperties: ref("B") } as Model,
      want: [str, ref("A"), ref("B")],
    },
    { name: "a union's variants", model: union("U", ref("A"), arr(str)), want: [ref("A"), arr(str)] },
    { name: "an alias's type", model: alias("N", dict(str)), want: [dict(str)] },
    { name: "an enum has none", model: enumOf("E", "a"), want: [] },
  ])("types of $name", ({ model, want }) => {
    expect(typesOfModel(model)).toEqual(want);
  });

  it("maps every type bottom-up, extra keys included", () => {
    const renamed = (t: TypeExpr): TypeExpr => (t.kind === "ref" ? ref(`${t.target}2`) : t);
    const model = { ...obj("O", arr(ref("A")), dict(ref("B"))), additionalProperties: ref("C") } as Model;
    expect(typesOfModel(mapTypes(model, renamed))).toEqual([arr(ref("A2")), dict(ref("B2")), ref("C2")]);
    expect(typesOfModel(mapTypes(union("U", ref("A")), renamed))).toEqual([ref("A2")]);
    expect(typesOfModel(mapTypes(alias("N", arr(arr(ref("A")))), renamed))).toEqual([arr(arr(ref("A2")))]);
    const e = enumOf("E", "a");
    expect(mapTypes(e, renamed)).toBe(e);
  });

  it("sees a parent's wrapper after its items (bottom-up)", () => {
    const seen: string[] = [];
    mapTypes(alias("N", arr(dict(str))), (t) => {
      seen.push(t.kind);
      return t;
    });
    expect(seen).toEqual(["primitive", "map", "array"]);
  });
});

describe("someTypeOfModel", () => {
  const models: Model[] = [
    { ...obj("O", arr(ref("A")), dict(arr(ref("B"))), str), additionalProperties: dict(ref("C")) } as Model,
    obj("P", str),
    union("U", ref("A"), arr(str)),
    alias("N", arr(arr(ref("D")))),
    enumOf("E", "a"),
  ];
  /** The same question asked through typesOfModel and forEachType, as the diff asked it before. */
  const slow = (m: Model, test: (t: TypeExpr) => boolean) => {
    let found = false;
    for (const t of typesOfModel(m)) forEachType(t, (x) => (found ||= test(x)));
    return found;
  };

  it.each(["A", "B", "C", "D", "Z"])("answers as typesOfModel with forEachType do, for a reference to %s", (target) => {
    const test = (t: TypeExpr) => t.kind === "ref" && t.target === target;
    for (const m of models) expect(someTypeOfModel(m, test), m.id).toBe(slow(m, test));
    expect(models.map((m) => someTypeOfModel(m, test))).toContain(target !== "Z");
  });

  it("stops at the first type that answers, outermost first", () => {
    const seen: string[] = [];
    someTypeOfModel(models[0]!, (t) => {
      seen.push(t.kind);
      return t.kind === "ref";
    });
    expect(seen).toEqual(["array", "ref"]);
    const all: string[] = [];
    someTypeOfModel(models[0]!, (t) => {
      all.push(t.kind);
      return false;
    });
    expect(all).toEqual(["array", "ref", "map", "array", "ref", "primitive", "map", "ref"]);
  });
});
