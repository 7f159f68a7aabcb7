// Does a JSON value match an IR type? The language-independent judge of example responses and
// recorded payloads: each problem says where in the value and why, and, where the spec can be
// loosened to admit the value, the smallest fix (a null admitted, a field made optional, an enum
// value added, a type widened) with the place in the spec it applies to.
import type { ModelIndex } from "../ir/query.js";
import { acceptsNull } from "../ir/query.js";
import type { Field, Model, SourceRef, TypeExpr } from "../ir/types.js";
import type { PresencePolicy } from "../targets/target.js";
import { escapeToken } from "../load/pointer.js";

export type Fix =
  /** Admit null in the schema at `schema` (a property, or the `items` below it). */
  | { kind: "nullable"; schema: SourceRef; field: string }
  /** Drop `field` from the `required` list of the object model `model`. */
  | { kind: "optional"; model: SourceRef; field: string; modelName: string }
  /** Add `value` to the enum model `model`. */
  | { kind: "enum-value"; model: SourceRef; value: string | number | boolean; modelName: string }
  /** Widen the schema at `schema` to also admit a JSON value of type `seen` (or that one constant). */
  | { kind: "widen"; schema: SourceRef; seen: JsonTypeName | { const: string | number | boolean }; field: string }
  /** Add a variant for an unlisted `tag` to the tagged union `union`. */
  | { kind: "tag"; union: SourceRef; property: string; tag: string; modelName: string };

export type JsonTypeName = "string" | "integer" | "number" | "boolean" | "object" | "array";

export interface Problem {
  /** Where in the value (a JSON pointer). */
  pointer: string;
  reason: string;
  fix?: Fix;
}

/** The field a value sits in (and how deep below it: "" for the field itself, "/items" for its array's items). */
interface Site {
  model: Model;
  field: Field;
  below: string;
}

export function judge(value: unknown, type: TypeExpr, models: ModelIndex, presence: PresencePolicy, pointer = "", site?: Site): Problem[] {
  if (value === null) {
    if (acceptsNull(type, models) || presence === "tolerant") return [];
    const fix: Fix | undefined =
      site && (site.below === "" || site.below === "/items")
        ? { kind: "nullable", schema: at(site.field.source, site.below), field: fieldName(site) }
        : undefined;
    return [{ pointer, reason: "null where the spec does not allow it", ...(fix ? { fix } : {}) }];
  }
  switch (type.kind) {
    case "unknown":
      return [];
    case "literal": {
      if (value === type.value) return [];
      const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
      const fix: Fix | undefined =
        site && site.below === "" && scalar
          ? { kind: "widen", schema: site.field.source, seen: { const: value }, field: fieldName(site) }
          : undefined;
      return [{ pointer, reason: `expected ${JSON.stringify(type.value)}, found ${short(value)}`, ...(fix ? { fix } : {}) }];
    }
    case "primitive":
      return primitive(value, type.type, pointer, site);
    case "array":
      if (!Array.isArray(value)) return [mismatch("an array", value, pointer, site)];
      return value.flatMap((v, i) =>
        judge(
          v,
          type.items,
          models,
          presence,
          `${pointer}/${i}`,
          site && site.below === "" && type.items.kind !== "ref" ? { ...site, below: "/items" } : deeper(site),
        ),
      );
    case "map":
      if (!isObject(value)) return [mismatch("an object", value, pointer, site)];
      return Object.entries(value).flatMap(([k, v]) =>
        judge(v, type.values, models, presence, `${pointer}/${escapeToken(k)}`, deeper(site)),
      );
    case "ref":
      return judgeModel(value, type.target, models, presence, pointer, site);
  }
}

function judgeModel(
  value: unknown,
  id: string,
  models: ModelIndex,
  presence: PresencePolicy,
  pointer: string,
  site: Site | undefined,
): Problem[] {
  const m = models.get(id);
  if (!m) return [{ pointer, reason: `no model ${id}` }];
  switch (m.kind) {
    case "alias":
      return judge(value, m.type, models, presence, pointer, site);
    case "enum": {
      if (m.members.some((x) => x.value === value)) return [];
      const fix: Fix | undefined =
        typeof value === "string" || typeof value === "number" || typeof value === "boolean"
          ? { kind: "enum-value", model: m.source, value, modelName: m.nameHint.join(".") }
          : undefined;
      return [{ pointer, reason: `${short(value)} is not one of the enum's values`, ...(fix ? { fix } : {}) }];
    }
    case "object": {
      if (!isObject(value)) return [mismatch("an object", value, pointer, site)];
      const problems: Problem[] = [];
      for (const f of m.fields) {
        const here = `${pointer}/${escapeToken(f.name)}`;
        if (!(f.name in value)) {
          const absentOk = presence === "tolerant" || (presence === "lenient" && acceptsNull(f.type, models));
          if (f.required && !absentOk)
            problems.push({
              pointer: here,
              reason: "required field is missing",
              fix: { kind: "optional", model: m.source, field: f.name, modelName: m.nameHint.join(".") },
            });
          continue;
        }
        problems.push(...judge(value[f.name], f.type, models, presence, here, { model: m, field: f, below: "" }));
      }
      if (m.additionalProperties) {
        const known = new Set(m.fields.map((f) => f.name));
        for (const [k, v] of Object.entries(value))
          if (!known.has(k)) problems.push(...judge(v, m.additionalProperties, models, presence, `${pointer}/${escapeToken(k)}`));
      }
      return problems;
    }
    case "union": {
      if (m.discriminator && isObject(value)) {
        const tag = value[m.discriminator.property];
        const variant = m.variants.find((v) => v.tags?.includes(String(tag)));
        if (!variant) {
          const fix: Fix | undefined =
            typeof tag === "string"
              ? { kind: "tag", union: m.source, property: m.discriminator.property, tag, modelName: m.nameHint.join(".") }
              : undefined;
          return [
            {
              pointer: `${pointer}/${escapeToken(m.discriminator.property)}`,
              reason: `unknown tag ${short(tag)}`,
              ...(fix ? { fix } : {}),
            },
          ];
        }
        return judge(value, variant.type, models, presence, pointer);
      }
      let best: Problem[] | undefined;
      for (const v of m.variants) {
        const p = judge(value, v.type, models, presence, pointer);
        if (p.length === 0) return [];
        if (!best || p.length < best.length) best = p;
      }
      return best ?? [{ pointer, reason: "no union variant matches" }];
    }
  }
}

function primitive(value: unknown, type: string, pointer: string, site: Site | undefined): Problem[] {
  const ok =
    type === "string"
      ? typeof value === "string"
      : type === "boolean"
        ? typeof value === "boolean"
        : type === "integer"
          ? Number.isInteger(value)
          : typeof value === "number";
  return ok ? [] : [mismatch(type, value, pointer, site)];
}

function mismatch(expected: string, value: unknown, pointer: string, site: Site | undefined): Problem {
  const fix: Fix | undefined =
    site && site.below === "" ? { kind: "widen", schema: site.field.source, seen: jsonType(value), field: fieldName(site) } : undefined;
  return { pointer, reason: `expected ${expected}, found ${short(value)}`, ...(fix ? { fix } : {}) };
}

/** Below an array's items or a map's values, the field's own schema is no longer the place to fix. */
function deeper(site: Site | undefined): Site | undefined {
  return site ? { ...site, below: "/deeper" } : undefined;
}

function at(source: SourceRef, below: string): SourceRef {
  return below ? { ...source, pointer: source.pointer + below } : source;
}

function fieldName(site: Site): string {
  return `${site.model.nameHint.join(".")}.${site.field.name}`;
}

function jsonType(value: unknown): JsonTypeName {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string" || typeof value === "boolean") return value === true || value === false ? "boolean" : "string";
  return "object";
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
