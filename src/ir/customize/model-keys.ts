// How settings name a model: the name it is generated under without settings, its name words
// joined with dots (`RunObject`, `CreatePetRequest`, `RunObject.last_error` for a hoisted one), the
// same name `diff` reports.
import type { Model } from "../types.js";

export function modelKey(m: Model): string {
  return m.nameHint.join(".");
}

/** The known keys closest to an unknown one, for "did you mean" in errors (at most three). */
export function closestKeys(unknown: string, known: Iterable<string>): string[] {
  const score = (k: string) => similarity(unknown.toLowerCase(), k.toLowerCase());
  return [...known]
    .map((k) => ({ k, s: score(k) }))
    .filter((x) => x.s > 0.3)
    .sort((a, b) => b.s - a.s || (a.k < b.k ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.k);
}

/** Dice coefficient over letter pairs: 1 for equal strings, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let both = 0;
  for (const [k, v] of pa) both += Math.min(v, pb.get(k) ?? 0);
  const total = a.length - 1 + (b.length - 1);
  return total > 0 ? (2 * both) / total : 0;
}
