// The operation index, `operations.ts`: one interface mapping every operation's key (see
// operation-keys.ts) to the models of its parts, in the spirit of openapi-typescript's
// `operations` but over our own models:
//
//   export interface operations {
//     createPet: {
//       params: CreatePetParams;
//       request: {
//         "application/json": PetCreate;
//         "application/x-www-form-urlencoded": CreatePetRequestForm;
//       };
//       responses: {
//         201: Pet;
//         400: CreatePetError400;
//       };
//     };
//   }
//
// - `params`: the `<Op>Params` model (path, query, header and cookie parameters in one object).
// - `request`: request bodies by media type; `request?:` when the spec does not require the body.
// - `responses`: response bodies by status (`200`, `"4XX"`, `default`); a status with several
//   JSON media types takes the union of their models; a nullable body is `T | null`.
// - `never` for a part the operation does not have (no parameters, no body, no JSON response).
//
// Entries are sorted by key and every object is written expanded, which Prettier keeps as is.
import type { Operation } from "../../ir/types.js";
import { compareStrings } from "../../common/order.js";
import { propertyLines, type LayoutState } from "./layout.js";
import { propertyKey } from "./naming.js";
import { operationDocText } from "./operation-docs.js";
import { operationKeys } from "./operation-keys.js";
import { unionParts } from "./types.js";
import { fileTypes, typeImportLine, type DeclarationView, type FileContext, type FileView } from "./view.js";

export const OPERATIONS_INTERFACE = "operations";

const INTERFACE_DOC = [
  "Every operation of the API by its operationId (without one: its name from the method and path,",
  "in camelCase), with the models of its parts: `params` (path, query, header and cookie parameters",
  "in one object), `request` (request bodies by media type; optional when the body is) and",
  "`responses` (response bodies by status). `never` marks a part the operation does not have.",
];

/**
 * All that `operations.ts` reads of the models and names: each operation's parts as the members of
 * their types (in the operations' order) and the file's imports. The view is made from these and
 * the operations alone (operationsFileViewOf), so a regeneration keys the file by them and builds
 * the view only when they or the operations changed.
 */
export interface ResolvedOperations {
  /** One per operation: its params' type (null: none), each request body's and each response's. */
  parts: { params: string[] | null; requests: string[][]; responses: string[][] }[];
  imports: { name: string; from: string }[];
}

export function resolvedOperations(operations: readonly Operation[], ctx: FileContext): ResolvedOperations {
  const file = fileTypes(ctx);
  const types = file.types;
  const parts = operations.map((op) => ({
    params: op.params !== undefined ? unionParts({ kind: "ref", target: op.params }, types) : null,
    requests: op.requests.map((r) => unionParts(r.type, types)),
    responses: op.responses.map((r) => unionParts(r.type, types)),
  }));
  return { parts, imports: file.imports() };
}

/** The view of `operations.ts`, or undefined when the IR has no operations (no file is written). */
export function operationsFileView(operations: readonly Operation[] | undefined, ctx: FileContext): FileView | undefined {
  if (!operations?.length) return undefined;
  return operationsFileViewOf(operations, resolvedOperations(operations, ctx), ctx.header);
}

/** The view of `operations.ts` from the operations and what they resolve to (nothing else is read). */
export function operationsFileViewOf(operations: readonly Operation[], resolved: ResolvedOperations, header: string[]): FileView {
  const layout: LayoutState = { needsPrettier: false };
  const keys = operationKeys(operations);
  const entries = operations
    .map((op, i) => ({ op, key: keys.get(op.id)!, parts: resolved.parts[i]! }))
    .sort((a, b) => compareStrings(a.key, b.key));
  const declaration: DeclarationView = {
    indent: "",
    doc: INTERFACE_DOC,
    isInterface: true,
    aliasLines: [],
    name: OPERATIONS_INTERFACE,
    members: entries.map(({ op, key, parts }) => ({
      indent: ENTRY,
      doc: operationDocText(op, (id) => keys.get(id)),
      lines: operationLines(op, key, parts, layout),
    })),
    children: [],
  };
  const { imports } = resolved;
  return {
    needsPrettier: layout.needsPrettier,
    header,
    imports,
    importLines: imports.map(typeImportLine),
    declarations: [declaration],
    schemas: [],
  };
}

const ENTRY = "  ";
const PART = "    ";
const ITEM = "      ";

type OperationParts = ResolvedOperations["parts"][number];

function operationLines(op: Operation, key: string, parts: OperationParts, layout: LayoutState): string[] {
  return [
    `${ENTRY}${propertyKey(key)}: {`,
    ...propertyLines(layout, PART, "params", false, parts.params ?? ["never"]),
    ...requestLines(op, parts, layout),
    ...responseLines(op, parts, layout),
    `${ENTRY}};`,
  ];
}

function requestLines(op: Operation, parts: OperationParts, layout: LayoutState): string[] {
  if (op.requests.length === 0) return [`${PART}request: never;`];
  // One requestBody per operation, so every media type shares its `required`.
  const optional = op.requests.some((r) => !r.required);
  return [
    `${PART}request${optional ? "?" : ""}: {`,
    ...op.requests.flatMap((r, i) => propertyLines(layout, ITEM, propertyKey(r.mediaType), false, parts.requests[i]!)),
    `${PART}};`,
  ];
}

function responseLines(op: Operation, parts: OperationParts, layout: LayoutState): string[] {
  if (op.responses.length === 0) return [`${PART}responses: never;`];
  const byStatus = new Map<string, string[]>();
  op.responses.forEach((r, i) => {
    const known = byStatus.get(r.status) ?? [];
    byStatus.set(r.status, [...new Set([...known, ...parts.responses[i]!])]);
  });
  return [
    `${PART}responses: {`,
    ...[...byStatus].flatMap(([status, members]) => propertyLines(layout, ITEM, statusKey(status), false, nullLast(members))),
    `${PART}};`,
  ];
}

/** `200` as a number key (as openapi-typescript writes it); `"4XX"` quoted; `default` bare. */
export function statusKey(status: string): string {
  return /^[1-9]\d*$/.test(status) ? status : propertyKey(status);
}

/** A status whose media types mix nullable and not: `A | B | null`, null last as everywhere else. */
function nullLast(parts: string[]): string[] {
  return parts.includes("null") ? [...parts.filter((p) => p !== "null"), "null"] : parts;
}
