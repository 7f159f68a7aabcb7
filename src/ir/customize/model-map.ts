// `map: { Metadata: { rust: "crate::extra::Metadata", typescript: { from: "./extra.js", name: "Metadata" } } }`:
// models the user supplies a type for, per language. Keys name models as renames do (the name
// without settings); they are resolved here to model ids, which renames and selection keep.
import { UsageError } from "../../common/errors.js";
import type { IrDocument } from "../types.js";
import { closestKeys, modelKey } from "./model-keys.js";

/** Per model key, per language: the user's type (a string, or what the language's schema allows). */
export type ModelMapSetting = Record<string, Record<string, unknown>>;

/** Per language, per model id: the user's type. Languages without an entry generate the model as usual. */
export type ResolvedModelMap = Record<string, Record<string, unknown>>;

/** Resolves every key against `ir` (all models, before selection and renames); an unknown key is an error naming the closest. */
export function resolveModelMap(ir: IrDocument, map: ModelMapSetting): ResolvedModelMap {
  const out: ResolvedModelMap = {};
  const entries = Object.entries(map);
  // No map (the usual run): no key of every model made.
  if (entries.length === 0) return out;
  const byKey = new Map(ir.models.map((m) => [modelKey(m), m]));
  for (const [key, perLang] of entries) {
    const model = byKey.get(key);
    if (!model) {
      const close = closestKeys(key, byKey.keys());
      throw new UsageError(`map: no model "${key}"${close.length ? ` (closest: ${close.join(", ")})` : ""}`);
    }
    for (const [lang, type] of Object.entries(perLang)) (out[lang] ??= {})[model.id] = type;
  }
  return out;
}

/** The entries of one language whose models are in `ir` (the selection may have left some out). */
export function mappedIn(ir: IrDocument, resolved: ResolvedModelMap, lang: string): Record<string, unknown> {
  const ids = new Set(ir.models.map((m) => m.id));
  return Object.fromEntries(Object.entries(resolved[lang] ?? {}).filter(([id]) => ids.has(id)));
}
