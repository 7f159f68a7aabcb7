// What every comparison step shares: both model indexes, the old->new matching, and where
// changes are collected (each located under its top-level owner).
import { ownerOf, type ModelIndex } from "../ir/query.js";
import type { Change, ChangeFacts } from "./change.js";
import type { CheckId } from "./checks.js";
import type { Matching } from "./match.js";
import { joinPath, pathBelowOwner } from "./describe.js";

/** A place a change is reported: a model of the new spec (old for removed ones) and a path below it. */
export interface Site {
  model: string;
  /** The side `model` belongs to (only "old" for removed models). */
  side: "old" | "new";
  /** Path below the model itself: "" or "status", "tools[]". */
  path: string;
  /** The type sits directly in a field that was optional (a null may read as absent). */
  optionalField?: boolean;
}

export class DiffContext {
  readonly changes: Change[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly old: ModelIndex,
    readonly new_: ModelIndex,
    readonly matching: Matching,
  ) {}

  /** Are these the same model (same id, or paired as a rename)? */
  paired(oldId: string, newId: string): boolean {
    return this.matching.oldToNew.get(oldId) === newId;
  }

  emit(check: CheckId, site: Site, e: ChangeFacts): void {
    const models = site.side === "new" ? this.new_ : this.old;
    const owner = ownerOf(site.model, models)?.id ?? site.model;
    const where = joinPath(pathBelowOwner(site.model, models), site.path);
    // A hoisted model's own null and the reference's null say the same thing once.
    const key = JSON.stringify([check, owner, where, e.message]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const change: Change = { check, model: site.model, owner, where, message: e.message, response: e.response, request: e.request };
    if (e.before !== undefined) change.before = e.before;
    if (e.after !== undefined) change.after = e.after;
    if (e.values !== undefined) change.values = e.values;
    this.changes.push(change);
  }
}
