// Reads a YAML document leaf by leaf along its outline (yaml-outline.ts), taking each leaf's value
// from a store when the same text was read before: after a one-schema change only that schema's
// lines go through js-yaml again. The result equals reading the whole text with js-yaml (values and
// container starts; test/load/chunked-yaml.test.ts reads every OpenAI spec both ways), and whenever a
// leaf could mean something else read alone (an anchor, an alias, an error, a key written twice) the
// caller reads the whole text instead, so errors and their positions stay js-yaml's.
import { createHash } from "node:crypto";
import jsyaml from "js-yaml";
import { keySpellings, type OutlineLeaf, type OutlineNode } from "./yaml-outline.js";

/** A leaf's entries as JSON and the starts of the containers inside them (depth first, relative to the leaf). */
export interface LeafRecord {
  json: string;
  starts: number[];
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
}

/** Parses `text` (a leaf, or the whole document) with js-yaml, recording container starts at `offset + position`. */
export type YamlParser = (text: string, offset: number, starts: Map<object, number>) => { value: unknown; anchored: boolean };

class Unsure extends Error {}

/**
 * The document read leaf by leaf, or undefined when it must be read whole: it has no outline, a leaf
 * is unsure, or fewer than half of its leaves were read before (reading many leaves one by one costs
 * more than one whole read, after which `keepLeavesOf` saves them).
 */
export function readYamlInLeaves(text: string, outline: OutlineNode[], store: LeafStore, parse: YamlParser): ReadYaml | undefined {
  if (store.size === 0) return undefined;
  const hashes = new Map<OutlineLeaf, string>();
  let found = 0;
  for (const leaf of leavesOf(outline)) {
    const hash = hashOf(text.slice(leaf.start, leaf.end));
    hashes.set(leaf, hash);
    if (store.has(hash)) found++;
  }
  if (found * 2 < hashes.size) return undefined;
  const starts = new Map<object, number>();
  const root: Record<string, unknown> = {};
  const reading: Reading = { text, store, parse, starts, hashes, anchored: false };
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
export function keepLeavesOf(text: string, outline: OutlineNode[], read: ReadYaml, store: LeafStore): void {
  if (isMapping(read.value)) keepEntries(text, outline, read.value, read.starts, store);
}

function keepEntries(
  text: string,
  nodes: OutlineNode[],
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
      if (key === node.key && isMapping(value)) keepEntries(text, node.children, value, starts, store);
      return;
    }
    if (!startsWithKey(text, skipBlank(text, node.start), key)) return;
    const entries = { [key]: value };
    const relative: number[] = [];
    const storable = eachContainer(entries, (container) => relative.push(starts.get(container)! - node.start));
    if (storable && key !== "__proto__")
      store.keep(hashOf(text.slice(node.start, node.end)), { json: JSON.stringify(entries), starts: relative });
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
  hashes: Map<OutlineLeaf, string>;
  /** A leaf read now holds an anchor (saved leaves never do). */
  anchored: boolean;
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
    const value = stored ? fromRecord(stored, node.start, r.starts) : readLeaf(node, hash, r);
    for (const key of Object.keys(value)) setEntry(target, key, value[key]);
  }
}

function setEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  // A key written twice is js-yaml's error to report, with its position.
  if (key === "__proto__" || Object.hasOwn(target, key)) throw new Unsure();
  target[key] = value;
}

function fromRecord(record: LeafRecord, offset: number, starts: Map<object, number>): Record<string, unknown> {
  const value = JSON.parse(record.json) as Record<string, unknown>;
  let i = 0;
  eachContainer(value, (container) => {
    starts.set(container, record.starts[i++]! + offset);
  });
  return value;
}

function readLeaf(leaf: OutlineLeaf, hash: string, r: Reading): Record<string, unknown> {
  const local = new Map<object, number>();
  const { value, anchored } = r.parse(r.text.slice(leaf.start, leaf.end), leaf.start, local);
  // A leaf of nothing but comments has no entry to place.
  if (!isMapping(value)) throw new Unsure();
  const starts: number[] = [];
  const storable = eachContainer(value, (container) => {
    const at = local.get(container)!;
    r.starts.set(container, at);
    starts.push(at - leaf.start);
  });
  // The store keeps JSON: a value JSON cannot carry (NaN, Infinity, -0), or one an alias shares
  // between two places, is read again each time. (An alias reaching outside its leaf fails to parse
  // alone: the whole document is read then.)
  if (anchored) r.anchored = true;
  else if (storable) r.store.keep(hash, { json: JSON.stringify(value), starts });
  return value;
}

/** Visits every container below `root` depth first; false when a number JSON cannot carry is found. */
function eachContainer(root: Record<string, unknown>, visit: (container: object) => void): boolean {
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
  for (const key of Object.keys(root)) walk(root[key]);
  return storable;
}

function* leavesOf(nodes: OutlineNode[]): Generator<OutlineLeaf> {
  for (const node of nodes) {
    if (node.kind === "leaf") yield node;
    else yield* leavesOf(node.children);
  }
}

function hashOf(leafText: string): string {
  return createHash("sha1").update(leafText).digest("base64");
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
