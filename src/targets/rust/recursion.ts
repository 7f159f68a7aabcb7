// Where Rust needs indirection for recursive types. A struct or enum that contains itself by
// value (directly or through other models, an `Option` included) has infinite size: a `Box` on
// the references inside a cycle fixes that. `Vec` and `BTreeMap` already live on the heap, so
// references under an array or map never need one. Type aliases are transparent to this: a
// cycle through `type A = B;` is a cycle between the types around it.
//
// A cycle made only of type aliases (`type Tree = Vec<Tree>;`) is an error however it is boxed,
// so those aliases are emitted as transparent newtype structs instead.
import type { Model, TypeExpr } from "../../ir/types.js";
import type { ModelIndex } from "../../ir/query.js";
import { typesOfModel } from "../../ir/walk.js";
import { ComponentFinder } from "../../ir/graph.js";

export interface RecursionInfo {
  /** Must a by-value reference from model `from` to model `to` be boxed? */
  boxed(from: string, to: string): boolean;
  /** Aliases that refer to themselves through other aliases only: emitted as newtype structs. */
  newtypeAliases: ReadonlySet<string>;
}

/** References in `t` that are held by value (not under an array or map). */
function byValueRefs(t: TypeExpr, out: string[]): void {
  if (t.kind === "ref") out.push(t.target);
}

/** Every reference in `t`, wherever it is. */
function allRefs(t: TypeExpr, out: string[]): void {
  if (t.kind === "ref") out.push(t.target);
  else if (t.kind === "array") allRefs(t.items, out);
  else if (t.kind === "map") allRefs(t.values, out);
}

function edgesOf(m: Model, collect: (t: TypeExpr, out: string[]) => void, models: ModelIndex): string[] {
  const out: string[] = [];
  const types = typesOfModel(m);
  for (let i = 0; i < types.length; i++) collect(types[i]!, out);
  // Sorted, then each id once (the one after its equal dropped): no Set spread into a list per model.
  out.sort();
  return out.filter((id, i) => id !== out[i - 1] && models.has(id));
}

export function analyzeRecursion(models: ModelIndex): RecursionInfo {
  const ids = [...models.keys()].sort();

  const aliasIds = ids.filter((id) => models.get(id)!.kind === "alias");
  const aliasEdges = memoized((id) => edgesOf(models.get(id)!, allRefs, models).filter((t) => models.get(t)!.kind === "alias"));
  const newtypeAliases = new Set(aliasIds.filter(cycleCheck(aliasEdges).onCycle));

  // Asked only about the references of the models that render (a regeneration renders a few):
  // the components are worked out as far as those reach, not over every model.
  const values = cycleCheck(memoized((id) => edgesOf(models.get(id)!, byValueRefs, models)));
  return {
    boxed: (from, to) => models.has(from) && models.has(to) && values.onCycle(from) && values.finder.of(from) === values.finder.of(to),
    newtypeAliases,
  };
}

/** `edges` worked out once per node: the components and the cycle check both walk every node's edges. */
function memoized(edges: (id: string) => string[]): (id: string) => string[] {
  const known = new Map<string, string[]>();
  return (id) => {
    let out = known.get(id);
    if (out === undefined) known.set(id, (out = edges(id)));
    return out;
  };
}

/**
 * Whether a node is on a cycle (its component has another node, or it points at itself), with the
 * components worked out only as far as the nodes asked about reach.
 */
function cycleCheck(edges: (n: string) => string[]): { finder: ComponentFinder; onCycle: (id: string) => boolean } {
  const finder = new ComponentFinder(edges);
  return { finder, onCycle: (id) => finder.sizeOf(id) > 1 || edges(id).includes(id) };
}
