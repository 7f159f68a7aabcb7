// Which models a diff need not compare in detail: those whose snapshot (the JSON `generate` keeps,
// src/diff/snapshot.ts) is the same on both sides. After a one-schema change that is all but a few,
// so comparing only the others keeps the summary's cost in proportion to what changed.

/**
 * Equality of two values as JSON would write them: a key whose value is undefined is absent (a
 * snapshot read back from its file has no such keys; one made in memory may), key order aside.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => jsonEqual(x, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    defined++;
    if (!Object.hasOwn(bo, k) || !jsonEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) defined--;
  return defined === 0;
}

/** Ids of the models whose snapshots are equal on both sides (each list holds models with a string `id`). */
export function sameSnapshots(previous: readonly unknown[], current: readonly unknown[]): Set<string> {
  const before = new Map<string, unknown>();
  for (const m of previous) {
    const id = (m as { id?: unknown } | null)?.id;
    if (typeof id === "string") before.set(id, m);
  }
  const same = new Set<string>();
  for (const m of current) {
    const id = (m as { id: string }).id;
    if (before.has(id) && jsonEqual(before.get(id), m)) same.add(id);
  }
  return same;
}
