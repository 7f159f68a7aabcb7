// The order an untagged union tries its variants in. `z.union` keeps the first variant that parses,
// as serde's `#[serde(untagged)]` does, so the Rust target's order applies (src/targets/rust/
// untagged.ts; the same rules, so both languages pick the same variant): a variant that accepts
// less comes first. A literal before an object with required literal fields (a tag) before an
// array before a closed scalar (boolean, closed enum) before a number (an integer before any
// number: `z.number()` takes `1` too) before an open enum before any string before an object
// with no required field, a map, and any JSON value. Objects with more required literals, then
// more required fields, come first. Ties keep the spec's order.
import { unalias, type ModelIndex } from "../../../ir/query.js";
import type { TypeExpr, UnionModel } from "../../../ir/types.js";

type Rank = number[];

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

function variantRank(t: TypeExpr, models: ModelIndex, openEnums: boolean, seen = new Set<string>()): Rank {
  let u = t;
  // Through aliases, each once: an alias that comes back inside itself accepts what it accepts.
  while (u.kind === "ref") {
    const m = models.get(u.target);
    if (m?.kind !== "alias") break;
    if (seen.has(m.id)) return [ANYTHING];
    seen.add(m.id);
    u = m.type;
  }
  switch (u.kind) {
    case "literal":
      return [LITERAL];
    case "primitive":
      if (u.type === "boolean") return [CLOSED_SCALAR, 2];
      if (u.type === "integer") return [NUMERIC, 0];
      if (u.type === "number") return [NUMERIC, 1];
      return [STRING];
    case "array":
      return [ARRAY, ...variantRank(u.items, models, openEnums, seen)];
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
          if (m.valueType === "string") return openEnums ? [OPEN_STRING] : [CLOSED_SCALAR, 0];
          if (m.valueType === "integer") return openEnums ? [NUMERIC, 0] : [CLOSED_SCALAR, 1];
          return openEnums ? [ANYTHING] : [CLOSED_SCALAR, 3];
        case "union":
          if (m.discriminator && m.variants.every((v) => v.tags?.length)) return [TAGGED_OBJECT, -1, -1];
          // An untagged union accepts what its most accepting variant does.
          return m.variants
            .map((v) => variantRank(v.type, models, openEnums, new Set(seen)))
            .reduce((a, b) => (compareRanks(a, b) >= 0 ? a : b), [LITERAL]);
        case "alias":
          return [ANYTHING];
      }
    }
  }
}

function compareRanks(a: Rank, b: Rank): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d !== 0) return d;
  }
  return 0;
}

/** Indexes of the union's variants in the order `z.union` should try them. */
export function untaggedOrder(m: UnionModel, models: ModelIndex, openEnums: boolean): number[] {
  const ranked = m.variants.map((v, i) => ({ i, rank: variantRank(v.type, models, openEnums) }));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank) || a.i - b.i);
  return ranked.map((r) => r.i);
}
