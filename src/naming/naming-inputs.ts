// The hash of everything `typeNamesOf` (assign.ts) reads of an IR, so a regeneration can use the
// previous run's type names when it is unchanged (src/emit/reuse.ts keeps them per language, with
// the tool build, which holds each language's rules). Exact on purpose: an input left out here
// would reuse names that a cold run would give differently. Field and enum member names are not
// covered: they are worked out from each model when asked for, never kept.
import { sha256 } from "../common/hash.js";
import type { IrDocument, Model } from "../ir/types.js";
import { variantsText } from "../ir/type-facts.js";

/** Per models array: the languages of one thread hash the same IR once. */
const hashes = new WeakMap<readonly Model[], string>();

/**
 * One model's part, a JSON line: order (its place in the list), id, parent, origin, name hint, kind,
 * and a union's variants (their JSON as type-facts.ts keeps it for a model not parsed yet).
 */
function namingInput(m: Model): string {
  const head = JSON.stringify([m.id, m.parent ?? null, m.origin ?? null, m.nameHint, m.kind]);
  return `${head.slice(0, -1)},${m.kind === "union" ? variantsText(m) : "null"}]`;
}

export function namingInputsHash(ir: IrDocument): string {
  let hash = hashes.get(ir.models);
  if (hash === undefined) {
    // One text hashed at once (a line per model): two hash updates per model cost more than the text.
    let text = "";
    for (const m of ir.models) text += namingInput(m) + "\n";
    hashes.set(ir.models, (hash = sha256(text)));
  }
  return hash;
}
