// A spec file's text, decoded as `readFileSync(file, "utf8")` decodes it, at a fraction of the cost.
// V8's UTF-8 decoder takes its fast path only for text that is all ASCII: one character beyond it
// anywhere (the 3 MB OpenAI spec has 26: dashes, quotes, accents) sends every byte through the slow
// one, ~13 ms for that spec. ASCII is copied (latin1, a plain copy for bytes below 0x80); valid UTF-8
// goes through Node's TextDecoder (one SIMD pass); broken UTF-8 is decoded in blocks: the ASCII
// blocks copied and only the blocks holding other bytes through V8's decoder; the joined string has
// the same characters (the blocks are cut before a byte that starts a character, where the decoder's
// state is the same as reading the whole: test/load/read-text.test.ts compares all three with
// Buffer#toString on valid and broken UTF-8).
import { isAscii, isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";

const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Bytes decoded per block: small enough that blocks beyond ASCII are few, large enough that blocks are few. */
const BLOCK = 16 * 1024;

/**
 * Files' bytes as one step of a run read them, for a later step to parse instead of reading the
 * file again: the up-to-date check hashes the spec's bytes, and the load parses those same bytes
 * (the 3 MB spec read from disk once a run, and the hash the manifest records is of the text parsed).
 * Each is taken once.
 */
export class KeptBytes {
  private readonly kept = new Map<string, Buffer>();
  /** The bytes `take` gave, for the caches that compare them with the previous run's (load/spec-text-cache.ts). */
  private readonly taken = new Map<string, Buffer>();

  /** Reads `file` from disk and keeps its bytes. */
  readonly read = (file: string): Buffer => {
    const bytes = readFileSync(file);
    this.kept.set(file, bytes);
    return bytes;
  };

  /** The bytes of `file` as kept (then forgotten), or read from disk when it was not: the bytes the load reads (scanned-text.ts). */
  take(file: string): Buffer {
    const bytes = this.kept.get(file) ?? readFileSync(file);
    this.kept.delete(file);
    this.taken.set(file, bytes);
    return bytes;
  }

  /**
   * The bytes of `file` that `take` gave: what the run's output was made from, so its manifest's
   * fingerprint hashes them rather than the file read again (edited meanwhile, the file would be
   * fingerprinted as generated when it was not, and the next run would take the stale output as
   * up to date).
   */
  bytesOf(file: string): Buffer | undefined {
    return this.taken.get(file);
  }
}

/** A Buffer over the same memory as `bytes` (Buffer's comparing and decoding take Buffers): no copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `bytes.toString("utf8")`. */
export function decodeUtf8(bytes: Buffer, block = BLOCK): string {
  if (isAscii(bytes)) return bytes.toString("latin1", 0, bytes.length);
  // Valid UTF-8 (what a spec is): one pass of Node's TextDecoder, which decodes to a flat two-byte
  // string at once, where the blocks below were joined into a string V8 then flattened by copying
  // (3 MB spec, fresh processes on the loaded VM, medians of 20: CPU 13.1 -> 10.0 ms). The BOM
  // stays, as Buffer#toString keeps it.
  return isUtf8(bytes) ? UTF8.decode(bytes) : decodeInBlocks(bytes, block);
}

/** `bytes.toString("utf8")`, block by block: only the blocks beyond ASCII through V8's slower decoder. */
export function decodeInBlocks(bytes: Buffer, block = BLOCK): string {
  let out = "";
  // Bytes [asciiFrom, from) are ASCII and not yet added.
  let asciiFrom = 0;
  let from = 0;
  while (from < bytes.length) {
    let to = Math.min(from + block, bytes.length);
    // A continuation byte (10xxxxxx) belongs with the character before it.
    while (to < bytes.length && (bytes[to]! & 0xc0) === 0x80) to++;
    if (!isAscii(bytes.subarray(from, to))) {
      if (asciiFrom < from) out += bytes.toString("latin1", asciiFrom, from);
      out += bytes.toString("utf8", from, to);
      asciiFrom = to;
    }
    from = to;
  }
  if (asciiFrom < bytes.length) out += bytes.toString("latin1", asciiFrom, bytes.length);
  return out;
}

const CR = 13;
const LF = 10;
const BOM = "\uFEFF";

/**
 * A spec file's bytes as the loader parses them: a leading byte-order mark dropped, and the CR of each
 * CRLF line break taken out when every CR in them ends one; `bytes` themselves when there is neither
 * (a CR alone stays: js-yaml reads the whole text then, as before). Editors on Windows, and git's
 * autocrlf, write both. YAML reads a leading BOM as nothing and CRLF as LF, with the same values;
 * but the fast reader (block-yaml.ts) and the leaf-by-leaf reading take neither, so such a spec went
 * through js-yaml whole in every run, at about twice the load's time, JSON.parse refuses a BOM, and
 * js-yaml counted its positions after a BOM it had dropped, which put error messages a line early.
 * Lines stay where they were, and columns count as an editor shows them (no BOM, no CR). Byte 13 is
 * never part of a character beyond ASCII in UTF-8, so the bytes are copied as they are but those CRs.
 */
export function bytesWithoutBomOrCrlf(bytes: Buffer): Buffer {
  const unmarked = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const first = unmarked.indexOf(CR);
  if (first === -1) return unmarked;
  // One loop over the bytes (~11 ms for 3 MB, cold): a latin1 round trip through replaceAll took
  // ~40 ms, and a copy per line ~30 (a Buffer call per line from code not yet compiled).
  const out = Buffer.allocUnsafe(unmarked.length);
  unmarked.copy(out, 0, 0, first);
  let to = first;
  for (let from = first; from < unmarked.length; from++) {
    const c = unmarked[from]!;
    if (c === CR) {
      if (unmarked[from + 1] !== LF) return unmarked;
      continue;
    }
    out[to++] = c;
  }
  return out.subarray(0, to);
}

/** `text` as bytesWithoutBomOrCrlf leaves its bytes: `text` itself when there is nothing to change. */
export function textWithoutBomOrCrlf(text: string): string {
  const unmarked = text.startsWith(BOM) ? text.slice(1) : text;
  if (!unmarked.includes("\r")) return unmarked;
  const fed = unmarked.replaceAll("\r\n", "\n");
  return fed.includes("\r") ? unmarked : fed;
}

/** The encodings YAML reads (YAML 1.2, section 5.2), and so a spec file may be written in. */
export type UnicodeEncoding = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

/**
 * A file's encoding by YAML's rules: its byte-order mark, else the null bytes its first character
 * (ASCII in any document) makes in UTF-16 or UTF-32, else UTF-8. Windows PowerShell 5 writes UTF-16
 * with a BOM (`>` and `Out-File`), which read as UTF-8 had failed on its first null byte.
 */
export function unicodeEncodingOf(b: Uint8Array): UnicodeEncoding {
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && ((b[2] === 0xfe && b[3] === 0xff) || (b[2] === 0 && b[3] !== 0))) return "utf-32be";
  if (b.length >= 4 && b[2] === 0 && b[3] === 0 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] !== 0 && b[1] === 0))) return "utf-32le";
  if (b.length >= 2 && ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] !== 0))) return "utf-16be";
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] !== 0 && b[1] === 0))) return "utf-16le";
  return "utf-8";
}

/**
 * The text of bytes in `encoding` other than UTF-8, its BOM dropped; a broken sequence (a lone
 * surrogate, a code point beyond Unicode, bytes left over at the end) reads as U+FFFD, as the UTF-8
 * decoder does.
 */
export function decodeOtherThanUtf8(bytes: Uint8Array, encoding: Exclude<UnicodeEncoding, "utf-8">): string {
  if (encoding === "utf-16le" || encoding === "utf-16be") return new TextDecoder(encoding).decode(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = encoding === "utf-32le";
  let out = "";
  let points: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const point = i + 4 <= bytes.length ? view.getUint32(i, little) : 0xfffd;
    if (i === 0 && point === 0xfeff) continue;
    points.push(point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) ? 0xfffd : point);
    // In parts: String.fromCodePoint takes its code points as arguments.
    if (points.length === 8192) {
      out += String.fromCodePoint(...points);
      points = [];
    }
  }
  return out + String.fromCodePoint(...points);
}

/** A file's text in any of YAML's encodings, without a leading BOM and with LF for CRLF: what the loader reads, as text. */
export function fileText(bytes: Buffer): string {
  const encoding = unicodeEncodingOf(bytes);
  return textWithoutBomOrCrlf(encoding === "utf-8" ? decodeUtf8(bytes) : decodeOtherThanUtf8(bytes, encoding));
}
