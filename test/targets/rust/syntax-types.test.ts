// The generic types every Rust type string is built from, and the decode module's view, which
// takes its field and step types from them (templates/rust/decode.hbs writes no type of its own).
import { describe, expect, it } from "vitest";
import { optionOf, resultOf } from "../../../src/targets/rust/syntax.js";
import { decodeView } from "../../../src/targets/rust/crate.js";

describe("optionOf and resultOf", () => {
  it.each([
    { name: "an owned string", given: () => optionOf("String"), want: "Option<String>" },
    { name: "nested options (optional and nullable)", given: () => optionOf(optionOf("i64")), want: "Option<Option<i64>>" },
    { name: "a result", given: () => resultOf("String", "usize"), want: "Result<String, usize>" },
    { name: "an optional result", given: () => optionOf(resultOf("T", "E")), want: "Option<Result<T, E>>" },
  ])("$name: $want", ({ given, want }) => {
    expect(given()).toBe(want);
  });
});

describe("decodeView", () => {
  it("comments the header and gives the shown value, its borrow and a path step their types", () => {
    expect(decodeView(["Generated.", ""])).toEqual({
      header: ["// Generated.", "// "],
      shownValue: "Option<String>",
      shownValueRef: "Option<&str>",
      step: "Option<Result<String, usize>>",
    });
  });
});
