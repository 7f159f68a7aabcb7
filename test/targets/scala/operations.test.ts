import path from "node:path";
import { describe, expect, it } from "vitest";
import { mediaTypeWord, operationObjectNames, partNames, statusWord } from "../../../src/targets/scala/operation-names.js";
import { multipartBodies, operationDoc, operationsView, operationsViewOf, resolvedOperations } from "../../../src/targets/scala/operations.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Model, Operation, OperationBody, OperationResponse } from "../../../src/ir/types.js";
import type { NameTable } from "../../../src/naming/assign.js";
import { fixtureSpecs, REPO, render } from "../../helpers/generate.js";

const src = { file: "", line: 1, col: 1, pointer: "" };
const ref = (target: string, nullable = false) => ({ kind: "ref" as const, target, ...(nullable ? { nullable } : {}) });
const op = (id: string, name: string[], extra: Partial<Operation> = {}): Operation => ({
  id,
  name,
  method: "get",
  path: "/x",
  kind: "path",
  docs: {},
  source: src,
  requests: [],
  responses: [],
  ...extra,
});
const body = (mediaType: string, kind: OperationBody["kind"], target = "#/B"): OperationBody => ({ mediaType, kind, type: ref(target), required: true });
const response = (status: string, mediaType = "application/json", target = "#/R"): OperationResponse => ({ status, mediaType, type: ref(target) });

describe("Scala operation index: object names", () => {
  it("PascalCase of the name words; operationIds claim before derived names; reserved and repeated names get suffixes", () => {
    const names = operationObjectNames([
      op("#/a", ["get", "pets"]),
      op("#/b", ["getPets"], { operationId: "getPets" }),
      op("#/c", ["GET_PETS"], { operationId: "GET_PETS" }),
      op("#/d", ["list"], { operationId: "list" }),
      op("#/e", ["operation"], { operationId: "operation" }),
      op("#/f", ["2024", "export"]),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      "#/b": "GetPets",
      // Case-insensitively the same as GetPets: each object is a class file.
      "#/c": "GetPets2",
      "#/d": "ListValue",
      "#/e": "OperationValue",
      "#/a": "GetPets3",
      // A leading digit takes `Value`, as every Scala type name does (naming.ts).
      "#/f": "Value2024Export",
    });
  });
});

describe("Scala operation index: part names", () => {
  it.each<{ title: string; requests: OperationBody[]; responses: OperationResponse[]; params?: string; want: { params?: string; requests: string[]; responses: string[] } }>([
    { title: "one of each", params: "#/P", requests: [body("application/json", "json")], responses: [response("200")], want: { params: "Params", requests: ["Request"], responses: ["Response200"] } },
    {
      title: "plain JSON takes the plain name wherever it is listed",
      requests: [body("application/x-www-form-urlencoded", "form"), body("multipart/form-data", "multipart"), body("application/json", "json"), body("application/merge-patch+json", "json")],
      responses: [],
      want: { requests: ["RequestForm", "RequestMultipart", "Request", "RequestMergePatchJson"], responses: [] },
    },
    { title: "a lone multipart body is the request", requests: [body("multipart/form-data", "multipart")], responses: [], want: { requests: ["Request"], responses: [] } },
    {
      title: "every status, range and default; a status's other media types add words",
      requests: [],
      responses: [response("201"), response("4XX"), response("4xx", "application/json"), response("default", "application/problem+json"), response("default", "application/json"), response("200", "application/x-ndjson")],
      want: { requests: [], responses: ["Response201", "Response4XX", "Response4XX2", "ResponseDefaultProblemJson", "ResponseDefault", "Response200"] },
    },
  ])("$title", ({ requests, responses, params, want }) => {
    expect(partNames({ requests, responses, ...(params ? { params } : {}) })).toEqual(want);
  });

  it.each([
    ["200", "200"],
    ["2xx", "2XX"],
    ["default", "Default"],
  ])("status %s -> %s", (status, want) => expect(statusWord(status)).toBe(want));

  it.each([
    ["application/merge-patch+json; charset=utf-8", "MergePatchJson"],
    ["text/event-stream", "EventStream"],
  ])("media type %s -> %s", (mediaType, want) => expect(mediaTypeWord(mediaType)).toBe(want));
});

describe("Scala operation index: view", () => {
  const models = indexModels(
    (
      [
        { id: "#/Pet", kind: "object", nameHint: ["Pet"], fields: [] },
        { id: "#/Pet/owner", parent: "#/Pet", kind: "object", nameHint: ["Pet", "owner"], fields: [] },
        { id: "#/Request", kind: "object", nameHint: ["Request"], fields: [] },
        { id: "#/Upload", kind: "object", nameHint: ["Upload"], fields: [] },
        { id: "#/Anything", kind: "alias", type: { kind: "unknown" }, nameHint: ["Anything"] },
      ] as Partial<Model>[]
    ).map((m) => ({ docs: {}, source: src, ...m }) as Model),
  );
  const paths: Record<string, string[]> = { "#/Pet": ["Pet"], "#/Pet/owner": ["Pet", "Owner"], "#/Request": ["Request"], "#/Upload": ["Upload"], "#/Anything": ["Anything"] };
  const names = { path: (id: string) => paths[id]! } as unknown as NameTable;
  const scope = { models, names, package: "acme.models" };

  it("writes no index for a spec without operations", () => {
    expect(operationsView(undefined, scope, [])).toBeUndefined();
    expect(operationsView([], scope, [])).toBeUndefined();
  });

  it("types each part as a field would be (nullable -> Option), from the package root where a name is declared around it", () => {
    const view = operationsView(
      [
        op("#/paths/pet/get", ["getPet"], { operationId: "getPet", responses: [{ status: "200", mediaType: "application/json", type: ref("#/Pet", true) }, response("404", "application/json", "#/Anything"), { status: "500", mediaType: "application/json", type: { kind: "unknown" } }] }),
        // An operation named like a model hides that model's companion (`Pet.Owner`) inside the index.
        op("#/paths/pet/put", ["pet"], { operationId: "pet", method: "put", requests: [body("application/json", "json", "#/Request"), body("multipart/form-data", "multipart", "#/Upload")], responses: [response("200", "application/json", "#/Pet/owner")] }),
      ],
      scope,
      ["header"],
    )!;
    expect(view.imports).toEqual(["import io.circe.Json"]);
    expect(view.operations.map((o) => o.name)).toEqual(["GetPet", "Pet"]);
    expect(view.operations[0]!.members.map((m) => `${m.name} = ${m.type}`)).toEqual(["Response200 = Option[_root_.acme.models.Pet]", "Response404 = Anything", "Response500 = Json"]);
    expect(view.operations[1]!.members.map((m) => `${m.name} = ${m.type}`)).toEqual([
      // A member named like a model would make `type Request = Request` a cycle.
      "Request = _root_.acme.models.Request",
      "RequestMultipart = Upload",
      "Response200 = _root_.acme.models.Pet.Owner",
    ]);
    expect(view.operations[1]!.values).toEqual([
      { name: "operationId", type: "Option[String]", value: 'Some("pet")' },
      { name: "name", type: "String", value: '"Pet"' },
      { name: "method", type: "String", value: '"PUT"' },
      { name: "path", type: "String", value: '"/x"' },
      { name: "kind", type: "String", value: '"path"' },
    ]);
    expect(view.operations[1]!.members[1]!.doc).toEqual(["    /** Request body, `multipart/form-data` (required). */"]);
    expect(view.allLines).toEqual(["GetPet, Pet"]);
    // The index's own types come from the view too (the template writes no type).
    expect({ traitName: view.traitName, operationIdType: view.operationIdType, allType: view.allType }).toEqual({
      traitName: "Operation",
      operationIdType: "Option[String]",
      allType: "List[Operation]",
    });
  });

  it("resolves each part both ways (plain, from the package root) with the name that decides, and the view reads only that", () => {
    const ops = [
      op("#/paths/pet/get", ["getPet"], { operationId: "getPet", responses: [{ status: "200", mediaType: "application/json", type: ref("#/Pet", true) }, { status: "500", mediaType: "application/json", type: { kind: "unknown" } }] }),
      op("#/paths/pet/put", ["pet"], { operationId: "pet", method: "put", params: "#/Pet/owner", requests: [body("application/json", "json", "#/Request")] }),
    ];
    const resolved = resolvedOperations(ops, scope);
    expect(resolved).toEqual({
      parts: [
        {
          params: null,
          requests: [],
          responses: [
            { plain: "Option[Pet]", rooted: "Option[_root_.acme.models.Pet]", first: "Pet" },
            // Names no model: nothing to hide, one spelling.
            { plain: "Json", rooted: "Json", first: null },
          ],
        },
        {
          params: { plain: "Pet.Owner", rooted: "_root_.acme.models.Pet.Owner", first: "Pet" },
          requests: [{ plain: "Request", rooted: "_root_.acme.models.Request", first: "Request" }],
          responses: [],
        },
      ],
      imports: ["Json"],
    });
    // The view from the resolved parts alone is the view from the models and names.
    expect(operationsViewOf(ops, resolved, { header: ["h"], package: "acme.models" })).toEqual(operationsView(ops, scope, ["h"]));
  });

  it.each<{ title: string; given: Operation; want: string[] }>([
    { title: "path", given: op("#/a", ["listPets"], { docs: { title: "List pets", description: "Pages.\n\nAll of them.", deprecated: true } }), want: ["List pets", "", "Pages.", "", "All of them.", "", "Deprecated.", "", "`GET /x`"] },
    { title: "webhook", given: op("#/w", ["petAdopted", "post"], { kind: "webhook", method: "post", path: "petAdopted" }), want: ["Webhook `petAdopted`: a `POST` request the API sends to the receiver's URL."] },
    {
      title: "callback",
      given: op("#/a/cb", ["listPets", "done", "post"], { kind: "callback", method: "post", path: "{$request.body#/url}", callbackOf: { operation: "#/a", name: "done" } }),
      want: ["Callback `done` of `ListPets`: a `POST` request the API sends to `{$request.body#/url}`."],
    },
  ])("doc of a $title operation", ({ given, want }) => {
    expect(operationDoc(given, new Map([["#/a", "ListPets"]]))).toEqual(want);
  });

  it("knows which models are multipart bodies", () => {
    expect([...multipartBodies({ operations: [op("#/a", ["a"], { requests: [body("application/json", "json", "#/J"), body("multipart/form-data", "multipart", "#/M")] })] })]).toEqual(["#/M"]);
  });
});

describe("Scala operation index: rendered", () => {
  const petstore = path.join(REPO, "test/fixtures/petstore/openapi.yaml");
  const index = render(petstore, "scala").find((f) => f.path === "src/main/scala/petstore/models/Operations.scala")!;

  it("lists every operation of the petstore with its models", () => {
    expect(index.contents).toContain(
      [
        "  object ListPets extends Operation {",
        '    val operationId: Option[String] = Some("listPets")',
        '    val name: String = "ListPets"',
        '    val method: String = "GET"',
        '    val path: String = "/pets"',
        '    val kind: String = "path"',
        "",
        "    /** The parameters: each field says where it is sent (path, query, header or cookie). */",
        "    type Params = ListPetsParams",
        "",
        "    /** Response `200`, `application/json`. */",
        "    type Response200 = ListPetsResponse",
        "  }",
      ].join("\n"),
    );
    expect(index.contents).toContain("    type RequestForm = CreatePetRequestForm\n");
    expect(index.contents).toContain("    type ResponseDefault = ErrorsProblem\n");
    // A media type a Scaladoc comment cannot hold as written (it would close the comment).
    expect(index.contents).toContain("    /** Response `200`, `*&#47;*`. */\n    type Response200 = GetInventoryResponse\n");
    expect(index.contents.match(/^ {2}object \w+ extends Operation/gm)).toHaveLength(12);
  });

  it("is left out for specs without operations", () => {
    const enums = fixtureSpecs().find((f) => f.name === "enums")!;
    expect(render(enums.spec, "scala").some((f) => f.path.endsWith("/Operations.scala"))).toBe(false);
  });
});
