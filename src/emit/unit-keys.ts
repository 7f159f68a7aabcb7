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
// `source` (where a model or field was written) is left out of a model's content (ir/content-hash.ts):
// no target prints it (a test renders with blanked sources to keep this true).
import { compareStrings } from "../common/order.js";
import { sha256 } from "../common/hash.js";
import { contentHash } from "../ir/content-hash.js";
import { componentNumbers } from "../ir/graph.js";
import type { IrDocument, Model, Operation } from "../ir/types.js";
import { refTargetVisitor } from "../ir/type-facts.js";
import type { TypeNames } from "../naming/assign.js";

/** The operations without their source positions (their models are keyed on their own). */
export function operationsHash(operations: Operation[] | undefined): string {
  if (!operations) return sha256("[]");
  let hash = operationsHashes.get(operations);
  if (hash === undefined)
    operationsHashes.set(operations, (hash = sha256(JSON.stringify(operations.map((op) => ({ ...op, source: undefined }))))));
  return hash;
}

/** Per operations array, as content hashes per model (ir/content-hash.ts): the languages of one thread hash them once. */
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
  /** Component number -> its members, by id. */
  members: string[][];
  /** Component number -> its structural key. */
  structure: string[];
  /** Component number -> the other components it points to, once each, in the order of their structural keys. */
  next: number[][];
  /** Model id -> its component's structural key. */
  keys: Map<string, string>;
}

/** Kept per models array (an IR given other models is keyed afresh), like contentHashes per model. */
const keyGraphs = new WeakMap<readonly Model[], KeyGraph>();

/** No reference is missing: the text each model's content ends with (see keyGraph). */
const NONE_MISSING = ` ${JSON.stringify([])}`;

function keyGraph(ir: IrDocument): KeyGraph {
  const known = keyGraphs.get(ir.models);
  if (known) return known;
  // Worked out on node numbers (a model's place among the distinct ids; an id that repeats is one
  // node, of its last model, as a map by id would hold it), in plain loops: this runs once per
  // regeneration over every model, mostly before the JIT has optimized it.
  const models = ir.models;
  const ids: string[] = [];
  const node = new Map<string, number>();
  const nodeOf: number[] = [];
  for (let i = 0; i < models.length; i++) {
    const id = models[i]!.id;
    let v = node.get(id);
    if (v === undefined) node.set(id, (v = ids.push(id) - 1));
    nodeOf.push(v);
  }
  const n = ids.length;
  const modelOf: Model[] = [];
  for (let i = 0; i < models.length; i++) modelOf[nodeOf[i]!] = models[i]!;
  const children: number[][] = [];
  for (let v = 0; v < n; v++) children.push([]);
  for (let i = 0; i < models.length; i++) {
    const parent = models[i]!.parent;
    const p = parent ? node.get(parent) : undefined;
    if (p !== undefined) children[p]!.push(nodeOf[i]!);
  }
  const content: string[] = [];
  const out: number[][] = [];
  // The node whose edges are being listed, its edges so far, and the ids it refers to that are no model.
  let from = 0;
  let to: number[] = [];
  let missing: string[] | undefined;
  // Marks the nodes already listed as edges of `from` (by its number + 1), so each is listed once.
  const listed = new Int32Array(n);
  const add = (w: number) => {
    if (listed[w] !== from + 1) {
      listed[w] = from + 1;
      to.push(w);
    }
  };
  // Every reference among the model's types, arrays' and maps' inner ones too (refTargetVisitor: a
  // model the normalizer took back from its record and nothing has read says them without parsing).
  const referIn = refTargetVisitor((target) => {
    const w = node.get(target);
    if (w !== undefined) add(w);
    else (missing ??= []).push(target);
  });
  for (from = 0; from < n; from++) {
    const m = modelOf[from]!;
    to = [];
    missing = undefined;
    referIn(m);
    const p = m.parent ? node.get(m.parent) : undefined;
    if (p !== undefined) add(p);
    const own = children[from]!;
    for (let i = 0; i < own.length; i++) add(own[i]!);
    out.push(to);
    // A reference to a model that does not exist renders differently once it does: say which are missing.
    // (Text, not a hash: it is hashed once, with the rest of its component.)
    const gone = missing as string[] | undefined; // set by refer
    content.push(contentHash(m) + (gone ? ` ${JSON.stringify(gone.sort())}` : NONE_MISSING));
  }
  const comp = componentNumbers(out);
  const members: string[][] = [];
  const memberNodes: number[][] = [];
  for (let i = 0; i < models.length; i++) {
    const c = comp[nodeOf[i]!]!;
    (members[c] ??= []).push(ids[nodeOf[i]!]!);
    (memberNodes[c] ??= []).push(nodeOf[i]!);
  }
  const structure: string[] = [];
  const next: number[][] = [];
  const byStructure = (x: number, y: number) => compareStrings(structure[x]!, structure[y]!);
  for (let c = 0; c < members.length; c++) {
    const list = members[c]!;
    const own = memberNodes[c]!;
    const to: number[] = [];
    for (let i = 0; i < own.length; i++) {
      const edges = out[own[i]!]!;
      for (let j = 0; j < edges.length; j++) {
        const d = comp[edges[j]!]!;
        if (d !== c && !to.includes(d)) to.push(d);
      }
    }
    if (to.length > 1) to.sort(byStructure);
    next.push(to);
    // The members' contents in order, "->", and the keys of the components it points to, a line each.
    let text: string;
    if (own.length === 1) {
      // Most components are one model: its text is built without a list to sort and join.
      text = `${content[own[0]!]!}\n->`;
      for (let i = 0; i < to.length; i++) text += `\n${structure[to[i]!]!}`;
    } else {
      const texts = own.map((v) => content[v]!).sort();
      list.sort();
      texts.push("->");
      for (let i = 0; i < to.length; i++) texts.push(structure[to[i]!]!);
      text = texts.join("\n");
    }
    structure.push(sha256(text));
  }
  const keys = new Map<string, string>();
  for (let v = 0; v < n; v++) keys.set(ids[v]!, structure[comp[v]!]!);
  const graph = { ids, members, structure, next, keys };
  keyGraphs.set(ir.models, graph);
  return graph;
}

/** A key graph as plain data: what the main thread hands the render worker (structured clone), so the worker need not work it out. */
export interface SharedKeyGraph {
  ids: string[];
  members: string[][];
  structure: string[];
  next: number[][];
}

/** The key graph of `ir` (worked out now if not yet) as plain data. */
export function shareKeyGraph(ir: IrDocument): SharedKeyGraph {
  const { ids, members, structure, next } = keyGraph(ir);
  return { ids, members, structure, next };
}

/**
 * Takes `shared` as the key graph of `ir`, when it was made from the same models (another thread's
 * copy of this IR): the same ids in the same order; true when taken. Keys are a function of the
 * models' content, so the graph is the one this thread would work out.
 */
export function adoptKeyGraph(ir: IrDocument, shared: SharedKeyGraph): boolean {
  if (keyGraphs.has(ir.models)) return false;
  const seen = new Set<string>();
  let n = 0;
  for (const m of ir.models) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    if (shared.ids[n++] !== m.id) return false;
  }
  const components = shared.structure.length;
  if (n !== shared.ids.length || shared.members.length !== components || shared.next.length !== components) return false;
  const byId = new Map<string, string>();
  shared.members.forEach((list, c) => {
    for (const id of list) byId.set(id, shared.structure[c]!);
  });
  if (byId.size !== n) return false;
  // In the models' order, as keyGraph makes it.
  const keys = new Map<string, string>();
  for (const id of shared.ids) {
    const key = byId.get(id);
    if (key === undefined) return false;
    keys.set(id, key);
  }
  keyGraphs.set(ir.models, { ...shared, keys });
  return true;
}

/**
 * Model id -> key: the hash of the content of the model and of everything it reaches, the same
 * for every language (each component's structural key). A language's names are not in it: they
 * are compared with the previous run's instead (`reachingRenamed`), which costs nothing per model
 * when no name changed (hashing every model's names, for each language, was most of a
 * regeneration's keys after a one-schema change).
 */
export function unitKeys(ir: IrDocument): ReadonlyMap<string, string> {
  return keyGraph(ir).keys;
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
