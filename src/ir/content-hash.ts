// The hash of a model's content without its source positions: what incremental regeneration keys a
// model's files by (emit/unit-keys.ts). Kept per model object, so the languages of one thread hash
// a model once; and a model the normalizer reuses from a previous run's record comes with the hash
// that record stored (incremental/walk.ts), so a regeneration hashes only the models it built again
// (JSON.stringify and sha256 of ~2,700 models were ~30 ms of a one-schema regeneration).
//
// `source` (where a model or field was written) is left out: no target prints it, and adding one
// line to a spec moves every later line, which would make every key change.
//
// A model's hash is made of two parts: the sha256 of its core (its content without `source`,
// `parent` and `origin`) and, when it has them, its parent and origin written after it. The
// normalizer's records hold models before finish() (ir/normalize/index.ts) links each hoisted model
// to its parent and stamps its origin, by a copy: that copy has its original's core, so a reused
// model's core hash carries over to it (sameCore) and its text is not stringified and hashed again
// (~1,300 models, ~1.6% of a one-schema regeneration's instructions on the 3 MB OpenAI spec). The
// value depends on the content alone, however the model was made: a copy sent to the render worker
// gives the same.
import { sha256 } from "../common/hash.js";
import type { Model } from "./types.js";

const cores = new WeakMap<Model, string>();

/** The hash of the model's content without `source` (its fields' too), `parent` and `origin`. */
export function coreHash(m: Model): string {
  let hash = cores.get(m);
  if (hash === undefined) cores.set(m, (hash = sha256(coreText(m))));
  return hash;
}

/** What unit keys and the snapshot's element hashes are made of: a function of the model's content without positions. */
export function contentHash(m: Model): string {
  const { parent, origin } = m;
  if (parent === undefined && origin === undefined) return coreHash(m);
  // After the core's 64 hex digits: "-" for no parent, else the parent's length, ":" and the parent; then the origin (never empty).
  return `${coreHash(m)}${parent === undefined ? "-" : `${parent.length}:${parent}`}${origin ?? ""}`;
}

/**
 * Records `hash` as the core hash of `m`, a model just parsed from a record that stored it: the
 * record's text holds the same content (JSON text parsed back stringifies to that text again), and
 * only its positions, which the hash leaves out, were made whole and moved.
 */
export function adoptCoreHash(m: Model, hash: string): void {
  cores.set(m, hash);
}

/** `copy` is `original` with its `parent` or `origin` set and nothing else changed: it takes the core hash, when known. */
export function sameCore(copy: Model, original: Model): void {
  const hash = cores.get(original);
  if (hash !== undefined) cores.set(copy, hash);
}

/**
 * The model's JSON without `source` (its fields' too), `parent` and `origin`: those are set to
 * undefined in place for the moment JSON.stringify takes (it leaves undefined out) and then put
 * back, so the text is a copy's without the copy (the ~2,700 models of the 3 MB OpenAI spec, each
 * copied with its fields and stringified: 14-20 ms; in place: 12-15 ms). Only keys the model has
 * are touched: adding one would change its hidden class. The text is that of
 * `{ ...m, source: undefined, parent: undefined, origin: undefined }` with each field's source
 * left out the same way, byte for byte (a test compares the two).
 */
export function coreText(m: Model): string {
  const model = m as { source?: unknown; parent?: unknown; origin?: unknown };
  const { source, parent, origin } = model;
  const fields: { source?: unknown }[] = m.kind === "object" ? m.fields : [];
  const sources = fields.map((f) => f.source);
  if (source !== undefined) model.source = undefined;
  if (parent !== undefined) model.parent = undefined;
  if (origin !== undefined) model.origin = undefined;
  for (let i = 0; i < fields.length; i++) if (sources[i] !== undefined) fields[i]!.source = undefined;
  try {
    return JSON.stringify(m);
  } finally {
    if (source !== undefined) model.source = source;
    if (parent !== undefined) model.parent = parent;
    if (origin !== undefined) model.origin = origin;
    for (let i = 0; i < fields.length; i++) if (sources[i] !== undefined) fields[i]!.source = sources[i];
  }
}
