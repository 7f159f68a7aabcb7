// Keys for incremental regeneration. A target renders a model's file from the model, from every
// model it reaches (references, followed transitively: alias chains, nullability, recursion and
// cycles are properties of what a model reaches), from its parent and hoisted children (they share
// a file or a name path), and from the names given to all of those. So a model's file is kept when
// the content of everything reachable from it along those edges is unchanged (its key, one hash,
// the same for every language) and none of those models' type or variant names changed (compared
// with the previous run's names: reachingRenamed). The names that follow from a model's own
// content, its fields' and members', come with its content. What is global to a target (settings,
// options, templates, the spec's title, the operations) is hashed separately (basis).
//
// `source` (where a model or field was written) is left out: no target prints it, and adding one
// line to a spec moves every later line, which would make every key change (a test renders with
// blanked sources to keep this true).
import { compareStrings } from "../common/order.js";
import { sha256 } from "./manifest.js";
import { numberedComponents } from "../ir/graph.js";
import type { IrDocument, Model, Operation } from "../ir/types.js";
import { forEachType, typesOfModel } from "../ir/walk.js";
import type { TypeNames } from "../naming/assign.js";

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
 * What the keys need that does not depend on the language, worked out once per IR (its models
 * array) and thread: the languages of one thread share it, and only their names differ. Models are
 * grouped in strongly connected components along their edges, numbered so every edge leads to an
 * equal or lower number; each component has a structural key, the hash of its members' contents
 * and of the structural keys of the components it reaches.
 */
interface KeyGraph {
  ids: string[];
  comp: Map<string, number>;
  /** Component number -> its members, by id. */
  members: string[][];
  /** Component number -> its structural key. */
  structure: string[];
  /** Component number -> the other components it points to, once each, in the order of their structural keys. */
  next: number[][];
  /** Model id -> its component's structural key (unitKeys), made when first asked for. */
  keys?: Map<string, string>;
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
    edges.set(m.id, [...out]);
    // A reference to a model that does not exist renders differently once it does: say which are missing.
    // (Text, not a hash: it is hashed once, with the rest of its component.)
    content.set(m.id, `${contentHash(m)} ${JSON.stringify(missing.sort())}`);
  }
  const ids = ir.models.map((m) => m.id);
  const comp = numberedComponents(ids, edges);
  const members: string[][] = [];
  for (const id of ids) (members[comp.get(id)!] ??= []).push(id);
  const structure: string[] = [];
  const next: number[][] = [];
  for (let c = 0; c < members.length; c++) {
    const list = members[c]!.sort();
    const to = new Set<number>();
    for (const id of list) for (const e of edges.get(id)!) if (comp.get(e) !== c) to.add(comp.get(e)!);
    next.push([...to].sort((x, y) => compareStrings(structure[x]!, structure[y]!)));
    structure.push(sha256([...list.map((id) => content.get(id)!).sort(), "->", ...next[c]!.map((n) => structure[n]!)].join("\n")));
  }
  const graph = { ids, comp, members, structure, next };
  keyGraphs.set(ir.models, graph);
  return graph;
}

/**
 * Model id -> key: the hash of the content of the model and of everything it reaches, the same
 * for every language (each component's structural key). A language's names are not in it: they
 * are compared with the previous run's instead (`reachingRenamed`), which costs nothing per model
 * when no name changed (hashing every model's names, for each language, was most of a
 * regeneration's keys after a one-schema change).
 */
export function unitKeys(ir: IrDocument): ReadonlyMap<string, string> {
  const graph = keyGraph(ir);
  return (graph.keys ??= new Map(graph.ids.map((id) => [id, graph.structure[graph.comp.get(id)!]!])));
}

/**
 * The models whose files a change of names reaches: those that are, or reach (along the keys'
 * edges), a model of `renamed` (one whose type or variant names are not the previous run's).
 */
export function reachingRenamed(ir: IrDocument, renamed: ReadonlySet<string>): Set<string> {
  const reached = new Set<string>();
  if (renamed.size === 0) return reached;
  const { members, next } = keyGraph(ir);
  // Components are numbered so every edge leads to an equal or lower number: one pass upwards.
  const dirty: boolean[] = [];
  for (let c = 0; c < members.length; c++) {
    dirty.push(members[c]!.some((id) => renamed.has(id)) || next[c]!.some((n) => dirty[n]));
    if (dirty[c]) for (const id of members[c]!) reached.add(id);
  }
  return reached;
}

/**
 * Ids of the models of `ir` whose type name or variant names differ from `previous` (the type
 * names of the models `previousIds`, by position), or which it does not name.
 */
export function renamedSince(ir: IrDocument, names: TypeNames, previous: TypeNames, previousIds: readonly string[]): Set<string> {
  const before = new Map(previousIds.map((id, i) => [id, i]));
  const renamed = new Set<string>();
  ir.models.forEach((m, i) => {
    const j = before.get(m.id);
    const same =
      j !== undefined && previous.types[j] === names.types[i] && JSON.stringify(previous.variants[j]) === JSON.stringify(names.variants[i]);
    if (!same) renamed.add(m.id);
  });
  return renamed;
}

function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
