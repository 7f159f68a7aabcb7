import { describe, expect, it } from "vitest";
import { crateName, escapeReserved, fieldName, memberName, moduleIdent, moduleName, rustNamingRules, serdeName, typeName } from "../../../src/targets/rust/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { splitWords } from "../../../src/naming/words.js";
import type { IrDocument, Model } from "../../../src/ir/types.js";
import { collectLiterals } from "../../../src/targets/rust/literals.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const doc = (models: Model[]): IrDocument => ({ irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] });

describe("Rust names from wire names", () => {
  it.each([
    { given: "id", want: "id" },
    { given: "createdAt", want: "created_at" },
    { given: "kebab-case", want: "kebab_case" },
    { given: "dotted.name", want: "dotted_name" },
    { given: "with space", want: "with_space" },
    { given: "9lives", want: "_9lives" },
    { given: "HTTPServer", want: "http_server" },
    { given: "$ref", want: "ref" },
  ])("field $given -> $want", ({ given, want }) => {
    expect(fieldName(given)).toBe(want);
  });

  it.each([
    { given: ["RunStepObject"], want: "RunStepObject" },
    { given: ["Run", "last_error"], want: "RunLastError" },
    { given: ["api.v1.Account"], want: "ApiV1Account" },
    { given: ["2024Thing"], want: "Model2024Thing" },
  ])("type $given -> $want", ({ given, want }) => {
    expect(typeName(given.flatMap(splitWords))).toBe(want);
  });

  it.each<{ given: string | number | boolean; want: string }>([
    { given: "in_progress", want: "InProgress" },
    { given: "gpt-4o", want: "Gpt4o" },
    { given: "2024-05-13", want: "Value20240513" },
    { given: "+1", want: "Plus1" },
    { given: "-1", want: "Minus1" },
    { given: "", want: "Empty" },
    { given: 10, want: "Value10" },
    { given: true, want: "True" },
  ])("member $given -> $want", ({ given, want }) => {
    expect(memberName(given)).toBe(want);
  });

  it.each([
    { given: "type", kind: "field", want: "r#type" },
    { given: "match", kind: "field", want: "r#match" },
    { given: "self", kind: "field", want: "self_" },
    { given: "super", kind: "field", want: "super_" },
    { given: "crate", kind: "field", want: "crate_" },
    { given: "String", kind: "type", want: "StringValue" },
    { given: "Self", kind: "member", want: "SelfValue" },
    { given: "Unknown", kind: "member", want: "UnknownValue" },
  ] as const)("escape $kind $given -> $want", ({ given, kind, want }) => {
    expect(escapeReserved(given, kind)).toBe(want);
  });

  it.each([
    { given: "r#type", want: "type" },
    { given: "self_", want: "self_" },
    { given: "created_at", want: "created_at" },
  ])("serde sees $given as $want", ({ given, want }) => {
    expect(serdeName(given)).toBe(want);
  });

  it.each([
    { given: "RunStep", want: { ident: "run_step", file: "run_step" } },
    { given: "Type", want: { ident: "r#type", file: "type" } },
    { given: "ApiV1Account", want: { ident: "api_v1_account", file: "api_v1_account" } },
    { given: "RunStep2", want: { ident: "run_step2", file: "run_step2" } },
  ])("module of $given", ({ given, want }) => {
    expect(moduleName(given)).toEqual(want);
    // A kept model's module is read back from its file's name (rust/index.ts): the same identifier.
    expect(moduleIdent(want.file)).toBe(want.ident);
  });

  it.each([
    { given: "Runs API", want: "runs_api" },
    { given: "OpenAI API", want: "open_ai_api" },
    { given: "3D printing", want: "api_3_d_printing" },
    { given: undefined, want: "models" },
  ])("crate name of $given", ({ given, want }) => {
    expect(crateName(given)).toBe(want);
  });
});

describe("assignNames with the Rust rules", () => {
  const obj = (id: string, nameHint: string[], fields: string[], parent?: string): Model => ({
    id,
    kind: "object",
    nameHint,
    ...(parent ? { parent } : {}),
    fields: fields.map((name) => ({ name, type: { kind: "primitive", type: "string" }, required: true, docs: {}, source })),
    docs: {},
    source,
  });

  it("escapes std names, flattens hoisted models and dedupes fields deterministically", () => {
    const ir = doc([
      obj("#/Option", ["Option"], []),
      obj("#/Run", ["Run"], ["type", "self", "Self", "snake_case", "snakeCase", "$ref"]),
      obj("#/Run/last_error", ["Run", "last_error"], [], "#/Run"),
      obj("#/String", ["String"], []),
      obj("#/Vec", ["Vec"], []),
    ]);
    const names = assignNames(ir, rustNamingRules);
    expect(["#/Option", "#/Run", "#/Run/last_error", "#/String", "#/Vec"].map((id) => names.type(id))).toEqual(["OptionValue", "Run", "RunLastError", "StringValue", "VecValue"]);
    expect(names.path("#/Run/last_error")).toEqual(["RunLastError"]);
    expect(["type", "self", "Self", "snake_case", "snakeCase", "$ref"].map((w) => names.field("#/Run", w))).toEqual(["r#type", "self_", "self_2", "snake_case", "snake_case2", "r#ref"]);
  });

  it("gives enum values that collide once cased numeric suffixes, and moves `unknown` off the fallback", () => {
    const e: Model = { id: "#/E", kind: "enum", valueType: "string", nameHint: ["E"], members: ["asc", "ASC", "unknown", "Self"].map((value) => ({ value })), docs: {}, source };
    const names = assignNames(doc([e]), rustNamingRules);
    expect(["asc", "ASC", "unknown", "Self"].map((v) => names.member("#/E", v))).toEqual(["Asc", "Asc2", "UnknownValue", "SelfValue"]);
  });

  it("names literal types once per value, sorted, clear of std names", () => {
    const m: Model = {
      id: "#/L",
      kind: "union",
      combinator: "anyOf",
      nameHint: ["L"],
      variants: [{ type: { kind: "literal", value: "thread.run" } }, { type: { kind: "literal", value: "string" } }, { type: { kind: "literal", value: 1 } }, { type: { kind: "literal", value: "thread_run" } }, { type: { kind: "literal", value: "thread.run" } }],
      docs: {},
      source,
    };
    const table = collectLiterals(doc([m]));
    expect(table.entries).toEqual([
      { name: "Value1", value: 1 },
      { name: "StringValue", value: "string" },
      { name: "ThreadRun", value: "thread.run" },
      { name: "ThreadRun2", value: "thread_run" },
    ]);
    expect(table.name({ value: "thread.run" })).toBe("ThreadRun");
  });
});
