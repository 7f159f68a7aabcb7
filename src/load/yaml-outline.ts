// The block-mapping skeleton of a YAML document, found from indentation alone: which lines hold
// which entries, and which large entries are themselves block mappings of entries. Each leaf (one
// entry's lines) can then be parsed on its own and its result reused while its text is unchanged
// (chunked-yaml.ts). Anything the outline is not sure of stays inside a leaf, and a document it
// cannot outline at all (directives, several documents) gets no outline: js-yaml reads it whole.

/** One entry's lines, parsed on their own: `[start, end)` character offsets in the document. */
export interface OutlineLeaf {
  kind: "leaf";
  start: number;
  end: number;
}

/** An entry `key:` whose value is a block mapping, outlined in turn. */
export interface OutlineBranch {
  kind: "branch";
  key: string;
  /** Offset just after the key's colon: the value's node starts at the first content after it. */
  valueFrom: number;
  children: OutlineNode[];
}

export type OutlineNode = OutlineLeaf | OutlineBranch;

/** Entries larger than this are outlined further when their value is a block mapping. */
export const SPLIT_ABOVE = 4096;

// A key that needs no parsing to be known: plain, not a number/bool/null/merge key in YAML 1.2's core
// schema (those would turn into other strings as object keys), nothing but spaces or a comment after
// the colon.
const PLAIN_KEY_ONLY = /^ *([A-Za-z_$/][A-Za-z0-9_$/.{}()@+-]*):[ ]*(?:#.*)?\r?$/;
const CORE_WORDS = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/**
 * Where each line starts, and its indentation: -1 for a blank or comment-only line. `next`: for a
 * line with content, the next line with content indented no deeper (the lines' count when none), so
 * a mapping's entries are found without visiting the lines of their values (at every depth).
 */
interface Lines {
  starts: ArrayLike<number>;
  indents: Int32Array;
  next: Int32Array;
}

/** The document's outline, or undefined when it must be read whole. `lineStarts`: where each line starts, when known. */
export function outlineYaml(
  text: string,
  splitAbove = SPLIT_ABOVE,
  lineStarts: ArrayLike<number> = lineStartsOf(text),
): OutlineNode[] | undefined {
  const lines = scanLines(text, lineStarts);
  if (!lines) return undefined;
  const first = lines.indents.findIndex((indent) => indent !== -1);
  if (first === -1 || lines.indents[first] !== 0) return undefined;
  return outlineRegion(text, lines, 0, lineStarts.length, 0, splitAbove);
}

/**
 * The outline of some consecutive entries of a mapping, `[start, end)` of `text`, as `outlineYaml`
 * would outline them in their place: entries at `indent`, `end` where the next entry starts or the
 * text ends. Undefined when the text is not one or more such entries (a line indented less, a line
 * `outlineYaml` refuses), so the caller outlines the whole document instead. `leading`: blank or
 * comment lines may come before the first entry (the first entry of its mapping takes them; any
 * other entry starts at its key's line).
 */
export function outlineEntries(
  text: string,
  start: number,
  end: number,
  indent: number,
  leading: boolean,
  splitAbove = SPLIT_ABOVE,
): OutlineNode[] | undefined {
  if (end <= start || (end < text.length && text.charCodeAt(end - 1) !== NEWLINE)) return undefined;
  const starts = [start];
  for (let i = text.indexOf("\n", start); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  // The next entry's line stays as the last line start, so the last entry's last line ends where it should.
  const to = end < text.length ? starts.length - 1 : starts.length;
  const lines = scanLines(text, starts);
  if (!lines) return undefined;
  // The first entry's key line comes first (after blank and comment lines, for a mapping's first entry), at `indent`.
  let first = 0;
  while (leading && first < to && lines.indents[first] === -1) first++;
  if (first === to || lines.indents[first] !== indent) return undefined;
  return outlineRegion(text, lines, 0, to, indent, splitAbove);
}

/** Offsets where lines start (after a final newline too: an error at the end is on the line after it). */
export function lineStartsOf(text: string): Int32Array {
  // Into typed memory sized from the text's length (a line per 16 characters: a spec's average ~35),
  // doubled when short: an array grown by push copied its elements at each growth and touched ~3 MB
  // of fresh pages for the 87,000 lines of the 3 MB OpenAI spec (~650 page faults, ~2 ms here).
  let out = new Int32Array(Math.max(16, text.length >> 4));
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (n === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[n++] = i + 1;
  }
  return out.subarray(0, n);
}

/** The lines' indentation, or undefined for a document to read whole: directives, document markers, tabs in indentation. */
function scanLines(text: string, starts: ArrayLike<number>): Lines | undefined {
  const indents = new Int32Array(starts.length);
  for (let n = 0; n < starts.length; n++) {
    const start = starts[n]!;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    // Character codes, not one-character strings: this runs once per line, before the JIT has warmed up.
    const c = text.charCodeAt(i);
    if (c === TAB) return undefined;
    if (i === start && (c === PERCENT || ((c === DASH || c === DOT) && (text.startsWith("---", i) || text.startsWith("...", i)))))
      return undefined;
    const blank = Number.isNaN(c) || c === NEWLINE || c === RETURN || c === HASH;
    indents[n] = blank ? -1 : i - start;
  }
  // Lines with content from the last: the stack holds the lines after this one that are indented
  // less than every line between (increasing indentation towards the top).
  const next = new Int32Array(starts.length);
  const stack: number[] = [];
  for (let n = starts.length - 1; n >= 0; n--) {
    const indent = indents[n]!;
    if (indent === -1) continue;
    while (stack.length > 0 && indents[stack[stack.length - 1]!]! > indent) stack.pop();
    next[n] = stack.length > 0 ? stack[stack.length - 1]! : starts.length;
    stack.push(n);
  }
  return { starts, indents, next };
}

const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const HASH = 35;
const PERCENT = 37;
const DASH = 45;
const DOT = 46;

/**
 * The entries of the lines `[from, to)`, a block mapping at `indent`, or undefined when a line
 * there is not an entry or a continuation of one (less indented, or a sequence item: not a mapping).
 */
function outlineRegion(
  text: string,
  lines: Lines,
  from: number,
  to: number,
  indent: number,
  splitAbove: number,
): OutlineNode[] | undefined {
  const starts: number[] = [];
  let i = from;
  while (i < to && lines.indents[i] === -1) i++;
  // From a line at the mapping's indentation to the next one no deeper: the lines between are blank or deeper.
  for (; i < to; i = lines.next[i]!) {
    const lineIndent = lines.indents[i]!;
    if (lineIndent > indent) continue;
    if (lineIndent < indent) return undefined;
    const at = lines.starts[i]! + indent;
    const c = text[at];
    // A sequence item at the key's indentation continues the entry before it (`key:\n- a`).
    if (c === "-" && starts.length > 0 && isSequenceDash(text, at)) continue;
    if (c === "-" || c === "?" || c === ":" || c === "[" || c === "{") return undefined;
    starts.push(i);
  }
  if (starts.length === 0) return undefined;
  const nodes: OutlineNode[] = [];
  for (let e = 0; e < starts.length; e++) {
    const lineFrom = starts[e]!;
    const lineTo = e + 1 < starts.length ? starts[e + 1]! : to;
    // Blank and comment lines before the first entry go with it, so every character is in a leaf.
    const leafStart = lines.starts[e === 0 ? from : lineFrom]!;
    const end = lineTo < lines.starts.length ? lines.starts[lineTo]! : text.length;
    nodes.push(branchOf(text, lines, lineFrom, lineTo, end - leafStart, splitAbove) ?? { kind: "leaf", start: leafStart, end });
  }
  return nodes;
}

/** The entry at `lineFrom` as a branch, when it is large, its key plain and its value a block mapping. */
function branchOf(
  text: string,
  lines: Lines,
  lineFrom: number,
  lineTo: number,
  size: number,
  splitAbove: number,
): OutlineBranch | undefined {
  if (size <= splitAbove) return undefined;
  const keyStart = lines.starts[lineFrom]!;
  const keyIndent = lines.indents[lineFrom]!;
  const lineEnd = text.indexOf("\n", keyStart);
  const match = PLAIN_KEY_ONLY.exec(text.slice(keyStart, lineEnd === -1 ? text.length : lineEnd));
  if (!match || CORE_WORDS.test(match[1]!)) return undefined;
  let firstChild = lineFrom + 1;
  while (firstChild < lineTo && lines.indents[firstChild] === -1) firstChild++;
  if (firstChild === lineTo) return undefined;
  const childIndent = lines.indents[firstChild]!;
  if (childIndent <= keyIndent) return undefined;
  const children = outlineRegion(text, lines, lineFrom + 1, lineTo, childIndent, splitAbove);
  if (!children) return undefined;
  // A copy held one byte per character (PLAIN_KEY_ONLY: ASCII): a slice of a text with characters
  // beyond Latin-1 is held two bytes per character, and the key goes into every model id below it
  // ("components", "schemas"), and through them into names, file paths and bookkeeping files.
  const key = Buffer.from(match[1]!, "latin1").toString("latin1");
  return { kind: "branch", key, valueFrom: text.indexOf(":", keyStart + keyIndent + key.length) + 1, children };
}

/** How a mapping key may be written: plain, double-quoted (as JSON writes it) or single-quoted. */
export function keySpellings(key: string): string[] {
  return [key, JSON.stringify(key), `'${key.replace(/'/g, "''")}'`];
}

function isSequenceDash(text: string, at: number): boolean {
  const next = text[at + 1];
  return next === undefined || next === " " || next === "\n" || next === "\r";
}
