// Does a JSON value match an IR type? The language-independent judge of the conformance suite:
// when it finds a problem, the example contradicts the spec; when it finds none but a language
// fails to round-trip the example, our generator is wrong.
import type { ModelIndex } from "../../src/ir/query.js";
import type { TypeExpr } from "../../src/ir/types.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import { acceptsNull } from "../../src/ir/query.js";
import { escapeToken } from "../../src/load/pointer.js";

export interface Problem {
  pointer: string;
  reason: string;
}

export function validate(value: unknown, type: TypeExpr, models: ModelIndex, presence: PresencePolicy, pointer = ""): Problem[] {
  if (value === null) return acceptsNull(type, models) ? [] : [{ pointer, reason: "null where the spec does not allow it" }];
  switch (type.kind) {
    case "unknown":
      return [];
    case "literal":
      return value === type.value ? [] : [{ pointer, reason: `expected ${JSON.stringify(type.value)}, found ${JSON.stringify(value)}` }];
    case "primitive":
      return primitive(value, type.type, pointer);
    case "array":
      if (!Array.isArray(value)) return [{ pointer, reason: "expected an array" }];
      return value.flatMap((v, i) => validate(v, type.items, models, presence, `${pointer}/${i}`));
    case "map":
      if (!isObject(value)) return [{ pointer, reason: "expected an object" }];
      return Object.entries(value).flatMap(([k, v]) => validate(v, type.values, models, presence, `${pointer}/${escapeToken(k)}`));
    case "ref":
      return validateModel(value, type.target, models, presence, pointer);
  }
}

function validateModel(value: unknown, id: string, models: ModelIndex, presence: PresencePolicy, pointer: string): Problem[] {
  const m = models.get(id);
  if (!m) return [{ pointer, reason: `no model ${id}` }];
  switch (m.kind) {
    case "alias":
      return validate(value, m.type, models, presence, pointer);
    case "enum":
      return m.members.some((x) => x.value === value) ? [] : [{ pointer, reason: `${JSON.stringify(value)} is not one of the enum's values` }];
    case "object": {
      if (!isObject(value)) return [{ pointer, reason: "expected an object" }];
      const problems: Problem[] = [];
      for (const f of m.fields) {
        const here = `${pointer}/${escapeToken(f.name)}`;
        if (!(f.name in value)) {
          const lenientNull = presence === "lenient" && acceptsNull(f.type, models);
          if (f.required && !lenientNull) problems.push({ pointer: here, reason: "required field is missing" });
          continue;
        }
        problems.push(...validate(value[f.name], f.type, models, presence, here));
      }
      if (m.additionalProperties) {
        const known = new Set(m.fields.map((f) => f.name));
        for (const [k, v] of Object.entries(value)) if (!known.has(k)) problems.push(...validate(v, m.additionalProperties, models, presence, `${pointer}/${escapeToken(k)}`));
      }
      return problems;
    }
    case "union": {
      if (m.discriminator && isObject(value)) {
        const tag = value[m.discriminator.property];
        const variant = m.variants.find((v) => v.tags?.includes(String(tag)));
        if (!variant) return [{ pointer: `${pointer}/${escapeToken(m.discriminator.property)}`, reason: `unknown tag ${JSON.stringify(tag)}` }];
        return validate(value, variant.type, models, presence, pointer);
      }
      let best: Problem[] | undefined;
      for (const v of m.variants) {
        const p = validate(value, v.type, models, presence, pointer);
        if (p.length === 0) return [];
        if (!best || p.length < best.length) best = p;
      }
      return best ?? [{ pointer, reason: "no union variant matches" }];
    }
  }
}

function primitive(value: unknown, type: string, pointer: string): Problem[] {
  const ok =
    type === "string" ? typeof value === "string" : type === "boolean" ? typeof value === "boolean" : type === "integer" ? Number.isInteger(value) : typeof value === "number";
  return ok ? [] : [{ pointer, reason: `expected ${type}, found ${JSON.stringify(value)?.slice(0, 40)}` }];
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

