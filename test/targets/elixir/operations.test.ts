// The Elixir operation index (`<Root>.Operations`): unique names, the module of every part, its
// @moduledoc lines and data, and what the target writes around it (parameters' locations, raw
// bytes, inline enums named by an operation).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import type { IrDocument, Model, Operation, TypeExpr } from "../../../src/ir/types.js";
import { loadTemplates } from "../../../src/render/templates.js";
import { elixirTarget } from "../../../src/targets/elixir/index.js";
import { flatTerm } from "../../../src/targets/elixir/layout.js";
import { elixirNamingRules } from "../../../src/targets/elixir/naming.js";
import { multipartBodyIds, operationEntries, operationModelIds, operationNames } from "../../../src/targets/elixir/operation-index.js";
import { operationDocLines, operationTerm } from "../../../src/targets/elixir/operations-view.js";
import type { ElixirTypeContext } from "../../../src/targets/elixir/types.js";
import type { OutputFile } from "../../../src/targets/target.js";
import { REPO, render } from "../../helpers/generate.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const ref = (target: string): TypeExpr => ({ kind: "ref", target });
const object = (id: string, nameHint: string[], extra: Partial<Model> = {}): Model => ({ id, kind: "object", nameHint, fields: [], docs: {}, source, ...extra }) as Model;

function op(id: string, method: string, pathTemplate: string, more: Partial<Operation> = {}): Operation {
  const name = more.operationId !== undefined ? [more.operationId] : [method, ...pathTemplate.split(/[^A-Za-z0-9]+/).filter(Boolean)];
  return { id, name, method, path: pathTemplate, kind: "path", docs: {}, source, requests: [], responses: [], ...more };
}

const models: Model[] = [
  object("#/components/schemas/Pet", ["Pet"]),
  object("#/paths/~1pets/get/parameters", ["listPets", "Params"], { origin: "parameters" }),
  object("#/paths/~1pets/get/responses/200", ["listPets", "Response"], { origin: "operation" }),
  object("#/paths/~1pets/post/requestBody/multipart", ["createPet", "RequestMultipart"], { origin: "operation", mediaType: "multipart/form-data" }),
  object("#/paths/~1pets/post/requestBody/json", ["createPet", "Request"], { origin: "operation", mediaType: "application/json" }),
];

const operations: Operation[] = [
  op("#/paths/~1pets/post", "post", "/pets", {
    operationId: "createPet",
    requests: [
      { mediaType: "application/json", kind: "json", type: ref("#/paths/~1pets/post/requestBody/json"), required: true },
      { mediaType: "multipart/form-data", kind: "multipart", type: ref("#/paths/~1pets/post/requestBody/multipart"), required: true },
    ],
    responses: [
      { status: "201", mediaType: "application/json", type: ref("#/components/schemas/Pet") },
      { status: "400", mediaType: "application/json", type: ref("#/components/schemas/Pet") },
      { status: "400", mediaType: "application/problem+json", type: ref("#/components/schemas/Pet") },
    ],
  }),
  op("#/paths/~1pets/get", "get", "/pets", {
    operationId: "listPets",
    docs: { title: "List pets\nsecond line", deprecated: true },
    params: "#/paths/~1pets/get/parameters",
    responses: [{ status: "200", mediaType: "application/json", type: ref("#/paths/~1pets/get/responses/200") }],
  }),
  op("#/paths/~1pets/get/callbacks/done/{$request.body#~1url}/post", "post", "{$request.body#/url}", {
    name: ["listPets", "done", "post"],
    kind: "callback",
    callbackOf: { operation: "#/paths/~1pets/get", name: "done" },
  }),
  op("#/webhooks/petAdopted/post", "post", "petAdopted", { name: ["petAdopted", "post"], kind: "webhook" }),
];

const ir: IrDocument = { irVersion: 1, spec: { file: "pets.yaml", openapi: "3.1.0", title: "Pets", version: "1.0.0" }, models, operations, report: [] };
const ctx: ElixirTypeContext = { models: indexModels(models), names: assignNames(ir, elixirNamingRules), namespace: "Pets", openEnums: true };

describe("operation names", () => {
  it.each<{ about: string; given: Operation[]; want: Record<string, string> }>([
    {
      about: "the operationId, else the name words in camelCase",
      given: [op("#/a", "get", "/pets", { operationId: "listPets" }), op("#/b", "delete", "/pets/{pet_id}", { name: ["delete", "pets", "pet", "id"] })],
      want: { "#/a": "listPets", "#/b": "deletePetsPetId" },
    },
    {
      about: "an operationId keeps its spelling, whatever its characters",
      given: [op("#/a", "get", "/files", { operationId: "files/list-all" })],
      want: { "#/a": "files/list-all" },
    },
    {
      about: "a derived name that an operationId already has takes a number, whatever the order",
      given: [op("#/a", "get", "/pets", { name: ["get", "pets"] }), op("#/z", "post", "/x", { operationId: "getPets" })],
      want: { "#/a": "getPets2", "#/z": "getPets" },
    },
    {
      about: "a repeated operationId (invalid, but seen) takes a number in id order",
      given: [op("#/b", "post", "/y", { operationId: "same" }), op("#/a", "get", "/x", { operationId: "same" })],
      want: { "#/a": "same", "#/b": "same2" },
    },
  ])("$about", ({ given, want }) => {
    expect(Object.fromEntries(operationNames(given))).toEqual(want);
  });
});

describe("operation entries", () => {
  const entries = operationEntries(operations, ctx);

  it("are sorted by name and name the module of every part", () => {
    expect(entries.map((e) => e.name)).toEqual(["createPet", "listPets", "listPetsDonePost", "petAdoptedPost"]);
    const [create, list] = entries;
    expect(create!.requests).toEqual([
      { mediaType: "application/json", module: "Pets.CreatePetRequest" },
      { mediaType: "multipart/form-data", module: "Pets.CreatePetRequestMultipart" },
    ]);
    expect(create!.responses.map((r) => `${r.status} ${r.mediaType} ${r.module}`)).toEqual(["201 application/json Pets.Pet", "400 application/json Pets.Pet", "400 application/problem+json Pets.Pet"]);
    expect(list!.params).toBe("Pets.ListPetsParams");
    expect(entries[2]!.callback).toEqual({ key: "done", operation: "listPets" });
  });

  it("are written as maps with every key of the operation type, responses grouped by status", () => {
    expect(flatTerm(operationTerm(entries[0]!))).toBe(
      '%{name: "createPet", operation_id: "createPet", kind: :path, method: :post, path: "/pets", params: nil, ' +
        'request: %{"application/json" => Pets.CreatePetRequest, "multipart/form-data" => Pets.CreatePetRequestMultipart}, ' +
        'responses: %{"201" => %{"application/json" => Pets.Pet}, "400" => %{"application/json" => Pets.Pet, "application/problem+json" => Pets.Pet}}}',
    );
    expect(flatTerm(operationTerm(entries[2]!))).toBe(
      '%{name: "listPetsDonePost", operation_id: nil, kind: :callback, method: :post, path: "{$request.body#/url}", params: nil, request: %{}, responses: %{}}',
    );
  });

  it.each<{ name: string; want: string[] }>([
    {
      name: "listPets",
      want: ["  * `listPets` - `GET /pets` - List pets - deprecated", "    * Parameters: `Pets.ListPetsParams`", "    * Response 200 `application/json`: `Pets.ListPetsResponse`"],
    },
    { name: "listPetsDonePost", want: ["  * `listPetsDonePost` - callback `done` of `listPets`: `POST {$request.body#/url}`"] },
    { name: "petAdoptedPost", want: ["  * `petAdoptedPost` - webhook `petAdopted`: `POST`"] },
  ])("$name in the @moduledoc", ({ name, want }) => {
    expect(operationDocLines(entries.find((e) => e.name === name)!)).toEqual(want);
  });

  it("a callback whose operation is not listed names only its key", () => {
    const orphan = op("#/cb", "post", "{$url}", { name: ["x", "cb", "post"], kind: "callback", callbackOf: { operation: "#/gone", name: "cb" } });
    const [entry] = operationEntries([orphan], ctx);
    expect(entry!.callback).toEqual({ key: "cb" });
    expect(operationDocLines(entry!)).toEqual(["  * `xCbPost` - callback `cb`: `POST {$url}`"]);
  });

  it("collects the models operations name, and the multipart bodies", () => {
    expect([...operationModelIds(operations)].sort()).toEqual([
      "#/components/schemas/Pet",
      "#/paths/~1pets/get/parameters",
      "#/paths/~1pets/get/responses/200",
      "#/paths/~1pets/post/requestBody/json",
      "#/paths/~1pets/post/requestBody/multipart",
    ]);
    expect([...multipartBodyIds(operations)]).toEqual(["#/paths/~1pets/post/requestBody/multipart"]);
  });
});

const fileOf = (files: OutputFile[], p: string) => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p} in ${files.map((x) => x.path).join(", ")}`);
  return f.contents;
};

function generate(doc: IrDocument): OutputFile[] {
  return elixirTarget.generate({ ir: doc, templates: loadTemplates("elixir"), header: ["Generated"], options: {}, presence: "lenient" }) as OutputFile[];
}

describe("the Elixir target with operations", () => {
  const petstore = render(path.join(REPO, "test/fixtures/petstore/openapi.yaml"), "elixir");

  it("writes <Root>.Operations and points to it from the root module", () => {
    const index = fileOf(petstore, "lib/pet_store/operations.ex");
    expect(index).toContain("defmodule PetStore.Operations do");
    expect(index).toContain("  * `listPets` - `GET /pets` - List pets\n      * Parameters: `PetStore.ListPetsParams`\n");
    expect(index).toContain('      responses: %{"200" => %{"application/json" => PetStore.ListPetsResponse}}\n');
    expect(index).toContain("  def get(name) when is_binary(name), do: Map.fetch(@by_name, name)\n");
    expect(fileOf(petstore, "lib/pet_store.ex")).toContain("`PetStore.Operations` lists every operation");
    // not a model: models/0 lists models only
    expect(fileOf(petstore, "lib/pet_store.ex")).not.toContain("PetStore.Operations,");
  });

  it("writes nothing about operations for a spec without any", () => {
    const files = render(path.join(REPO, "test/fixtures/enums.yaml"), "elixir");
    expect(files.some((f) => f.path.endsWith("/operations.ex"))).toBe(false);
    expect(files.map((f) => f.contents).join("\n")).not.toContain("Operations");
  });

  it("says where each parameter is sent", () => {
    const params = fileOf(petstore, "lib/pet_store/list_pets_params.ex");
    expect(params).toContain("    * `:limit` - optional - `integer() | nil`\n      How many pets to return.\n\n      Query parameter.\n\n      Format: `int32`\n");
    expect(params).toContain("      Query parameter (style: form, explode: false).\n");
    expect(params).toContain("      Correlation id; required when listing.\n\n      Header parameter.\n");
    const orders = fileOf(petstore, "lib/pet_store/post_stores_store_id_orders_params.ex");
    expect(orders).toContain("      Path parameter.\n");
    expect(orders).toContain("      Cookie parameter.\n");
  });

  it("types a multipart file part as binary() and says it is the part's raw bytes", () => {
    const upload = fileOf(petstore, "lib/pet_store/upload_pet_photo_request.ex");
    expect(upload).toContain("    * `:file` - required - `binary()`\n      The image.\n\n      The raw bytes of the part (`format: binary`), such as a file's contents.\n");
    expect(upload).toContain("  @type t :: %__MODULE__{file: binary(), caption: String.t() | nil}");
    // outside a multipart body, format: binary is raw bytes all the same
    const formats = fileOf(render(path.join(REPO, "test/fixtures/formats.yaml"), "elixir"), "lib/formats_fixture/formats.ex");
    expect(formats).toContain("    * `:raw` - optional - `binary() | nil`\n      Raw bytes (`format: binary`), not text.\n");
  });

  it("gives a module to an inline enum that an operation names as a body", () => {
    const status = { id: "#/components/schemas/Pet/properties/status", kind: "enum", nameHint: ["Pet", "status"], parent: "#/components/schemas/Pet", valueType: "string", members: [{ value: "sold" }], docs: {}, source } as Model;
    const statusOp = op("#/paths/~1status/get", "get", "/status", { operationId: "getStatus", responses: [{ status: "200", mediaType: "application/json", type: ref(status.id) }] });
    const files = generate({ ...ir, models: [...models, status], operations: [statusOp] });
    expect(fileOf(files, "lib/pets/pet/status.ex")).toContain("defmodule Pets.Pet.Status do");
    expect(fileOf(files, "lib/pets/operations.ex")).toContain('responses: %{"200" => %{"application/json" => Pets.Pet.Status}}');
    // not named by an operation: spelled inline as before
    expect(generate({ ...ir, models: [...models, status], operations: [] }).map((f) => f.path)).not.toContain("lib/pets/pet/status.ex");
  });

  it("keeps the Operations module name free: a model called Operations is renamed", () => {
    const files = generate({ ...ir, models: [...models, object("#/components/schemas/Operations", ["Operations"])] });
    expect(fileOf(files, "lib/pets/operations_model.ex")).toContain("defmodule Pets.OperationsModel do");
    expect(fileOf(files, "lib/pets/operations.ex")).toContain("defmodule Pets.Operations do");
  });

  it("is deterministic", () => {
    expect(render(path.join(REPO, "test/fixtures/petstore/openapi.yaml"), "elixir")).toEqual(petstore);
    expect(generate({ ...ir, operations: [...operations].reverse() })).toEqual(generate(ir));
  });
});
