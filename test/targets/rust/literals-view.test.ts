// The `literals` module's view: one macro call per literal, by kind (integers that fit an i64
// apart from other numbers, which are written as floats), in the table's order, broken like
// rustfmt breaks a long macro call.
import { describe, expect, it } from "vitest";
import { literalsView, specAbout } from "../../../src/targets/rust/crate.js";
import { collectLiterals } from "../../../src/targets/rust/literals.js";
import type { IrDocument, TypeExpr } from "../../../src/ir/types.js";
import { obj } from "../../ir/graph-fixtures.js";

const lit = (value: string | number | boolean): TypeExpr => ({ kind: "literal", value });
const doc = (values: (string | number | boolean)[]): IrDocument => ({
  irVersion: 1,
  spec: { file: "x.yaml", openapi: "3.1.0" },
  models: [obj("M", ...values.map(lit))],
  report: [],
});

describe("literalsView", () => {
  const long = "x".repeat(90);
  const view = literalsView(collectLiterals(doc([true, 2, 1.5, 2 ** 60, "thread.run", long, false])), ["Generated.", ""]);

  it.each([
    { kind: "strings", want: ['string_literal!(ThreadRun = "thread.run");', "string_literal!(", `    X${"x".repeat(89)} =`, `        "${long}"`, ");"] },
    { kind: "integers", want: ["integer_literal!(Value2 = 2);"] },
    // 2^60 is past the safe integers: a float, with the digits the spec's JSON number parses to.
    { kind: "floats", want: ["number_literal!(Value15 = 1.5);", "number_literal!(Value1152921504606847000 = 1152921504606847000.0);"] },
    { kind: "booleans", want: ["boolean_literal!(False = false);", "boolean_literal!(True = true);"] },
  ] as const)("$kind", ({ kind, want }) => {
    expect(view[kind]).toEqual(want);
  });

  it("writes the header as line comments", () => {
    expect(view.header).toEqual(["// Generated.", "// "]);
  });
});

describe("specAbout", () => {
  it.each([
    { spec: { file: "x.yaml", openapi: "3.1.0", title: "Pet Store", version: "2.0.0" }, want: "Pet Store 2.0.0" },
    { spec: { file: "x.yaml", openapi: "3.1.0", title: "Pet Store" }, want: "Pet Store" },
    { spec: { file: "x.yaml", openapi: "3.1.0", version: "1" }, want: "1" },
    { spec: { file: "x.yaml", openapi: "3.1.0" }, want: "an OpenAPI document" },
  ])("$want", ({ spec, want }) => {
    expect(specAbout({ irVersion: 1, spec, models: [], report: [] })).toBe(want);
  });
});
