// The hash of a model's content without its source positions: what incremental regeneration keys a
// model's files by (emit/unit-keys.ts). Kept per model object, so the languages of one thread hash
// a model once; and a model the normalizer reuses from a previous run's record comes with the hash
// that record stored (incremental/walk.ts), so a regeneration hashes only the models it built again
// (JSON.stringify and sha256 of ~2,700 models were ~30 ms of a one-schema regeneration).
//
// `source` (where a model or field was written) is left out: no target prints it, and adding one
// line to a spec moves every later line, which would make every key change.
import { sha256 } from "../common/hash.js";
import type { Model } from "./types.js";

const hashes = new WeakMap<Model, string>();

export function contentHash(m: Model): string {
  let hash = hashes.get(m);
  if (hash === undefined) hashes.set(m, (hash = sha256(JSON.stringify(withoutSources(m)))));
  return hash;
}

/**
 * Records `hash` as the content hash of `m`, a model just parsed from a record that stored it: the
 * record's text holds the same content (JSON text parsed back stringifies to that text again), and
 * only its positions, which the hash leaves out, were made whole and moved.
 */
export function adoptContentHash(m: Model, hash: string): void {
  hashes.set(m, hash);
}

function withoutSources(m: Model): unknown {
  return m.kind === "object"
    ? { ...m, source: undefined, fields: m.fields.map((f) => ({ ...f, source: undefined })) }
    : { ...m, source: undefined };
}
