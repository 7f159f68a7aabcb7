// An example as a typed model sees it: keys the model does not declare dropped (every language's
// decoder drops them, and a TypeScript object literal would reject them as excess properties).
// Untagged unions take the first variant the judge accepts, as decoders that try variants do.
import type { ModelIndex } from "../../src/ir/query.js";
import type { TypeExpr } from "../../src/ir/types.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import { validate } from "./validate.js";

export function projectExample(value: unknown, type: TypeExpr, models: ModelIndex, presence: PresencePolicy): unknown {
  if (value === null || typeof value !== "object") return value;
  switch (type.kind) {
    case "array":
      return Array.isArray(value) ? value.map((v) => projectExample(v, type.items, models, presence)) : value;
    case "map":
      return Array.isArray(value) ? value : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, projectExample(v, type.values, models, presence)]));
    case "ref":
      return projectModel(value, type.target, models, presence);
    default:
      return value;
  }
}

function projectModel(value: object, id: string, models: ModelIndex, presence: PresencePolicy): unknown {
  const m = models.get(id);
  if (!m || Array.isArray(value) && m.kind === "object") return value;
  switch (m.kind) {
    case "alias":
      return projectExample(value, m.type, models, presence);
    case "enum":
      return value;
    case "object": {
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const declared = new Set(m.fields.map((f) => f.name));
      for (const f of m.fields) if (f.name in input) out[f.name] = projectExample(input[f.name], f.type, models, presence);
      if (m.additionalProperties) {
        for (const [k, v] of Object.entries(input)) if (!declared.has(k)) out[k] = projectExample(v, m.additionalProperties, models, presence);
      }
      return out;
    }
    case "union": {
      if (m.discriminator && !Array.isArray(value)) {
        const tag = (value as Record<string, unknown>)[m.discriminator.property];
        const variant = m.variants.find((v) => v.tags?.includes(String(tag)));
        return variant ? projectExample(value, variant.type, models, presence) : value;
      }
      const fits = m.variants.find((v) => validate(value, v.type, models, presence).length === 0);
      return fits ? projectExample(value, fits.type, models, presence) : value;
    }
  }
}
