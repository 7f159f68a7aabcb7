// The encodings and line breaks a text file may come in (YAML's rules, YAML 1.2 sections 5.2 and
// 5.4: UTF-8, UTF-16 or UTF-32, a byte-order mark or not; LF, CRLF or CR), and the text every reader
// of spec, overlay, settings and template files takes from them: decoded, without a leading BOM,
// every line break LF.
const CR = 13;
const LF = 10;
const BOM = "\uFEFF";

/**
 * A spec file's bytes as the loader parses them: a leading byte-order mark dropped, and every line
 * break made LF (CRLF's CR taken out, a CR alone made LF); `bytes` themselves when there is neither.
 * Editors on Windows, and git's autocrlf, write a BOM and CRLF (classic Mac OS wrote CR). YAML reads
 * a leading BOM as nothing and each of CRLF, CR and LF as one line break, in scalars too (where it
 * is LF), with the same values; but the fast reader (block-yaml.ts) and the leaf-by-leaf reading take
 * LF only, so such a spec went through js-yaml whole in every run, at about twice the load's time,
 * JSON.parse refuses a BOM, and js-yaml counted its positions after a BOM it had dropped, which put
 * error messages a line early. Lines stay where they were (js-yaml counts a CR alone as a line too),
 * and columns count as an editor shows them. Byte 13 is never part of a character beyond ASCII in
 * UTF-8, so the bytes are copied as they are but those CRs.
 */
export function bytesWithoutBomOrCr(bytes: Buffer): Buffer {
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
    if (c !== CR) out[to++] = c;
    else if (unmarked[from + 1] !== LF) out[to++] = LF;
  }
  return out.subarray(0, to);
}

/** `text` as bytesWithoutBomOrCr leaves its bytes: `text` itself when there is nothing to change. */
export function textWithoutBomOrCr(text: string): string {
  const unmarked = text.startsWith(BOM) ? text.slice(1) : text;
  return unmarked.includes("\r") ? unmarked.replaceAll("\r\n", "\n").replaceAll("\r", "\n") : unmarked;
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

/**
 * A file's text in any of YAML's encodings, without a leading BOM and with LF line breaks: what the
 * loader reads, as text (for the small files read whole: settings and templates).
 */
export function fileText(bytes: Buffer): string {
  return textBytesOf(bytes).toString("utf8");
}

/**
 * The UTF-8 bytes of the text a reader takes from a file's bytes (fileText's, without decoding UTF-8):
 * what a spec, overlay or template file is fingerprinted by, so a checkout that converted its line
 * endings (git's autocrlf), or the same text saved with a BOM or in UTF-16, is the same input.
 * UTF-8 bytes without a BOM or CR are given back as they are (no copy, and the hash they always had).
 */
export function textBytesOf(bytes: Uint8Array): Buffer {
  const buffer = asBuffer(bytes);
  // The up-to-date check fingerprints the bytes the load then parses (KeptBytes): one copy for both.
  const known = textBytesMade.get(buffer);
  if (known) return known;
  const encoding = unicodeEncodingOf(buffer);
  const made =
    encoding === "utf-8" ? bytesWithoutBomOrCr(buffer) : Buffer.from(textWithoutBomOrCr(decodeOtherThanUtf8(buffer, encoding)), "utf8");
  if (made !== buffer) textBytesMade.set(buffer, made);
  return made;
}

/** textBytesOf's copies, by the bytes they were made from (only when it had to copy). */
const textBytesMade = new WeakMap<Buffer, Buffer>();

/** A Buffer over the same memory as `bytes` (Buffer's comparing and decoding take Buffers): no copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
