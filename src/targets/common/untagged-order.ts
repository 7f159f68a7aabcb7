// The order an untagged union tries its variants in. serde's `#[serde(untagged)]` and zod's
// `z.union` both keep the first variant that decodes, so a variant that accepts more must come after
// one that accepts less, and every language must pick the same variant: a literal before an object
// with required literal fields (a tag) before an array before a closed scalar (boolean, closed enum)
// before a number (an integer before any number: a float type takes `1` too) before an open enum
// before any string before an object with no required field, a map, and any JSON value. Objects
// with more required literals, then more required fields, come first. Ties keep the spec's order.
import { unalias, type ModelIndex } from "../../ir/query.js";
import type { TypeExpr } from "../../ir/types.js";

/** What a language's decoder accepts where languages differ. */
export interface DecodeRules {
  /** Enums take any value of their base type (an unknown-value fallback). */
  openEnums: boolean;
  /** Bytes (`format: binary`) decode from an array of small integers (Rust's `Vec<u8>`), not a string. */
  bytesAreArrays: boolean;
}

/** A sort key: compared element by element, smaller is tried first. */
type DecodeRank = number[];

const LITERAL = 0;
const TAGGED_OBJECT = 1;
const ARRAY = 2;
const CLOSED_SCALAR = 3;
const NUMERIC = 4;
const OPEN_STRING = 5;
const STRING = 6;
const LOOSE_OBJECT = 7;
const MAP = 8;
const ANYTHING = 9;

/** Indexes of the types in the order a decoder should try them. */
export function decodeOrder(types: readonly TypeExpr[], models: ModelIndex, rules: DecodeRules): number[] {
  const ranked = types.map((t, i) => ({ i, rank: decodeRank(t, models, rules) }));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank) || a.i - b.i);
  return ranked.map((r) => r.i);
}

function decodeRank(t: TypeExpr, models: ModelIndex, rules: DecodeRules, seen = new Set<string>()): DecodeRank {
  const u = stepThroughAliases(t, models, seen);
  if (u === undefined) return [ANYTHING];
  switch (u.kind) {
    case "literal":
      return [LITERAL];
    case "primitive":
      if (u.type === "boolean") return [CLOSED_SCALAR, 2];
      if (u.type === "integer") return [NUMERIC, 0];
      if (u.type === "number") return [NUMERIC, 1];
      // Bytes as an array of small integers are tried before other arrays of integers.
      if (rules.bytesAreArrays && u.format === "binary") return [ARRAY, NUMERIC, -1];
      return [STRING];
    case "array":
      return [ARRAY, ...decodeRank(u.items, models, rules, seen)];
    case "map":
      return [MAP];
    case "unknown":
      return [ANYTHING];
    case "ref": {
      const m = models.get(u.target);
      if (!m || seen.has(m.id)) return [ANYTHING];
      seen.add(m.id);
      switch (m.kind) {
        case "object": {
          const required = m.fields.filter((f) => f.required);
          if (required.length === 0) return [LOOSE_OBJECT];
          const literals = required.filter((f) => unalias(f.type, models).kind === "literal").length;
          return [TAGGED_OBJECT, -literals, -required.length];
        }
        case "enum":
          if (m.valueType === "string") return rules.openEnums ? [OPEN_STRING] : [CLOSED_SCALAR, 0];
          if (m.valueType === "integer") return rules.openEnums ? [NUMERIC, 0] : [CLOSED_SCALAR, 1];
          return rules.openEnums ? [ANYTHING] : [CLOSED_SCALAR, 3];
        case "union":
          if (m.discriminator && m.variants.every((v) => v.tags?.length)) return [TAGGED_OBJECT, -1, -1];
          // An untagged union accepts what its most accepting variant does.
          return m.variants
            .map((v) => decodeRank(v.type, models, rules, new Set(seen)))
            .reduce((a, b) => (compareRanks(a, b) >= 0 ? a : b), [LITERAL]);
        case "alias":
          return [ANYTHING];
      }
    }
  }
}

/**
 * Follows aliases like `unalias`, but records each one in `seen`: an alias that comes back inside
 * its own type (`Nested = Vec<Vec<Nested>>`) would otherwise be ranked forever, item by item.
 * Undefined when `t` leads back to an alias already being ranked (its rank is settled above).
 */
function stepThroughAliases(t: TypeExpr, models: ModelIndex, seen: Set<string>): TypeExpr | undefined {
  let u = t;
  while (u.kind === "ref") {
    const m = models.get(u.target);
    if (m?.kind !== "alias") return u;
    if (seen.has(m.id)) return undefined;
    seen.add(m.id);
    u = m.type;
  }
  return u;
}

function compareRanks(a: DecodeRank, b: DecodeRank): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d !== 0) return d;
  }
  return 0;
}
