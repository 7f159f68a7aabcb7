// Which OpenAPI dialect a document is in, and the located error for anything else (the line and
// column of the offending key, so the message points into the file).
import { describe, expect, it } from "vitest";
import { detectDialect } from "../../src/load/dialect.js";
import { SpecError } from "../../src/common/errors.js";
import { parseSource } from "../../src/load/parse-source.js";

const detect = (text: string) => detectDialect({ ...parseSource(text), file: "spec.yaml" });

describe("detectDialect", () => {
  it.each([
    { given: "openapi: 3.0.0", want: "3.0" },
    { given: "openapi: 3.0.3\ninfo: {}", want: "3.0" },
    { given: 'openapi: "3.1.0"', want: "3.1" },
    { given: "info: {}\nopenapi: 3.1.1", want: "3.1" },
    { given: '{"openapi": "3.1.0"}', want: "3.1" },
  ])("$given", ({ given, want }) => {
    expect(detect(given)).toBe(want);
  });

  it.each([
    { name: "Swagger 2", given: "info: {}\nswagger: '2.0'", message: "Swagger 2.0 is not supported; convert it to OpenAPI 3.0 or 3.1 first", line: 2, pointer: "/swagger" },
    { name: "a 3.2 document", given: "openapi: 3.2.0", message: 'unsupported OpenAPI version "3.2.0" (supported: 3.0.x, 3.1.x)', line: 1, pointer: "/openapi" },
    { name: "a version without a patch", given: "x: 1\nopenapi: '3.1'", message: 'unsupported OpenAPI version "3.1" (supported: 3.0.x, 3.1.x)', line: 2, pointer: "/openapi" },
    { name: "no version", given: "info: {}", message: "not an OpenAPI document: no `openapi` version field", line: 1, pointer: "" },
    { name: "a list at the top", given: "- a\n- b", message: "not an OpenAPI document: the top level is not a mapping", line: 1, pointer: "" },
    { name: "a scalar at the top", given: "hello", message: "not an OpenAPI document: the top level is not a mapping", line: 1, pointer: "" },
  ])("$name", ({ given, message, line, pointer }) => {
    let error: unknown;
    try {
      detect(given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    const e = error as SpecError;
    expect(e.detail).toBe(message);
    expect({ file: e.location.file, line: e.location.line, pointer: e.location.pointer }).toEqual({ file: "spec.yaml", line, pointer });
  });
});
