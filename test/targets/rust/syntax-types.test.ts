// The generic types every Rust type string is built from, and the decode module's view, which
// takes its field and step types from them (templates/rust/decode.hbs writes no type of its own).
import { describe, expect, it } from "vitest";
import { boxOf, optionOf, resultOf, stringMapOf, vecOf } from "../../../src/targets/rust/syntax.js";
import { decodeView, supportView } from "../../../src/targets/rust/crate.js";
import { presentTimestamp } from "../../../src/targets/rust/unix-seconds.js";

describe("optionOf, resultOf, vecOf, boxOf and stringMapOf", () => {
  it.each([
    { name: "an owned string", given: () => optionOf("String"), want: "Option<String>" },
    { name: "nested options (optional and nullable)", given: () => optionOf(optionOf("i64")), want: "Option<Option<i64>>" },
    { name: "a result", given: () => resultOf("String", "usize"), want: "Result<String, usize>" },
    { name: "an optional result", given: () => optionOf(resultOf("T", "E")), want: "Option<Result<T, E>>" },
    { name: "a list", given: () => vecOf("String"), want: "Vec<String>" },
    { name: "bytes", given: () => vecOf("u8"), want: "Vec<u8>" },
    { name: "a boxed model", given: () => boxOf("Tree"), want: "Box<Tree>" },
    { name: "a map", given: () => stringMapOf("i64"), want: "BTreeMap<String, i64>" },
    {
      name: "a map where nothing is imported",
      given: () => stringMapOf("crate::Run", true),
      want: "std::collections::BTreeMap<String, crate::Run>",
    },
    { name: "a list of optional maps", given: () => vecOf(optionOf(stringMapOf("f64"))), want: "Vec<Option<BTreeMap<String, f64>>>" },
    { name: "an optional nullable timestamp", given: () => presentTimestamp("DateTime<Utc>"), want: "Option<Option<DateTime<Utc>>>" },
  ])("$name: $want", ({ given, want }) => {
    expect(given()).toBe(want);
  });
});

describe("decodeView", () => {
  it("comments the header and gives every type the module writes", () => {
    expect(decodeView(["Generated.", ""])).toEqual({
      header: ["// Generated.", "// "],
      shownValue: "Option<String>",
      shownValueRef: "Option<&str>",
      step: "Option<Result<String, usize>>",
      decoded: "Result<T, DecodeError>",
      steps: "Vec<Step>",
      document: "impl FnOnce() -> Option<Value>",
      leadingPath: "Option<(&str, &str)>",
      valueAt: "Option<&'v Value>",
    });
  });
});

describe("supportView", () => {
  it.each([
    {
      name: "no helper",
      helpers: [],
      want: { present: false, required: false, tag: false, variant: false, unixSecondsPresent: false },
    },
    {
      name: "present and the optional nullable timestamp, whose type is the field's",
      helpers: ["present", "unix_seconds_present"],
      want: {
        present: true,
        required: false,
        tag: false,
        variant: false,
        unixSecondsPresent: { value: "Option<Option<DateTime<Utc>>>", read: "Result<Option<Option<DateTime<Utc>>>, D::Error>" },
      },
    },
  ])("$name", ({ helpers, want }) => {
    expect(supportView(new Set(helpers), [])).toEqual({ header: [], presentRead: "Result<Option<T>, D::Error>", ...want });
  });
});
