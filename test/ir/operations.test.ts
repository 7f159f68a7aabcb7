// Models of operations, webhooks, callbacks, other components and other files: given a spec,
// want the models (by name words and origin) and the operation index.
import { describe, expect, it } from "vitest";
import { dedent, irOfFiles } from "../helpers/spec.js";
import { ALL_MODELS } from "../../src/ir/normalize/operations.js";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import type { IrDocument, ObjectModel } from "../../src/ir/types.js";

const spec = (body: string, version = "3.1.0") => `openapi: ${version}\ninfo: { title: T, version: "1" }\n${dedent(body)}\n`;
const irOf = (body: string, files: Record<string, string> = {}, options = {}) => irOfFiles({ "openapi.yaml": spec(body), ...files }, options);
/** Each top-level model's name as a target would write it, with its origin. */
const names = (ir: IrDocument) => {
  const table = assignNames(ir, tsNamingRules);
  return ir.models.filter((m) => !m.parent).map((m) => `${table.type(m.id)} ${m.origin ?? "component"}`);
};
const obj = (props = "a: { type: string }") => `{ type: object, properties: { ${props} } }`;
const json = (schema: string) => `{ content: { application/json: { schema: ${schema} } } }`;

describe("operation model names", () => {
  it.each([
    {
      case: "request body and one 2xx response",
      paths: `/pets: { post: { operationId: createPet, requestBody: ${json(obj())}, responses: { "201": ${json(obj())} } } }`,
      want: ["CreatePetRequest operation", "CreatePetResponse operation"],
    },
    {
      case: "several 2xx responses take their codes",
      paths: `/pets: { post: { operationId: createPet, responses: { "200": ${json(obj())}, "201": ${json(obj())} } } }`,
      want: ["CreatePetResponse200 operation", "CreatePetResponse201 operation"],
    },
    {
      case: "inline error and default responses",
      paths: `/pets: { get: { operationId: listPets, responses: { "404": ${json(obj())}, default: ${json(obj())} } } }`,
      want: ["ListPetsError404 operation", "ListPetsErrorDefault operation"],
    },
    {
      case: "several body media types: JSON takes the plain name",
      paths: `/pets: { post: { operationId: createPet, requestBody: { content: {
          multipart/form-data: { schema: ${obj()} }, application/x-www-form-urlencoded: { schema: ${obj()} }, application/json: { schema: ${obj()} } } } } }`,
      want: ["CreatePetRequest operation", "CreatePetRequestForm operation", "CreatePetRequestMultipart operation"],
    },
    {
      case: "a lone form body is the request",
      paths: `/pets: { post: { operationId: createPet, requestBody: { content: { application/x-www-form-urlencoded: { schema: ${obj()} } } } } }`,
      want: ["CreatePetRequest operation"],
    },
    {
      case: "no operationId: method and path words",
      paths: `/v2/droplets/{droplet_id}: { get: { responses: { "200": ${json(obj())} } } }`,
      want: ["GetV2DropletsDropletIdResponse operation"],
    },
    {
      case: "parameters: one object per operation",
      paths: `/pets/{id}: { get: { operationId: getPet, parameters: [{ name: id, in: path, schema: { type: string } }], responses: {} } }`,
      want: ["GetPetParams parameters"],
    },
    {
      case: "an inline array response is an alias model; its items are hoisted under it",
      paths: `/pets: { get: { operationId: listPets, responses: { "200": ${json(`{ type: array, items: ${obj()} }`)} } } }`,
      want: ["ListPetsResponse operation"],
    },
  ])("$case", ({ paths, want }) => {
    const ir = irOf(`paths:\n  ${paths}`);
    expect(names(ir).sort()).toEqual([...want].sort());
  });

  it("a callback without operationId: parent, callback key and method", () => {
    const ir = irOf(`
      paths:
        /adoptions:
          post:
            operationId: createAdoption
            responses: {}
            callbacks:
              decided:
                "{$request.query.url}":
                  post:
                    requestBody: ${json(obj())}
                    responses: {}
    `);
    expect(names(ir)).toEqual(["CreateAdoptionDecidedPostRequest operation"]);
    expect(ir.operations!.map((o) => [o.kind, o.name.join(" "), o.path, o.callbackOf?.name])).toEqual([
      ["callback", "createAdoption decided post", "{$request.query.url}", "decided"],
    ]);
  });

  it("a webhook without operationId: its key and method", () => {
    const ir = irOf(`
      webhooks:
        newPet:
          post:
            requestBody: ${json(obj())}
            responses: { "200": { description: ok } }
    `);
    expect(names(ir)).toEqual(["NewPetPostRequest webhook"]);
    expect(ir.operations![0]).toMatchObject({ kind: "webhook", method: "post", path: "newPet" });
  });

  it("a component keeps its name; the operation model yields", () => {
    const ir = irOf(`
      paths:
        /pets: { post: { operationId: createPet, requestBody: ${json(obj())}, responses: {} } }
      components:
        schemas:
          CreatePetRequest: ${obj("b: { type: integer }")}
    `);
    expect(names(ir)).toEqual(["CreatePetRequest component", "CreatePetRequest2 operation"]);
  });

  it("names do not shift when an unrelated operation is added before", () => {
    const one = `/b: { post: { requestBody: ${json(obj())}, responses: { "200": ${json(obj())} } } }`;
    const before = names(irOf(`paths:\n  ${one}`));
    const after = names(irOf(`paths:\n  /a: { post: { requestBody: ${json(obj())}, responses: { "200": ${json(obj())} } } }\n  ${one}`));
    expect(after).toEqual(expect.arrayContaining(before));
  });
});

describe("what makes no model", () => {
  it("a body or response that is only a $ref points at the existing model", () => {
    const ir = irOf(`
      paths:
        /pets:
          post:
            operationId: createPet
            requestBody: ${json(`{ $ref: "#/components/schemas/Pet" }`)}
            responses: { "200": ${json(`{ oneOf: [{ $ref: "#/components/schemas/Pet" }, { type: "null" }] }`)} }
      components:
        schemas:
          Pet: ${obj()}
    `);
    expect(names(ir)).toEqual(["Pet component"]);
    const op = ir.operations![0]!;
    expect(op.requests).toEqual([{ mediaType: "application/json", kind: "json", type: { kind: "ref", target: "#/components/schemas/Pet" }, required: false }]);
    expect(op.responses[0]!.type).toEqual({ kind: "ref", target: "#/components/schemas/Pet", nullable: true });
  });

  it("other media types are listed in the report", () => {
    const ir = irOf(`
      paths:
        /audio:
          post:
            operationId: speak
            requestBody: { content: { application/octet-stream: { schema: { type: string, format: binary } } } }
            responses: { "200": { content: { audio/mpeg: { schema: { type: string, format: binary } } } } }
      components:
        schemas:
          Pet: ${obj()}
    `);
    expect(ir.operations ?? []).toEqual([]);
    expect(ir.report.map((d) => [d.kind, d.source.pointer, d.message])).toEqual([
      ["ignored-media-type", "/paths/~1audio/post/requestBody/content/application~1octet-stream", 'media type "application/octet-stream" gets no model'],
      ["ignored-media-type", "/paths/~1audio/post/responses/200/content/audio~1mpeg", 'media type "audio/mpeg" gets no model'],
    ]);
  });

  it.each([
    {
      case: "springdoc's */* alone: read as JSON",
      content: `{ "*/*": { schema: ${obj()} } }`,
      want: [["*/*", "CreatePetResponse"]],
      ignored: [],
    },
    {
      case: "text/json beside text/plain: the JSON one",
      content: `{ text/plain: { schema: { type: string } }, text/json: { schema: ${obj()} } }`,
      want: [["text/json", "CreatePetResponse"]],
      ignored: ["text/plain"],
    },
    {
      case: "beside application/json, a fallback is not read",
      content: `{ application/json: { schema: ${obj()} }, text/json: { schema: ${obj()} }, "*/*": { schema: ${obj()} } }`,
      want: [["application/json", "CreatePetResponse"]],
      ignored: ["text/json", "*/*"],
    },
    {
      case: "several fallbacks: only the first, so the model keeps the plain name",
      content: `{ text/json: { schema: ${obj()} }, "application/*+json": { schema: ${obj()} }, "application/*": { schema: ${obj()} } }`,
      want: [["text/json", "CreatePetResponse"]],
      ignored: ["application/*+json", "application/*"],
    },
    {
      case: "a fallback without a schema is passed over",
      content: `{ "*/*": {}, text/json: { schema: ${obj()} } }`,
      want: [["text/json", "CreatePetResponse"]],
      ignored: ["*/*"],
    },
  ])("response media types: $case", ({ content, want, ignored }) => {
    const ir = irOf(`paths:\n  /pets: { post: { operationId: createPet, responses: { "200": { description: ok, content: ${content} } } } }`);
    const table = assignNames(ir, tsNamingRules);
    expect(ir.operations![0]!.responses.map((r) => [r.mediaType, r.type.kind === "ref" ? table.type(r.type.target) : r.type.kind])).toEqual(want);
    // The report is sorted by place, not by the order of `content`.
    expect(ir.report.map((d) => /"(.*)"/.exec(d.message)![1]).sort()).toEqual([...ignored].sort());
  });

  it("a request body's fallback is read as JSON only where no JSON, form or multipart type is", () => {
    const body = (content: string) => irOf(`paths:\n  /x: { post: { operationId: x, requestBody: { content: ${content} }, responses: {} } }`);
    expect(body(`{ text/json: { schema: ${obj()} } }`).operations![0]!.requests.map((r) => [r.mediaType, r.kind])).toEqual([["text/json", "json"]]);
    expect(body(`{ multipart/form-data: { schema: ${obj()} }, "*/*": { schema: ${obj()} } }`).operations![0]!.requests.map((r) => r.mediaType)).toEqual([
      "multipart/form-data",
    ]);
  });

  it.each([
    ["application/json", "json"],
    ["application/json; charset=utf-8", "json"],
    ["application/problem+json", "json"],
    ["application/vnd.api+json", "json"],
    ["application/x-www-form-urlencoded", "form"],
    ["multipart/form-data", "multipart"],
  ])("request media type %s is %s", (mediaType, kind) => {
    const ir = irOf(`paths:\n  /x: { post: { operationId: x, requestBody: { content: { "${mediaType}": { schema: ${obj()} } } }, responses: {} } }`);
    expect(ir.operations![0]!.requests[0]!.kind).toBe(kind);
  });
});

describe("parameters", () => {
  const ir = irOf(`
    paths:
      /pets/{pet_id}:
        parameters:
          - { name: pet_id, in: path, schema: { type: integer } }
          - { name: X-Trace, in: header, schema: { type: string } }
        get:
          operationId: getPet
          summary: Get a pet
          parameters:
            - { name: X-Trace, in: header, required: true, description: Overrides the path item's, schema: { type: string, format: uuid } }
            - { name: fields, in: query, style: form, explode: false, schema: { type: array, items: { type: string, enum: [a, b] } } }
            - $ref: "#/components/parameters/Limit"
          responses: {}
    components:
      parameters:
        Limit: { name: limit, in: query, schema: { type: string, enum: [low, high] } }
  `);
  const params = ir.models.find((m) => m.origin === "parameters") as ObjectModel;

  it("path-item and operation parameters merged, the operation's winning", () => {
    expect(params.fields.map((f) => [f.name, f.required, f.parameter])).toEqual([
      ["pet_id", true, { in: "path" }],
      ["X-Trace", true, { in: "header" }],
      ["fields", false, { in: "query", style: "form", explode: false }],
      ["limit", false, { in: "query" }],
    ]);
    expect(params.fields[1]!.type).toEqual({ kind: "primitive", type: "string", format: "uuid" });
    expect(params.fields[1]!.docs.description).toBe("Overrides the path item's");
    expect(params.docs.title).toBe("Get a pet");
  });

  it("inline enums nest under the params model; a component parameter's is named by its key", () => {
    const table = assignNames(ir, tsNamingRules);
    expect(ir.models.map((m) => table.path(m.id).join("."))).toEqual(["Limit", "GetPetParams", "GetPetParams.FieldsItem"]);
  });

  it("parameters: false removes the params models only", () => {
    const off = irOfFiles({ "openapi.yaml": spec(`paths:\n  /p: { get: { operationId: p, parameters: [{ name: q, in: query, schema: { type: string } }], responses: { "200": ${json(obj())} } } }`) }, { models: { ...ALL_MODELS, parameters: false } });
    expect(names(off)).toEqual(["PResponse operation"]);
  });
});

  it("a parameter with an empty name is skipped and reported; one without a name is an error", () => {
    const ir = irOf(`paths:\n  /p: { get: { operationId: p, parameters: [{ name: "", in: header, schema: { type: string } }, { name: q, in: query, schema: { type: string } }], responses: {} } }`);
    expect((ir.models.find((m) => m.origin === "parameters") as ObjectModel).fields.map((f) => f.name)).toEqual(["q"]);
    expect(ir.report.map((d) => [d.kind, d.source.pointer, d.message])).toEqual([
      ["ignored-keyword", "/paths/~1p/get/parameters/0", "a parameter with an empty `name` is skipped"],
    ]);
    const onlyEmpty = irOf(`paths:\n  /p: { get: { operationId: p, parameters: [{ name: "", in: query, schema: { type: string } }], responses: { "200": ${json(obj())} } } }`);
    expect(names(onlyEmpty)).toEqual(["PResponse operation"]);
    expect(() => irOf(`paths:\n  /p: { get: { operationId: p, parameters: [{ in: query, schema: { type: string } }], responses: {} } }`)).toThrow(
      /parameters\/0.*a parameter needs a `name`/,
    );
  });

describe("other components and other files", () => {
  it("inline schemas of components.requestBodies and responses are named by their key", () => {
    const ir = irOf(`
      paths:
        /p: { post: { operationId: p, requestBody: { $ref: "#/components/requestBodies/NewThing" }, responses: { "404": { $ref: "#/components/responses/NotFound" } } } }
      components:
        requestBodies:
          NewThing: ${json(obj())}
        responses:
          NotFound: ${json(obj())}
    `);
    expect(names(ir)).toEqual(["NewThing component", "NotFound component"]);
    expect(ir.operations![0]!.responses[0]!.type).toEqual({ kind: "ref", target: "#/components/responses/NotFound/content/application~1json/schema" });
  });

  it("a multi-file API: path items and operations as file $refs, schemas named by title, stem, or stem and fragment", () => {
    const ir = irOf(
      `
      paths:
        /pets: { $ref: "paths/pets.yaml" }
    `,
      {
        "paths/pets.yaml": `get: { $ref: "../ops/list.yaml" }\npost: { operationId: createPet, requestBody: ${json(`{ $ref: "../models/pet_create.yaml" }`)}, responses: { default: ${json(`{ $ref: "../models/errors.yaml#/Problem" }`)} } }`,
        "ops/list.yaml": `operationId: listPets\nresponses: { "200": ${json(`{ type: array, items: { $ref: "../models/pet.yaml" } }`)} }`,
        "models/pet.yaml": `title: Pet\n${obj().slice(2, -2).replace(/, /g, "\n")}`,
        "models/pet_create.yaml": `type: object\nproperties: { name: { type: string } }`,
        "models/errors.yaml": `Problem: ${obj()}`,
      },
    );
    expect(names(ir).sort()).toEqual(["ErrorsProblem file", "ListPetsResponse operation", "Pet file", "PetCreate file"]);
    expect(ir.operations!.map((o) => o.id)).toEqual(["ops/list.yaml#", "paths/pets.yaml#/post"]);
  });
});

describe("switches and empty results", () => {
  const body = `
    paths:
      /p: { get: { operationId: p, responses: { "200": ${json(`{ type: object, properties: { pet: { $ref: "#/components/schemas/Pet" } } }`)} } } }
    webhooks:
      w: { post: { requestBody: ${json(obj())}, responses: {} } }
    components:
      schemas:
        Pet: ${obj()}
        Unused: ${obj()}
  `;
  it.each([
    [{}, ["PResponse operation", "Pet component", "Unused component", "WPostRequest webhook"]],
    [{ components: false }, ["PResponse operation", "Pet component", "WPostRequest webhook"]],
    [{ operations: false }, ["Pet component", "Unused component", "WPostRequest webhook"]],
    [{ webhooks: false }, ["PResponse operation", "Pet component", "Unused component"]],
  ])("models %o", (off, want) => {
    expect(names(irOf(body, {}, { models: { ...ALL_MODELS, ...off } })).sort()).toEqual(want);
  });

  it.each([
    ["nothing at all", "paths: {}", "no models: the spec defines no component schemas, paths or webhooks"],
    [
      "operations without JSON, form or multipart parts",
      `paths:\n  /a: { get: { responses: { "200": { content: { text/plain: { schema: { type: string } } } } } } }`,
      "no models: no operation has a JSON, form or multipart request body, a JSON response or parameters",
    ],
  ])("%s is an error that says why", (_, body, message) => {
    expect(() => irOf(body)).toThrow(message);
  });

  it("every class switched off names the switches", () => {
    const off = { components: false, operations: false, parameters: false, webhooks: false };
    expect(() => irOf(body, {}, { models: off })).toThrow(/component schemas are switched off \(models\.components: false\); 1 paths are switched off .*1 webhooks are switched off/);
  });
});
