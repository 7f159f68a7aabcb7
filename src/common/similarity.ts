// How alike two names are, for "did you mean" hints and for matching renamed models in `diff`.

/**
 * Dice coefficient over the pairs of adjacent characters: 1 for equal strings, 0 for nothing in
 * common (and for two different strings too short to have a pair). Case-sensitive: callers that
 * want otherwise lower-case first.
 */
export function diceCoefficient(a: string, b: string): number {
  if (a === b) return 1;
  const pairs = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let both = 0;
  for (const [k, v] of pa) both += Math.min(v, pb.get(k) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total > 0 ? (2 * both) / total : 0;
}
