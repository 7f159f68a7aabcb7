// Recursive type aliases that tsc accepts. tsc resolves a `type` alias eagerly through union
// members, alias references and the arguments of a generic alias such as `Record<K, V>`, and
// lazily inside `Array<T>` and object type members. So `type Tree = Record<string, Tree> | Leaf`
// fails ("circularly references itself") while `type Tree = { [key: string]: Tree } | Leaf` and
// `type Nested = Array<Array<Nested>>` compile. A map is therefore written as an index-signature
// object type exactly where its values lead back, eagerly, to the alias being declared; every
// other map stays `Record<string, T>` (openai-node's spelling).
import type { ModelIndex } from "../../ir/query.js";
import type { TypeExpr } from "../../ir/types.js";

/**
 * Does resolving `t` eagerly reach the declaration of model `declaring`? Interfaces (object
 * models), enums and `Array<...>` stop the walk: tsc does not resolve what is behind them while
 * it resolves the alias.
 */
export function reachesEagerly(t: TypeExpr, declaring: string, models: ModelIndex, seen: Set<string> = new Set()): boolean {
  switch (t.kind) {
    case "map":
      return reachesEagerly(t.values, declaring, models, seen);
    case "ref": {
      if (t.target === declaring) return true;
      if (seen.has(t.target)) return false;
      seen.add(t.target);
      const m = models.get(t.target);
      if (m?.kind === "alias") return reachesEagerly(m.type, declaring, models, seen);
      if (m?.kind === "union") return m.variants.some((v) => reachesEagerly(v.type, declaring, models, seen));
      // An object is an interface (or `Record<string, never>`, which refers to nothing); an enum
      // is literals, inline or declared.
      return false;
    }
    default:
      // Arrays defer their items; primitives, literals and unknown refer to nothing.
      return false;
  }
}
