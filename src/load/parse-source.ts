// Parses YAML or JSON text into plain values and records where every mapping and sequence
// starts, in the same pass that builds the values (block-yaml.ts, or js-yaml's node listener): no
// second walk over the tree. block-yaml.ts reads the block style specs are written in, by js-yaml's
// rules (~35% fewer instructions); js-yaml reads everything else (about ten times faster than
// composing a `yaml` Document on the 3 MB OpenAI spec); test/load/parse-source.test.ts checks the
// result against the `yaml` library on every spec. Line and column, and where a key sits inside
// its mapping, are worked out only on demand.
// A JSON file is read by JSON.parse instead, its containers located by a scan (json-starts.ts).
import jsyaml from "js-yaml";
import { jsonContainerStarts, looksLikeJson } from "./json-starts.js";
import { isUtf8 } from "node:buffer";
import { keepLeavesOf, readYamlInLeaves, skipBlank, type LeafStore, type ReadYaml } from "./chunked-yaml.js";
import { keySpellings, lineStartsOf, outlineYaml, SPLIT_ABOVE, type OutlineLeaf, type OutlineNode } from "./yaml-outline.js";
import { hashesAfter, patchOutline } from "./outline-patch.js";
import type { KeptText } from "./spec-text-cache.js";
import { textDelta, type TextDelta } from "./text-delta.js";
import { implicitTypesOf, readBlockYaml, readScannedYaml } from "./block-yaml.js";
import type { ScannedText, TextBytes } from "./scanned-text.js";

export interface ParsedSource {
  value: unknown;
  /** Offset of the first character of a mapping or sequence (its first key or item). */
  startOf(container: object): number | undefined;
  /** Offset of `key` inside `container` (the key itself), falling back to the container. */
  offsetOf(container: object, key: string): number | undefined;
  lineCol(offset: number): { line: number; col: number };
  /** The text parsed (the incremental normalizer hashes slices of it). */
  text: string;
  /**
   * The text to read ASCII from by offset (a key and the digits after it): a scanned text's
   * one-byte copy, which has the same positions (other characters stand in as DEL), so that
   * reading a few characters does not decode the whole text.
   */
  asciiText: string;
  /** A YAML anchor is written somewhere: a value may then be shared by places far apart in the text. */
  hasAnchors: boolean;
  /** Where the text differs from the one the previous run read (a regeneration's root document only). */
  changed?: TextChange;
  /** The sha256 of the text's bytes, when a history was given: what a state made from this text is tied to. */
  textId?: string;
}

/** A TextDelta against the text the previous run kept, which `since` names (its bytes' sha256). */
export interface TextChange extends TextDelta {
  since: string;
  /** The previous outline was carried over (outline-patch.ts), not made afresh. */
  carried?: boolean;
}

export class ParseFailure extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly detail: string,
    /** False for well-formed YAML with a value JSON cannot hold (NotJsonNumber): the message says so alone. */
    readonly malformed = true,
  ) {
    super(detail);
  }
}

/** YAML 1.2 core types plus merge keys; no timestamps (a date stays the string the spec wrote). */
// (`types` is exported by js-yaml 4 but missing from its type declarations.)
const MERGE = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types.merge;
const SCHEMA = jsyaml.CORE_SCHEMA.extend({ implicit: [MERGE] });

/**
 * What a run knows of a file's text from the previous run (spec-text-cache.ts), and where it keeps
 * what it reads of it now for the next run: only for the root document, only in a regeneration.
 */
export interface TextHistory {
  previous: KeptText | undefined;
  /** The bytes this run decoded into the text it parses. */
  bytes: Uint8Array;
  /** Their sha256, hex: what the next run's `changed.since` names this text by. */
  id: string;
  /** Called with what this run made of the text (its outline, leaf hashes and line starts). */
  remember(made: { text: string; outline: OutlineNode[]; hashes: string[]; lineStarts: ArrayLike<number> }): void;
}

/**
 * With a store, a YAML document is read leaf by leaf, reusing the leaves read before, or read whole
 * and its leaves saved for the next run (the same result either way). `splitAbove`: see yaml-outline.ts.
 * With a history, the outline, leaf hashes and line starts of the part of the text the previous
 * run read too are carried over (outline-patch.ts; the same values either way). `source` is the
 * text, or the file's bytes (the same result: a YAML document read whole is then read from them
 * without the text being decoded, which only `text` does, on first use).
 */
export function parseSource(
  source: string | TextBytes,
  leaves?: LeafStore,
  splitAbove = SPLIT_ABOVE,
  history?: TextHistory,
): ParsedSource {
  if (typeof source !== "string") {
    // YAML read whole: from the text as scanned from its bytes (scanned-text.ts), decoded only if asked for.
    const scanned = leaves || source.looksLikeJson() ? undefined : source.scan();
    if (scanned) {
      const read = readYaml(scanned);
      return located(scanned, read, lineStartsIn(scanned, read.scanned), undefined, history?.id);
    }
    return parseSource(source.text, leaves, splitAbove, history);
  }
  const text = source;
  const json = looksLikeJson(text) ? readJson(text) : undefined;
  if (json) return located(text, { ...json, anchored: false }, undefined, undefined, undefined);
  const since = leaves && history ? changeSince(history, text) : undefined;
  const patched = since && patchOutline(history!.previous!, text, since, splitAbove);
  const lines = patched?.lineStarts ?? (leaves ? lineStartsOf(text) : undefined);
  const outline = patched?.outline ?? (leaves && lines && outlineYaml(text, splitAbove, lines));
  if (!leaves || !outline || !lines) {
    const read = readYaml(text);
    return located(text, read, lines ?? lineStartsIn(text, read.scanned), undefined, history?.id);
  }
  const hashes = patched?.hashes ?? hashesAfter(history?.previous, since, text, outline);
  const read = readAlongOutline(text, outline, hashes, leaves);
  history?.remember({ text, outline, hashes: [...hashes.values()], lineStarts: lines });
  return located(text, read, lines, since && (patched ? { ...since, carried: true } : since), history?.id);
}

/**
 * Where `text` differs from the text the previous run kept, when both are known and its bytes are
 * valid UTF-8 (so characters follow from bytes).
 */
function changeSince(history: TextHistory, text: string): TextChange | undefined {
  const { previous, bytes } = history;
  if (!previous || !isUtf8(bytes)) return undefined;
  return { ...textDelta(previous.bytes, bytes, previous.chars, text.length), since: previous.id };
}

/** Leaf by leaf, or whole with the leaves saved for the next run: one outline for both. */
function readAlongOutline(text: string, outline: OutlineNode[], hashes: Map<OutlineLeaf, string>, leaves: LeafStore): ReadYaml {
  const inLeaves = readYamlInLeaves(text, outline, hashes, leaves, parseYaml);
  if (inLeaves) return inLeaves;
  const whole = readYaml(text);
  if (!whole.anchored) leaves.later(() => keepLeavesOf(text, outline, hashes, whole, leaves));
  return whole;
}

/** JSON.parse with the containers' starts, or undefined when the text needs js-yaml (not strict JSON, or a key written twice). */
function readJson(text: string): { value: unknown; starts: Map<object, number> } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const starts = jsonContainerStarts(text, value);
  return starts ? { value, starts } : undefined;
}

/**
 * The line starts of `text`, found in `scanned` when the reader gave it (its text with an end
 * appended, one byte per character: the 3 MB OpenAI spec's 87,000 lines in ~4 against ~6 ms).
 */
function lineStartsIn(text: string | ScannedText, scanned: string | undefined): Int32Array {
  if (scanned === undefined) return lineStartsOf(textOf(text));
  const starts = lineStartsOf(scanned);
  // The line break the reader appends when the text has none at its end starts no line of the text.
  return starts[starts.length - 1]! > text.length ? starts.subarray(0, starts.length - 1) : starts;
}

/** The text itself (a scanned text decodes it now). */
function textOf(source: string | ScannedText): string {
  return typeof source === "string" ? source : source.text;
}

function readYaml(source: string | ScannedText): ReadYaml {
  // A Map, not a WeakMap: the containers live as long as the document anyway, and a WeakMap's
  // insertions cost about twice as much (and more garbage-collection work) for ~100,000 containers.
  const starts = new Map<object, number>();
  try {
    if (typeof source === "string") return { ...parseYaml(source, 0, starts), starts };
    const read = readScannedYaml(source, 0, starts, IMPLICIT);
    return read ? { value: read.value, anchored: false, scanned: read.scanned, starts } : { ...jsYaml(source.text, 0, starts), starts };
  } catch (e) {
    if (e instanceof jsyaml.YAMLException) {
      const mark = e.mark as { line?: number; column?: number } | undefined;
      throw new ParseFailure((mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, e.reason ?? e.message, !(e instanceof NotJsonNumber));
    }
    throw e;
  }
}

const IMPLICIT = implicitTypesOf(SCHEMA);

/**
 * `text` (found at `offset` in the document) read as js-yaml reads it, recording where each
 * container starts: by block-yaml.ts when it can (the same result, faster), else by js-yaml.
 * `cut`: a leaf sliced from the document (block-yaml.ts then holds it one byte per character).
 */
function parseYaml(
  text: string,
  offset: number,
  starts: Map<object, number>,
  cut = false,
): { value: unknown; anchored: boolean; scanned?: string } {
  const read = readBlockYaml(text, offset, starts, IMPLICIT, cut);
  return read ? { value: read.value, anchored: false, scanned: read.scanned } : jsYaml(text, offset, starts);
}

/**
 * `.inf`, `.nan` or a float too large for a double, at `at` in `text`: js-yaml's core schema reads
 * them, but OpenAPI limits YAML to what JSON can hold, and a value the IR, its snapshot and every
 * cache (JSON all) would turn into `null` behind the user's back is refused where it is written.
 * A js-yaml error, so that a leaf read alone falls back to the whole document (chunked-yaml.ts),
 * which reports it at its line in the file (readYaml), not as malformed YAML.
 */
class NotJsonNumber extends jsyaml.YAMLException {
  constructor(text: string, at: number, value: number) {
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    let line = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
    const written = text.slice(at, text.slice(at).search(/[\s,\]}]|$/) + at);
    const reason =
      `\`${written}\` reads as ${value}, a number JSON cannot hold: OpenAPI documents are limited to JSON's values ` +
      "(write a finite number, or leave the keyword out)";
    super(reason, { line, column: at - lineStart } as unknown as jsyaml.Mark);
  }
}

/** js-yaml over `text` (found at `offset` in the document), recording where each container starts. */
function jsYaml(text: string, offset: number, starts: Map<object, number>): { value: unknown; anchored: boolean } {
  const open: number[] = [];
  let state: { anchorMap?: object } | undefined;
  const value = jsyaml.load(text, {
    schema: SCHEMA,
    listener(event, s) {
      state = s as { anchorMap?: object };
      if (event === "open") {
        open.push(s.position);
        return;
      }
      const at = open.pop()!;
      const result: unknown = s.result;
      if (typeof result === "number" && !Number.isFinite(result)) throw new NotJsonNumber(text, skipBlank(text, at), result);
      // Aliases give back the anchored object: keep the anchor's position.
      if (result !== null && typeof result === "object" && !starts.has(result)) starts.set(result, contentStart(text, at) + offset);
    },
  });
  const anchors = state?.anchorMap;
  return { value, anchored: anchors !== undefined && Object.keys(anchors).length > 0 };
}

/**
 * Where a node that js-yaml opened at `at` has its content: past blanks, comments and its anchor
 * and tag (`&name`, `!tag`), so that an anchored mapping starts at its first key, as any other does
 * (findKey looks for keys at that one's column).
 */
function contentStart(text: string, at: number): number {
  let i = skipBlank(text, at);
  while (text[i] === "&" || text[i] === "!") {
    while (i < text.length && text[i] !== " " && text[i] !== "\t" && text[i] !== "\n" && text[i] !== "\r") i++;
    i = skipBlank(text, i);
  }
  return i;
}

function located(
  source: string | ScannedText,
  read: ReadYaml,
  lines: ArrayLike<number> = lineStartsOf(textOf(source)),
  changed: TextChange | undefined,
  textId: string | undefined,
): ParsedSource {
  const { value, starts } = read;
  return {
    value,
    // A getter: a scanned text is decoded only if something asks for the text (a cold run does not).
    get text() {
      return textOf(source);
    },
    get asciiText() {
      return typeof source === "string" ? source : source.scanned;
    },
    hasAnchors: read.anchored,
    ...(changed ? { changed } : {}),
    ...(textId !== undefined ? { textId } : {}),
    startOf: (container) => starts.get(container),
    offsetOf: (container, key) => {
      const at = starts.get(container);
      return at === undefined ? undefined : (findKey(keyText(source, key), at, key) ?? at);
    },
    lineCol: (offset) => {
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, col: offset - lines[lo]! + 1 };
    },
  };
}

/**
 * The text to look for `key` in: a scanned text's one-byte copy (the same positions and line breaks)
 * when the key is ASCII but DEL (which stands for the characters beyond ASCII there), as every
 * spelling of it then is; else the text itself.
 */
function keyText(source: string | ScannedText, key: string): string {
  return typeof source !== "string" && ASCII.test(key) ? source.scanned : textOf(source);
}

const ASCII = /^[\x00-\x7e]*$/;

/**
 * Where `key:` is written among the keys of a mapping that starts at `start`: in a block mapping,
 * at the first key's column on a later line (before the mapping ends); in a flow mapping, after
 * `{` or `,`. Asked for error messages and for each operation's `parameters` (its params model's
 * source): a plain scan, reading the text in place.
 */
function findKey(text: string, start: number, key: string): number | undefined {
  const forms = keySpellings(key);
  if (text[start] === "{") {
    // One pattern for every spelling, so the scan stops at the nearest one: a pattern per spelling
    // scanned a JSON spec (quoted keys) to its end for the bare spelling first, for every key asked
    // about, which made normalizing a large JSON spec quadratic.
    const re = new RegExp(`[{,]\\s*(${forms.map(escapeRegExp).join("|")})\\s*:`, "g");
    re.lastIndex = start;
    const m = re.exec(text);
    return m ? m.index + m[0].indexOf(m[1]!) : undefined;
  }
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const column = start - lineStart;
  // Each line is read in place (no slices, no regex per line): operations' `parameters` are looked
  // up this way for every operation, past every key written before them.
  let pos = start;
  for (;;) {
    if (forms.some((f) => keyAt(text, pos, f, key.length + 8))) return pos;
    // Next line at the same indentation; stop when the mapping ends (less indentation).
    let next = text.indexOf("\n", pos);
    for (;;) {
      if (next === -1) return undefined;
      const lineBegin = next + 1;
      // Leading spaces, counted up to one past the column (more than that is "deeper" all the same).
      let indent = 0;
      while (indent <= column && text.charCodeAt(lineBegin + indent) === 32) indent++;
      const ch = text[lineBegin + indent];
      if (ch === undefined || ch === "\n" || ch === "#" || indent > column) {
        next = text.indexOf("\n", lineBegin);
        continue;
      }
      if (indent < column) return undefined;
      pos = lineBegin + indent;
      break;
    }
  }
}

/**
 * `form` is written at `pos`, then white space and a colon, all within `window` characters (the
 * window a key's spelling and its colon were always looked for in).
 */
function keyAt(text: string, pos: number, form: string, window: number): boolean {
  if (form.length > window || !text.startsWith(form, pos)) return false;
  const end = Math.min(pos + window, text.length);
  let i = pos + form.length;
  while (i < end && WHITE_SPACE.test(text[i]!)) i++;
  return i < end && text.charCodeAt(i) === 58;
}

const WHITE_SPACE = /\s/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
