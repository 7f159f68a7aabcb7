// The root document cut into units: each component (`/components/<collection>/<key>`), path item
// and webhook, with a hash of its text and where it starts. A unit whose text (and starting
// column) is the same reads the same values, and every position inside it moved by as many lines
// as its start did.
import { sha1Base64 } from "../../../common/hash.js";
import type { SourceDocument } from "../../../load/loader.js";
import type { TextDelta } from "../../../load/text-delta.js";
import { appendPointer } from "../../../load/pointer.js";

export interface UnitText {
  /** Hash of the text from the unit's first key to the next unit's (or the end of the file). */
  hash: string;
  line: number;
  col: number;
  /** Where that text starts and ends (offsets): a later run takes the hash of a unit whose text it knows unchanged. */
  start: number;
  end: number;
}

/** The unit a JSON pointer of the root document falls in, or undefined (the document's top, `info`, a whole collection). */
export function unitOf(pointer: string): string | undefined {
  // By position, not by splitting: asked for every position of every reused root (~12,000 per regeneration).
  let end: number;
  if (pointer.startsWith("/components/")) {
    const collectionEnd = pointer.indexOf("/", 12);
    if (collectionEnd === -1) return undefined;
    end = pointer.indexOf("/", collectionEnd + 1);
  } else if (pointer.startsWith("/paths/")) end = pointer.indexOf("/", 7);
  else if (pointer.startsWith("/webhooks/")) end = pointer.indexOf("/", 10);
  else return undefined;
  return end === -1 ? pointer : pointer.slice(0, end);
}

/**
 * Every unit of `doc` whose value is an object or array (a scalar unit has no position: roots reading
 * it are rebuilt). `before`: the units of the text `doc.changed` is measured against; a unit whose
 * text lies outside the changed region, where that text had the same unit, takes its hash.
 */
export function unitTexts(doc: SourceDocument, before?: Record<string, UnitText>): Map<string, UnitText> {
  const starts: [string, number][] = [];
  const add = (container: unknown, pointer: string): void => {
    if (container === null || typeof container !== "object" || Array.isArray(container)) return;
    const keys = Object.keys(container);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = (container as Record<string, unknown>)[key];
      const start = value !== null && typeof value === "object" ? doc.startOf(value) : undefined;
      if (start !== undefined) starts.push([appendPointer(pointer, key), start]);
    }
  };
  const root = doc.value as Record<string, unknown> | null;
  if (root === null || typeof root !== "object") return new Map();
  const components = root.components;
  if (components !== null && typeof components === "object" && !Array.isArray(components)) {
    for (const [collection, entries] of Object.entries(components)) add(entries, appendPointer("/components", collection));
  }
  add(root.paths, "/paths");
  add(root.webhooks, "/webhooks");
  starts.sort((a, b) => a[1] - b[1]);
  const out = new Map<string, UnitText>();
  for (let i = 0; i < starts.length; i++) {
    const pointer = starts[i]![0];
    const start = starts[i]![1];
    const end = i + 1 < starts.length ? starts[i + 1]![1] : doc.text.length;
    const { line, col } = doc.lineCol(start);
    const was = before && Object.hasOwn(before, pointer) ? before[pointer] : undefined;
    const hash = (was && sameText(was, start, end, doc.changed)) || shortHash(doc.text.slice(start, end));
    out.set(pointer, { hash, line, col, start, end });
  }
  return out;
}

/** `was`'s hash, when `[start, end)` is the text `was` hashed (outside the changed region, where `was` was). */
function sameText(was: UnitText, start: number, end: number, changed: TextDelta | undefined): string | undefined {
  if (!changed || typeof was.hash !== "string") return undefined;
  const shift = end <= changed.from ? 0 : start >= changed.to ? changed.shift : undefined;
  return shift !== undefined && was.start === start - shift && was.end === end - shift ? was.hash : undefined;
}

/** 96 bits of sha1: a unit's text against its own previous text, not against an adversary. */
function shortHash(text: string): string {
  return sha1Base64(text).slice(0, 16);
}
