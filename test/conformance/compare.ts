// Did a language give back what it was given? Compares an example with a language's re-encoding
// of it, walking the IR type, under rules every language shares:
// - keys the model does not declare are not kept by any language's models, so they are ignored;
// - a field's absence and null compare equal only where the models cannot tell them apart: a
//   required nullable field read while absent (lenient policy) is written as null; an optional
//   field that does not admit null reads null as absent; and an optional nullable field keeps
//   absent and null apart only in a language that says so (`keepsAbsentApartFromNull`);
// - numbers compare by value (1 and 1.0 are one JSON number);
// - an untagged union matches when any variant's comparison does.
import { acceptsNull, type ModelIndex } from "../../src/ir/query.js";
import type { TypeExpr } from "../../src/ir/types.js";
import { escapeToken } from "../../src/load/pointer.js";
import { isObject } from "./validate.js";

export interface Difference {
  pointer: string;
  reason: string;
}

export interface CompareRules {
  /** Optional nullable fields come back absent when absent and null when null (Rust's Option<Option<T>>, Scala's Nullable). */
  keepsAbsentApartFromNull: boolean;
}

const LOOSE: CompareRules = { keepsAbsentApartFromNull: false };

export function compareRoundTrip(input: unknown, output: unknown, type: TypeExpr, models: ModelIndex, rules: CompareRules = LOOSE, pointer = ""): Difference | undefined {
  if (isNullish(input) && isNullish(output)) return undefined;
  if (isNullish(input) !== isNullish(output)) return { pointer, reason: `${show(input)} came back as ${show(output)}` };
  switch (type.kind) {
    case "unknown":
    case "literal":
    case "primitive":
      return sameJson(input, output) ? undefined : { pointer, reason: `${show(input)} came back as ${show(output)}` };
    case "array": {
      if (!Array.isArray(input) || !Array.isArray(output)) return sameJson(input, output) ? undefined : { pointer, reason: "an array came back as something else" };
      if (input.length !== output.length) return { pointer, reason: `${input.length} items came back as ${output.length}` };
      for (let i = 0; i < input.length; i++) {
        const d = compareRoundTrip(input[i], output[i], type.items, models, rules, `${pointer}/${i}`);
        if (d) return d;
      }
      return undefined;
    }
    case "map": {
      if (!isObject(input) || !isObject(output)) return { pointer, reason: "an object came back as something else" };
      for (const key of new Set([...Object.keys(input), ...Object.keys(output)])) {
        const d = compareRoundTrip(input[key], output[key], type.values, models, rules, `${pointer}/${escapeToken(key)}`);
        if (d) return d;
      }
      return undefined;
    }
    case "ref":
      return compareModel(input, output, type.target, models, rules, pointer);
  }
}

function compareModel(input: unknown, output: unknown, id: string, models: ModelIndex, rules: CompareRules, pointer: string): Difference | undefined {
  const m = models.get(id);
  if (!m) return { pointer, reason: `no model ${id}` };
  switch (m.kind) {
    case "alias":
      return compareRoundTrip(input, output, m.type, models, rules, pointer);
    case "enum":
      return sameJson(input, output) ? undefined : { pointer, reason: `${show(input)} came back as ${show(output)}` };
    case "object": {
      if (!isObject(input) || !isObject(output)) return { pointer, reason: "an object came back as something else" };
      for (const f of m.fields) {
        const here = `${pointer}/${escapeToken(f.name)}`;
        const d = presenceDifference(input[f.name], output[f.name], f.required, acceptsNull(f.type, models), rules, here) ?? compareRoundTrip(input[f.name], output[f.name], f.type, models, rules, here);
        if (d) return d;
      }
      if (m.additionalProperties) {
        const declared = new Set(m.fields.map((f) => f.name));
        for (const key of new Set([...Object.keys(input), ...Object.keys(output)])) {
          if (declared.has(key)) continue;
          const d = compareRoundTrip(input[key], output[key], m.additionalProperties, models, rules, `${pointer}/${escapeToken(key)}`);
          if (d) return d;
        }
      }
      return undefined;
    }
    case "union": {
      if (m.discriminator && isObject(input)) {
        const tag = input[m.discriminator.property];
        const variant = m.variants.find((v) => v.tags?.includes(String(tag)));
        // A tag the spec does not list: a language with an unknown-tag case keeps the object whole.
        if (!variant) return sameJson(input, output) ? undefined : { pointer, reason: `the object with unknown tag ${show(tag)} came back changed` };
        return compareRoundTrip(input, output, variant.type, models, rules, pointer);
      }
      let first: Difference | undefined;
      for (const v of m.variants) {
        const d = compareRoundTrip(input, output, v.type, models, rules, pointer);
        if (!d) return undefined;
        first ??= d;
      }
      return first;
    }
  }
}

/** Absent on one side and null on the other, where the models keep the two apart. */
function presenceDifference(input: unknown, output: unknown, required: boolean, nullable: boolean, rules: CompareRules, pointer: string): Difference | undefined {
  if (input === undefined && output === null) {
    // Lenient: an absent required nullable field reads as null and is written as null; an absent
    // optional nullable one may come back null in a language that cannot tell the two apart.
    if (nullable && (required || !rules.keepsAbsentApartFromNull)) return undefined;
    return { pointer, reason: "absent came back as null" };
  }
  if (input === null && output === undefined) {
    // A field that does not admit null reads null as absent (the judge reports the example).
    if (!nullable || !rules.keepsAbsentApartFromNull) return undefined;
    return { pointer, reason: "null came back as absent" };
  }
  return undefined;
}

function isNullish(v: unknown): boolean {
  return v === null || v === undefined;
}


/** Deep JSON equality, numbers by value, object keys in any order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const ak = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function show(v: unknown): string {
  return v === undefined ? "absent" : (JSON.stringify(v) ?? String(v)).slice(0, 60);
}

