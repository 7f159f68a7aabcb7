import { describe, expect, it } from "vitest";
import { isBinary, multipartBodies } from "../../../src/targets/typescript/uploads.js";
import { fileView, type FileContext } from "../../../src/targets/typescript/view.js";
import { memberText } from "./member-text.js";
import { tsNamingRules } from "../../../src/targets/typescript/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { childrenByParent, indexModels } from "../../../src/ir/query.js";
import type { Field, IrDocument, Model, Operation, TypeExpr } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const binary: TypeExpr = { kind: "primitive", type: "string", format: "binary" };
const field = (name: string, type: TypeExpr): Field => ({ name, type, required: true, docs: {}, source });

const models: Model[] = [
  { id: "#/components/schemas/Bytes", kind: "alias", nameHint: ["Bytes"], type: binary, docs: {}, source },
  {
    id: "#/upload",
    kind: "object",
    nameHint: ["UploadRequest"],
    origin: "operation",
    docs: {},
    source,
    fields: [
      field("file", binary),
      field("files", { kind: "array", items: binary }),
      field("named", { kind: "ref", target: "#/components/schemas/Bytes", nullable: true }),
      field("caption", { kind: "primitive", type: "string" }),
    ],
  },
  { id: "#/json", kind: "object", nameHint: ["CreateRequest"], origin: "operation", docs: {}, source, fields: [field("filename", binary)] },
];
const operations: Operation[] = [
  {
    id: "#/op",
    name: ["upload"],
    method: "post",
    path: "/upload",
    kind: "path",
    docs: {},
    source,
    requests: [
      { mediaType: "multipart/form-data", kind: "multipart", type: { kind: "ref", target: "#/upload" }, required: true },
      { mediaType: "application/json", kind: "json", type: { kind: "ref", target: "#/json" }, required: true },
    ],
    responses: [],
  },
];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, operations, report: [] };
const ctx: FileContext = {
  models: indexModels(models),
  names: assignNames(ir, tsNamingRules),
  children: childrenByParent(models),
  int64: "number",
  header: [],
  multipartBodies: multipartBodies(operations),
};
const memberLines = (id: string) => fileView(ctx.models.get(id)!, ctx).declarations[0]!.members.map((m) => memberText(m).join("\n"));

describe("binary strings as uploads", () => {
  it("finds the models sent as multipart bodies", () => {
    expect([...multipartBodies(operations)]).toEqual(["#/upload"]);
    expect(multipartBodies(undefined).size).toBe(0);
  });

  it.each<{ given: TypeExpr; want: boolean }>([
    { given: binary, want: true },
    { given: { kind: "array", items: binary }, want: true },
    { given: { kind: "primitive", type: "string", format: "byte" }, want: false },
    { given: { kind: "map", values: binary }, want: false },
  ])("isBinary %#", ({ given, want }) => {
    expect(isBinary(given)).toBe(want);
  });

  it("types the file parts of a multipart body as Blob, through aliases", () => {
    expect(memberLines("#/upload")).toEqual([
      ["  /**", "   * @format binary (a file part: a Blob, such as a File)", "   */", "  file: Blob;"].join("\n"),
      "  files: Array<Blob>;",
      ["  /**", "   * @format binary (a file part: a Blob, such as a File)", "   */", "  named: Blob | null;"].join("\n"),
      "  caption: string;",
    ]);
  });

  it("leaves a binary string in a JSON body a string", () => {
    expect(memberLines("#/json")).toEqual([["  /**", "   * @format binary", "   */", "  filename: string;"].join("\n")]);
  });
});
