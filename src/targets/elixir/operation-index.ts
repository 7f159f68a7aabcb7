// The operations of the IR as the Elixir index lists them: one unique name each (the operationId,
// else a name made from the IR's name words), and the module of every part, so a user can go from
// an operation to the models of its parameters, request bodies and responses.
import { compareStrings } from "../../common/order.js";
import type { Operation, TypeExpr } from "../../ir/types.js";
import { NameScope } from "../../naming/scope.js";
import { camelCase, hintWords } from "../../naming/words.js";
import { moduleName, type ElixirTypeContext } from "./types.js";

export interface OperationEntry {
  /** Unique in the index: the operationId, or the derived name of an operation without one. */
  name: string;
  operation: Operation;
  /** For callbacks: the callback's key and the index name of the operation that declares it (when listed). */
  callback?: { key: string; operation?: string };
  params?: string;
  /** Body modules by media type, in spec order. */
  requests: { mediaType: string; module: string }[];
  /** Body modules by status and media type, in spec order. */
  responses: { status: string; mediaType: string; module: string }[];
}

/** The index entries, sorted by name. */
export function operationEntries(operations: Operation[], ctx: ElixirTypeContext): OperationEntry[] {
  const names = operationNames(operations);
  const module = (t: TypeExpr) => moduleName(partModelId(t), ctx);
  const entries = operations.map((op): OperationEntry => {
    const entry: OperationEntry = {
      name: names.get(op.id)!,
      operation: op,
      requests: op.requests.map((r) => ({ mediaType: r.mediaType, module: module(r.type) })),
      responses: op.responses.map((r) => ({ status: r.status, mediaType: r.mediaType, module: module(r.type) })),
    };
    if (op.params) entry.params = moduleName(op.params, ctx);
    if (op.callbackOf) {
      const parent = names.get(op.callbackOf.operation);
      entry.callback = { key: op.callbackOf.name, ...(parent !== undefined ? { operation: parent } : {}) };
    }
    return entry;
  });
  return entries.sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * Index names by operation id. The spec's operationIds are claimed first, so an operation keeps
 * the name its spec gives it; derived names (`postStoresStoreIdOrders`) and repeated operationIds
 * (invalid, but seen) take a number when the name is taken. Both passes go in id order.
 */
export function operationNames(operations: Operation[]): Map<string, string> {
  const scope = new NameScope();
  const names = new Map<string, string>();
  const byId = [...operations].sort((a, b) => compareStrings(a.id, b.id));
  for (const op of byId) if (op.operationId !== undefined) names.set(op.id, scope.claim(op.operationId));
  for (const op of byId) if (op.operationId === undefined) names.set(op.id, scope.claim(camelCase(hintWords(op.name))));
  return names;
}

/** The ids of the models operations name (parameters and bodies): each needs a module of its own. */
export function operationModelIds(operations: Operation[]): Set<string> {
  const ids = new Set<string>();
  for (const op of operations) {
    if (op.params) ids.add(op.params);
    for (const part of [...op.requests, ...op.responses]) ids.add(partModelId(part.type));
  }
  return ids;
}

/** The models some operation sends as a multipart request body. */
export function multipartBodyIds(operations: Operation[]): Set<string> {
  return new Set(operations.flatMap((op) => op.requests.filter((r) => r.kind === "multipart").map((r) => partModelId(r.type))));
}

/**
 * Bodies are always references to a model (the IR makes an alias model for any other schema). A
 * body that may be `null` (a nullable reference) is listed by its module all the same.
 */
function partModelId(t: TypeExpr): string {
  if (t.kind !== "ref") throw new Error(`elixir: an operation body of kind ${t.kind}; the IR gives every body a model`);
  return t.target;
}
