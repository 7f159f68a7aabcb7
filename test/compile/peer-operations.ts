// The operation half of the peer comparison: for every operation, its JSON request body and each
// JSON response body through our `operations` index against openapi-typescript's
// `operations[opId]` (or `paths[path][method]`, `webhooks[key][method]` for operations without
// an operationId), one type-level assertion each; and, for a part that differs, what it reaches
// (component schemas in our IR, constructs in its raw spec subtree) so the difference can be
// explained like a component's.
import { escapeToken, parsePointer, unescapeToken } from "../../src/load/pointer.js";
import type { IrDocument, Model, Operation, TypeExpr } from "../../src/ir/types.js";
import { operationKeys } from "../../src/targets/typescript/operation-keys.js";
import { statusKey } from "../../src/targets/typescript/operations.js";
import { rawConstructs, type RawConstruct } from "./peer-seeds.js";

const JSON_MEDIA = "application/json";

/** One compared part of an operation: `createPet request`, `createPet 201`. */
export interface OperationPart {
  label: string;
  /** `MutuallyAssignable<ours, theirs>` operands. */
  ours: string;
  theirs: string;
  /** Our type of the part, to find the component schemas it reaches. */
  type: TypeExpr;
  /** The part's JSON media type object in the root document, to find inline constructs. */
  pointer: string;
}

/** The peer's name of an operation, or undefined where it has none (callbacks, which it does not type). */
function peerOperation(op: Operation): { expression: string; uses: "operations" | "paths" | "webhooks" } | undefined {
  const index = (...keys: string[]) => keys.map((k) => `[${JSON.stringify(k)}]`).join("");
  if (op.kind === "path" && op.operationId !== undefined) return { expression: `operations${index(op.operationId)}`, uses: "operations" };
  if (op.kind === "path") return { expression: `paths${index(op.path, op.method)}`, uses: "paths" };
  if (op.kind === "webhook") return { expression: `webhooks${index(op.path, op.method)}`, uses: "webhooks" };
  return undefined;
}

/** Every comparable part of every operation, and which of the peer's root types they use. */
export function operationParts(ir: IrDocument): { parts: OperationPart[]; uses: Set<string>; skipped: string[] } {
  const operations = ir.operations ?? [];
  const keys = operationKeys(operations);
  const parts: OperationPart[] = [];
  const uses = new Set<string>();
  const skipped: string[] = [];
  for (const op of operations) {
    const key = keys.get(op.id)!;
    const peer = peerOperation(op);
    if (!peer) {
      skipped.push(key);
      continue;
    }
    const before = parts.length;
    const ours = `G.operations[${JSON.stringify(key)}]`;
    const request = op.requests.find((r) => r.mediaType === JSON_MEDIA);
    if (request) {
      parts.push({
        label: `${key} request`,
        ours: `NonNullable<${ours}["request"]>[${JSON.stringify(JSON_MEDIA)}]`,
        theirs: `NonNullable<${peer.expression}["requestBody"]>["content"][${JSON.stringify(JSON_MEDIA)}]`,
        type: request.type,
        pointer: `${op.id}/requestBody/content/${escapeToken(JSON_MEDIA)}`,
      });
    }
    for (const r of op.responses) {
      // Ours is the union of a status's JSON media types: compare where application/json is the only one.
      if (r.mediaType !== JSON_MEDIA || op.responses.some((o) => o.status === r.status && o !== r)) continue;
      const status = statusKey(r.status);
      const index = /^\d+$/.test(status) ? status : JSON.stringify(r.status);
      parts.push({
        label: `${key} ${r.status}`,
        ours: `${ours}["responses"][${index}]`,
        theirs: `${peer.expression}["responses"][${index}]["content"][${JSON.stringify(JSON_MEDIA)}]`,
        type: r.type,
        pointer: `${op.id}/responses/${escapeToken(r.status)}/content/${escapeToken(JSON_MEDIA)}`,
      });
    }
    if (parts.length > before) uses.add(peer.uses);
  }
  return { parts, uses, skipped };
}

/** The component schema a body's type is, as written (no null added), or undefined. */
export function directComponent(t: TypeExpr): string | undefined {
  const m = t.kind === "ref" && !t.nullable ? /^#\/components\/schemas\/([^/]+)$/.exec(t.target) : null;
  return m ? unescapeToken(m[1]!) : undefined;
}

/** The component schema names a type reaches through our models (the component itself included). */
export function reachedComponents(t: TypeExpr, models: ReadonlyMap<string, Model>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visitType = (x: TypeExpr): void => {
    if (x.kind === "ref") visitModel(x.target);
    else if (x.kind === "array") visitType(x.items);
    else if (x.kind === "map") visitType(x.values);
  };
  const visitModel = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const m = /^#\/components\/schemas\/([^/]+)/.exec(id);
    if (m) names.add(unescapeToken(m[1]!));
    const model = models.get(id);
    if (!model) return;
    if (model.kind === "object") {
      for (const f of model.fields) visitType(f.type);
      if (model.additionalProperties) visitType(model.additionalProperties);
    } else if (model.kind === "union") for (const v of model.variants) visitType(v.type);
    else if (model.kind === "alias") visitType(model.type);
  };
  visitType(t);
  return names;
}

/** Constructs the peer reads differently inside the part's own (inline) spec subtree. */
export function inlineConstructs(part: OperationPart, root: unknown): Set<RawConstruct> {
  if (!part.pointer.startsWith("#/")) return new Set(); // in another file: not among the compared specs
  const found = lookupThroughRefs(root, part.pointer.slice(1));
  return found === undefined ? new Set() : rawConstructs(found);
}

/** The value at `pointer`, following local `$ref`s on the way (a shared response or request body). */
function lookupThroughRefs(root: unknown, pointer: string): unknown {
  const follow = (v: unknown, depth = 0): unknown => {
    const ref = v !== null && typeof v === "object" ? (v as Record<string, unknown>).$ref : undefined;
    return typeof ref === "string" && ref.startsWith("#/") && depth < 20 ? follow(lookupThroughRefs(root, ref.slice(1)), depth + 1) : v;
  };
  let value: unknown = root;
  for (const token of parsePointer(pointer)) {
    value = follow(value);
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}
