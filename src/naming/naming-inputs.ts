// The hash of everything `typeNamesOf` (assign.ts) reads of an IR, so a regeneration can use the
// previous run's type names when it is unchanged (src/emit/reuse.ts keeps them per language, with
// the tool build, which holds each language's rules). Exact on purpose: an input left out here
// would reuse names that a cold run would give differently. Field and enum member names are not
// covered: they are worked out from each model when asked for, never kept.
import { sha256 } from "../common/hash.js";
import type { IrDocument, Model } from "../ir/types.js";

/** Per models array: the languages of one thread hash the same IR once. */
const hashes = new WeakMap<readonly Model[], string>();

/** One model's part: order (its place in the list), id, parent, origin, name hint, kind, and a union's variants. */
function namingInput(m: Model): unknown[] {
  const variants = m.kind === "union" ? m.variants.map((v) => [v.tags ?? null, v.type]) : null;
  return [m.id, m.parent ?? null, m.origin ?? null, m.nameHint, m.kind, variants];
}

export function namingInputsHash(ir: IrDocument): string {
  let hash = hashes.get(ir.models);
  if (hash === undefined) {
    // One text hashed at once (the bytes the hash was always fed, a line per model): two hash
    // updates per model cost more than the text.
    let text = "";
    for (const m of ir.models) text += JSON.stringify(namingInput(m)) + "\n";
    hashes.set(ir.models, (hash = sha256(text)));
  }
  return hash;
}
