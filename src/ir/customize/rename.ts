// `rename: { models: { RunStepObject: RunStep }, fields: { "RunObject.created_at": "started" } }`:
// new names for models (each language applies its own casing) and new identifiers for fields (the
// wire name never changes). Model ids stay, so `diff` sees a rename only where a setting changed.
import { UsageError } from "../../common/errors.js";
import type { IrDocument, Model } from "../types.js";
import { closestKeys, modelKey } from "./model-keys.js";

export interface RenameSettings {
  models?: Record<string, string>;
  fields?: Record<string, string>;
}

/** `skipMissing`: keys of models the selection left out are skipped (they were checked on the full IR). */
export function applyRenames(ir: IrDocument, rename: RenameSettings, options: { skipMissing?: boolean } = {}): IrDocument {
  // Nothing to rename (the usual run): no key of every model made (a joined string per model, twice a run).
  if (isEmpty(rename.models) && isEmpty(rename.fields)) return ir;
  const byKey = new Map(ir.models.map((m) => [modelKey(m), m]));
  const present = (key: string) => !options.skipMissing || byKey.has(key) || byKey.has(key.slice(0, Math.max(key.lastIndexOf("."), 0)));
  const models = Object.fromEntries(Object.entries(rename.models ?? {}).filter(([k]) => present(k)));
  const fields = Object.fromEntries(Object.entries(rename.fields ?? {}).filter(([k]) => present(k)));
  if (Object.keys(models).length === 0 && Object.keys(fields).length === 0) return ir;
  for (const key of Object.keys(models)) {
    if (!byKey.has(key)) throw new UsageError(`rename.models: no model "${key}"${didYouMean(key, byKey.keys())}`);
    if (!/[A-Za-z]/.test(models[key]!)) throw new UsageError(`rename.models.${key}: "${models[key]}" has no letters to make a name of`);
  }
  const fieldTargets = new Map<string, Map<string, string>>();
  for (const [key, to] of Object.entries(fields)) {
    const dot = key.lastIndexOf(".");
    const modelPart = key.slice(0, Math.max(dot, 0));
    const owner = dot > 0 ? byKey.get(key.slice(0, dot)) : undefined;
    if (!owner)
      throw new UsageError(
        `rename.fields: "${key}" must be <Model>.<field>; no model "${modelPart}"${didYouMean(modelPart, byKey.keys())}`,
      );
    const wire = key.slice(dot + 1);
    if (owner.kind !== "object" || !owner.fields.some((f) => f.name === wire)) {
      const known = owner.kind === "object" ? owner.fields.map((f) => f.name) : [];
      throw new UsageError(`rename.fields: model ${modelKey(owner)} has no field "${wire}"${didYouMean(wire, known)}`);
    }
    if (!/[A-Za-z]/.test(to)) throw new UsageError(`rename.fields.${key}: "${to}" has no letters to make a name of`);
    fieldTargets.set(owner.id, (fieldTargets.get(owner.id) ?? new Map()).set(wire, to));
  }
  // A renamed model's hoisted models keep their place below it: their hint's prefix changes too.
  const renamedTo = new Map(Object.entries(models).map(([key, to]) => [byKey.get(key)!.id, to]));
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const hints = new Map<string, string[]>();
  const hintOf = (m: Model): string[] => {
    const known = hints.get(m.id);
    if (known) return known;
    const parent = m.parent ? byId.get(m.parent) : undefined;
    const under = parent?.nameHint.every((w, i) => m.nameHint[i] === w) && parent.nameHint.length < m.nameHint.length;
    let hint = parent && under ? [...hintOf(parent), ...m.nameHint.slice(parent.nameHint.length)] : m.nameHint;
    const to = renamedTo.get(m.id);
    if (to !== undefined) hint = [...hint.slice(0, -1), to];
    hints.set(m.id, hint);
    return hint;
  };
  const out = ir.models.map((m): Model => {
    const hint = hintOf(m);
    const renamedFields = fieldTargets.get(m.id);
    let next: Model = hint.join("\u0000") === m.nameHint.join("\u0000") ? m : { ...m, nameHint: hint };
    if (renamedFields && next.kind === "object") {
      next = {
        ...next,
        fields: next.fields.map((f) => (renamedFields.has(f.name) ? { ...f, identifier: renamedFields.get(f.name)! } : f)),
      };
    }
    return next;
  });
  return { ...ir, models: out };
}

function isEmpty(entries: Record<string, string> | undefined): boolean {
  return entries === undefined || Object.keys(entries).length === 0;
}

function didYouMean(key: string, known: Iterable<string>): string {
  const close = closestKeys(key, known);
  return close.length ? ` (closest: ${close.join(", ")})` : "";
}
