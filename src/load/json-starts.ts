// A JSON spec is read with JSON.parse (several times faster than js-yaml on JSON, and with far less
// garbage: on the 20 MB synthetic spec ~0.4 s against ~2 s), and the offset where each object and
// array starts is found by one scan over the text beside it, matched to the parsed containers by
// key and index. Anything JSON.parse accepts but js-yaml would not read the same way (a key written
// twice: js-yaml rejects it, JSON.parse keeps the last; a number too large for a double, which
// JSON.parse reads as Infinity and the loader refuses) gives up, and the caller reads the text with
// js-yaml as before, so messages and values do not depend on which path read the file. (js-yaml's
// one difference on valid JSON, the integer `-0`, is mended in the scan.)

/** Where each container of `value` (parsed from `text` by JSON.parse) starts; undefined when js-yaml must read the text (see above). */
export function jsonContainerStarts(text: string, value: unknown): Map<object, number> | undefined {
  const starts = new Map<object, number>();
  try {
    scanValue(text, skipSpace(text, 0), value, starts);
  } catch (e) {
    if (e === DUPLICATE_KEY || e === NOT_FINITE) return undefined;
    throw e;
  }
  return starts;
}

/**
 * Whether `text` looks like a JSON document (its first non-blank character opens an object or
 * array); given as UTF-8 bytes, the same answer (JSON's white space and brackets are ASCII).
 */
export function looksLikeJson(text: string | Uint8Array): boolean {
  const codeAt = typeof text === "string" ? (i: number) => text.charCodeAt(i) : (i: number) => text[i] ?? NaN;
  let i = 0;
  while (isSpace(codeAt(i))) i++;
  const c = codeAt(i);
  return c === OPEN_OBJECT || c === OPEN_ARRAY;
}

const DUPLICATE_KEY = new Error("duplicate key");
const NOT_FINITE = new Error("a number JSON.parse read as Infinity");
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function skipSpace(text: string, i: number): number {
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** JSON's white space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The index just past the string starting at `i` (its opening quote). */
function endOfString(text: string, i: number): number {
  let q = text.indexOf('"', i + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    q = text.indexOf('"', q + 1);
  }
}

/** Scans the value starting at `i` (already past blanks), recording container starts; returns the index past it. */
function scanValue(text: string, i: number, value: unknown, starts: Map<object, number>): number {
  const c = text.charCodeAt(i);
  if (c === OPEN_OBJECT) return scanObject(text, i, value as Record<string, unknown>, starts);
  if (c === OPEN_ARRAY) return scanArray(text, i, value as unknown[], starts);
  if (c === QUOTE) return endOfString(text, i);
  if (typeof value === "number" && !Number.isFinite(value)) throw NOT_FINITE;
  // A number, true, false or null: up to the next delimiter.
  let j = i + 1;
  for (;;) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === CLOSE_OBJECT || d === CLOSE_ARRAY || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09 || Number.isNaN(d))
      return j;
    j++;
  }
}

/** js-yaml reads the integer `-0` as 0 (but `-0.0` as -0); JSON.parse gives -0 for both. */
function isIntegerMinusZero(from: number, to: number, value: unknown): boolean {
  return value === 0 && Object.is(value, -0) && to - from === 2;
}

function scanObject(text: string, i: number, object: Record<string, unknown>, starts: Map<object, number>): number {
  starts.set(object, i);
  const seen = new Set<string>();
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_OBJECT) return i + 1;
  for (;;) {
    const end = endOfString(text, i);
    const raw = text.slice(i + 1, end - 1);
    const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw;
    if (seen.has(key)) throw DUPLICATE_KEY;
    seen.add(key);
    i = skipSpace(text, skipSpace(text, end) + 1); // past the colon
    const child = object[key];
    const after = scanValue(text, i, child, starts);
    if (isIntegerMinusZero(i, after, child)) object[key] = 0;
    i = skipSpace(text, after);
    if (text.charCodeAt(i) === CLOSE_OBJECT) return i + 1;
    i = skipSpace(text, i + 1); // past the comma
  }
}

function scanArray(text: string, i: number, array: unknown[], starts: Map<object, number>): number {
  starts.set(array, i);
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_ARRAY) return i + 1;
  for (let index = 0; ; index++) {
    const after = scanValue(text, i, array[index], starts);
    if (isIntegerMinusZero(i, after, array[index])) array[index] = 0;
    i = skipSpace(text, after);
    if (text.charCodeAt(i) === CLOSE_ARRAY) return i + 1;
    i = skipSpace(text, i + 1);
  }
}
