// The root spec's text as the previous run read it, kept in the project's cache folder
// (src/common/cache-files.ts) for the next run to compare its own bytes with (text-delta.ts): the
// bytes, their length in characters, and what reading them made that a run can carry over to a
// slightly changed text (outline-patch.ts): the outline, each leaf's hash and where the lines start.
// Named by the sha256 of the bytes (`id`): the normalizer's state says which text its units were cut
// from, so a state and a text written by different runs are never taken as one.
import { endianness } from "node:os";
import { CacheFile } from "../common/cache-files.js";
import { entryIndents, leavesIn, type KnownOutline } from "./outline-patch.js";
import type { TextHistory } from "./parse-source.js";
import type { OutlineNode } from "./yaml-outline.js";

const FORMAT = "1";

export interface KeptText extends KnownOutline {
  /** The sha256 of `bytes`, hex. */
  id: string;
  bytes: Uint8Array;
  /** The text's length in characters (UTF-16 units). */
  chars: number;
}

/** The first line of the body: all but the bytes and line starts, which follow it (line starts as 32-bit integers, then the bytes). */
interface Header {
  id: string;
  chars: number;
  bytes: number;
  lines: number;
  outline: OutlineNode[];
  hashes: string[];
  indents: number[];
}

// Line starts are kept as the machine's 32-bit integers, read back in place: on a big-endian machine
// the file is not written (nor read), which costs that machine the speed only.
const LITTLE_ENDIAN = endianness() === "LE";

export class SpecTextFile {
  private readonly cache: CacheFile;

  constructor(dir: string, specPath: string) {
    this.cache = new CacheFile(dir, "spec-text", specPath);
  }

  get file(): string {
    return this.cache.file;
  }

  /** What the previous run kept, when the file is whole and of this format. */
  read(): KeptText | undefined {
    const body = LITTLE_ENDIAN ? this.cache.readBytes(FORMAT) : undefined;
    if (!body) return undefined;
    const newline = body.indexOf(10);
    if (newline === -1) return undefined;
    let header: Header;
    try {
      header = JSON.parse(body.toString("latin1", 0, newline)) as Header;
    } catch {
      return undefined;
    }
    if (!wellFormed(header)) return undefined;
    const linesFrom = newline + 1;
    const bytesFrom = linesFrom + 4 * header.lines;
    if (bytesFrom + header.bytes !== body.length) return undefined;
    // Copied out: an Int32Array needs its start aligned to 4 bytes, which the file's body is not.
    const lineStarts = new Int32Array(header.lines);
    new Uint8Array(lineStarts.buffer).set(body.subarray(linesFrom, bytesFrom));
    const { id, chars, outline, hashes, indents } = header;
    return { id, chars, outline, hashes, indents, lineStarts, bytes: body.subarray(bytesFrom) };
  }

  /** Keeps `text` for the next run (in the background; the process waits for it). */
  write(text: KeptText): Promise<void> {
    if (!LITTLE_ENDIAN) return Promise.resolve();
    const { lineStarts } = text;
    const header: Header = {
      id: text.id,
      chars: text.chars,
      bytes: text.bytes.length,
      lines: lineStarts.length,
      outline: text.outline,
      hashes: [...text.hashes],
      indents: [...text.indents],
    };
    const head = Buffer.from(`${JSON.stringify(header)}\n`, "latin1");
    // In parts: the spec's megabytes are written from the bytes the run read, not copied behind the header.
    const starts = new Uint8Array(lineStarts.buffer, lineStarts.byteOffset, lineStarts.byteLength);
    return this.cache.writeBytes(FORMAT, [head, starts, text.bytes]);
  }
}

function wellFormed(h: Header | null): h is Header {
  return (
    typeof h === "object" &&
    h !== null &&
    typeof h.id === "string" &&
    Number.isInteger(h.chars) &&
    Number.isInteger(h.bytes) &&
    Number.isInteger(h.lines) &&
    h.lines >= 0 &&
    h.bytes >= 0 &&
    Array.isArray(h.outline) &&
    Array.isArray(h.hashes) &&
    h.hashes.every((x) => typeof x === "string") &&
    Array.isArray(h.indents) &&
    h.indents.every((x) => Number.isInteger(x))
  );
}

/**
 * The history of one run's root document (parse-source.ts): the previous run's text from `file`, this
 * run's bytes (as the loader parses them: without a leading BOM, LF line breaks), and what this run made
 * of them kept for `save`. `idOf` names the file's text (its sha256, which the run's fingerprint
 * has usually worked out already: emit/fingerprint.ts, specHash).
 */
export class RootTextHistory {
  private made: KeptText | undefined;

  constructor(
    private readonly file: SpecTextFile,
    private readonly root: string,
    private readonly idOf: (absPath: string, bytes: Uint8Array) => string,
  ) {}

  /** For SpecSet: the root document's history, none for any other file. */
  readonly of = (absPath: string, bytes: Uint8Array): TextHistory | undefined => {
    if (absPath !== this.root) return undefined;
    const id = this.idOf(absPath, bytes);
    return {
      previous: this.file.read(),
      bytes,
      id,
      remember: ({ text, outline, hashes, lineStarts }) => {
        const indents = entryIndents(text, leavesIn(outline));
        const starts = lineStarts instanceof Int32Array ? lineStarts : Int32Array.from(lineStarts);
        this.made = { id, bytes, chars: text.length, outline, hashes, indents, lineStarts: starts };
      },
    };
  };

  /** Writes what this run made, if it read the root document along an outline. */
  save(): Promise<void> {
    return this.made ? this.file.write(this.made) : Promise.resolve();
  }
}
