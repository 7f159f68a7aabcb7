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
