// The keys of the `operations` index: an operation's own operationId, exactly as the spec writes
// it (so `operations["list-audit-logs"]` reads like the API reference), or, for an operation
// without one (webhooks, callbacks, anonymous paths), its derived name words in camelCase.
import type { Operation } from "../../ir/types.js";
import { NameScope } from "../../naming/scope.js";
import { camelCase, hintWords } from "../../naming/words.js";

/**
 * Operation id -> key, unique and deterministic: operationIds claim their keys first (a derived
 * name never takes a spec's own name), then derived names, each group in IR order (by id); a
 * repeat gets the smallest free numeric suffix (`getPet2`).
 */
export function operationKeys(operations: readonly Operation[]): Map<string, string> {
  const scope = new NameScope();
  const keys = new Map<string, string>();
  for (const op of operations) if (op.operationId !== undefined) keys.set(op.id, scope.claim(op.operationId));
  for (const op of operations) if (op.operationId === undefined) keys.set(op.id, scope.claim(camelCase(hintWords(op.name))));
  return keys;
}
