// `diff`: compares two IRs model by model and judges every change per target language.
//   diffIr(old, new, { judges, severity }) -> DiffResult (grouped, ordered, counted)
// Formatters: format-text.ts, format-markdown.ts, format-json.ts. For `generate`: snapshot.ts.
import { compareStrings } from "../common/order.js";
import { indexModels } from "../ir/query.js";
import type { TypeExpr } from "../ir/types.js";
import { someTypeOfModel } from "../ir/walk.js";
import type { ClassifiedChange, ChangeGroup, DiffInput, DiffResult, GroupStatus, Verdict } from "./change.js";
import { CHECK_IDS, CHECKS, severityRank, type CheckId, type Severity } from "./checks.js";
import { verdictOf, type Judges } from "./compat.js";
import { compareModels } from "./compare-models.js";
import { DiffContext } from "./context.js";
import { displayName } from "./describe.js";
import { matchModels } from "./match.js";
import { ShapeEquality } from "./shape.js";

export type SeverityOverrides = Partial<Record<CheckId, Severity>>;

export interface DiffOptions {
  /**
   * Languages to judge for (`judgesFor(targets, options)`): the caller hands them over, so the diff
   * knows no target registry and judges only the languages being generated.
   */
  judges: Judges;
  /** Per-check severity from the config file (`diff.severity`). */
  severity?: SeverityOverrides;
  /**
   * Ids of models known to be the same on both sides (equal snapshots, src/diff/unchanged.ts): not
   * compared in detail when every model they refer to is on both sides too (a reference to a model
   * that came or went can change what the same text compares to). The result is the same without it.
   */
  same?: ReadonlySet<string>;
}

export function diffIr(oldIr: DiffInput, newIr: DiffInput, options: DiffOptions): DiffResult {
  const { judges } = options;
  const oldModels = oldIr.index ?? indexModels([...oldIr.models]);
  const newModels = newIr.index ?? indexModels([...newIr.models]);
  const matching = matchModels(oldModels, newModels);
  const ctx = new DiffContext(oldModels, newModels, matching);
  const shapes = new ShapeEquality(ctx);
  const status = new Map<string, GroupStatus>();

  for (const id of matching.removed) {
    const m = oldModels.get(id)!;
    if (m.parent) continue; // reported through its owner's fields
    status.set(id, "removed");
    ctx.emit(
      "model-removed",
      { model: id, side: "old", path: "" },
      {
        message: `model removed (${m.kind}); it is no longer generated`,
        before: displayName(m),
        response: "breaking",
        request: "breaking",
      },
    );
  }
  for (const id of matching.added) {
    const m = newModels.get(id)!;
    if (m.parent) continue;
    status.set(id, "added");
    ctx.emit(
      "model-added",
      { model: id, side: "new", path: "" },
      { message: `model added (${m.kind})`, after: displayName(m), response: "safe", request: "safe" },
    );
  }
  for (const [oldId, newId] of matching.renamed) {
    const a = oldModels.get(oldId)!;
    const b = newModels.get(newId)!;
    if (a.parent || b.parent) continue; // hoisted: follows its owner or a renamed field
    status.set(newId, "renamed");
    ctx.emit(
      "model-renamed",
      { model: newId, side: "new", path: "" },
      {
        message: `renamed from ${displayName(a)} (same shape)`,
        before: displayName(a),
        after: displayName(b),
        response: "safe",
        request: "safe",
      },
    );
  }
  const same = options.same ?? new Set<string>();
  // The same model (same id) under a new name: a `rename` setting changed, or the name words did.
  for (const [oldId, newId] of matching.oldToNew) {
    // One known to be the same has the same name words and parent (both are in its snapshot): not looked up.
    if (oldId !== newId || same.has(newId)) continue;
    const a = oldModels.get(oldId)!;
    const b = newModels.get(newId)!;
    if (a.parent || displayName(a) === displayName(b)) continue;
    status.set(newId, "renamed");
    ctx.emit(
      "model-renamed",
      { model: newId, side: "new", path: "" },
      { message: `renamed from ${displayName(a)}`, before: displayName(a), after: displayName(b), response: "safe", request: "safe" },
    );
  }
  // A reference to a model not on both sides under its id (one that came, went or was renamed).
  const outside = (t: TypeExpr) => t.kind === "ref" && !ctx.paired(t.target, t.target);
  // When no model came, went or was renamed, every model is on both sides under its id, and so is
  // every model a reference names (an IR is closed: each reference names a model of its side). The
  // known-same models' types are then not walked (~5 ms of a one-schema regeneration's summary).
  const allPaired = matching.added.length === 0 && matching.removed.length === 0 && matching.renamed.length === 0;
  // Every model a known-same one refers to on both sides too: each reference compares as the same model.
  // Left out before sorting, so the sort is in proportion to what changed (the rest keep their order).
  const compared: [string, string][] = [];
  for (const pair of matching.oldToNew) {
    const newId = pair[1];
    if (pair[0] !== newId || !same.has(newId) || (!allPaired && someTypeOfModel(newModels.get(newId)!, outside))) compared.push(pair);
  }
  for (const [oldId, newId] of compared.sort((x, y) => compareStrings(x[1], y[1])))
    compareModels(oldModels.get(oldId)!, newModels.get(newId)!, ctx, shapes);

  const classified = ctx.changes.map((c) => classify(c, judges, options.severity ?? {}));
  const byOwner = new Map<string, ClassifiedChange[]>();
  for (const c of classified) byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), c]);
  const groups: ChangeGroup[] = [...byOwner].map(([owner, changes]) => {
    const s = status.get(owner) ?? "changed";
    const m = s === "removed" ? oldModels.get(owner) : newModels.get(owner);
    const g: ChangeGroup = {
      owner,
      name: m ? displayName(m) : owner,
      status: s,
      worst: changes.map((c) => c.severity).reduce((x, y) => (severityRank(x) <= severityRank(y) ? x : y)),
      changes: changes.sort(byPlace),
    };
    if (s === "renamed") g.oldName = displayName(oldModels.get(matching.newToOld.get(owner)!)!);
    return g;
  });
  groups.sort(
    (a, b) => severityRank(a.worst) - severityRank(b.worst) || compareStrings(a.name, b.name) || compareStrings(a.owner, b.owner),
  );

  const count = (s: Severity) => classified.filter((c) => c.severity === s).length;
  const groupsWith = (s: GroupStatus) => groups.filter((g) => g.status === s).length;
  return {
    old: oldIr.spec,
    new: newIr.spec,
    languages: judges.names,
    counts: {
      total: classified.length,
      breaking: count("breaking"),
      warning: count("warning"),
      info: count("info"),
      modelsAdded: groupsWith("added"),
      modelsRemoved: groupsWith("removed"),
      modelsRenamed: groupsWith("renamed"),
      modelsChanged: groupsWith("changed"),
    },
    groups,
  };
}

function classify(c: import("./change.js").Change, judges: Judges, overrides: SeverityOverrides): ClassifiedChange {
  const responseBy: Record<string, Verdict> = {};
  const requestBy: Record<string, Verdict> = {};
  for (const lang of judges.names) {
    responseBy[lang] = verdictOf(c.response, judges.compat[lang]!);
    requestBy[lang] = verdictOf(c.request, judges.compat[lang]!);
  }
  const breaks = [...Object.values(responseBy), ...Object.values(requestBy)].includes("breaking");
  const severity = overrides[c.check] ?? (breaks ? "breaking" : CHECKS[c.check].base);
  return { ...c, severity, responseBy, requestBy };
}

const CHECK_ORDER = new Map(CHECK_IDS.map((id, i) => [id, i]));

function byPlace(a: ClassifiedChange, b: ClassifiedChange): number {
  return compareStrings(a.where, b.where) || CHECK_ORDER.get(a.check)! - CHECK_ORDER.get(b.check)! || compareStrings(a.message, b.message);
}

/** Every change of a result, in report order. */
export function allChanges(r: DiffResult): ClassifiedChange[] {
  return r.groups.flatMap((g) => g.changes);
}

/** Does the result hold a change at or above `level`? (`--fail-on`) */
export function failsOn(r: DiffResult, level: Severity): boolean {
  return allChanges(r).some((c) => severityRank(c.severity) <= severityRank(level));
}

export type { DiffInput, DiffResult, ClassifiedChange, ChangeGroup } from "./change.js";
export { judgesFor, compatOf, CONSERVATIVE_COMPAT } from "./compat.js";
