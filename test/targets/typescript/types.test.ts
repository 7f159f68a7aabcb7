import { describe, expect, it } from "vitest";
import { typeString, type TsTypeContext } from "../../../src/targets/typescript/types.js";
import { propertyKey, stringLiteral } from "../../../src/targets/typescript/naming.js";
import { propertyLines, typeAliasLines } from "../../../src/targets/typescript/layout.js";
import { docText } from "../../../src/targets/typescript/docs.js";
import type { Model, TypeExpr } from "../../../src/ir/types.js";
import type { NameTable } from "../../../src/naming/assign.js";

const models = new Map<string, Model>([
  [
    "#/Usage",
    { id: "#/Usage", kind: "object", nameHint: ["Usage"], fields: [], docs: {}, source: { file: "", line: 1, col: 1, pointer: "" } },
  ],
  [
    "#/Run/err",
    {
      id: "#/Run/err",
      parent: "#/Run",
      kind: "object",
      nameHint: ["Run", "err"],
      fields: [],
      docs: {},
      source: { file: "", line: 1, col: 1, pointer: "" },
    },
  ],
  [
    "#/Run/status",
    {
      id: "#/Run/status",
      parent: "#/Run",
      kind: "enum",
      valueType: "string",
      members: [{ value: "queued" }, { value: "in_progress" }],
      nameHint: ["Run", "status"],
      docs: {},
      source: { file: "", line: 1, col: 1, pointer: "" },
    },
  ],
  [
    "#/Run/level",
    {
      id: "#/Run/level",
      parent: "#/Run",
      kind: "enum",
      valueType: "integer",
      format: "int64",
      members: [{ value: 1 }, { value: 2 ** 53, exact: "9007199254740993" }],
      nameHint: ["Run", "level"],
      docs: {},
      source: { file: "", line: 1, col: 1, pointer: "" },
    },
  ],
]);
const names = { path: (id: string) => ({ "#/Usage": ["Usage"], "#/Run/err": ["Run", "LastError"] })[id]! } as unknown as NameTable;
const ctx = (int64: "number" | "bigint" = "number", uploads = false): TsTypeContext => ({ models, names, int64, onRef: () => {}, uploads });

describe("TypeScript type strings", () => {
  it.each<{ given: TypeExpr; want: string; int64?: "bigint"; uploads?: boolean }>([
    { given: { kind: "primitive", type: "string" }, want: "string" },
    { given: { kind: "primitive", type: "integer", format: "unixtime", nullable: true }, want: "number | null" },
    { given: { kind: "primitive", type: "integer", format: "int64" }, want: "number" },
    { given: { kind: "primitive", type: "integer", format: "int64" }, want: "bigint", int64: "bigint" },
    { given: { kind: "primitive", type: "boolean" }, want: "boolean" },
    { given: { kind: "primitive", type: "string", format: "binary" }, want: "string" },
    { given: { kind: "primitive", type: "string", format: "binary" }, want: "Blob", uploads: true },
    { given: { kind: "array", items: { kind: "primitive", type: "string", format: "binary" } }, want: "Array<Blob>", uploads: true },
    { given: { kind: "primitive", type: "string", format: "byte" }, want: "string", uploads: true },
    { given: { kind: "literal", value: "thread.run" }, want: '"thread.run"' },
    { given: { kind: "literal", value: 1 }, want: "1" },
    { given: { kind: "literal", value: 7, format: "int64" }, want: "7" },
    { given: { kind: "literal", value: 7, format: "int64" }, want: "7n", int64: "bigint" },
    { given: { kind: "literal", value: -3, format: "uint64" }, want: "-3n", int64: "bigint" },
    { given: { kind: "literal", value: 2 ** 63, exact: "9223372036854775807", format: "int64" }, want: "9223372036854775807n", int64: "bigint" },
    { given: { kind: "literal", value: 1.5, format: "int64" }, want: "1.5", int64: "bigint" },
    { given: { kind: "literal", value: 7, format: "int32" }, want: "7", int64: "bigint" },
    { given: { kind: "ref", target: "#/Run/level" }, want: "1 | 9007199254740992" },
    { given: { kind: "ref", target: "#/Run/level" }, want: "1n | 9007199254740993n", int64: "bigint" },
    { given: { kind: "unknown", nullable: true }, want: "unknown" },
    { given: { kind: "array", items: { kind: "ref", target: "#/Usage" } }, want: "Array<Usage>" },
    {
      given: { kind: "array", items: { kind: "primitive", type: "string", nullable: true }, nullable: true },
      want: "Array<string | null> | null",
    },
    { given: { kind: "map", values: { kind: "primitive", type: "string" } }, want: "Record<string, string>" },
    { given: { kind: "ref", target: "#/Run/err", nullable: true }, want: "Run.LastError | null" },
    { given: { kind: "ref", target: "#/Run/status" }, want: '"queued" | "in_progress"' },
  ])("$want", ({ given, want, int64, uploads }) => {
    expect(typeString(given, ctx(int64, uploads))).toBe(want);
  });

  it.each([
    { given: "id", want: "id" },
    { given: "$ref", want: "$ref" },
    { given: "kebab-case", want: '"kebab-case"' },
    { given: "9lives", want: '"9lives"' },
    { given: "with space", want: '"with space"' },
  ])("property key $given", ({ given, want }) => {
    expect(propertyKey(given)).toBe(want);
  });

  it.each([
    { given: "plain", want: '"plain"' },
    { given: 'say "hi"', want: "'say \"hi\"'" },
    { given: "it's", want: '"it\'s"' },
    { given: "back\\slash", want: '"back\\\\slash"' },
  ])("string literal $given", ({ given, want }) => {
    expect(stringLiteral(given)).toBe(want);
  });

  it("string literal: the no-escape shortcut agrees with escaping, for every code unit", () => {
    // The escaping as it was before the shortcut: count quotes, pick one, replace.
    const escaped = (value: string) => {
      const quote = (value.match(/"/g) ?? []).length > (value.match(/'/g) ?? []).length ? "'" : '"';
      const body = value
        .replace(/\\/g, "\\\\")
        .replace(new RegExp(quote, "g"), `\\${quote}`)
        .replace(/\n/g, "\\n")
        .replace(/\r/g, "\\r")
        .replace(/\t/g, "\\t")
        .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      return `${quote}${body}${quote}`;
    };
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const value of [c, `a${c}b`, `'${c}`, `${c}"'`]) if (stringLiteral(value) !== escaped(value)) differ.push(JSON.stringify(value));
    }
    expect(differ).toEqual([]);
  });
});

describe("Prettier-compatible layout", () => {
  const state = () => ({ needsPrettier: false });
  it("keeps short lines flat", () => {
    expect(propertyLines(state(), "  ", "a", true, ["string", "null"])).toEqual(["  a?: string | null;"]);
  });
  it("moves a long union to the next line when it fits there", () => {
    const parts = ["AssistantToolsCode", "AssistantToolsFileSearch", "AssistantToolsFunction"];
    expect(propertyLines(state(), "  ", "tools_for_the_run", false, parts)).toEqual([
      "  tools_for_the_run:",
      "    AssistantToolsCode | AssistantToolsFileSearch | AssistantToolsFunction;",
    ]);
  });
  it("breaks a union that fits nowhere with leading bars", () => {
    const parts = ["SomeVeryLongTypeNameNumberOne", "SomeVeryLongTypeNameNumberTwo", "SomeVeryLongTypeNameNumberThree"];
    expect(typeAliasLines(state(), "", "X", parts)).toEqual([
      "export type X =",
      "  | SomeVeryLongTypeNameNumberOne",
      "  | SomeVeryLongTypeNameNumberTwo",
      "  | SomeVeryLongTypeNameNumberThree;",
    ]);
  });
  it("keeps a long single type after a colon, moves it after `=`", () => {
    const long = "VeryLongNamespaceName.InnerLongName.DeeperName.Deepest1234567";
    expect(propertyLines(state(), "  ", "ggggggggggggggggggg", false, [long])).toEqual([`  ggggggggggggggggggg: ${long};`]);
    expect(typeAliasLines(state(), "", "B1", [long, "null"])).toEqual(["export type B1 =", `  ${long} | null;`]);
  });
  it("puts Record's arguments on their own lines, as Prettier does", () => {
    const s = state();
    expect(
      propertyLines(s, "  ", "ddddddddddddddddddd", false, ["Record<string, VeryLongNamespaceName.InnerLongName.Deeper>", "null"]),
    ).toEqual(["  ddddddddddddddddddd: Record<", "    string,", "    VeryLongNamespaceName.InnerLongName.Deeper", "  > | null;"]);
    expect(s.needsPrettier).toBe(false);
  });
  it("leaves breaking inside nested generics to Prettier", () => {
    const s = state();
    // (A flat `Array<A | B>` of plain members is laid out here, as Prettier does: layout.test.ts.)
    propertyLines(s, "  ", "eeeeeeeeeeeeeeeeeee", false, [
      'Array<Array<"aaaaaaaaaaaa" | "bbbbbbbbbbbbbb" | "cccccccccccccccc" | "ddddd">>',
    ]);
    expect(s.needsPrettier).toBe(true);
  });
});

describe("JSDoc text", () => {
  it.each<{ title: string; given: Parameters<typeof docText>; want: string[] }>([
    {
      title: "a parameter says where it is sent, in its own paragraph",
      given: [{ description: "How many." }, { type: { kind: "primitive", type: "integer", format: "int32" }, parameter: { in: "query" } }],
      want: ["How many.", "", "Query parameter.", "", "@format int32"],
    },
    {
      title: "a parameter without a description",
      given: [{}, { parameter: { in: "query", style: "form", explode: false } }],
      want: ["Query parameter (style: form, explode: false)."],
    },
    {
      title: "a header parameter with a default",
      given: [{}, { parameter: { in: "header" }, default: JSON.stringify("x") }],
      want: ["Header parameter.", "", '@default "x"'],
    },
    {
      title: "binary in a multipart part is an upload",
      given: [{}, { type: { kind: "primitive", type: "string", format: "binary" }, upload: true }],
      want: ["@format binary (a file part: a Blob, such as a File)"],
    },
    {
      title: "binary elsewhere is a string",
      given: [{}, { type: { kind: "primitive", type: "string", format: "binary" } }],
      want: ["@format binary"],
    },
  ])("$title", ({ given, want }) => {
    expect(docText(...given)).toEqual(want);
  });
});
