// Which old model is which new model: the same id (JSON pointer), or a rename — a removed and an
// added model with the same fingerprint. Pairing is deterministic: within one fingerprint the most
// similar names pair first (ties by id). Hoisted models pair only under corresponding parents.
import { compareStrings } from "../common/order.js";
import { diceCoefficient } from "../common/similarity.js";
import type { ModelIndex } from "../ir/query.js";
import type { Model } from "../ir/types.js";
import { Fingerprints, isSubstantial } from "./fingerprint.js";

export interface Matching {
  /** Old id -> new id, for every model present on both sides (same id or renamed). */
  oldToNew: Map<string, string>;
  newToOld: Map<string, string>;
  /** Renamed pairs [old, new], sorted by new id. */
  renamed: [string, string][];
  /** Ids only in the old spec / only in the new one (after renames). */
  removed: string[];
  added: string[];
}

/** Names this alike (0..1) pair even when the shape is small. */
const SIMILAR_NAMES = 0.6;

export function matchModels(oldModels: ModelIndex, newModels: ModelIndex): Matching {
  const oldToNew = new Map<string, string>();
  const newToOld = new Map<string, string>();
  for (const id of oldModels.keys()) {
    if (newModels.has(id)) {
      oldToNew.set(id, id);
      newToOld.set(id, id);
    }
  }
  // Every model paired by its id (no model came or went: the usual regeneration): no rename to look for.
  if (oldToNew.size === oldModels.size && newToOld.size === newModels.size)
    return { oldToNew, newToOld, renamed: [], removed: [], added: [] };
  const anchors = new Set(oldToNew.keys());
  const oldFp = new Fingerprints(oldModels, anchors);
  const newFp = new Fingerprints(newModels, anchors);
  const renamed: [string, string][] = [];

  // Top-level models first, then hoisted ones by nesting depth, so a parent is paired before its children.
  const level = (m: Model) => (m.parent ? m.nameHint.length : 0);
  // A level pairs only models of its own: the models left unpaired by id are listed once, not at every level.
  // By id, so a snapshot read model by model (src/diff/snapshot-text.ts) restores only these.
  const unpaired = (models: ModelIndex, paired: Map<string, string>) =>
    [...models.keys()].filter((id) => !paired.has(id)).map((id) => models.get(id)!);
  const oldLeft = unpaired(oldModels, oldToNew);
  const newLeft = unpaired(newModels, newToOld);
  const levels = [...new Set([...oldLeft, ...newLeft].map(level))].sort((a, b) => a - b);
  for (const lv of levels) {
    const olds = oldLeft.filter((m) => level(m) === lv);
    const news = newLeft.filter((m) => level(m) === lv);
    if (!olds.length || !news.length) continue;
    // Moved, not renamed: the same name words under corresponding parents (an inline schema that
    // gained an `anyOf: [.., null]` wrapper keeps its name but not its pointer). Compared in full.
    const byName = new Map<string, Model[]>();
    for (const m of news) byName.set(nameKey(m, newModels), [...(byName.get(nameKey(m, newModels)) ?? []), m]);
    for (const o of olds) {
      const n = (byName.get(nameKey(o, oldModels, oldToNew)) ?? []).find((x) => !newToOld.has(x.id));
      if (!n) continue;
      oldToNew.set(o.id, n.id);
      newToOld.set(n.id, o.id);
    }
    const byFp = new Map<string, Model[]>();
    for (const m of news) {
      const fp = newFp.of(m.id);
      byFp.set(fp, [...(byFp.get(fp) ?? []), m]);
    }
    const candidates: { o: Model; n: Model; score: number }[] = [];
    for (const o of olds) {
      if (oldToNew.has(o.id)) continue;
      for (const n of byFp.get(oldFp.of(o.id)) ?? []) {
        if (o.parent !== undefined && oldToNew.get(o.parent) !== n.parent) continue;
        const score = nameSimilarity(o.nameHint.join(""), n.nameHint.join(""));
        if (score >= SIMILAR_NAMES || isSubstantial(n) || o.parent !== undefined) candidates.push({ o, n, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score || compareStrings(a.o.id, b.o.id) || compareStrings(a.n.id, b.n.id));
    for (const { o, n } of candidates) {
      if (oldToNew.has(o.id) || newToOld.has(n.id)) continue;
      oldToNew.set(o.id, n.id);
      newToOld.set(n.id, o.id);
      renamed.push([o.id, n.id]);
    }
  }
  renamed.sort((a, b) => compareStrings(a[1], b[1]));
  const removed = [...oldModels.keys()].filter((id) => !oldToNew.has(id)).sort();
  const added = [...newModels.keys()].filter((id) => !newToOld.has(id)).sort();
  return { oldToNew, newToOld, renamed, removed, added };
}

/**
 * The parent's new id plus the name words below the parent (the whole name for a top-level
 * model), so the children of a renamed model still meet; `oldToNew` is given for an old model.
 */
function nameKey(m: Model, models: ModelIndex, oldToNew?: Map<string, string>): string {
  // An operation model that takes a removed component's name (an inline response replacing a
  // `$ref`) is a new model, not the component moved.
  if (m.parent === undefined) return JSON.stringify(["", isOperationModel(m), m.nameHint]);
  const parent = oldToNew === undefined ? m.parent : (oldToNew.get(m.parent) ?? `?${m.parent}`);
  const depth = models.get(m.parent)?.nameHint.length ?? 0;
  return JSON.stringify([parent, m.nameHint.slice(depth)]);
}

function isOperationModel(m: Model): boolean {
  return m.origin === "operation" || m.origin === "parameters" || m.origin === "webhook";
}

/**
 * Dice coefficient over lower-cased letter pairs (1 for equal names, 0 for nothing in common);
 * a name inside the other (`Wait` -> `WaitParam`) counts as similar.
 */
export function nameSimilarity(a: string, b: string): number {
  const dice = diceCoefficient(a.toLowerCase(), b.toLowerCase());
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x)) ? Math.max(dice, SIMILAR_NAMES) : dice;
}
