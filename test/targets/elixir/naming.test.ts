import { describe, expect, it } from "vitest";
import {
  appName,
  atomLiteral,
  atomName,
  elixirNamingRules,
  heredocText,
  keywordKey,
  literalAtomName,
  modulePath,
  moduleSegment,
  rootNamespace,
  stringLiteral,
} from "../../../src/targets/elixir/naming.js";
import { ELIXIR_KEYWORDS } from "../../../src/targets/elixir/reserved.js";
import { assignNames } from "../../../src/naming/assign.js";
import { splitWords } from "../../../src/naming/words.js";
import type { IrDocument, Model } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const doc = (models: Model[]): IrDocument => ({ irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] });
const str = { kind: "primitive", type: "string" } as const;

describe("Elixir module names", () => {
  it.each([
    { given: "RunStepObject", want: "RunStepObject" },
    { given: "run_step", want: "RunStep" },
    { given: "api.v1.Account", want: "ApiV1Account" },
    { given: "HTTPServer", want: "HttpServer" },
    { given: "2024Thing", want: "Model2024Thing" },
    { given: "+", want: "Plus" },
    { given: "", want: "Empty" },
  ])("segment $given -> $want", ({ given, want }) => {
    expect(moduleSegment(splitWords(given))).toBe(want);
  });

  it.each([
    { given: "RunsApi", want: "runs_api" },
    { given: "RunsApi.Run.LastError", want: "runs_api/run/last_error" },
    { given: "OpenAiApi.ApiV1Account", want: "open_ai_api/api_v1_account" },
    { given: "My.Models.Model2024Thing", want: "my/models/model2024_thing" },
  ])("file of $given is $want", ({ given, want }) => {
    expect(modulePath(given)).toBe(want);
  });

  it.each([
    { option: undefined, title: "Runs API", want: "RunsApi" },
    { option: undefined, title: "OpenAI API", want: "OpenAiApi" },
    { option: undefined, title: undefined, want: "Petstore" },
    { option: "MyApp.OpenAI", title: "OpenAI API", want: "MyApp.OpenAI" },
  ])("namespace from option $option / title $title is $want", ({ option, title, want }) => {
    expect(rootNamespace(option, title, "specs/petstore.yaml")).toBe(want);
  });

  it.each([["myApp"], ["My-App"], ["My..App"], [42]])("namespace option %j is rejected", (option) => {
    expect(() => rootNamespace(option, "T", "x.yaml")).toThrow(/namespace must be an Elixir alias/);
  });

  it("app names follow the namespace", () => {
    expect(appName("RunsApi")).toBe("runs_api");
    expect(appName("MyApp.OpenAI")).toBe("my_app_open_ai");
  });
});

describe("Elixir atoms and keyword keys keep wire names", () => {
  it.each([
    { given: "queued", atom: ":queued", key: "queued:" },
    { given: "camelCase", atom: ":camelCase", key: "camelCase:" },
    { given: "Self", atom: ":Self", key: "Self:" },
    { given: "end", atom: ":end", key: "end:" },
    { given: "do", atom: ":do", key: "do:" },
    { given: "fn", atom: ":fn", key: "fn:" },
    { given: "when", atom: ":when", key: "when:" },
    { given: "thread.run", atom: ':"thread.run"', key: '"thread.run":' },
    { given: "gpt-4o", atom: ':"gpt-4o"', key: '"gpt-4o":' },
    { given: "9lives", atom: ':"9lives"', key: '"9lives":' },
    { given: "$ref", atom: ':"$ref"', key: '"$ref":' },
    { given: "with space", atom: ':"with space"', key: '"with space":' },
    { given: "", atom: ':""', key: '"":' },
    { given: "a@b", atom: ':"a@b"', key: '"a@b":' },
    { given: 'say "hi" #{x}\\', atom: ':"say \\"hi\\" \\#{x}\\\\"', key: '"say \\"hi\\" \\#{x}\\\\":' },
  ])("$given -> $atom / $key", ({ given, atom, key }) => {
    expect(atomLiteral(given)).toBe(atom);
    expect(keywordKey(given)).toBe(key);
  });

  it("every Elixir keyword is a usable atom and keyword key as it is", () => {
    for (const k of ELIXIR_KEYWORDS) {
      expect(atomLiteral(k)).toBe(`:${k}`);
      expect(keywordKey(k)).toBe(`${k}:`);
    }
  });

  it.each([
    { given: "nil", want: "nil_" },
    { given: "true", want: "true_" },
    { given: "false", want: "false_" },
    { given: "null", want: "null" },
    { given: "thread.run", want: "thread.run" },
  ])("a string literal $given is the atom $want (never a value that is not an atom)", ({ given, want }) => {
    expect(literalAtomName(given)).toBe(want);
  });

  it("atoms are cut to Erlang's 255 characters", () => {
    expect([...atomName("x".repeat(300))].length).toBeLessThanOrEqual(255);
    expect(atomName("short")).toBe("short");
  });

  it.each([
    { given: "plain", want: '"plain"' },
    { given: "line\nbreak\ttab", want: '"line\\nbreak\\ttab"' },
    { given: "bell\u0007", want: '"bell\\u{7}"' },
    { given: "#{interpolation}", want: '"\\#{interpolation}"' },
  ])("string $given -> $want", ({ given, want }) => {
    expect(stringLiteral(given)).toBe(want);
  });

  it("heredoc text cannot end the heredoc or interpolate", () => {
    expect(heredocText('a """ b #{c} \\d')).toBe('a \\""" b \\#{c} \\\\d');
  });

  it.each([
    { given: "plain text, nothing to escape", want: "plain text, nothing to escape" },
    { given: 'one " and "" and # and {', want: 'one " and "" and # and {' },
    { given: '""""', want: '\\""""' },
    { given: "#{#{", want: "\\#{\\#{" },
  ])("heredoc text $given -> $want", ({ given, want }) => {
    expect(heredocText(given)).toBe(want);
  });
});

describe("Elixir naming pass", () => {
  const models: Model[] = [
    {
      id: "#/Keywords",
      kind: "object",
      nameHint: ["Keywords"],
      fields: ["end", "do", "__struct__", "additional_properties", "dotted.name", "Type", "type"].map((name) => ({ name, type: str, required: false, docs: {}, source })),
      docs: {},
      source,
    },
    {
      id: "#/Odd",
      kind: "enum",
      nameHint: ["Odd"],
      valueType: "mixed",
      members: [{ value: "asc" }, { value: "ASC" }, { value: "nil" }, { value: "nil_" }, { value: "true" }, { value: 1 }, { value: "1" }, { value: true }],
      docs: {},
      source,
    },
    {
      id: "#/Mode",
      kind: "enum",
      nameHint: ["Mode"],
      valueType: "string",
      // names from const-branch titles or x-enum-varnames
      members: [{ value: "fast-lane", name: "FastLane" }, { value: "1x", name: "OneX" }, { value: "", name: "Unset" }, { value: "nil", name: "Nothing" }],
      docs: {},
      source,
    },
    { id: "#/Codec", kind: "object", nameHint: ["Codec"], fields: [], docs: {}, source },
    {
      id: "#/Run",
      kind: "object",
      nameHint: ["Run"],
      // `rename.fields`: the user's identifier becomes the struct key; the wire name stays the field's name
      fields: [
        { name: "created_at", identifier: "started", type: str, required: true, docs: {}, source },
        { name: "id", type: str, required: true, docs: {}, source },
      ],
      docs: {},
      source,
    },
    { id: "#/Run/last_error", kind: "object", nameHint: ["Run", "last_error"], parent: "#/Run", fields: [], docs: {}, source },
  ];
  const names = assignNames(doc(models), elixirNamingRules);

  it("struct keys are the wire names; only what would break a struct is escaped", () => {
    expect(["end", "do", "__struct__", "additional_properties", "dotted.name", "Type", "type"].map((w) => names.field("#/Keywords", w))).toEqual([
      "end",
      "do",
      "__struct___",
      "additional_properties_",
      "dotted.name",
      "Type",
      "type",
    ]);
  });

  it("enum atoms are case-sensitive and never nil, true or false", () => {
    expect(["asc", "ASC", "nil", "nil_", "true", "1"].map((v) => names.member("#/Odd", v))).toEqual(["asc", "ASC", "nil_", "nil_2", "true_", "1"]);
  });

  it("enum atoms are the values even where the spec names them (titles, x-enum-varnames)", () => {
    expect(["fast-lane", "1x", "", "nil"].map((v) => names.member("#/Mode", v))).toEqual(["fast-lane", "1x", "", "nil_"]);
  });

  it("a renamed field's struct key is the user's identifier", () => {
    expect(names.field("#/Run", "created_at")).toBe("started");
    expect(names.field("#/Run", "id")).toBe("id");
  });

  it("generated module names stay free; hoisted models nest under their parent", () => {
    expect(names.type("#/Codec")).toBe("CodecModel");
    expect(names.path("#/Run/last_error")).toEqual(["Run", "LastError"]);
  });
});
