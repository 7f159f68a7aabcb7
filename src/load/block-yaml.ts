// A faster reader for the YAML that API specs are written in: block mappings and sequences, flow
// collections, plain, quoted and block scalars. It reads them by js-yaml's own rules (the same
// indentation, folding, chomping and escapes, plain scalars resolved by the schema's own implicit
// types) and records where each mapping and sequence starts as parse-source.ts's js-yaml listener
// does, so its result is the value and positions js-yaml gives. It is not a YAML parser: whatever
// it does not read, or where js-yaml would fail or warn, it gives up (`undefined`) and the caller
// reads the text with js-yaml, whose value or error then stands: anchors, aliases, tags,
// directives, document markers, explicit `?` keys, merge keys, tabs outside scalars, CR line
// breaks, non-printable characters, a key written twice, `__proto__`, anything malformed.
//
// Why: js-yaml took ~1.5 G instructions to read the 3 MB OpenAI spec (its listener, a state object
// written per character class, a regular expression over every scalar, each plain scalar tried
// against every implicit type), a fifth of a cold TypeScript-only run and the largest single part
// before any model exists; this reader takes ~1.0 G.
// test/load/block-yaml.test.ts reads every OpenAI spec, every fixture and generated documents
// both ways and requires the same values and positions.
import type jsyaml from "js-yaml";
import { readerEnd, refusedByReader, STAND_IN, STAND_IN_CODE, type ScanInput } from "./scan-input.js";

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const QUOTE = 39;
const DQUOTE = 34;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const QUESTION = 63;
const BACKSLASH = 92;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;
const PIPE = 124;
const GREATER = 62;

/** Where a node is read (js-yaml's contexts): inside a flow collection, as a block mapping's key, or in block context. */
const FLOW_IN = 1;
const FLOW_OUT = 2;
const BLOCK_IN = 3;
const BLOCK_OUT = 4;

/** A node with no content (js-yaml's composeNode returning false). */
const NONE: unique symbol = Symbol("no node");
type Node = unknown;

/** Thrown to give up; caught once, in readBlockYaml. */
class GiveUp extends Error {}
const GIVE_UP = new GiveUp("not read here: js-yaml reads it");

const MERGE_TAG = "tag:yaml.org,2002:merge";

/** What the reader calls of a js-yaml implicit type (its declarations do not list `tag`). */
export interface ImplicitType {
  tag: string;
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

/** The implicit types of a js-yaml schema, in its order (`compiledImplicit` is not in js-yaml's type declarations either). */
export function implicitTypesOf(schema: jsyaml.Schema): readonly ImplicitType[] {
  const types = (schema as unknown as { compiledImplicit?: ImplicitType[] }).compiledImplicit;
  if (!Array.isArray(types)) throw new Error("js-yaml schema without compiledImplicit");
  return types;
}

/**
 * `text` (found at `offset` in the document) read as js-yaml reads it with a schema whose implicit
 * types are `implicit`, each mapping's and sequence's start recorded in `starts` at `offset +` its
 * first key, item, `[` or `{`; undefined when js-yaml must read it (see above). `cut`: the text was
 * sliced from a larger one (a leaf of the spec, chunked-yaml.ts), which V8 may hold two bytes per
 * character: a slice of it is held so too, even when all ASCII (see oneByte). `scanned`: the text
 * the reader scanned, one byte per character when the text was not, with the reader's end (a line
 * break when the text did not end with one, then NUL) after it: the same positions, and the same
 * line breaks, as `text` (the loader finds the line starts in it, faster than in a two-byte text).
 */
export function readBlockYaml(
  text: string,
  offset: number,
  starts: Map<object, number>,
  implicit: readonly ImplicitType[],
  cut = false,
): { value: unknown; scanned: string } | undefined {
  const beyond = text.length === 0 ? "refused" : scanCharacters(text);
  if (beyond === "refused") return undefined;
  const end = readerEnd(text.charCodeAt(text.length - 1) === LF);
  const unicode = beyond.length > 0;
  const input: ScanInput = {
    scanned: unicode || cut ? oneByte(text, beyond, end) : `${text}${end}`,
    length: text.length,
    beyond,
    written: (from, to) => text.slice(from, to),
  };
  return readInput(input, offset, starts, implicit);
}

/**
 * `input` read as readBlockYaml reads its text (whose `scanned` and `written` it makes): for a text
 * made one byte per character from its file's bytes without decoding them into a string first
 * (scanned-text.ts), the controls and DEL scanCharacters refuses are looked for here.
 */
export function readScannedYaml(
  input: ScanInput,
  offset: number,
  starts: Map<object, number>,
  implicit: readonly ImplicitType[],
): { value: unknown; scanned: string } | undefined {
  if (input.length === 0 || hasRefusedAscii(input)) return undefined;
  return readInput(input, offset, starts, implicit);
}

/**
 * Whether the text has a character the reader refuses (refusedByReader): in a scanned text every
 * character outside printable ASCII is ASCII (a control, or DEL) or a stand-in at one of `beyond`.
 */
function hasRefusedAscii(input: ScanInput): boolean {
  const outside = outsidePrintableAscii();
  const { scanned, length, beyond } = input;
  let next = 0;
  for (let m = outside.exec(scanned); m !== null && m.index < length; m = outside.exec(scanned)) {
    const i = m.index;
    while (next < beyond.length && beyond[next]! < i) next++;
    if (beyond[next] !== i && refusedByReader(scanned.charCodeAt(i))) return true;
  }
  return false;
}

function readInput(
  input: ScanInput,
  offset: number,
  starts: Map<object, number>,
  implicit: readonly ImplicitType[],
): { value: unknown; scanned: string } | undefined {
  const reader = new Reader(input, implicit, starts, offset);
  try {
    return { value: reader.document(), scanned: input.scanned };
  } catch (e) {
    if (e !== GIVE_UP) throw e;
    // The containers read before giving up are not in js-yaml's value: their starts go.
    for (const container of reader.made) starts.delete(container);
    return undefined;
  }
}

/**
 * "refused" when the text has a character js-yaml refuses or treats apart: controls other than tab
 * and LF (CR too: its line breaks are not read here), DEL and C1 controls but NEL, U+FEFF (a BOM),
 * U+FFFE/U+FFFF, lone surrogates; else where its UTF-16 units beyond ASCII are (none: all ASCII).
 * The pattern finds where characters outside printable ASCII start (a native scan; specs are nearly
 * all ASCII), and the run of them there is judged one by one: a text written in another script has
 * runs of them (a word, a sentence), and a match per character cost ~0.2 µs each.
 */
function scanCharacters(text: string): "refused" | number[] {
  const outside = outsidePrintableAscii();
  const beyond: number[] = [];
  for (let m = outside.exec(text); m !== null; m = outside.exec(text)) {
    let i = m.index;
    for (let c = text.charCodeAt(i); i < text.length && !printableAscii(c); c = text.charCodeAt(i)) {
      if (refusedByReader(c)) return "refused";
      beyond.push(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (!(next >= 0xdc00 && next <= 0xdfff)) return "refused";
        beyond.push(i + 1);
        i += 2;
      } else if (c >= 0xdc00 && c <= 0xdfff) return "refused";
      else i++;
    }
    outside.lastIndex = i;
  }
  return beyond;
}

/** A pattern finding characters other than tab, LF and printable ASCII (printableAscii's complement); global, so a fresh one per scan. */
function outsidePrintableAscii(): RegExp {
  return /[^\t\n\x20-\x7e]/g;
}

/** Tab, LF or printable ASCII: what outsidePrintableAscii passes over. */
function printableAscii(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || c === 0x09 || c === 0x0a;
}

/**
 * `text` and then `end`, with every UTF-16 unit beyond ASCII (at `beyond`, as scanCharacters found
 * them) replaced by STAND_IN, as a one-byte string: the same length and the same positions, every character the
 * reader acts on where it was. One character beyond ASCII (the 3 MB OpenAI spec has 36) makes V8
 * keep the whole text, and every string sliced from it, two bytes per character, which every later
 * step pays for (the reader's scans, the normalizer's and views' string work, JSON text, hashing
 * and UTF-8 encoding of the output): ~6% of a cold TypeScript-only run's instructions. Latin-1
 * keeps each unit's low byte, so the units beyond ASCII are overwritten in the bytes before they
 * become a string again (a `replace` of them first, then the bytes, took twice as long: ~10 against
 * ~4 ms on that spec). A slice of such a text is two bytes per character too, all ASCII or not: a
 * leaf read again after a spec edit made its model's strings, and through them the ~3 MB IR snapshot
 * and the units files that every regeneration writes, two bytes per character (their text hashed,
 * encoded and written at twice the cost), so a cut text is made one-byte whatever it holds.
 */
function oneByte(text: string, beyond: readonly number[], end: string): string {
  // `end` written into the same bytes: appended to the string after, it made V8 copy the 3 MB again
  // to flatten the pair (~2.5 ms, most of it the first touch of the new pages).
  const bytes = Buffer.allocUnsafe(text.length + end.length);
  bytes.write(text, 0, "latin1");
  bytes.write(end, text.length, "latin1");
  for (const i of beyond) bytes[i] = STAND_IN_CODE;
  return bytes.toString("latin1");
}

function isWhiteSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isWsOrEol(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === 0;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;
}

/** The implicit types of js-yaml's core schema, by tag and in its order; a schema extended with the merge key has it after them. */
const CORE_TAGS = ["tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"];

/** Whether `implicit` is js-yaml's core schema's list, with or without the merge key after it. */
function isCoreSchema(implicit: readonly ImplicitType[]): boolean {
  let core = coreLists.get(implicit);
  if (core === undefined) {
    const tags = implicit.map((t) => t.tag);
    if (tags.length === CORE_TAGS.length + 1 && tags[CORE_TAGS.length] === MERGE_TAG) tags.pop();
    coreLists.set(implicit, (core = tags.length === CORE_TAGS.length && tags.every((tag, i) => tag === CORE_TAGS[i])));
  }
  return core;
}

/** isCoreSchema's answers: a reader is made per leaf of the spec, always with the loader's one list. */
const coreLists = new WeakMap<readonly ImplicitType[], boolean>();

/**
 * The plain scalars starting with a letter that the core schema resolves: its null and bool words
 * (js-yaml's resolveYamlNull and resolveYamlBoolean). Its ints and floats start with a digit, a sign
 * or a dot, and the merge key with `<`; so any other word starting with a letter is a string.
 */
const CORE_WORDS = new Map<string, null | boolean>([
  ["null", null],
  ["Null", null],
  ["NULL", null],
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["False", false],
  ["FALSE", false],
]);

/**
 * A plain key that needs none of the general path's checks: a first character no YAML indicator
 * (and no digit, sign or dot: never an int or float), then none that can end a plain scalar in block
 * context (a space, `#`, `:`) or make it something else, and `: ` or `:\n` right after it.
 */
const WORD_KEY = /[A-Za-z_$/][\w$/.{}()@+-]*(?=:[ \n])/y;

/**
 * A plain value on its key's line, or a sequence item, that needs none of the general path's
 * checks: a letter or `_` first (never an int, a float or an indicator), then word characters, `.`,
 * `/` and `-` up to the line break (so no `: `, ` #` or trailing space ends it early).
 */
const WORD_VALUE = /[A-Za-z_][\w./-]*(?=\n)/y;

/** A plain scalar's first character that mayResolve lets through and that is a letter (n, N, t, T, f, F). */
function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** First characters a plain scalar resolved to something other than a string can have (null, bool, int, float, merge). */
function mayResolve(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 126 ||
    c === 110 ||
    c === 78 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70 ||
    c === 43 ||
    c === DASH ||
    c === DOT ||
    c === 60
  );
}

class Reader {
  /** The text with the line break js-yaml adds when it has none at its end, and a 0 that ends it (readerEnd). */
  private readonly s: string;
  /** Read position, the start of its line, and the indentation of the last line whose indentation was passed. */
  private p = 0;
  private lineStart = 0;
  private indent = 0;
  /** The containers whose starts were recorded. */
  readonly made: object[] = [];
  /**
   * The schema is js-yaml's core one: a word is resolved by a lookup (CORE_WORDS) instead of trying
   * each implicit type, as every plain scalar starting with n, t or f in either case would be (in an
   * API spec: `type`, `format`, `number`, `title`, `nullable`, `true`...).
   */
  private readonly core: boolean;
  /** Where the next `:`, `#` and backslash are (plain and double-quoted scalars stop at them). */
  private readonly colons: NextOf;
  private readonly hashes: NextOf;
  private readonly backslashes: NextOf;
  /**
   * With characters beyond ASCII, `s` holds stand-ins for them (see oneByte) and values are cut from
   * it (one-byte strings) except where a stand-in lies: those are cut from the text as written.
   */
  private readonly standIns: NextOf | undefined;

  constructor(
    private readonly input: ScanInput,
    private readonly implicit: readonly ImplicitType[],
    private readonly starts: Map<object, number>,
    private readonly offset: number,
  ) {
    this.core = isCoreSchema(implicit);
    this.s = input.scanned;
    this.standIns = input.beyond.length > 0 ? new NextOf(this.s, STAND_IN) : undefined;
    this.colons = new NextOf(this.s, ":");
    this.hashes = new NextOf(this.s, "#");
    this.backslashes = new NextOf(this.s, "\\");
  }

  document(): unknown {
    const s = this.s;
    while (s.charCodeAt(this.p) === SPACE) {
      this.indent++;
      this.p++;
    }
    this.separation(true);
    const c = s.charCodeAt(this.p);
    // Directives, a document start marker, or nothing at all: js-yaml's.
    // (js-yaml takes `---` at the start of a line as the marker whatever follows it.)
    if (c === 0 || (this.indent === 0 && (c === 37 || s.startsWith("---", this.p)))) throw GIVE_UP;
    const value = this.node(this.indent - 1, BLOCK_OUT, false, true);
    this.separation(true);
    // Anything after the node (a second document, an end marker, text js-yaml rejects): js-yaml's.
    if (s.charCodeAt(this.p) !== 0) throw GIVE_UP;
    return value === NONE ? null : value;
  }

  /** `---` or `...` at the start of a line, followed by white space or the end. */
  private documentMarker(): boolean {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    return (
      (c === DASH || c === DOT) &&
      this.p === this.lineStart &&
      s.charCodeAt(this.p + 1) === c &&
      s.charCodeAt(this.p + 2) === c &&
      isWsOrEol(s.charCodeAt(this.p + 3))
    );
  }

  /**
   * Spaces, line breaks and (with `comments`) comments: js-yaml's skipSeparationSpace. Returns the
   * number of line breaks passed; `indent` is the indentation of the line reached. A tab gives up.
   */
  private separation(comments: boolean): number {
    const s = this.s;
    let breaks = 0;
    let c = s.charCodeAt(this.p);
    for (;;) {
      while (c === SPACE) c = s.charCodeAt(++this.p);
      // (A tab would be js-yaml's "first tab in line", which can fail a block collection later.)
      if (c === TAB) throw GIVE_UP;
      if (comments && c === HASH) {
        const end = s.indexOf("\n", this.p);
        this.p = end === -1 ? s.length - 1 : end;
        c = s.charCodeAt(this.p);
      }
      if (c !== LF) return breaks;
      this.lineStart = ++this.p;
      breaks++;
      let indent = 0;
      c = s.charCodeAt(this.p);
      while (c === SPACE) {
        indent++;
        c = s.charCodeAt(++this.p);
      }
      this.indent = indent;
    }
  }

  /** A node at the read position (js-yaml's composeNode without tags and anchors). */
  private node(parentIndent: number, context: number, seek: boolean, compact: boolean): Node {
    const s = this.s;
    const block = context === BLOCK_OUT || context === BLOCK_IN;
    let status = 1; // this node's indentation against its parent's: 1 deeper, 0 the same, -1 less
    let atNewLine = false;
    if (seek && this.separation(true) > 0) {
      atNewLine = true;
      status = this.indent > parentIndent ? 1 : this.indent === parentIndent ? 0 : -1;
    }
    const c = s.charCodeAt(this.p);
    if (c === 33 || c === 38) throw GIVE_UP; // a tag or an anchor
    const blockCollections = block && (atNewLine || compact);
    if (status !== 1 && context !== BLOCK_OUT) return NONE;
    const flowIndent = context === FLOW_IN || context === FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = this.p - this.lineStart;
    if (status === 0) return blockCollections ? this.blockSequence(blockIndent) : NONE;
    if (status === -1) return NONE;
    if (blockCollections) {
      const sequence = this.blockSequence(blockIndent);
      if (sequence !== NONE) return sequence;
      const mapping = this.blockMapping(blockIndent, flowIndent);
      if (mapping !== NONE) return mapping;
    }
    if (c === OPEN_SQUARE || c === OPEN_CURLY) return this.flowCollection(flowIndent);
    if (block && (c === PIPE || c === GREATER)) return this.blockScalar(flowIndent);
    if (c === QUOTE) return this.singleQuoted();
    if (c === DQUOTE) return this.doubleQuoted();
    if (c === 42) throw GIVE_UP; // an alias
    return this.plain(flowIndent, context === FLOW_IN);
  }

  private blockSequence(nodeIndent: number): Node {
    const s = this.s;
    let c = s.charCodeAt(this.p);
    if (c !== DASH || !isWsOrEol(s.charCodeAt(this.p + 1))) return NONE;
    const start = this.p;
    const result: unknown[] = [];
    while (c !== 0) {
      if (c !== DASH || !isWsOrEol(s.charCodeAt(this.p + 1))) break;
      this.p++;
      if (this.separation(true) > 0 && this.indent <= nodeIndent) {
        result.push(null);
        c = s.charCodeAt(this.p);
        continue;
      }
      const line = this.lineStart;
      const word = this.core ? this.wordValue(nodeIndent) : NONE;
      const item = word !== NONE ? word : this.node(nodeIndent, BLOCK_IN, false, true);
      result.push(item === NONE ? null : item);
      this.separation(true);
      c = s.charCodeAt(this.p);
      if ((this.lineStart === line || this.indent > nodeIndent) && c !== 0) throw GIVE_UP; // bad indentation
      if (this.indent < nodeIndent) break;
    }
    this.started(result, start);
    return result;
  }

  /** Records where a container starts. */
  private started(container: object, at: number): void {
    this.starts.set(container, at + this.offset);
    this.made.push(container);
  }

  private blockMapping(nodeIndent: number, flowIndent: number): Node {
    const s = this.s;
    const start = this.p;
    const result: Record<string, unknown> = {};
    let detected = false;
    let entries = 0;
    let c = s.charCodeAt(this.p);
    while (c !== 0) {
      // Explicit keys (`? `, `: `): js-yaml's.
      if ((c === QUESTION || c === COLON) && isWsOrEol(s.charCodeAt(this.p + 1))) throw GIVE_UP;
      const line = this.lineStart;
      let key = this.core ? this.wordKey() : undefined;
      if (key === undefined) {
        const keyNode = this.node(flowIndent, FLOW_OUT, false, true);
        if (keyNode === NONE) break;
        if (this.lineStart !== line) {
          if (detected) throw GIVE_UP; // a key over several lines
          return keyNode;
        }
        c = s.charCodeAt(this.p);
        while (c === SPACE) c = s.charCodeAt(++this.p);
        if (c === TAB) throw GIVE_UP;
        if (c !== COLON) {
          if (detected) throw GIVE_UP; // a colon is missed
          return keyNode; // not a mapping: the node read is the value
        }
        key = keyText(keyNode);
      }
      if (!isWsOrEol(s.charCodeAt(++this.p))) throw GIVE_UP;
      detected = true;
      let value: Node = NONE;
      if (this.lineStart === line || this.indent > nodeIndent) {
        const word = this.core && this.lineStart === line ? this.wordValue(nodeIndent) : NONE;
        value = word !== NONE ? word : this.node(nodeIndent, BLOCK_OUT, true, false);
        this.separation(true);
      }
      result[key] = value === NONE ? null : value;
      entries++;
      c = s.charCodeAt(this.p);
      if ((this.lineStart === line || this.indent > nodeIndent) && c !== 0) throw GIVE_UP; // bad indentation
      if (this.indent < nodeIndent) break;
    }
    if (!detected) return NONE;
    // A key written twice (js-yaml's error) or `__proto__` (its special case) leaves fewer own keys
    // than entries: counted once here instead of a lookup before every store (see store).
    if (Object.keys(result).length !== entries) throw GIVE_UP;
    this.started(result, start);
    return result;
  }

  /**
   * The text of `[from, to)` for a value: from the text as written where a stand-in lies in it (see
   * oneByte). The word paths slice `s` themselves: their patterns match ASCII only, never a stand-in.
   */
  private cut(from: number, to: number): string {
    const standIns = this.standIns;
    if (standIns === undefined || standIns.from(from) >= to) return this.s.slice(from, to);
    // The text as written ends where the end the reader appended to `s` begins (which holds no stand-in).
    const { length } = this.input;
    return to <= length ? this.input.written(from, to) : this.input.written(from, length) + this.s.slice(length, to);
  }

  /**
   * A key written as one plain word directly followed by `: ` or by `:` and a line break (WORD_KEY),
   * read at once: the position is left at its colon. Undefined when the key is written otherwise;
   * the general path (node, plain, plainInBlock, resolve) then reads it, and would read such a word
   * the same: the scalar ends at that colon, and with the core schema only its null and bool words
   * resolve, to what prints as their lowercase text. Most of a spec's keys are such words and about
   * half of its nodes are keys, each of which went through every branch of that path.
   */
  private wordKey(): string | undefined {
    WORD_KEY.lastIndex = this.p;
    if (!WORD_KEY.test(this.s)) return undefined;
    const text = this.s.slice(this.p, WORD_KEY.lastIndex);
    this.p = WORD_KEY.lastIndex;
    // resolve()'s lookup for a word under the core schema, written here: a call of resolve (and its
    // first-character checks) per key and value was ~2% of a cold parse's instructions.
    return CORE_WORDS.has(text) ? String(CORE_WORDS.get(text)) : text;
  }

  /**
   * A value or sequence item written as one plain word (WORD_VALUE) and not continued on the next
   * line, read at once: the position is left at the line break. NONE otherwise, the position
   * unchanged, and the general path (node, plain, plainInBlock, resolve) reads it; it would read
   * such a word the same (with the core schema, only its null and bool words resolve; an item's
   * scalar is read as a would-be key at its flow indentation, the same as a value's). `type`,
   * `format` and the like are most of a spec's one-line values, enum values and required names
   * most of its items.
   */
  private wordValue(nodeIndent: number): Node {
    const s = this.s;
    let from = this.p;
    while (s.charCodeAt(from) === SPACE) from++;
    WORD_VALUE.lastIndex = from;
    if (!WORD_VALUE.test(s)) return NONE;
    const end = WORD_VALUE.lastIndex;
    const p = this.p;
    const lineStart = this.lineStart;
    const indent = this.indent;
    // More indented lines after it would continue the scalar (plainInBlock, at its flow indentation).
    this.p = end;
    if (this.continues(nodeIndent + 1, end) !== undefined) {
      this.p = p;
      this.lineStart = lineStart;
      this.indent = indent;
      return NONE;
    }
    const text = s.slice(from, end);
    return CORE_WORDS.has(text) ? CORE_WORDS.get(text) : text; // resolve()'s core lookup, as in wordKey
  }

  private flowCollection(nodeIndent: number): Node {
    const s = this.s;
    const start = this.p;
    const mapping = s.charCodeAt(this.p) === OPEN_CURLY;
    const end = mapping ? CLOSE_CURLY : CLOSE_SQUARE;
    const result: unknown = mapping ? {} : [];
    let next = true;
    this.p++;
    for (;;) {
      this.separation(true);
      const c = s.charCodeAt(this.p);
      if (c === 0) throw GIVE_UP;
      if (c === end) {
        this.p++;
        this.started(result as object, start);
        return result;
      }
      if (!next || c === COMMA) throw GIVE_UP;
      if (c === QUESTION && isWsOrEol(s.charCodeAt(this.p + 1))) throw GIVE_UP;
      const line = this.lineStart;
      const keyNode = this.node(nodeIndent, FLOW_IN, false, true);
      this.separation(true);
      let value: Node = NONE;
      let pair = false;
      if (this.lineStart === line && s.charCodeAt(this.p) === COLON) {
        pair = true;
        this.p++;
        this.separation(true);
        value = this.node(nodeIndent, FLOW_IN, false, true);
      }
      if (mapping) store(result as Record<string, unknown>, keyText(keyNode), value === NONE ? null : value);
      else if (pair)
        throw GIVE_UP; // a one-pair mapping inside a sequence
      else (result as unknown[]).push(keyNode === NONE ? null : keyNode);
      this.separation(true);
      if (s.charCodeAt(this.p) === COMMA) {
        next = true;
        this.p++;
      } else next = false;
    }
  }

  private plain(nodeIndent: number, inFlow: boolean): Node {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    if (
      isWsOrEol(c) ||
      isFlowIndicator(c) ||
      c === HASH ||
      c === 38 ||
      c === 42 ||
      c === 33 ||
      c === PIPE ||
      c === GREATER ||
      c === QUOTE ||
      c === DQUOTE ||
      c === 37 ||
      c === 64 ||
      c === 96
    )
      return NONE;
    if (c === QUESTION || c === DASH) {
      const following = s.charCodeAt(this.p + 1);
      if (isWsOrEol(following) || (inFlow && isFlowIndicator(following))) return NONE;
    }
    if (this.p === this.lineStart && this.documentMarker()) throw GIVE_UP;
    const text = inFlow ? this.plainInFlow(nodeIndent) : this.plainInBlock(nodeIndent);
    return text === "" ? NONE : this.resolve(text);
  }

  /**
   * A plain scalar's text in block context: up to a `: `, a ` #` or the end of its line, then on
   * the lines indented at least `nodeIndent`, folded. The stops are found by native searches (a
   * character loop ran mostly in V8's interpreter: the reader runs once, before it gets compiled).
   */
  private plainInBlock(nodeIndent: number): string {
    const s = this.s;
    let result = "";
    let captureStart = this.p;
    let captureEnd = this.p;
    let pending = false;
    let breaks = 0;
    for (;;) {
      const from = this.p;
      const lineEnd = s.indexOf("\n", from);
      if (lineEnd === -1) break; // at the end of the text
      let stop = lineEnd;
      for (let q = this.colons.from(from); q < stop; q = this.colons.from(q + 1))
        if (isWsOrEol(s.charCodeAt(q + 1))) {
          stop = q;
          break;
        }
      for (let h = this.hashes.from(from); h < stop; h = this.hashes.from(h + 1))
        if (isWsOrEol(s.charCodeAt(h - 1))) {
          stop = h;
          break;
        }
      let last = stop - 1;
      while (last >= from && isWhiteSpace(s.charCodeAt(last))) last--;
      if (last >= from) {
        if (pending) {
          result += this.cut(captureStart, captureEnd) + folded(breaks);
          captureStart = from;
          pending = false;
        }
        captureEnd = last + 1;
      }
      this.p = stop;
      if (stop !== lineEnd) break;
      const more = this.continues(nodeIndent, captureEnd);
      if (more === undefined) break;
      if (this.p === this.lineStart && this.documentMarker()) throw GIVE_UP;
      breaks = more;
      pending = true;
    }
    return result + this.cut(captureStart, captureEnd);
  }

  /**
   * At a plain scalar's line break: the line breaks passed to its next line when that line goes on
   * with the scalar (indented at least `nodeIndent`), else undefined, the position back at `end`.
   */
  private continues(nodeIndent: number, end: number): number | undefined {
    const lineStart = this.lineStart;
    const indent = this.indent;
    const breaks = this.separation(false);
    if (this.indent >= nodeIndent) return breaks;
    this.p = end;
    this.lineStart = lineStart;
    this.indent = indent;
    return undefined;
  }

  /** A plain scalar's text inside a flow collection (short: a character loop), js-yaml's rules. */
  private plainInFlow(nodeIndent: number): string {
    const s = this.s;
    let c = s.charCodeAt(this.p);
    let result = "";
    let captureStart = this.p;
    let captureEnd = this.p;
    let pending = false;
    let breaks = 0;
    while (c !== 0) {
      if (c === COLON) {
        if (isWsOrEol(s.charCodeAt(this.p + 1)) || isFlowIndicator(s.charCodeAt(this.p + 1))) break;
      } else if (c === HASH) {
        if (isWsOrEol(s.charCodeAt(this.p - 1))) break;
      } else if (this.p === this.lineStart && this.documentMarker()) {
        throw GIVE_UP;
      } else if (isFlowIndicator(c)) {
        break;
      } else if (c === LF) {
        const more = this.continues(nodeIndent, captureEnd);
        if (more === undefined) break;
        breaks = more;
        pending = true;
        c = s.charCodeAt(this.p);
        continue;
      }
      if (pending) {
        result += this.cut(captureStart, captureEnd) + folded(breaks);
        captureStart = captureEnd = this.p;
        pending = false;
      }
      if (!isWhiteSpace(c)) captureEnd = this.p + 1;
      c = s.charCodeAt(++this.p);
    }
    return result + this.cut(captureStart, captureEnd);
  }

  /** A plain scalar's value by the schema's implicit types, in their order (js-yaml's). */
  private resolve(text: string): unknown {
    const c = text.charCodeAt(0);
    if (!mayResolve(c)) return text;
    if (this.core && isWordStart(c)) return CORE_WORDS.has(text) ? CORE_WORDS.get(text) : text;
    for (const type of this.implicit) {
      if (type.resolve(text)) {
        if (type.tag === MERGE_TAG) throw GIVE_UP;
        const value = type.construct(text);
        // `.inf`, `.nan` or a float too large for a double: no JSON number. js-yaml reads the text and
        // parse-source.ts refuses it there, with its place.
        if (typeof value === "number" && !Number.isFinite(value)) throw GIVE_UP;
        return value;
      }
    }
    return text;
  }

  private singleQuoted(): string {
    const s = this.s;
    let result = "";
    let captureStart = ++this.p;
    let captureEnd = this.p;
    for (;;) {
      const c = s.charCodeAt(this.p);
      if (c === 0) throw GIVE_UP;
      if (c === QUOTE) {
        result += this.cut(captureStart, this.p);
        if (s.charCodeAt(++this.p) !== QUOTE) return result;
        captureStart = this.p;
        captureEnd = ++this.p;
      } else if (c === LF) {
        result += this.cut(captureStart, captureEnd) + folded(this.separation(false));
        captureStart = captureEnd = this.p;
      } else if (this.p === this.lineStart && this.documentMarker()) {
        throw GIVE_UP;
      } else captureEnd = this.p = this.nearest(this.p + 1, s.indexOf("'", this.p + 1));
    }
  }

  /** The first of `at` (a search's result, -1 for none) and the line's end, or the text's end. */
  private nearest(from: number, at: number): number {
    const lineEnd = this.s.indexOf("\n", from);
    const end = this.s.length - 1;
    return Math.min(at === -1 ? end : at, lineEnd === -1 ? end : lineEnd);
  }

  private doubleQuoted(): string {
    const s = this.s;
    let result = "";
    let captureStart = ++this.p;
    let captureEnd = this.p;
    for (;;) {
      let c = s.charCodeAt(this.p);
      if (c === 0) throw GIVE_UP;
      if (c === DQUOTE) {
        result += this.cut(captureStart, this.p);
        this.p++;
        return result;
      }
      if (c === BACKSLASH) {
        result += this.cut(captureStart, this.p);
        c = s.charCodeAt(++this.p);
        if (c === LF) this.separation(false);
        else {
          const simple = c < 256 ? SIMPLE_ESCAPES[c] : undefined;
          if (simple !== undefined) {
            result += simple;
            this.p++;
          } else {
            const digits = c === 120 ? 2 : c === 117 ? 4 : c === 85 ? 8 : 0;
            if (digits === 0) throw GIVE_UP;
            let code = 0;
            for (let i = 0; i < digits; i++) {
              const digit = hexDigit(s.charCodeAt(++this.p));
              if (digit < 0) throw GIVE_UP;
              code = code * 16 + digit;
            }
            // Beyond Unicode js-yaml's shift overflows: its result, not read here.
            if (code > 0x10ffff) throw GIVE_UP;
            result += code <= 0xffff ? String.fromCharCode(code) : surrogatePair(code);
            this.p++;
          }
        }
        captureStart = captureEnd = this.p;
      } else if (c === LF) {
        result += this.cut(captureStart, captureEnd) + folded(this.separation(false));
        captureStart = captureEnd = this.p;
      } else if (this.p === this.lineStart && this.documentMarker()) {
        throw GIVE_UP;
      } else {
        const next = this.p + 1;
        captureEnd = this.p = Math.min(this.nearest(next, s.indexOf('"', next)), this.backslashes.from(next));
      }
    }
  }

  private blockScalar(nodeIndent: number): string {
    const s = this.s;
    const folding = s.charCodeAt(this.p) === GREATER;
    let chomping = 0; // 0 clip, 1 strip, 2 keep
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let c = s.charCodeAt(++this.p);
    for (;;) {
      if (c === 43 || c === DASH) {
        if (chomping !== 0) throw GIVE_UP;
        chomping = c === 43 ? 2 : 1;
      } else if (c >= 48 && c <= 57) {
        if (c === 48 || detectedIndent) throw GIVE_UP;
        textIndent = nodeIndent + (c - 48) - 1;
        detectedIndent = true;
      } else break;
      c = s.charCodeAt(++this.p);
    }
    if (isWhiteSpace(c)) {
      do c = s.charCodeAt(++this.p);
      while (isWhiteSpace(c));
      if (c === HASH) {
        do c = s.charCodeAt(++this.p);
        while (c !== LF && c !== 0);
      }
    }
    let result = "";
    let didReadContent = false;
    let emptyLines = 0;
    let atMoreIndented = false;
    // Once the indentation is known, a line indented that much (most lines) is passed in one native comparison.
    let indentation: string | undefined;
    while (c !== 0) {
      if (c !== LF) throw GIVE_UP; // a line break is expected
      this.lineStart = ++this.p;
      let lineIndent = 0;
      if (detectedIndent) indentation ??= " ".repeat(Math.max(textIndent, 0));
      if (indentation !== undefined && s.startsWith(indentation, this.p)) {
        lineIndent = textIndent;
        this.p += textIndent;
      }
      c = s.charCodeAt(this.p);
      while ((!detectedIndent || lineIndent < textIndent) && c === SPACE) {
        lineIndent++;
        c = s.charCodeAt(++this.p);
      }
      this.indent = lineIndent;
      if (!detectedIndent && lineIndent > textIndent) textIndent = lineIndent;
      if (c === LF) {
        emptyLines++;
        continue;
      }
      if (lineIndent < textIndent) {
        if (chomping === 2) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
        else if (chomping === 0 && didReadContent) result += "\n";
        break;
      }
      if (folding) {
        if (isWhiteSpace(c)) {
          atMoreIndented = true;
          result += lineBreaks(didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          result += lineBreaks(emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) result += " ";
        } else result += lineBreaks(emptyLines);
      } else result += lineBreaks(didReadContent ? 1 + emptyLines : emptyLines);
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = this.p;
      const end = s.indexOf("\n", this.p);
      this.p = end === -1 ? s.length - 1 : end;
      c = s.charCodeAt(this.p);
      result += this.cut(captureStart, this.p);
    }
    return result;
  }
}

/**
 * The next place of one character at or after a position. Remembered: the reader's searches move
 * forward, so each goes on where the last one stopped instead of scanning the same text again.
 */
class NextOf {
  private searchedFrom = 0;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Its position at or after `at`, or the text's length when there is none. */
  from(at: number): number {
    if (at < this.searchedFrom || at > this.found) {
      const found = this.text.indexOf(this.char, at);
      this.searchedFrom = at;
      this.found = found === -1 ? this.text.length : found;
    }
    return this.found;
  }
}

/** `count` line breaks: mostly none or one, without a call to `repeat` for them. */
function lineBreaks(count: number): string {
  return count === 0 ? "" : count === 1 ? "\n" : "\n".repeat(count);
}

/** What line breaks inside a folded scalar become: one is a space, each further one a line break. */
function folded(breaks: number): string {
  return breaks === 1 ? " " : breaks > 1 ? "\n".repeat(breaks - 1) : "";
}

/** A mapping key as js-yaml stores it: String() of a scalar; a collection as a key is not read here. */
function keyText(node: Node): string {
  if (node === NONE || node === null) return "null";
  if (typeof node === "object") throw GIVE_UP;
  return String(node);
}

function store(mapping: Record<string, unknown>, key: string, value: unknown): void {
  // A key written twice is js-yaml's error; `__proto__` its special case. A value is never
  // undefined (an empty one is null), so a key read back as undefined is new: one property load
  // instead of a call per key. One found is written twice, `__proto__`, or the name of an
  // Object.prototype member (`constructor`...), which only the own-property check tells apart.
  if (mapping[key] !== undefined && (key === "__proto__" || Object.hasOwn(mapping, key))) throw GIVE_UP;
  mapping[key] = value;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

function surrogatePair(code: number): string {
  return String.fromCharCode(((code - 0x10000) >> 10) + 0xd800, ((code - 0x10000) & 0x3ff) + 0xdc00);
}

/** `\x` escapes of one character (YAML 1.2's), by the character's code. */
const SIMPLE_ESCAPES: (string | undefined)[] = (() => {
  const table: (string | undefined)[] = new Array(256).fill(undefined);
  const pairs: [string, string][] = [
    ["0", "\x00"],
    ["a", "\x07"],
    ["b", "\x08"],
    ["t", "\x09"],
    ["\t", "\x09"],
    ["n", "\x0A"],
    ["v", "\x0B"],
    ["f", "\x0C"],
    ["r", "\x0D"],
    ["e", "\x1B"],
    [" ", " "],
    ['"', '"'],
    ["/", "/"],
    ["\\", "\\"],
    ["N", "\x85"],
    ["_", "\xA0"],
    ["L", "\u2028"],
    ["P", "\u2029"],
  ];
  for (const [c, v] of pairs) table[c.charCodeAt(0)] = v;
  return table;
})();
