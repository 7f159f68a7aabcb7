// Keys for incremental regeneration: one hash per model that changes whenever anything its file
// could be rendered from changes. A target renders a model's file from the model, from every model
// it reaches (references, followed transitively: alias chains, nullability, recursion and cycles
// are properties of what a model reaches), from its parent and hoisted children (they share a file
// or a name path), and from the names given to all of those. So a model's key hashes the content
// and names of everything reachable from it along those edges; what is global to a target
// (settings, options, templates, the spec's title, the operations) is hashed separately (basis).
//
// `source` (where a model or field was written) is left out: no target prints it, and adding one
// line to a spec moves every later line, which would make every key change (a test renders with
// blanked sources to keep this true).
import { sha256 } from "./manifest.js";
import { components } from "../ir/graph.js";
import type { IrDocument, Model, Operation } from "../ir/types.js";
import { forEachType, typesOfModel } from "../ir/walk.js";
import type { NameTable } from "../naming/assign.js";

/** The hash of each model's content without its source positions, kept per model object (shared by the targets of one thread). */
const contentHashes = new WeakMap<Model, string>();

function contentHash(m: Model): string {
  let hash = contentHashes.get(m);
  if (hash === undefined) {
    const withoutSource =
      m.kind === "object"
        ? { ...m, source: undefined, fields: m.fields.map((f) => ({ ...f, source: undefined })) }
        : { ...m, source: undefined };
    contentHashes.set(m, (hash = sha256(JSON.stringify(withoutSource))));
  }
  return hash;
}

/** The operations without their source positions (their models are keyed on their own). */
export function operationsHash(operations: Operation[] | undefined): string {
  if (!operations) return sha256("[]");
  let hash = operationsHashes.get(operations);
  if (hash === undefined)
    operationsHashes.set(operations, (hash = sha256(JSON.stringify(operations.map((op) => ({ ...op, source: undefined }))))));
  return hash;
}

/** Per operations array, as contentHashes per model: the languages of one thread hash them once. */
const operationsHashes = new WeakMap<readonly Operation[], string>();

/**
 * What the keys need that does not depend on the language: each model's edges, the components
 * in key order, and each model's content (with the references that reach no model). Worked out
 * once per IR (its models array) and thread: the languages of one thread share it, and only their names differ.
 */
interface KeyGraph {
  ids: string[];
  edges: Map<string, string[]>;
  comp: Map<string, number>;
  /** Component number -> its members (components are numbered so every edge leads to an equal or lower number). */
  members: string[][];
  /** Model id -> content hash and the references that reach no model. */
  content: Map<string, string>;
}

/** Kept per models array (an IR given other models is keyed afresh), like contentHashes per model. */
const keyGraphs = new WeakMap<readonly Model[], KeyGraph>();

function keyGraph(ir: IrDocument): KeyGraph {
  const known = keyGraphs.get(ir.models);
  if (known) return known;
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const children = new Map<string, string[]>();
  for (const m of ir.models) if (m.parent) push(children, m.parent, m.id);
  const content = new Map<string, string>();
  const edges = new Map<string, string[]>();
  for (const m of ir.models) {
    const out = new Set<string>();
    const missing: string[] = [];
    for (const t of typesOfModel(m))
      forEachType(t, (x) => x.kind === "ref" && (byId.has(x.target) ? out.add(x.target) : missing.push(x.target)));
    if (m.parent && byId.has(m.parent)) out.add(m.parent);
    for (const c of children.get(m.id) ?? []) out.add(c);
    edges.set(m.id, [...out].sort());
    // A reference to a model that does not exist renders differently once it does: say which are missing.
    // (Text, not a hash: it is hashed once, with the rest of its component.)
    content.set(m.id, `${contentHash(m)} ${JSON.stringify(missing.sort())}`);
  }
  const ids = ir.models.map((m) => m.id);
  const comp = components(ids, (id) => edges.get(id)!);
  const members: string[][] = [];
  for (const id of ids) (members[comp.get(id)!] ??= []).push(id);
  const graph = { ids, edges, comp, members, content };
  keyGraphs.set(ir.models, graph);
  return graph;
}

/** Model id -> key: the hash of the content and names of the model and of everything it reaches. */
export function unitKeys(ir: IrDocument, names: NameTable): Map<string, string> {
  const { ids, edges, comp, members, content } = keyGraph(ir);
  // Key the components in order, each from its members and the keys of the components it points to.
  const compKey: string[] = [];
  for (let c = 0; c < members.length; c++) {
    const list = members[c]!;
    const next = new Set<string>();
    for (const id of list) for (const to of edges.get(id)!) if (comp.get(to) !== c) next.add(compKey[comp.get(to)!]!);
    const own = list.map((id) => `${content.get(id)!} ${JSON.stringify(names.describe(id))}`);
    compKey.push(sha256([...own.sort(), "->", ...[...next].sort()].join("\n")));
  }
  return new Map(ids.map((id) => [id, compKey[comp.get(id)!]!]));
}

function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
