import { describe, expect, it } from "vitest";
import { escapeReserved, fieldName, memberName, packageName, plainName, scalaNamingRules, scalaNumber, scalaString, typeName } from "../../../src/targets/scala/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { splitWords } from "../../../src/naming/words.js";
import type { IrDocument, Model } from "../../../src/ir/types.js";

const src = { file: "", line: 1, col: 1, pointer: "" };

describe("Scala names", () => {
  it.each([
    { given: "RunStepObject", want: "RunStepObject" },
    { given: "api.v1.Account", want: "ApiV1Account" },
    { given: "2024-05-13", want: "Value20240513" },
    { given: "HTTPServer", want: "HttpServer" },
  ])("type $given -> $want", ({ given, want }) => {
    expect(typeName(splitWords(given))).toBe(want);
  });

  it.each([
    { given: "created_at", want: "createdAt" },
    { given: "kebab-case", want: "kebabCase" },
    { given: "dotted.name", want: "dottedName" },
    { given: "$ref", want: "ref" },
    { given: "with space", want: "withSpace" },
    { given: "camelCase", want: "camelCase" },
    { given: "9lives", want: "`9lives`" },
    { given: "type", want: "type" },
  ])("field $given -> $want", ({ given, want }) => {
    expect(fieldName(given)).toBe(want);
  });

  it.each([
    { given: "in_progress", want: "InProgress" },
    { given: "gpt-4o", want: "Gpt4o" },
    { given: "+1", want: "Plus1" },
    { given: "", want: "Empty" },
    { given: 10, want: "Value10" },
    { given: -1, want: "Minus1" },
    { given: "1x", want: "Value1x" },
    { given: "ALPHA", want: "Alpha" },
    { given: "FastLane", want: "FastLane" },
    { given: true, want: "True" },
  ])("enum member $given -> $want", ({ given, want }) => {
    expect(memberName(given)).toBe(want);
  });

  it.each([
    { given: "type", kind: "field" as const, want: "`type`" },
    { given: "end", kind: "field" as const, want: "`end`" },
    { given: "copy", kind: "field" as const, want: "copyField" },
    { given: "additionalProperties", kind: "field" as const, want: "additionalPropertiesField" },
    { given: "Option", kind: "type" as const, want: "OptionValue" },
    { given: "None", kind: "member" as const, want: "NoneValue" },
  ])("reserved $kind $given -> $want", ({ given, kind, want }) => {
    expect(escapeReserved(given, kind)).toBe(want);
  });

  it.each([
    { given: "thread.run", want: '"thread.run"' },
    { given: 'say "hi"', want: '"say \\"hi\\""' },
    { given: "back\\slash", want: '"back\\\\slash"' },
    { given: "line\nbreak\ttab", want: '"line\\nbreak\\ttab"' },
    { given: "$dollar", want: '"$dollar"' },
    { given: "\u0001", want: '"\\u0001"' },
  ])("string literal $given", ({ given, want }) => {
    expect(scalaString(given)).toBe(want);
  });

  it.each([
    { given: 1, want: "1L" },
    { given: -3, want: "-3L" },
    { given: 0.5, want: "0.5" },
    { given: 1e21, want: "1e+21" },
    { given: Number.MAX_SAFE_INTEGER, want: "9007199254740991L" },
    // Read from 9223372036854775807: as a Long literal it would be one past Long's largest.
    { given: 2 ** 63, want: "9223372036854776000.0" },
    { given: -(2 ** 63), want: "-9223372036854776000.0" },
    // With the digits the spec wrote, a Long holds them.
    { given: 2 ** 63, exact: "9223372036854775807", want: "9223372036854775807L" },
    { given: -(2 ** 63), exact: "-9223372036854775808", want: "-9223372036854775808L" },
    { given: 2 ** 63, exact: "9223372036854775808", want: "9223372036854776000.0" },
  ])("number literal $given ($exact)", ({ given, exact, want }: { given: number; exact?: string; want: string }) => {
    expect(scalaNumber(given, exact)).toBe(want);
  });

  it("plain names drop backticks", () => {
    expect(plainName("`type`")).toBe("type");
    expect(plainName("createdAt")).toBe("createdAt");
  });

  it.each([
    { option: undefined, title: "Runs API", want: "runsapi.models" },
    { option: undefined, title: "OpenAI API", want: "openaiapi.models" },
    { option: undefined, title: "2048 Game", want: "api2048game.models" },
    { option: undefined, title: "Type", want: "apitype.models" },
    { option: "acme.models", title: "x", want: "acme.models" },
  ])("package from $option / $title", ({ option, title, want }) => {
    expect(packageName(option, title)).toBe(want);
  });

  it.each(["Acme.Models", "acme..models", "acme.type", "", 3])("rejects package %s", (option) => {
    expect(() => packageName(option, "x")).toThrow(/scala: package/);
  });
});

describe("Scala naming pass", () => {
  const model = (id: string, nameHint: string[], extra: Partial<Model> = {}): Model =>
    ({ id, kind: "object", nameHint, fields: [], docs: {}, source: src, ...extra }) as Model;
  const ir: IrDocument = {
    irVersion: 1,
    spec: { file: "x.yaml", openapi: "3.1.0" },
    report: [],
    models: [
      model("#/Option", ["Option"]),
      model("#/Run", ["Run"], {
        fields: ["type", "copy", "created_at", "Created-At", "additional_properties"].map((name) => ({ name, type: { kind: "primitive", type: "string" }, required: true, docs: {}, source: src })),
      } as Partial<Model>),
      model("#/Run/status", ["Run", "status"], { kind: "enum", parent: "#/Run", valueType: "string", members: [{ value: "none" }, { value: "asc" }, { value: "ASC" }, { value: "unknown" }] } as Partial<Model>),
      model("#/Run/run", ["Run", "Option"], { parent: "#/Run" }),
    ],
  };
  const names = assignNames(ir, scalaNamingRules);

  it("escapes and dedupes deterministically", () => {
    expect(names.type("#/Option")).toBe("OptionValue");
    expect(names.path("#/Run/status")).toEqual(["Run", "Status"]);
    // A nested name never repeats a top-level one (it would hide it inside the companion).
    expect(names.type("#/Run/run")).toBe("OptionValue2");
    expect(["type", "copy", "created_at", "Created-At", "additional_properties"].map((w) => names.field("#/Run", w))).toEqual([
      "`type`",
      "copyField",
      "createdAt",
      "createdAt2",
      "additionalPropertiesField",
    ]);
    expect(["none", "asc", "ASC", "unknown"].map((v) => names.member("#/Run/status", v))).toEqual(["NoneValue", "Asc", "Asc2", "UnknownValue"]);
  });
});

describe("Scala case object names are stable patterns", () => {
  const enumModel = (id: string, members: { value: string | number; name?: string }[]): Model =>
    ({ id, kind: "enum", nameHint: [id.slice(2)], valueType: typeof members[0]!.value === "number" ? "integer" : "string", members, docs: {}, source: src }) as Model;
  const ir: IrDocument = {
    irVersion: 1,
    spec: { file: "x.yaml", openapi: "3.1.0" },
    report: [],
    models: [
      // oneOf of titled consts, and x-enum-varnames: the spec's names win over the values.
      enumModel("#/Level", [{ value: 1, name: "ALPHA" }, { value: 2, name: "BETA" }, { value: 3, name: "GAMMA" }]),
      enumModel("#/Mode", [{ value: "fast-lane", name: "FastLane" }, { value: "1x", name: "OneX" }, { value: "", name: "Unset" }]),
      // No names: value-derived ones, none of which Scala would read as a variable in a pattern.
      enumModel("#/Untitled", [{ value: 1 }, { value: 2 }, { value: -1 }, { value: 10 }]),
      enumModel("#/Dates", [{ value: "2024-05-13" }, { value: "_private" }, { value: "gpt-4o" }]),
      // A name that is itself a digit string or a reserved name is treated like a value.
      enumModel("#/Odd", [{ value: 1, name: "1st" }, { value: 2, name: "None" }]),
    ],
  };
  const names = assignNames(ir, scalaNamingRules);
  const members = (id: string) => (ir.models.find((m) => m.id === id) as Extract<Model, { kind: "enum" }>).members.map((m) => names.member(id, m.value));

  it.each([
    { id: "#/Level", want: ["Alpha", "Beta", "Gamma"] },
    { id: "#/Mode", want: ["FastLane", "OneX", "Unset"] },
    { id: "#/Untitled", want: ["Value1", "Value2", "Minus1", "Value10"] },
    { id: "#/Dates", want: ["Value20240513", "Private", "Gpt4o"] },
    { id: "#/Odd", want: ["Value1st", "NoneValue"] },
  ])("$id -> $want", ({ id, want }) => {
    expect(members(id)).toEqual(want);
  });

  it("every case object name starts with an upper-case letter (a stable identifier, never a pattern variable)", () => {
    for (const m of ir.models) for (const name of members(m.id)) expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  it("a union's constant variants (case objects) follow the same rule", () => {
    const union: IrDocument = {
      ...ir,
      models: [{ id: "#/Lit", kind: "union", combinator: "oneOf", nameHint: ["Lit"], variants: [1, 2].map((value) => ({ type: { kind: "literal", value } })), docs: {}, source: src } as Model],
    };
    const n = assignNames(union, scalaNamingRules);
    expect([n.variant("#/Lit", 0), n.variant("#/Lit", 1)]).toEqual(["Value1", "Value2"]);
  });
});
