// Where a spec's text changed since the previous run read it, found by comparing the two files'
// bytes from both ends (memcmp, ~1 ms for 3 MB) instead of hashing every leaf and unit again: one
// changed region, [from, to) in the new text's characters, with the same text before it and after
// it as the previous text had. An edit in one place (a field added to one schema) gives a small
// region; edits far apart give one region spanning both, and everything inside it is read and hashed
// as on a run without this (so it is never wrong, only less helpful).
import { isAscii } from "node:buffer";
import { asBuffer } from "../common/text-encodings.js";

export interface TextDelta {
  /** Characters [0, from) of the new text are the previous text's [0, from). */
  from: number;
  /** Characters [to, length) of the new text are the previous text's [to - shift, previous length). */
  to: number;
  /** The new text's length minus the previous text's, in characters. */
  shift: number;
}

/**
 * The changed region between `beforeBytes` (the previous run's, `beforeChars` characters long once
 * decoded) and `afterBytes` (this run's, decoded as `afterChars` characters): an empty one at the
 * end when the bytes are equal. Both must be valid UTF-8 (the caller checks: a replacement character
 * is not a count of bytes), so character counts follow from the bytes.
 */
export function textDelta(beforeBytes: Uint8Array, afterBytes: Uint8Array, beforeChars: number, afterChars: number): TextDelta {
  const before = asBuffer(beforeBytes);
  const after = asBuffer(afterBytes);
  const most = Math.min(before.length, after.length);
  let prefix = commonPrefix(before, after, most);
  if (prefix === before.length && prefix === after.length) return { from: afterChars, to: afterChars, shift: 0 };
  let suffix = commonSuffix(before, after, most - prefix);
  // Text only inserted or only removed that repeats what stands before it could lie at several
  // places; the common ends put it as far on as it goes, which may be after the indentation of the
  // next line (a field appended to a schema's properties then reads as inserted into the line of the
  // key after them). Taken back to where a line starts, when it can be, it is whole lines, as an
  // edit adds or removes them: the outline of the text around it carries over (outline-patch.ts).
  if (prefix + suffix === most) {
    // The shorter text has nothing in the region: it is the longer one's `[prefix, length - suffix)`.
    const longer = before.length > after.length ? before : after;
    const slid = lineStartBefore(longer, prefix, longer.length - suffix);
    suffix += prefix - slid;
    prefix = slid;
  }
  // Both ends on a character's first byte: the bytes kept on either side are whole characters.
  while (prefix > 0 && isContinuation(after[prefix]!)) prefix--;
  while (suffix > 0 && isContinuation(after[after.length - suffix]!)) suffix--;
  const from = utf16Length(after, 0, prefix);
  const to = afterChars - utf16Length(after, after.length - suffix, after.length);
  // The suffix never overlaps the prefix in either text, so from <= to and from <= to - shift.
  return { from, to, shift: afterChars - beforeChars };
}

/**
 * Where the region `[from, to)` of `text`, text only inserted or only removed, starts once moved back
 * (each byte it gives up at its end is the one it takes before its start) to just after a line
 * break: `from` when it starts a line already, or when no line starts within MOST_SLID bytes it can
 * move back over.
 */
function lineStartBefore(text: Buffer, from: number, to: number): number {
  for (let at = from, end = to; from - at <= MOST_SLID; at--, end--) {
    if (at === 0 || text[at - 1] === LINE_FEED) return at;
    if (end === at || text[at - 1] !== text[end - 1]) return from;
  }
  return from;
}

const LINE_FEED = 0x0a;
/** How far back a region is moved to a line start at most: an insertion repeats a few bytes of the line it lands in, not more. */
const MOST_SLID = 4096;

/** Bytes equal at the start of both, up to `most`: compared a block at a time, then halving inside the first block that differs. */
function commonPrefix(a: Buffer, b: Buffer, most: number): number {
  let at = 0;
  for (let block = BLOCK; at < most; ) {
    const end = Math.min(at + block, most);
    if (equal(a, at, b, at, end - at)) {
      at = end;
      continue;
    }
    if (end - at === 1) return at;
    block = (end - at) >> 1 || 1;
  }
  return at;
}

/** Bytes equal at the end of both, up to `most`. */
function commonSuffix(a: Buffer, b: Buffer, most: number): number {
  let done = 0;
  for (let block = BLOCK; done < most; ) {
    const size = Math.min(block, most - done);
    if (equal(a, a.length - done - size, b, b.length - done - size, size)) {
      done += size;
      continue;
    }
    if (size === 1) return done;
    block = size >> 1 || 1;
  }
  return done;
}

const BLOCK = 64 * 1024;

function equal(a: Buffer, aFrom: number, b: Buffer, bFrom: number, length: number): boolean {
  return Buffer.compare(a.subarray(aFrom, aFrom + length), b.subarray(bFrom, bFrom + length)) === 0;
}

/** A byte that continues a character (10xxxxxx). */
function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/**
 * The UTF-16 length of valid UTF-8 `bytes[from, to)` (whole characters): an ASCII block by its
 * length, any other decoded (blocks end before a character's first byte, so each decodes alone).
 */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  const buffer = asBuffer(bytes);
  let length = 0;
  for (let at = from; at < to; ) {
    let end = Math.min(at + COUNT_BLOCK, to);
    while (end < to && isContinuation(bytes[end]!)) end++;
    length += isAscii(buffer.subarray(at, end)) ? end - at : buffer.toString("utf8", at, end).length;
    at = end;
  }
  return length;
}

const COUNT_BLOCK = 16 * 1024;
