// A spec file's text as the YAML reader scans it (block-yaml.ts: one byte per character, each UTF-16
// unit beyond ASCII as a stand-in, then the reader's end), made straight from the file's bytes; the
// text itself is decoded only when something asks for it. Specs are nearly all ASCII (the 3 MB
// OpenAI spec has 36 characters beyond it), but one such character made the decoded text two bytes
// per character, and the reader then made its one-byte copy from that: the 6 MB decode and the copy
// were ~8 ms of a cold run (half of it the first touch of their fresh pages). A value the reader
// cuts where a stand-in lies is decoded from its bytes alone (`written`).
import { isAscii, isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { readerEnd, refusedByReader, STAND_IN_CODE, type ScanInput } from "./scan-input.js";
import { looksLikeJson } from "./json-starts.js";
import { decodeUtf8 } from "./read-text.js";
import { asBuffer, textBytesOf } from "../common/text-encodings.js";

/** Bytes checked at once for ASCII (a native check), then in smaller parts where one is beyond it. */
const BLOCK = 4096;
const PART = 128;

/** Reads a spec file from disk: its bytes, which the loader decodes or scans as it needs. */
export function readSpecFile(absPath: string): TextBytes {
  return new TextBytes(readFileSync(absPath));
}

/**
 * A file's bytes, read the way the loader's reader needs them: scanned (a whole YAML document read
 * at once, a cold run's) or decoded (a document read leaf by leaf, JSON, or a text the scan refuses),
 * each made on first use and once.
 */
export class TextBytes {
  private decoded: string | undefined;
  private made: ScannedText | null | undefined;

  private readonly bytes: Buffer;

  // Uint8Array, not Buffer, in what the library's declarations show: they need no Node types.
  constructor(bytes: Uint8Array) {
    this.bytes = asBuffer(bytes);
  }

  /** The bytes the text is decoded from. */
  get content(): Uint8Array {
    return this.bytes;
  }

  /**
   * What the loader parses: the UTF-8 bytes of the text without a leading BOM and with LF line breaks
   * (common/text-encodings.ts, textBytesOf; UTF-16 and UTF-32 re-encoded): this when there is
   * nothing to change.
   */
  forReading(): TextBytes {
    const plain = textBytesOf(this.bytes);
    return plain === this.bytes ? this : new TextBytes(plain);
  }

  /** The text. */
  get text(): string {
    return (this.decoded ??= decodeUtf8(this.bytes));
  }

  /** The text as the reader scans it; undefined when it cannot be scanned so (see ScannedText.of). */
  scan(): ScannedText | undefined {
    if (this.made === undefined) this.made = ScannedText.of(this.bytes, () => this.text) ?? null;
    return this.made ?? undefined;
  }

  /** Whether the text looks like a JSON document, told from its bytes (json-starts.ts). */
  looksLikeJson(): boolean {
    return looksLikeJson(this.bytes);
  }
}

export class ScannedText implements ScanInput {
  private constructor(
    private readonly bytes: Buffer,
    readonly scanned: string,
    readonly length: number,
    readonly beyond: readonly number[],
    private readonly chars: Chars,
    /** The text decoded (once, by its TextBytes). */
    private readonly decode: () => string,
  ) {}

  /**
   * The text of `bytes` as the reader scans it; undefined when they are not UTF-8, or hold a
   * character the reader refuses beyond ASCII (a C1 control but NEL, U+FEFF, U+FFFE, U+FFFF): the
   * text is decoded and read as before then (block-yaml.ts gives it to js-yaml). Undefined too
   * for more characters beyond ASCII than one per MANY_BEYOND_ASCII bytes (mostBeyondAscii): a text
   * written much in another script is decoded, which costs it less.
   */
  static of(given: Uint8Array, decode: () => string): ScannedText | undefined {
    const bytes = asBuffer(given);
    const chars = isUtf8(bytes) ? charsBeyondAscii(bytes, mostBeyondAscii(bytes.length)) : undefined;
    if (chars === undefined) return undefined;
    const { at, units, starts, sizes, length } = chars;
    const end = readerEnd(bytes[bytes.length - 1] === 0x0a);
    const out = Buffer.allocUnsafe(length + end.length);
    const beyond: number[] = [];
    let written = 0;
    let from = 0;
    for (let k = 0; k < at.length; k++) {
      written += bytes.copy(out, written, from, starts[k]!);
      for (let u = 0; u < units[k]!; u++) {
        beyond.push(written);
        out[written++] = STAND_IN_CODE;
      }
      from = starts[k]! + sizes[k]!;
    }
    written += bytes.copy(out, written, from);
    out.write(end, written, "latin1");
    return new ScannedText(bytes, out.toString("latin1"), length, beyond, chars, decode);
  }

  /** The text: of ASCII, a slice of the scanned text; else decoded on first use. */
  get text(): string {
    return this.chars.at.length === 0 ? this.scanned.slice(0, this.length) : this.decode();
  }

  written(from: number, to: number): string {
    if (this.chars.at.length === 0) return this.scanned.slice(from, to);
    const start = this.byteOf(from);
    const end = this.byteOf(to);
    return start === undefined || end === undefined ? this.text.slice(from, to) : this.bytes.toString("utf8", start, end);
  }

  /** The byte offset of UTF-16 position `p`; undefined between the two units of a surrogate pair. */
  private byteOf(p: number): number | undefined {
    const { at, after, units } = this.chars;
    // The characters beyond ASCII that start before `p`: [0, lo).
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return p;
    const k = lo - 1;
    return p < at[k]! + units[k]! ? undefined : p + after[k]!;
  }
}

interface Chars {
  /**
   * Per character beyond ASCII, in order: its UTF-16 position, how many more bytes than UTF-16 units
   * the text holds up to its end, its UTF-16 units (2 for a surrogate pair), its byte offset and size.
   */
  at: number[];
  after: number[];
  units: number[];
  starts: number[];
  sizes: number[];
  /** The text's length in UTF-16 units. */
  length: number;
}

/**
 * The share of a text's bytes, one in this many, beyond which the scan gives way to decoding the
 * text. The scan pays per character beyond ASCII (Node's buffer calls that find and copy around
 * each, ~1.4 µs), the decode per byte (one SIMD pass, and the reader's one-byte copy after it,
 * ~0.35 µs per character beyond ASCII besides): on the 3 MB OpenAI spec with 32,800 such characters
 * added to its descriptions, the load took 142-178 ms scanned against 123-137 ms decoded, and with
 * 36 (as it is) ~8 ms less scanned. One in 512 is ~5,800 on that spec, below where they cross.
 */
const MANY_BEYOND_ASCII = 512;

/** The characters beyond ASCII a text of `size` bytes is scanned with at most (a small text: a few dozen, whatever its size). */
export function mostBeyondAscii(size: number): number {
  return Math.max(64, Math.floor(size / MANY_BEYOND_ASCII));
}

/** The characters beyond ASCII of valid UTF-8 `bytes`; undefined when one is refused (see ScannedText.of) or there are more than `most`. */
function charsBeyondAscii(bytes: Buffer, most: number): Chars | undefined {
  const chars: Chars = { at: [], after: [], units: [], starts: [], sizes: [], length: 0 };
  let extra = 0;
  for (let i = firstBeyondAscii(bytes, 0); i < bytes.length; i = firstBeyondAscii(bytes, i)) {
    if (chars.at.length === most) return undefined;
    const lead = bytes[i]!;
    const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    let code = lead & (size === 4 ? 0x07 : size === 3 ? 0x0f : 0x1f);
    for (let j = 1; j < size; j++) code = (code << 6) | (bytes[i + j]! & 0x3f);
    if (refusedByReader(code)) return undefined;
    const units = code > 0xffff ? 2 : 1;
    chars.at.push(i - extra);
    extra += size - units;
    chars.after.push(extra);
    chars.units.push(units);
    chars.starts.push(i);
    chars.sizes.push(size);
    i += size;
  }
  chars.length = bytes.length - extra;
  return chars;
}

/** The offset of the first byte beyond ASCII at or after `from`, or the length. */
function firstBeyondAscii(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const block = Math.min(i + BLOCK, bytes.length);
    if (isAscii(bytes.subarray(i, block))) {
      i = block;
      continue;
    }
    for (; i < block; i += PART) {
      const part = Math.min(i + PART, block);
      if (isAscii(bytes.subarray(i, part))) continue;
      while (bytes[i]! < 0x80) i++;
      return i;
    }
  }
  return bytes.length;
}
