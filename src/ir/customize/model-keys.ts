// How settings name a model: the name it is generated under without settings, its name words
// joined with dots (`RunObject`, `CreatePetRequest`, `RunObject.last_error` for a hoisted one), the
// same name `diff` reports.
import { diceCoefficient } from "../../common/similarity.js";
import type { Model } from "../types.js";

export function modelKey(m: Model): string {
  return m.nameHint.join(".");
}

/** The known keys closest to an unknown one, for "did you mean" in errors (at most three). */
export function closestKeys(unknown: string, known: Iterable<string>): string[] {
  const score = (k: string) => diceCoefficient(unknown.toLowerCase(), k.toLowerCase());
  return [...known]
    .map((k) => ({ k, s: score(k) }))
    .filter((x) => x.s > 0.3)
    .sort((a, b) => b.s - a.s || (a.k < b.k ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.k);
}

