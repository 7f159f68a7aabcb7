import path from "node:path";
import { describe, expect, it } from "vitest";
import { operationIndexView, operationIndexViewOf, operationModuleNames, partAliases, resolvedParts } from "../../../src/targets/rust/operations.js";
import { rustNamingRules } from "../../../src/targets/rust/naming.js";
import { collectLiterals } from "../../../src/targets/rust/literals.js";
import { rustTarget } from "../../../src/targets/rust/index.js";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import { loadTemplates } from "../../../src/render/templates.js";
import type { IrDocument, Model, Operation, OperationBody, OperationResponse, TypeExpr } from "../../../src/ir/types.js";
import { irOf, render, REPO } from "../../helpers/generate.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const ref = (target: string, nullable?: boolean): TypeExpr => ({ kind: "ref", target, ...(nullable ? { nullable } : {}) });
const object = (id: string, name: string): Model => ({ id, kind: "object", nameHint: [name], fields: [], docs: {}, source });
const op = (id: string, name: string[], extra: Partial<Operation> = {}): Operation => ({
  id,
  name,
  method: "get",
  path: "/x",
  kind: "path",
  docs: {},
  source,
  requests: [],
  responses: [],
  ...extra,
});
const body = (mediaType: string, kind: OperationBody["kind"], target: string, required = true): OperationBody => ({ mediaType, kind, type: ref(target), required });
const response = (status: string, mediaType: string, type: TypeExpr): OperationResponse => ({ status, mediaType, type });

const models: Model[] = [
  {
    id: "#/op/parameters",
    kind: "object",
    nameHint: ["Op", "Params"],
    docs: {},
    source,
    origin: "parameters",
    fields: [
      { name: "id", type: { kind: "primitive", type: "string" }, required: true, docs: {}, source, parameter: { in: "path" } },
      { name: "X-Key", type: { kind: "primitive", type: "string" }, required: false, docs: {}, source, parameter: { in: "header" } },
      { name: "q", type: { kind: "primitive", type: "string" }, required: false, docs: {}, source, parameter: { in: "query" } },
    ],
  },
  object("#/Pet", "Pet"),
  object("#/Json", "OpRequest"),
  object("#/Form", "OpRequestForm"),
  object("#/Multi", "OpRequestMultipart"),
  object("#/Patch", "OpRequestMergePatchJson"),
  object("#/Problem", "Problem"),
  { id: "#/Nullable", kind: "alias", nameHint: ["MaybePet"], type: ref("#/Pet"), nullable: true, docs: {}, source },
];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const ctx = { models: indexModels(models), names: assignNames(ir, rustNamingRules), literals: collectLiterals(ir) };

describe("operation module names", () => {
  it.each<{ name: string; ops: Operation[]; want: Record<string, string> }>([
    { name: "snake_case of the name words", ops: [op("#/a", ["listPets"]), op("#/b", ["get", "pets", "pet", "id"])], want: { "#/a": "list_pets", "#/b": "get_pets_pet_id" } },
    { name: "an operationId keeps its name; the derived one takes the suffix", ops: [op("#/a", ["get", "pets"]), op("#/b", ["getPets"], { operationId: "getPets" })], want: { "#/a": "get_pets2", "#/b": "get_pets" } },
    { name: "two operationIds that spell the same: by id", ops: [op("#/a", ["list-pets"], { operationId: "list-pets" }), op("#/b", ["listPets"], { operationId: "listPets" })], want: { "#/a": "list_pets", "#/b": "list_pets2" } },
    { name: "keywords are raw, or take an underscore", ops: [op("#/a", ["type"], { operationId: "type" }), op("#/b", ["self"], { operationId: "self" })], want: { "#/a": "r#type", "#/b": "self_" } },
    { name: "a leading digit", ops: [op("#/a", ["2fa"], { operationId: "2fa" })], want: { "#/a": "_2fa" } },
  ])("$name", ({ ops, want }) => {
    expect(Object.fromEntries(operationModuleNames(ops))).toEqual(want);
  });
});

describe("what an operation's parts resolve to (the operation index's key)", () => {
  const o = op("#/op", ["op"], {
    params: "#/op/parameters",
    requests: [body("application/json", "json", "#/Json")],
    responses: [response("200", "application/json", ref("#/Nullable")), response("404", "application/json", ref("#/Problem", true))],
  });

  it("is the params' note and each part's type, in order", () => {
    expect(resolvedParts(o, ctx)).toEqual({
      params: { note: "Path, query and header parameters.", type: "crate::OpParams" },
      requests: ["crate::OpRequest"],
      // A nullable model, or a nullable use: its type says so (a model made nullable changes the key).
      responses: ["Option<crate::MaybePet>", "Option<crate::Problem>"],
    });
    expect(resolvedParts(op("#/bare", ["bare"]), ctx)).toEqual({ params: null, requests: [], responses: [] });
  });

  it("makes the same view as the models and names do", () => {
    const about = { header: ["h"], about: "Pets 1.0" };
    expect(operationIndexViewOf([o], [resolvedParts(o, ctx)], about)).toEqual(operationIndexView([o], { ...ctx, ...about }));
  });
});

describe("the aliases of an operation's parts", () => {
  const aliases = (o: Operation) => partAliases(o, ctx).map((a) => `${a.name} = ${a.type}`);

  it("names parameters, each request media type and each response status", () => {
    const o = op("#/op", ["op"], {
      params: "#/op/parameters",
      requests: [
        body("multipart/form-data", "multipart", "#/Multi"),
        body("application/json", "json", "#/Json"),
        body("application/x-www-form-urlencoded", "form", "#/Form"),
        body("application/merge-patch+json", "json", "#/Patch"),
      ],
      responses: [
        response("200", "application/json", ref("#/Pet")),
        response("2XX", "application/json", ref("#/Pet")),
        response("404", "application/problem+json", ref("#/Problem")),
        response("404", "application/json", ref("#/Problem")),
        response("default", "application/json", ref("#/Problem")),
      ],
    });
    expect(aliases(o)).toEqual([
      "Params = crate::OpParams",
      // `application/json` takes the plain name even when it is not listed first.
      "RequestMultipart = crate::OpRequestMultipart",
      "Request = crate::OpRequest",
      "RequestForm = crate::OpRequestForm",
      "RequestMergePatchJson = crate::OpRequestMergePatchJson",
      "Response200 = crate::Pet",
      "Response2xx = crate::Pet",
      "Response404ProblemJson = crate::Problem",
      "Response404 = crate::Problem",
      "ResponseDefault = crate::Problem",
    ]);
  });

  it("takes the first media type's plain name when none is application/json", () => {
    const o = op("#/op", ["op"], { requests: [body("multipart/form-data", "multipart", "#/Multi"), body("application/x-www-form-urlencoded", "form", "#/Form")] });
    expect(aliases(o)).toEqual(["Request = crate::OpRequestMultipart", "RequestForm = crate::OpRequestForm"]);
  });

  it("wraps a nullable response in Option, also through a nullable alias", () => {
    const o = op("#/op", ["op"], { responses: [response("200", "application/json", ref("#/Pet", true)), response("201", "application/json", ref("#/Nullable"))] });
    expect(aliases(o)).toEqual(["Response200 = Option<crate::Pet>", "Response201 = Option<crate::MaybePet>"]);
  });

  it("keeps names apart when two media types spell the same words", () => {
    const o = op("#/op", ["op"], { responses: [response("200", "application/json", ref("#/Pet")), response("200", "text/x.json", ref("#/Pet")), response("200", "application/x-json", ref("#/Pet"))] });
    expect(partAliases(o, ctx).map((a) => a.name)).toEqual(["Response200", "Response200XJson", "Response200XJson2"]);
  });

  it("documents each part: where parameters go, the media type, whether a body is required", () => {
    const o = op("#/op", ["op"], { params: "#/op/parameters", requests: [body("application/json", "json", "#/Json", false)], responses: [response("200", "application/json", ref("#/Pet"))] });
    expect(partAliases(o, ctx).map((a) => a.docs)).toEqual([
      ["Path, query and header parameters."],
      ["The request body as `application/json` (optional)."],
      ["The body of the `200` response as `application/json`."],
    ]);
  });
});

describe("the operation index view", () => {
  const view = (ops: Operation[]) => operationIndexView(ops, { ...ctx, header: ["h"], about: "Pets 1.0" });

  it("sorts modules by name and writes the constants", () => {
    const v = view([op("#/b", ["listPets"], { operationId: "listPets", responses: [response("200", "application/json", ref("#/Pet"))] }), op("#/a", ["delete", "x"], { method: "delete" })]);
    expect(v.header).toEqual(["// h"]);
    expect(v.modules.map((m) => m.ident)).toEqual(["delete_x", "list_pets"]);
    expect(v.modules[1]!.items.flatMap((i) => [...i.docs, ...i.lines])).toEqual([
      '    pub const OPERATION_ID: &str = "listPets";',
      '    pub const METHOD: &str = "GET";',
      '    pub const PATH: &str = "/x";',
      "    /// The body of the `200` response as `application/json`.",
      "    pub type Response200 = crate::Pet;",
    ]);
    expect(v.modules[0]!.items[0]!).toEqual({
      docs: ["    /// The spec gives no `operationId`: derived from the method and path."],
      lines: ['    pub const OPERATION_ID: &str = "deleteX";'],
    });
  });

  it("documents the operation: summary, description, method and path, deprecation", () => {
    const [m] = view([op("#/a", ["getPet"], { operationId: "getPet", path: "/pets/{id}", docs: { title: "Get a pet", description: "By id.\n\nOr fail.", deprecated: true } })]).modules;
    expect(m!.docs).toEqual(["/// Get a pet", "///", "/// By id.", "///", "/// Or fail.", "///", "/// `GET /pets/{id}`", "/// Deprecated."]);
  });

  it("says what a webhook's and a callback's path is", () => {
    const parent = op("#/p", ["order"], { operationId: "order", method: "post" });
    const callback = op("#/p/cb", ["order", "shipped", "post"], { method: "post", kind: "callback", path: "{$request.body#/url}", callbackOf: { operation: "#/p", name: "shipped" } });
    const webhook = op("#/w", ["petAdopted", "post"], { method: "post", kind: "webhook", path: "petAdopted" });
    const v = view([parent, callback, webhook]);
    const byIdent = new Map(v.modules.map((m) => [m.ident, m]));
    expect(byIdent.get("order_shipped_post")!.docs).toEqual(["/// Callback `shipped` of `order`:", "/// the API sends `POST {$request.body#/url}` to your endpoint."]);
    expect(byIdent.get("order_shipped_post")!.items[2]!.docs).toEqual(["    /// The callback's runtime expression: it gives the URL the request goes to."]);
    expect(byIdent.get("pet_adopted_post")!.docs).toEqual(["/// Webhook `petAdopted`: the API sends `POST` requests to an endpoint you register."]);
    expect(byIdent.get("pet_adopted_post")!.items[0]!.docs).toEqual(["    /// The spec gives no `operationId`: derived from the webhook's name and method."]);
  });
});

describe("the operation index in the crate", () => {
  const petstore = path.join(REPO, "test/fixtures/petstore/openapi.yaml");
  const file = (files: { path: string; contents: string }[], p: string) => files.find((f) => f.path === p)?.contents;

  it("is a public module of lib.rs that names each operation's models", () => {
    const files = render(petstore, "rust");
    expect(file(files, "src/lib.rs")).toContain("pub mod operations;\n");
    const index = file(files, "src/operations.rs")!;
    expect(index).toContain(
      [
        "/// List pets",
        "///",
        "/// `GET /pets`",
        "pub mod list_pets {",
        '    pub const OPERATION_ID: &str = "listPets";',
        '    pub const METHOD: &str = "GET";',
        '    pub const PATH: &str = "/pets";',
        "    /// Query and header parameters.",
        "    pub type Params = crate::ListPetsParams;",
        "    /// The body of the `200` response as `application/json`.",
        "    pub type Response200 = crate::ListPetsResponse;",
        "}",
      ].join("\n"),
    );
    expect(index).toContain("    pub type RequestForm = crate::CreatePetRequestForm;\n");
  });

  it("is not written when the spec has no operations", () => {
    const ir = irOf(petstore);
    const files = rustTarget.generate({ ir: { ...ir, operations: undefined }, templates: loadTemplates("rust"), header: ["h"], options: {}, presence: "lenient" }) as { path: string; contents: string }[];
    expect(files.map((f) => f.path)).not.toContain("src/operations.rs");
    expect(file(files, "src/lib.rs")).not.toContain("operations");
  });

  it("keeps the module file of a model named Operations apart", () => {
    const withModel: IrDocument = { ...ir, models: [...models, object("#/Operations", "Operations")], operations: [op("#/op", ["op"], { responses: [response("200", "application/json", ref("#/Operations"))] })] };
    const files = rustTarget.generate({ ir: withModel, templates: loadTemplates("rust"), header: ["h"], options: {}, presence: "lenient" }) as { path: string; contents: string }[];
    expect(file(files, "src/operations_value.rs")).toContain("pub struct OperationsValue {");
    expect(file(files, "src/operations.rs")).toContain("    pub type Response200 = crate::OperationsValue;\n");
  });
});
