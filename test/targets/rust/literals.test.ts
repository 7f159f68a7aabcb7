// Literal types become unit structs in the crate's `literals` module: every literal anywhere in a
// model (fields, items, values, variants, aliases) once, sorted by kind then value, named in one
// case-insensitive scope, so the same inputs always give the same names.
import { describe, expect, it } from "vitest";
import { collectLiterals } from "../../../src/targets/rust/literals.js";
import type { IrDocument, Model, TypeExpr } from "../../../src/ir/types.js";
import { alias, arr, dict, obj, union } from "../../ir/graph-fixtures.js";

const lit = (value: string | number | boolean): TypeExpr => ({ kind: "literal", value });
const doc = (models: Model[]): IrDocument => ({ irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] });

describe("collectLiterals", () => {
  const table = collectLiterals(
    doc([
      obj("Run", lit("thread.run"), arr(lit("list")), dict(lit(2))),
      union("Flag", lit(true), lit("string")),
      alias("Kind", lit("thread.run")),
      obj("Odd", lit(""), lit("1x"), lit("2"), lit("Thread-Run")),
    ]),
  );

  it("lists each value once, booleans then numbers then strings, in code-unit order", () => {
    expect(table.entries.map((e) => e.value)).toEqual([true, 2, "", "1x", "2", "Thread-Run", "list", "string", "thread.run"]);
  });

  it.each<{ value: string | number | boolean; want: string }>([
    { value: true, want: "True" },
    { value: 2, want: "Value2" },
    { value: "", want: "Empty" },
    { value: "1x", want: "Value1x" },
    // The number 2 claimed Value2 first.
    { value: "2", want: "Value22" },
    { value: "Thread-Run", want: "ThreadRun" },
    { value: "list", want: "List" },
    // `String` is a std type the generated code writes unqualified.
    { value: "string", want: "StringValue" },
    // Sorted after "Thread-Run", which took the name (compared case-insensitively).
    { value: "thread.run", want: "ThreadRun2" },
  ])("names $value $want", ({ value, want }) => {
    expect(table.name({ value })).toBe(want);
  });

  it("tells a number from the string of its digits", () => {
    expect(table.name({ value: 2 })).not.toBe(table.name({ value: "2" }));
  });

  it("keeps integers beyond 2^53 apart by their digits, named by them (two that read as one double are two literals)", () => {
    const big = (exact: string): TypeExpr => ({ kind: "literal", value: 2 ** 63, exact });
    const t = collectLiterals(doc([obj("Ids", big("9223372036854775807"), big("9223372036854775806"), lit(2 ** 63))]));
    expect(t.entries).toEqual([
      { name: "Value9223372036854775806", value: 2 ** 63, exact: "9223372036854775806" },
      { name: "Value9223372036854775807", value: 2 ** 63, exact: "9223372036854775807" },
      { name: "Value9223372036854776000", value: 2 ** 63 },
    ]);
    expect(t.name({ value: 2 ** 63, exact: "9223372036854775807" })).toBe("Value9223372036854775807");
    expect(t.name({ value: 2 ** 63 })).toBe("Value9223372036854776000");
  });

  it("refuses a value it did not collect", () => {
    expect(() => table.name({ value: "missing" })).toThrow('rust: literal "missing" was not collected');
  });

  it("is empty for models without literals", () => {
    expect(collectLiterals(doc([obj("A", arr(dict({ kind: "primitive", type: "string" })))])).entries).toEqual([]);
  });
});
