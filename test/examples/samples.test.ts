// `examples --samples <dir>`: which model each sample file is for (the longest model name the file
// name starts with, followed by its end or a separator), JSON Lines records, and the errors that
// point at the file and line. Plus the "did you mean" keys of customization errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { samplePayloads, specExamples } from "../../src/examples/extract.js";
import { SpecSet } from "../../src/load/loader.js";
import { normalize } from "../../src/ir/normalize/index.js";
import { closestKeys } from "../../src/ir/customize/model-keys.js";
import type { IrDocument, Model } from "../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const model = (id: string, nameHint: string[]): Model => ({ id, kind: "object", fields: [], nameHint, docs: {}, source });
const ir: IrDocument = {
  irVersion: 1,
  spec: { file: "x.yaml", openapi: "3.1.0" },
  models: [model("#/Run", ["Run"]), model("#/RunStep", ["RunStep"]), model("#/Run/last_error", ["Run", "last_error"])],
  report: [],
};

const root = mkdtempSync(path.join(os.tmpdir(), "samples-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
function folderWith(files: Record<string, string>): string {
  const dir = path.join(root, String(folders++));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("samplePayloads", () => {
  it.each([
    { file: "Run.json", want: "#/Run" },
    { file: "RunStep-cancelled.json", want: "#/RunStep" },
    { file: "Run_2.json", want: "#/Run" },
    { file: "Run.last_error.json", want: "#/Run/last_error" },
    { file: "Run.last_error-empty.json", want: "#/Run/last_error" },
  ])("$file is a sample of $want", ({ file, want }) => {
    const [payload] = samplePayloads(folderWith({ [file]: '{"id": 1}' }), ir);
    expect(payload).toEqual({ source: file, type: { kind: "ref", target: want }, json: { id: 1 } });
  });

  it("reads JSON Lines records, skips blank lines and other files, in file name order", () => {
    const dir = folderWith({
      "b.jsonl": '{"model": "Run", "payload": {"a": 1}}\n\n{"model": "RunStep", "payload": 2}\n',
      "a.json.txt": "ignored",
      "Run.json": "null",
    });
    expect(samplePayloads(dir, ir)).toEqual([
      { source: "Run.json", type: { kind: "ref", target: "#/Run" }, json: null },
      { source: "b.jsonl:1", type: { kind: "ref", target: "#/Run" }, json: { a: 1 } },
      { source: "b.jsonl:3", type: { kind: "ref", target: "#/RunStep" }, json: 2 },
    ]);
  });

  it.each<{ name: string; files: Record<string, string>; want: string }>([
    {
      name: "a name that only starts like a model",
      files: { "Runner.json": "{}" },
      want: "--samples: Runner.json does not start with a model name followed by the end or a separator",
    },
    { name: "a record without a model", files: { "s.jsonl": '{"payload": 1}' }, want: 's.jsonl:1:1: a JSON Lines sample must be { "model": <name>, "payload": <JSON> }' },
    { name: "a record without a payload", files: { "s.jsonl": '\n{"model": "Run"}' }, want: "s.jsonl:2:1: a JSON Lines sample must be" },
    { name: "an unknown model", files: { "s.jsonl": '{"model": "Walk", "payload": 1}' }, want: 's.jsonl:1:1: no model "Walk"' },
    { name: "malformed JSON in a file", files: { "Run.json": "{" }, want: "Run.json: malformed JSON:" },
    { name: "malformed JSON on a line", files: { "s.jsonl": "[1,\n" }, want: "s.jsonl:1:1: malformed JSON:" },
    {
      name: "a number too large for a double in a file",
      files: { "Run.json": '{"usage": {"total": 1e999}}' },
      want: "Run.json #/usage/total: a number too large for a double, which JSON.parse reads as an infinity",
    },
    { name: "a number too large for a double at the top", files: { "Run.json": "-1e400" }, want: "Run.json #: a number too large" },
    {
      name: "a number too large for a double on a line",
      files: { "s.jsonl": '{"model": "Run", "payload": {"a": [1, 2e308]}}\n' },
      want: "s.jsonl:1:1 #/payload/a/1: a number too large for a double",
    },
  ])("$name", ({ files, want }) => {
    expect(() => samplePayloads(folderWith(files), ir)).toThrow(want);
  });

  it("takes numbers a double holds, large and small", () => {
    const [payload] = samplePayloads(folderWith({ "Run.json": '{"a": [1.7976931348623157e308, 5e-324, -0]}' }), ir);
    expect(payload!.json).toEqual({ a: [1.7976931348623157e308, 5e-324, -0] });
  });

  it("needs a folder", () => {
    const missing = path.join(root, "missing");
    expect(() => samplePayloads(missing, ir)).toThrow(`--samples: ${missing} is not a folder`);
  });
});

describe("specExamples", () => {
  it("leaves out an example response whose text holds a number too large for a double (nothing a model holds)", () => {
    const text = [
      "openapi: 3.1.0",
      "info: { title: t, version: '1' }",
      "paths:",
      "  /runs:",
      "    get:",
      "      operationId: getRun",
      "      responses:",
      "        '200':",
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema: { type: object, properties: { n: { type: number } } }",
      "      x-oaiMeta:",
      "        examples:",
      "          - response: '{\"n\": 1e999}'",
      "          - response: '{\"n\": 2}'",
      "          - response: 'data: {}'",
      "",
    ].join("\n");
    const specs = new SpecSet("/virtual/spec.yaml", () => text);
    const payloads = specExamples(normalize(specs), specs);
    expect(payloads.map((p) => [p.source, p.json])).toEqual([["GET /runs (getRun) #1", { n: 2 }]]);
  });
});

describe("closestKeys", () => {
  const known = ["Run", "RunStep", "RunObject", "Thread", "Message", "MessageObject"];
  it.each([
    { given: "RunStp", want: ["RunStep", "Run", "RunObject"] },
    // Case aside equal first; RunObject shares "object".
    { given: "messageobject", want: ["MessageObject", "Message", "RunObject"] },
    { given: "Thred", want: ["Thread"] },
    { given: "Zzz", want: [] },
  ])("$given", ({ given, want }) => {
    expect(closestKeys(given, known)).toEqual(want);
  });
});
