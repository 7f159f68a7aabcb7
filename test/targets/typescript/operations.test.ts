import { describe, expect, it } from "vitest";
import { operationKeys } from "../../../src/targets/typescript/operation-keys.js";
import { operationDocText } from "../../../src/targets/typescript/operation-docs.js";
import { operationsFileView, operationsFileViewOf, resolvedOperations, statusKey } from "../../../src/targets/typescript/operations.js";
import { memberText } from "./member-text.js";
import { tsNamingRules } from "../../../src/targets/typescript/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { childrenByParent, indexModels } from "../../../src/ir/query.js";
import type { IrDocument, Model, Operation } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };

function op(over: Partial<Operation> & Pick<Operation, "id">): Operation {
  return { name: ["get", "pets"], method: "get", path: "/pets", kind: "path", docs: {}, source, requests: [], responses: [], ...over };
}

describe("operation index keys", () => {
  it.each<{ title: string; ops: Operation[]; want: Record<string, string> }>([
    { title: "operationId verbatim", ops: [op({ id: "#/a", operationId: "list-audit-logs" })], want: { "#/a": "list-audit-logs" } },
    { title: "derived words in camelCase", ops: [op({ id: "#/a", name: ["post", "stores", "store", "id", "orders"] })], want: { "#/a": "postStoresStoreIdOrders" } },
    { title: "a callback's words", ops: [op({ id: "#/a", name: ["createAdoption", "decided", "post"] })], want: { "#/a": "createAdoptionDecidedPost" } },
    {
      title: "an operationId keeps its name against an earlier derived one",
      ops: [op({ id: "#/a", name: ["get", "pets"] }), op({ id: "#/b", operationId: "getPets" })],
      want: { "#/a": "getPets2", "#/b": "getPets" },
    },
    {
      title: "a repeated operationId gets a suffix, in id order",
      ops: [op({ id: "#/a", operationId: "x" }), op({ id: "#/b", operationId: "x" })],
      want: { "#/a": "x", "#/b": "x2" },
    },
  ])("$title", ({ ops, want }) => {
    expect(Object.fromEntries(operationKeys(ops))).toEqual(want);
  });
});

describe("operation index status keys", () => {
  it.each([
    { given: "200", want: "200" },
    { given: "4XX", want: '"4XX"' },
    { given: "default", want: "default" },
    { given: "0200", want: '"0200"' },
  ])("$given -> $want", ({ given, want }) => {
    expect(statusKey(given)).toBe(want);
  });
});

describe("operation index JSDoc", () => {
  const keyOf = (id: string) => ({ "#/parent": "createOrder" })[id];
  it.each<{ title: string; given: Operation; want: string[] }>([
    { title: "a bare path operation", given: op({ id: "#/a" }), want: ["@see GET /pets"] },
    {
      title: "summary, description, deprecation",
      given: op({ id: "#/a", method: "delete", path: "/pets/{id}", docs: { title: "Delete", description: "Gone for good.", deprecated: true } }),
      want: ["Delete", "", "Gone for good.", "", "@see DELETE /pets/{id}", "@deprecated"],
    },
    { title: "a description equal to the summary once", given: op({ id: "#/a", docs: { title: "Same", description: "Same" } }), want: ["Same", "", "@see GET /pets"] },
    {
      title: "a webhook",
      given: op({ id: "#/a", kind: "webhook", method: "post", path: "petAdopted" }),
      want: ["Webhook: the API sends `request` and expects `responses` back.", "", "@see webhook POST petAdopted"],
    },
    {
      title: "a callback names its operation",
      given: op({ id: "#/a", kind: "callback", method: "post", path: "{$request.body#/url}", callbackOf: { operation: "#/parent", name: "shipped" } }),
      want: ["Callback `shipped` of `createOrder`: the API sends `request` and expects `responses` back.", "", "@see callback POST {$request.body#/url}"],
    },
    {
      title: "a callback of an operation without models",
      given: op({ id: "#/a", kind: "callback", method: "post", path: "{$url}", callbackOf: { operation: "#/gone", name: "cb" } }),
      want: ["Callback `cb`: the API sends `request` and expects `responses` back.", "", "@see callback POST {$url}"],
    },
    { title: "a comment end in the path", given: op({ id: "#/a", path: "/a*/b" }), want: ["@see GET /a*\\/b"] },
  ])("$title", ({ given, want }) => {
    expect(operationDocText(given, keyOf)).toEqual(want);
  });
});

describe("operation index file", () => {
  const object = (id: string, words: string[], extra: Partial<Model> = {}): Model =>
    ({ id, kind: "object", nameHint: words, fields: [], docs: {}, source, ...extra }) as Model;
  const models: Model[] = [
    object("#/components/schemas/Pet", ["Pet"]),
    object("#/components/schemas/Pet/properties/owner", ["Pet", "owner"], { parent: "#/components/schemas/Pet" }),
    object("#/p/get/parameters", ["ListPetsParams"], { origin: "parameters" }),
    object("#/p/post/json", ["CreatePetRequest"], { origin: "operation" }),
    object("#/p/post/form", ["CreatePetRequestForm"], { origin: "operation" }),
    object("#/p/post/problem", ["CreatePetError400"], { origin: "operation" }),
    object("#/p/post/problem2", ["CreatePetError400Other"], { origin: "operation" }),
  ];
  const operations: Operation[] = [
    op({ id: "#/p/get", operationId: "listPets", docs: { title: "List pets" }, params: "#/p/get/parameters", responses: [{ status: "200", mediaType: "application/json", type: { kind: "ref", target: "#/components/schemas/Pet", nullable: true } }] }),
    op({
      id: "#/p/post",
      operationId: "createPet",
      method: "post",
      requests: [
        { mediaType: "application/json", kind: "json", type: { kind: "ref", target: "#/p/post/json" }, required: false },
        { mediaType: "application/x-www-form-urlencoded", kind: "form", type: { kind: "ref", target: "#/p/post/form" }, required: false },
      ],
      responses: [
        { status: "201", mediaType: "application/json", type: { kind: "ref", target: "#/components/schemas/Pet/properties/owner" } },
        { status: "4XX", mediaType: "application/problem+json", type: { kind: "ref", target: "#/p/post/problem", nullable: true } },
        { status: "4XX", mediaType: "application/json", type: { kind: "ref", target: "#/p/post/problem2" } },
      ],
    }),
    op({ id: "#/w", kind: "webhook", name: ["ping", "post"], method: "post", path: "ping" }),
  ];
  const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, operations, report: [] };
  const ctx = { models: indexModels(models), names: assignNames(ir, tsNamingRules), children: childrenByParent(models), int64: "number" as const, header: ["h"], multipartBodies: new Set<string>() };

  it("is not written without operations", () => {
    expect(operationsFileView(undefined, ctx)).toBeUndefined();
    expect(operationsFileView([], ctx)).toBeUndefined();
  });

  it("resolves each operation's parts to their union members and the file's imports; the view reads only those", () => {
    const resolved = resolvedOperations(operations, ctx);
    expect(resolved.parts.map((p) => p.params)).toEqual([["ListPetsParams"], null, null]);
    // Nullable uses and hoisted models as every use writes them (a model made nullable or renamed changes the key).
    expect(resolved.parts[0]!.responses).toEqual([["Pet", "null"]]);
    expect(resolved.parts[1]!.responses).toEqual([["Pet.Owner"], ["CreatePetError400", "null"], ["CreatePetError400Other"]]);
    expect(resolved.imports).toEqual(operationsFileView(operations, ctx)!.imports);
    expect(operationsFileViewOf(operations, resolved, ["h"])).toEqual(operationsFileView(operations, ctx));
  });

  it("maps every operation to params, request and responses", () => {
    const view = operationsFileView(operations, ctx)!;
    // A hoisted model is imported through its owner.
    expect(view.imports.map((i) => i.name)).toEqual(["CreatePetError400", "CreatePetError400Other", "CreatePetRequest", "CreatePetRequestForm", "ListPetsParams", "Pet"]);
    const [decl] = view.declarations;
    expect(decl!.name).toBe("operations");
    expect(decl!.members.map(memberText)).toEqual([
      [
        "  /**",
        "   * @see POST /pets",
        "   */",
        "  createPet: {",
        "    params: never;",
        "    request?: {",
        '      "application/json": CreatePetRequest;',
        '      "application/x-www-form-urlencoded": CreatePetRequestForm;',
        "    };",
        "    responses: {",
        "      201: Pet.Owner;",
        '      "4XX": CreatePetError400 | CreatePetError400Other | null;',
        "    };",
        "  };",
      ],
      ["  /**", "   * List pets", "   *", "   * @see GET /pets", "   */", "  listPets: {", "    params: ListPetsParams;", "    request: never;", "    responses: {", "      200: Pet | null;", "    };", "  };"],
      [
        "  /**",
        "   * Webhook: the API sends `request` and expects `responses` back.",
        "   *",
        "   * @see webhook POST ping",
        "   */",
        "  pingPost: {",
        "    params: never;",
        "    request: never;",
        "    responses: never;",
        "  };",
      ],
    ]);
    expect(view.needsPrettier).toBe(false);
  });
});
