// Language-neutral words for what the diff reports: type texts and where a model sits below its
// top-level owner (hoisted inline models are reported under the model that defines them).
import { literalText, ownerOf, type ModelIndex } from "../ir/query.js";
import type { JsonValue, Model, TypeExpr } from "../ir/types.js";

/** A model's display name: its name words joined with dots (`RunObject.last_error`). */
export function displayName(m: Model): string {
  return m.nameHint.join(".");
}

/** Where a model sits below its owner: "" for a top-level model, "last_error.code" for a hoisted one. */
export function pathBelowOwner(id: string, models: ModelIndex): string {
  const m = models.get(id);
  const owner = ownerOf(id, models);
  if (!m || !owner || owner.id === m.id) return "";
  const prefix = owner.nameHint;
  const starts = prefix.every((w, i) => m.nameHint[i] === w);
  return (starts ? m.nameHint.slice(prefix.length) : m.nameHint.slice(1)).join(".");
}

export function joinPath(base: string, part: string): string {
  if (!base) return part;
  if (!part) return base;
  return part.startsWith("[") || part.startsWith("{") ? base + part : `${base}.${part}`;
}

export function valueText(v: JsonValue | undefined): string {
  return JSON.stringify(v) ?? "undefined";
}

/** A type as one short line: `string(date-time)`, `Array<RunObject>`, `"thread.run"`, `integer | null`. */
export function typeText(t: TypeExpr, models: ModelIndex): string {
  const core = coreText(t, models);
  return t.nullable && t.kind !== "unknown" ? `${core} | null` : core;
}

function coreText(t: TypeExpr, models: ModelIndex): string {
  switch (t.kind) {
    case "primitive":
      return t.format ? `${t.type}(${t.format})` : t.type;
    case "literal":
      return literalText(t);
    case "unknown":
      return "any";
    case "array":
      return `Array<${typeText(t.items, models)}>`;
    case "map":
      return `Map<${typeText(t.values, models)}>`;
    case "ref": {
      const m = models.get(t.target);
      return m ? displayName(m) : t.target;
    }
  }
}
