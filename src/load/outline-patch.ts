// The previous run's outline of the spec carried over to this run's text (text-delta.ts says what
// changed): when the change lies in consecutive leaves of one mapping (a field added, removed or
// edited; a schema added), only those leaves are outlined, hashed and split into lines again, and
// everything after them moves by the change's length; the result is the outline, leaf hashes and
// line starts a fresh reading makes (test/load/outline-patch.test.ts compares them on edits of the
// OpenAI specs). On the 3 MB spec a fresh reading takes ~6 ms for the line starts, ~12 for the
// outline and ~8 for the leaf hashes. When the change is anywhere else (a branch's key line, leaves
// of different mappings), the text is outlined afresh and only the leaves outside the change keep
// their hashes (hashesAfter).
import { sha1Base64 } from "../common/hash.js";
import type { TextDelta } from "./text-delta.js";
import { outlineEntries, SPLIT_ABOVE, type OutlineBranch, type OutlineLeaf, type OutlineNode } from "./yaml-outline.js";

/** An outline as a run kept it for the next: the outline of its text, each leaf's hash (in leaf order) and where its lines start. */
export interface KnownOutline {
  outline: OutlineNode[];
  hashes: readonly string[];
  /** Each leaf's entry indentation (its key line's, after blank and comment lines), in leaf order. */
  indents: readonly number[];
  lineStarts: Int32Array;
}

export interface PatchedOutline {
  outline: OutlineNode[];
  hashes: Map<OutlineLeaf, string>;
  lineStarts: Int32Array;
}

/** A leaf's text hash: what the leaf store is keyed by. */
export function leafHash(text: string, leaf: OutlineLeaf): string {
  return sha1Base64(text.slice(leaf.start, leaf.end));
}

/**
 * `previous` carried over to `text`, or undefined when the change does not lie within consecutive
 * leaves of one mapping (it touches a branch's key line), or those leaves' new text is not entries
 * of that mapping (then the whole text is outlined afresh).
 */
export function patchOutline(previous: KnownOutline, text: string, delta: TextDelta, splitAbove = SPLIT_ABOVE): PatchedOutline | undefined {
  const places = leafPlaces(previous.outline);
  if (places.length !== previous.hashes.length || places.length !== previous.indents.length) return undefined;
  const run = changedRun(places, delta);
  if (!run) return undefined;
  for (const candidate of candidateRuns(places, run, delta)) {
    const patched = patchedRun(previous, places, candidate, text, delta, splitAbove);
    if (patched) return patched;
  }
  return undefined;
}

/**
 * The runs of leaves to outline again, in the order tried: the leaves the change lies in, and where
 * that is ambiguous, a neighbour. Lines only inserted where one leaf ends and the next starts belong
 * to either: to the next (an entry added before it), or else to the one before (a field appended
 * after the last of a schema's properties, before the schema's next key). Whole leaves only removed
 * leave no text to outline: the run takes the next leaf of their mapping, or else the one before
 * (the last field of a schema's properties removed).
 */
function candidateRuns(places: LeafPlace[], run: [number, number], delta: TextDelta): [number, number][] {
  const [k1, k2] = run;
  const { from, to, shift } = delta;
  const oldTo = to - shift;
  const sameParent = (k: number) => k >= 0 && k < places.length && places[k]!.parent === places[k1]!.parent;
  // (The leaf before may be of another mapping: the inserted lines are outlined as entries of its own.)
  if (oldTo === from && k1 > 0 && places[k1]!.leaf.start === from && places[k1 - 1]!.leaf.end === from) return [run, [k1 - 1, k1 - 1]];
  if (to === from && places[k1]!.leaf.start === from && places[k2]!.leaf.end === oldTo) {
    const wider: [number, number][] = [];
    if (sameParent(k2 + 1)) wider.push([k1, k2 + 1]);
    if (sameParent(k1 - 1)) wider.push([k1 - 1, k2]);
    return [run, ...wider];
  }
  return [run];
}

/**
 * The outline with the leaves `run` (first and last, indexes into `places`) outlined again, or
 * undefined when their new text is not entries of their mapping.
 */
function patchedRun(
  previous: KnownOutline,
  places: LeafPlace[],
  [k1, k2]: [number, number],
  text: string,
  delta: TextDelta,
  splitAbove: number,
): PatchedOutline | undefined {
  const { leaf: firstLeaf, parent, index, path } = places[k1]!;
  if (places[k2]!.parent !== parent || (places[k1]!.top && k1 === 0)) return undefined;
  if (!branchesStay(path, text, delta.shift, splitAbove)) return undefined;
  const oldStart = firstLeaf.start;
  const oldEnd = places[k2]!.leaf.end;
  const nodes = outlineEntries(text, oldStart, oldEnd + delta.shift, previous.indents[k1]!, index === 0, splitAbove);
  if (!nodes) return undefined;
  const outline = replaced(previous.outline, parent, index, index + k2 - k1, nodes, oldEnd, delta.shift);
  // The leaves before the run and after it keep their hashes; the new nodes' leaves are hashed.
  const fresh = leavesIn(nodes).length;
  const hashes = new Map<OutlineLeaf, string>();
  leavesIn(outline).forEach((leaf, i) => {
    const hash = i < k1 ? previous.hashes[i]! : i < k1 + fresh ? leafHash(text, leaf) : previous.hashes[i - fresh + (k2 - k1 + 1)]!;
    hashes.set(leaf, hash);
  });
  return { outline, hashes, lineStarts: patchedLineStarts(previous.lineStarts, text, oldStart, oldEnd, delta.shift) };
}

/**
 * The first and last leaf (indexes into `places`) the change lies in: consecutive entries of one
 * mapping, none of them the document's first (a fresh outline checks where the document starts).
 */
function changedRun(places: LeafPlace[], { from, to, shift }: TextDelta): [number, number] | undefined {
  const oldTo = to - shift;
  const k1 = lastStartingBy(places, from);
  if (k1 < 0) return undefined;
  // Text only inserted may sit at a leaf's very end (before a branch's key line, or at the end of the text).
  const inserted = oldTo === from;
  if (from > places[k1]!.leaf.end || (from === places[k1]!.leaf.end && !inserted)) return undefined;
  const k2 = inserted ? k1 : lastStartingBy(places, oldTo - 1);
  if (oldTo > places[k2]!.leaf.end || places[k1]!.index + (k2 - k1) !== places[k2]!.index) return undefined;
  if (places[k2]!.parent !== places[k1]!.parent || (places[k1]!.top && k1 === 0)) return undefined;
  return [k1, k2];
}

/**
 * Hashes of the leaves of a fresh `outline` of `text`: a leaf outside the changed region whose place
 * the previous outline had a leaf of the same extent keeps that leaf's hash (the same text), every
 * other leaf is hashed.
 */
export function hashesAfter(
  previous: KnownOutline | undefined,
  delta: TextDelta | undefined,
  text: string,
  outline: OutlineNode[],
): Map<OutlineLeaf, string> {
  const known = new Map<number, { end: number; hash: string }>();
  if (previous && delta) {
    const old = leavesIn(previous.outline);
    if (old.length === previous.hashes.length)
      for (const [i, leaf] of old.entries()) known.set(leaf.start, { end: leaf.end, hash: previous.hashes[i]! });
  }
  const hashes = new Map<OutlineLeaf, string>();
  for (const leaf of leavesIn(outline)) {
    let hash: string | undefined;
    if (delta && leaf.end <= delta.from) hash = sameExtent(known.get(leaf.start), leaf.end);
    else if (delta && leaf.start >= delta.to) hash = sameExtent(known.get(leaf.start - delta.shift), leaf.end - delta.shift);
    hashes.set(leaf, hash ?? leafHash(text, leaf));
  }
  return hashes;
}

function sameExtent(known: { end: number; hash: string } | undefined, end: number): string | undefined {
  return known?.end === end ? known.hash : undefined;
}

/** The outline's leaves in order (a loop: run once per run, before the JIT warms up). */
export function leavesIn(nodes: OutlineNode[], out: OutlineLeaf[] = []): OutlineLeaf[] {
  for (const node of nodes) {
    if (node.kind === "leaf") out.push(node);
    else leavesIn(node.children, out);
  }
  return out;
}

interface LeafPlace {
  leaf: OutlineLeaf;
  /** The mapping's entries it is one of, and its place among them. */
  parent: OutlineNode[];
  index: number;
  /** An entry of the document's top mapping. */
  top: boolean;
  /** The branches it lies in, outermost first. */
  path: readonly BranchPlace[];
}

interface BranchPlace {
  branch: OutlineBranch;
  /** Its place among its mapping's entries, and the branch that mapping is the value of (none: the document's top). */
  index: number;
  within: OutlineBranch | undefined;
}

function leafPlaces(nodes: OutlineNode[], path: readonly BranchPlace[] = [], out: LeafPlace[] = []): LeafPlace[] {
  nodes.forEach((node, index) => {
    if (node.kind === "leaf") out.push({ leaf: node, parent: nodes, index, top: path.length === 0, path });
    else leafPlaces(node.children, [...path, { branch: node, index, within: path[path.length - 1]?.branch }], out);
  });
  return out;
}

/**
 * Each branch the change lies in stays one: it was outlined because it is larger than `splitAbove`,
 * and a change that shrinks it to that size makes a fresh outline read it as one leaf. A branch's
 * size runs from its key line (from its mapping's first line when it is the first entry) to its last
 * leaf's end: all before the change, but that end, which moves by `shift`.
 */
function branchesStay(path: readonly BranchPlace[], text: string, shift: number, splitAbove: number): boolean {
  return path.every(({ branch, index, within }) => {
    const start =
      index > 0 ? text.lastIndexOf("\n", branch.valueFrom - 1) + 1 : within ? text.indexOf("\n", within.valueFrom) + 1 : 0;
    return lastEnd(branch) + shift - start > splitAbove;
  });
}

/** Where a node's last leaf ends. */
function lastEnd(node: OutlineNode): number {
  let n = node;
  while (n.kind === "branch") n = n.children[n.children.length - 1]!;
  return n.end;
}

/** The index of the last leaf starting at or before `offset`, or -1. */
function lastStartingBy(places: LeafPlace[], offset: number): number {
  let lo = 0;
  let hi = places.length - 1;
  if (hi < 0 || places[0]!.leaf.start > offset) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (places[mid]!.leaf.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Each leaf's entry indentation: its first line with content (not blank, not a comment), counted in spaces. */
export function entryIndents(text: string, leaves: readonly OutlineLeaf[]): number[] {
  return leaves.map((leaf) => {
    for (let at = leaf.start; at < leaf.end; ) {
      let i = at;
      while (text.charCodeAt(i) === 32) i++;
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13 && c !== 35) return i - at;
      const lineEnd = text.indexOf("\n", i);
      if (lineEnd === -1) break;
      at = lineEnd + 1;
    }
    return -1;
  });
}

/**
 * `nodes` with the entries `[first, last]` of `parent` replaced by `fresh` and every offset from
 * `oldEnd` on moved by `shift` (what lies before the replaced entries stays the same objects).
 */
function replaced(
  nodes: OutlineNode[],
  parent: OutlineNode[],
  first: number,
  last: number,
  fresh: OutlineNode[],
  oldEnd: number,
  shift: number,
): OutlineNode[] {
  const out: OutlineNode[] = [];
  nodes.forEach((n, i) => {
    if (nodes === parent && i >= first && i <= last) {
      if (i === first) out.push(...fresh);
      return;
    }
    // Leaves do not overlap: any other leaf ends by the replaced entries' start or starts at their end or later.
    if (n.kind === "leaf") out.push(n.start >= oldEnd ? { kind: "leaf", start: n.start + shift, end: n.end + shift } : n);
    else {
      const valueFrom = n.valueFrom >= oldEnd ? n.valueFrom + shift : n.valueFrom;
      out.push({ kind: "branch", key: n.key, valueFrom, children: replaced(n.children, parent, first, last, fresh, oldEnd, shift) });
    }
  });
  return out;
}

/** The previous line starts up to `oldStart`, the new lines up to where `oldEnd` moved, the rest moved by `shift`. */
function patchedLineStarts(previous: Int32Array, text: string, oldStart: number, oldEnd: number, shift: number): Int32Array {
  const kept = countAtMost(previous, oldStart);
  const after = countAtMost(previous, oldEnd);
  const own: number[] = [];
  const end = oldEnd + shift;
  for (let i = text.indexOf("\n", oldStart); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) own.push(i + 1);
  const out = new Int32Array(kept + own.length + (previous.length - after));
  out.set(previous.subarray(0, kept));
  out.set(own, kept);
  let at = kept + own.length;
  for (let i = after; i < previous.length; i++) out[at++] = previous[i]! + shift;
  return out;
}

/** How many of the ascending `starts` are at most `offset`. */
function countAtMost(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
