// Which alias models refer to themselves through other aliases, arrays and maps only
// (`Nested = List[List[Nested]]`, or `A = List[B]` with `B = Map[String, A]`). A Scala type alias
// cannot be cyclic, so each of these is written as a one-field case class (`Nested(value)`) whose
// codec reads and writes the value it wraps: the JSON stays the same, and the case class breaks
// the cycle as a sealed trait or case class does for unions and objects.
//
// An alias that only names another alias (`type Alias = ListValue`) on a cycle through an object or
// union (`ListValue = List[Node]`, `Node.next: Option[Alias]`) is not recursive in that sense, yet
// scalac reports a cyclic reference for it, depending on the order it meets the files in. Such an
// alias is written with the type at the end of its chain instead (`type Alias = List[Node]`).
import type { ModelIndex } from "../../ir/query.js";
import type { TypeExpr } from "../../ir/types.js";
import { forEachType, typesOfModel } from "../../ir/walk.js";

/** The aliases a type names without passing through an object, enum or union (which are nominal). */
function aliasesIn(t: TypeExpr, models: ModelIndex, out: Set<string>): Set<string> {
  switch (t.kind) {
    case "array":
      return aliasesIn(t.items, models, out);
    case "map":
      return aliasesIn(t.values, models, out);
    case "ref":
      if (models.get(t.target)?.kind === "alias") out.add(t.target);
      return out;
    default:
      return out;
  }
}

/** Every alias that reaches itself again through aliases, arrays and maps, by id. */
export function findRecursiveAliases(models: ModelIndex): Set<string> {
  const edges = new Map<string, Set<string>>();
  for (const m of models.values()) if (m.kind === "alias") edges.set(m.id, aliasesIn(m.type, models, new Set()));
  const recursive = new Set<string>();
  for (const start of edges.keys()) {
    // Depth-first from the alias's own references: finding the alias again closes a cycle.
    const stack = [...edges.get(start)!];
    const seen = new Set<string>();
    while (stack.length) {
      const id = stack.pop()!;
      if (id === start) {
        recursive.add(start);
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(edges.get(id) ?? []));
    }
  }
  return recursive;
}

// One search per model set: the codec and type code asks for every alias reference it writes.
const cache = new WeakMap<ModelIndex, ReadonlySet<string>>();

/** Is this alias written as a wrapper case class (see above)? */
export function isRecursiveAlias(id: string, models: ModelIndex): boolean {
  let found = cache.get(models);
  if (!found) cache.set(models, (found = findRecursiveAliases(models)));
  return found.has(id);
}

/** The alias a type is, when it is nothing but a reference to an alias written as `type X = ...`. */
function plainAliasOf(t: TypeExpr, models: ModelIndex): string | undefined {
  if (t.kind !== "ref") return undefined;
  const m = models.get(t.target);
  return m?.kind === "alias" && !isRecursiveAlias(m.id, models) ? m.id : undefined;
}

/** Does the model reach itself again through the types of any models (fields, variants, aliases, items, values)? */
function reachesItself(start: string, models: ModelIndex): boolean {
  const stack = [start];
  const seen = new Set<string>();
  while (stack.length) {
    const m = models.get(stack.pop()!);
    if (!m) continue;
    for (const t of typesOfModel(m)) {
      forEachType(t, (inner) => {
        if (inner.kind !== "ref" || seen.has(inner.target)) return;
        seen.add(inner.target);
        stack.push(inner.target);
      });
    }
    if (seen.has(start)) return true;
  }
  return false;
}

/**
 * The right-hand side of an alias's `type X = ...`: its own type, or, for an alias that only names
 * another alias on a cycle (see above), the type at the end of that chain of aliases.
 */
export function aliasRightHandSide(id: string, models: ModelIndex): TypeExpr {
  const m = models.get(id);
  if (m?.kind !== "alias") throw new Error(`not an alias: ${id}`);
  if (plainAliasOf(m.type, models) === undefined || !reachesItself(id, models)) return m.type;
  let t = m.type;
  const seen = new Set<string>([id]);
  for (let next = plainAliasOf(t, models); next !== undefined && !seen.has(next); next = plainAliasOf(t, models)) {
    seen.add(next);
    t = (models.get(next) as { type: TypeExpr }).type;
  }
  return t;
}
