// The text the YAML reader scans (block-yaml.ts), as both its makers give it: the reader from a
// decoded text, scanned-text.ts from a file's bytes. Apart from the reader so that the library's
// declarations reach no js-yaml type through it.

/** What stands for each UTF-16 unit beyond ASCII in the text the reader scans: DEL, which a text it reads never holds. */
export const STAND_IN = "\x7f";
export const STAND_IN_CODE = STAND_IN.charCodeAt(0);

/**
 * A text as the reader scans it: `scanned` holds it one byte per character, each UTF-16 unit beyond
 * ASCII (at `beyond`, ascending) as STAND_IN, then `readerEnd` of it; `written` gives the text as
 * written from `from` to `to` (at most its length). None of its units beyond ASCII is one the reader
 * refuses (block-yaml.ts, scanCharacters).
 */
export interface ScanInput {
  readonly scanned: string;
  readonly length: number;
  readonly beyond: readonly number[];
  written(from: number, to: number): string;
}

/**
 * What the reader appends to a text: the line break js-yaml adds when the text has none at its
 * end, and a 0 that ends it.
 */
export function readerEnd(endsWithLineBreak: boolean): string {
  return endsWithLineBreak ? "\0" : "\n\0";
}

/**
 * A character (its code) that js-yaml refuses or treats apart, which the reader leaves to it:
 * controls other than tab and LF (CR too: its line breaks are not read by the reader), DEL and C1
 * controls but NEL, U+FEFF (a byte order mark), U+FFFE and U+FFFF.
 */
export function refusedByReader(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f && code !== 0x85) ||
    code === 0xfeff ||
    code === 0xfffe ||
    code === 0xffff
  );
}
