// Reads a YAML document leaf by leaf along its outline (yaml-outline.ts), taking each leaf's value
// from a store when the same text was read before: after a one-schema change only that schema's
// lines go through js-yaml again. The result equals reading the whole text with js-yaml (values and
// container starts; test/load/chunked-yaml.test.ts reads every OpenAI spec both ways), and whenever a
// leaf could mean something else read alone (an anchor, an alias, an error, a key written twice) the
// caller reads the whole text instead, so errors and their positions stay js-yaml's.
import jsyaml from "js-yaml";
import { keySpellings, type OutlineLeaf, type OutlineNode } from "./yaml-outline.js";
import { ascii } from "../common/ascii-json.js";

/**
 * A leaf's entries as JSON, where its values lie in that JSON, and the starts of the containers
 * inside them: all text, as the cache file keeps it (parsed only when a value is read).
 */
export interface LeafRecord {
  /** The entries as JSON.stringify writes them, every character beyond ASCII escaped (a cache file of ASCII decodes fast). */
  json: string;
  /** The starts of the containers inside the entries, depth first, relative to the leaf: comma-separated. */
  starts: string;
  /**
   * For each entry, comma-separated: where its value starts and ends in `json`, how many containers
   * it is and holds, and how many entries it has when it is a mapping (-1 otherwise); for a mapping
   * then its start (relative to the leaf) and where each of its entries' values starts and ends in
   * `json`. (So the leaf's keys, and its mappings' keys, are known without parsing.)
   */
  cuts: string;
}

/**
 * Leaf records by a hash of the leaf's text, saved by an earlier run. `take` gives one and saves it
 * for the next run; so does `keep` for a leaf read now. (Each use parses the record's JSON anew, so
 * two leaves of the same text never share objects.)
 */
export interface LeafStore {
  has(hash: string): boolean;
  /** How many records an earlier run saved. */
  readonly size: number;
  take(hash: string): LeafRecord | undefined;
  keep(hash: string, record: LeafRecord): void;
  /** Work to do before saving, or before the document's values change (`settle`). */
  later(task: () => void): void;
  settle(): void;
}

export interface ReadYaml {
  value: unknown;
  starts: Map<object, number>;
  /** An anchor is written somewhere: a value may be shared by places far apart in the text. */
  anchored: boolean;
  /** The text as block-yaml.ts scanned it, when it read the text whole (see readBlockYaml). */
  scanned?: string;
}

/**
 * Parses `text` (a leaf, or the whole document) as js-yaml does, recording container starts at
 * `offset + position`; `cut`: the text is a leaf sliced from the document (see block-yaml.ts).
 */
export type YamlParser = (
  text: string,
  offset: number,
  starts: Map<object, number>,
  cut?: boolean,
) => { value: unknown; anchored: boolean };

class Unsure extends Error {}

/**
 * The document read leaf by leaf, or undefined when it must be read whole: it has no outline, a leaf
 * is unsure, or fewer than half of its leaves were read before (reading many leaves one by one costs
 * more than one whole read, after which `keepLeavesOf` saves them).
 */
export function readYamlInLeaves(
  text: string,
  outline: OutlineNode[],
  hashes: ReadonlyMap<OutlineLeaf, string>,
  store: LeafStore,
  parse: YamlParser,
): ReadYaml | undefined {
  if (store.size === 0) return undefined;
  let found = 0;
  for (const hash of hashes.values()) if (store.has(hash)) found++;
  if (found * 2 < hashes.size) return undefined;
  const starts = new Map<object, number>();
  const root: Record<string, unknown> = {};
  const reading: Reading = { text, store, parse, starts, hashes, anchored: false, lazy: new LazyMappings() };
  try {
    fill(root, outline, reading);
  } catch (e) {
    if (e instanceof Unsure || e instanceof jsyaml.YAMLException) return undefined;
    throw e;
  }
  starts.set(root, skipBlank(text, 0));
  return { value: root, starts, anchored: reading.anchored };
}

/**
 * Saves every leaf of a document read whole. Only for a document without anchors: with one, a leaf
 * may hold what an alias or merge key copied from another, which its own text does not say.
 */
export function keepLeavesOf(
  text: string,
  outline: OutlineNode[],
  hashes: ReadonlyMap<OutlineLeaf, string>,
  read: ReadYaml,
  store: LeafStore,
): void {
  if (isMapping(read.value)) keepEntries(text, outline, hashes, read.value, read.starts, store);
}

function keepEntries(
  text: string,
  nodes: OutlineNode[],
  hashes: ReadonlyMap<OutlineLeaf, string>,
  mapping: Record<string, unknown>,
  starts: Map<object, number>,
  store: LeafStore,
): void {
  const keys = Object.keys(mapping);
  // One entry per node, in order; a key the text does not show where the node starts means the
  // outline and the mapping disagree (numeric keys sort first): save nothing of it.
  if (keys.length !== nodes.length) return;
  nodes.forEach((node, i) => {
    const key = keys[i]!;
    const value = mapping[key];
    if (node.kind === "branch") {
      if (key === node.key && isMapping(value)) keepEntries(text, node.children, hashes, value, starts, store);
      return;
    }
    if (!startsWithKey(text, skipBlank(text, node.start), key) || key === "__proto__") return;
    const record = recordOf({ [key]: value }, (container) => starts.get(container)! - node.start);
    if (record) store.keep(hashes.get(node)!, record);
  });
}

function startsWithKey(text: string, at: number, key: string): boolean {
  for (const form of keySpellings(key)) {
    if (!text.startsWith(form, at)) continue;
    let i = at + form.length;
    while (text[i] === " ") i++;
    if (text[i] === ":") return true;
  }
  return false;
}

interface Reading {
  text: string;
  store: LeafStore;
  parse: YamlParser;
  starts: Map<object, number>;
  hashes: ReadonlyMap<OutlineLeaf, string>;
  /** A leaf read now holds an anchor (saved leaves never do). */
  anchored: boolean;
  lazy: LazyMappings;
}

function fill(target: Record<string, unknown>, nodes: OutlineNode[], r: Reading): void {
  for (const node of nodes) {
    if (node.kind === "branch") {
      const value: Record<string, unknown> = {};
      fill(value, node.children, r);
      r.starts.set(value, skipBlank(r.text, node.valueFrom));
      setEntry(target, node.key, value);
      continue;
    }
    const hash = r.hashes.get(node)!;
    const stored = r.store.take(hash);
    if (stored) placeStored(target, new StoredLeaf(stored, node.start, r.starts), r.lazy);
    else {
      const value = readLeaf(node, hash, r);
      for (const key of Object.keys(value)) setEntry(target, key, value[key]);
    }
  }
}

function setEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  checkNew(target, key);
  target[key] = value;
}

function checkNew(target: Record<string, unknown>, key: string): void {
  // A key written twice is js-yaml's error to report, with its position.
  if (key === "__proto__" || Object.hasOwn(target, key)) throw new Unsure();
}

/** A stored leaf being read: its record, where it starts in the document, and the document's starts to add to. */
class StoredLeaf {
  private relative: number[] | undefined;

  constructor(
    readonly record: LeafRecord,
    readonly offset: number,
    readonly starts: Map<object, number>,
  ) {}

  /** The value written in `json` from `from` to `to`, parsed, and the containers of `values(it)` located from the `first`th on. */
  parse(from: number, to: number, first: number, values: (value: unknown) => unknown[]): unknown {
    const value: unknown = JSON.parse(this.record.json.slice(from, to));
    this.relative ??= numbers(this.record.starts);
    let index = first;
    const locate = (container: object) => this.starts.set(container, this.relative![index++]! + this.offset);
    for (const v of values(value)) visitContainers(v, locate);
    return value;
  }
}

/**
 * A stored leaf's entries, placed on `target` as they were written, their values parsed (and their
 * containers located) only when something reads them: after a one-schema change most of a
 * document's values are never looked at (the incremental normalizer reuses their roots' models).
 * An entry whose value is a mapping gets that mapping now, its start located, with its entries
 * parsed when one of them is first read (LazyMappings): the normalizer enumerates every component
 * and path item, reading inside few. Any other entry is an accessor that puts a plain data property
 * in its place on first use. Keys, their order, values and starts are the same as an eager reading's.
 */
function placeStored(target: Record<string, unknown>, leaf: StoredLeaf, lazy: LazyMappings): void {
  const { json, cuts: text } = leaf.record;
  const cuts = numbers(text);
  let keyFrom = 1;
  let container = 0;
  for (let i = 0; i < cuts.length;) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const count = cuts[i + 2]!;
    const entries = cuts[i + 3]!;
    const key = keyOf(json, keyFrom, from - 1);
    checkNew(target, key);
    if (entries < 0) {
      const first = container;
      defineLazy(target, key, () => leaf.parse(from, to, first, (value) => [value]));
      i += 4;
    } else {
      const mapping: Record<string, unknown> = {};
      leaf.starts.set(mapping, cuts[i + 4]! + leaf.offset);
      let entryFrom = from + 1;
      for (let e = 0; e < entries; e++) {
        const valueFrom = cuts[i + 5 + 2 * e]!;
        lazy.define(mapping, keyOf(json, entryFrom, valueFrom - 1));
        entryFrom = cuts[i + 6 + 2 * e]! + 1;
      }
      if (entries > 0) lazy.pending.set(mapping, { leaf, from, to, first: container + 1 });
      target[key] = mapping;
      i += 5 + 2 * entries;
    }
    keyFrom = to + 1;
    container += count;
  }
}

/** Comma-separated numbers (JSON.parse reads them with half the work of split and Number). */
function numbers(text: string): number[] {
  return JSON.parse(`[${text}]`) as number[];
}

/** The key JSON writes from `from` to `to` (its quotes included). */
function keyOf(json: string, from: number, to: number): string {
  const quoted = json.slice(from, to);
  return quoted.includes("\\") ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
}

/** `target[key]` made on first use: an accessor replaced by a plain data property (written, it takes the value written). */
function defineLazy(target: Record<string, unknown>, key: string, make: () => unknown): void {
  const settle = (value: unknown): unknown => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, { get: () => settle(make()), set: settle, enumerable: true, configurable: true });
}

const DATA = { writable: true, enumerable: true, configurable: true };

/**
 * Mappings of stored leaves whose entries are parsed when one is first read or written: all of a
 * mapping's at once (a root rebuilt reads most of what it reads anyway), each then a plain data
 * property where its accessor was. The accessor of a key is one for every mapping of the document
 * (found by `this`), so mappings with the same keys share their shape and no closure is made per entry.
 */
class LazyMappings {
  readonly pending = new Map<object, { leaf: StoredLeaf; from: number; to: number; first: number }>();
  private readonly accessors = new Map<string, PropertyDescriptor>();

  define(mapping: Record<string, unknown>, key: string): void {
    let accessor = this.accessors.get(key);
    if (!accessor) {
      const lazy = this;
      accessor = {
        get(this: object) {
          lazy.settle(this);
          return (this as Record<string, unknown>)[key];
        },
        set(this: object, value: unknown) {
          lazy.settle(this);
          (this as Record<string, unknown>)[key] = value;
        },
        enumerable: true,
        configurable: true,
      };
      this.accessors.set(key, accessor);
    }
    Object.defineProperty(mapping, key, accessor);
  }

  /** Parses the entries of the mapping `receiver` is or inherits from. */
  private settle(receiver: object): void {
    let mapping: object | null = receiver;
    while (mapping !== null && !this.pending.has(mapping)) mapping = Object.getPrototypeOf(mapping) as object | null;
    if (mapping === null) throw new Error("a lazy YAML mapping was lost");
    const { leaf, from, to, first } = this.pending.get(mapping)!;
    this.pending.delete(mapping);
    const parsed = leaf.parse(from, to, first, (value) => Object.values(value as object)) as Record<string, unknown>;
    // Emptied from its last key back (each delete then undoes a shape transition) and filled again in
    // order: the mapping ends as fast an object as one parsed whole.
    const target = mapping as Record<string, unknown>;
    const keys = Object.keys(target);
    const own = keys.map((key) => Object.getOwnPropertyDescriptor(target, key)!);
    for (let i = keys.length - 1; i >= 0; i--) delete target[keys[i]!];
    keys.forEach((key, i) => {
      const d = own[i]!;
      const ours = d.get !== undefined && d.get === this.accessors.get(key)?.get;
      if (ours && key !== "__proto__") target[key] = parsed[key];
      else Object.defineProperty(target, key, ours ? { ...DATA, value: parsed[key] } : d);
    });
  }
}

function readLeaf(leaf: OutlineLeaf, hash: string, r: Reading): Record<string, unknown> {
  const local = new Map<object, number>();
  const { value, anchored } = r.parse(r.text.slice(leaf.start, leaf.end), leaf.start, local, true);
  // A leaf of nothing but comments has no entry to place.
  if (!isMapping(value)) throw new Unsure();
  for (const [container, at] of local) if (container !== value) r.starts.set(container, at);
  // The store keeps JSON: a value JSON cannot carry (NaN, Infinity, -0), or one an alias shares
  // between two places, is read again each time. (An alias reaching outside its leaf fails to parse
  // alone: the whole document is read then.)
  if (anchored) r.anchored = true;
  else {
    const record = recordOf(value, (container) => local.get(container)! - leaf.start);
    if (record) r.store.keep(hash, record);
  }
  return value;
}

/**
 * The record of a leaf's `entries` (see LeafRecord), `relativeStart` giving each container's start
 * relative to the leaf; undefined when a number JSON cannot carry is found.
 */
function recordOf(entries: Record<string, unknown>, relativeStart: (container: object) => number): LeafRecord | undefined {
  const starts: number[] = [];
  const cuts: number[] = [];
  let storable = true;
  const locate = (container: object): void => {
    starts.push(relativeStart(container));
  };
  let json = "{";
  Object.keys(entries).forEach((key, i) => {
    const value = entries[key];
    json += `${i === 0 ? "" : ","}${ascii(JSON.stringify(key))}:`;
    const at = cuts.length;
    const first = starts.length;
    cuts.push(json.length, 0, 0, -1);
    if (isMapping(value)) {
      const keys = Object.keys(value);
      cuts[at + 3] = keys.length;
      cuts.push(relativeStart(value));
      locate(value);
      json += "{";
      keys.forEach((k, j) => {
        json += `${j === 0 ? "" : ","}${ascii(JSON.stringify(k))}:`;
        const from = json.length;
        json += ascii(JSON.stringify(value[k]));
        cuts.push(from, json.length);
        storable = visitContainers(value[k], locate) && storable;
      });
      json += "}";
    } else {
      json += ascii(JSON.stringify(value));
      storable = visitContainers(value, locate) && storable;
    }
    cuts[at + 1] = json.length;
    cuts[at + 2] = starts.length - first;
  });
  json += "}";
  return storable ? { json, starts: starts.join(","), cuts: cuts.join(",") } : undefined;
}

/** Visits `value` (when a container) and every container inside it, depth first; false when a number JSON cannot carry is found. */
function visitContainers(value: unknown, visit: (container: object) => void): boolean {
  let storable = true;
  const walk = (v: unknown): void => {
    if (typeof v === "number") {
      if (!Number.isFinite(v) || Object.is(v, -0)) storable = false;
      return;
    }
    if (v === null || typeof v !== "object") return;
    visit(v);
    if (Array.isArray(v)) for (const item of v) walk(item);
    else for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key]);
  };
  walk(value);
  return storable;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** js-yaml reports a node where its parent's `key:` ended; the node itself starts after blanks and comments. */
export function skipBlank(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
    else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else return i;
  }
}
