// The leaves of a YAML spec read by the previous run (chunked-yaml.ts), kept in the project's cache
// folder (src/common/cache-files.ts). A line per leaf: its text's hash, the starts of its containers,
// where its values lie in its JSON, its entries as JSON (LeafRecord). Opening the file splits it into
// lines and fields only: a record's numbers and JSON are parsed when the value they hold is read.
// Saving writes the line of a record it read back from the bytes it read (common/line-parts.ts).
import { CacheFile } from "../common/cache-files.js";
import { LineParts } from "../common/line-parts.js";
import type { LeafRecord, LeafStore } from "./chunked-yaml.js";

const FORMAT = "3";

export class LeafCacheFile implements LeafStore {
  private readonly saved = new Map<string, LeafRecord>();
  private readonly next = new Map<string, LeafRecord>();
  private changed = false;
  private readonly tasks: (() => void)[] = [];
  /** The bytes the saved records were read from, and where each record's line starts in them (its hash beside). */
  private bytes: Uint8Array | undefined;
  private readonly lineOf = new Map<LeafRecord, { start: number; end: number; hash: string }>();

  private constructor(private readonly cache: CacheFile) {}

  /** The leaves saved for `specPath` in `dir` by the previous run. */
  static open(dir: string, specPath: string): LeafCacheFile {
    const leaves = new LeafCacheFile(new CacheFile(dir, "yaml-leaves", specPath));
    const bytes = leaves.cache.readBytes(FORMAT);
    // The file is ASCII as written (a leaf's JSON escapes the rest, chunked-yaml.ts), and its checksum
    // says it is as written: decoded a byte a character, a line's offsets in the text are its bytes'.
    const records = bytes && parseRecords(bytes.toString("latin1"));
    if (!records) return leaves;
    leaves.bytes = bytes;
    for (const { hash, record, start, end } of records) {
      leaves.saved.set(hash, record);
      leaves.lineOf.set(record, { start, end, hash });
    }
    return leaves;
  }

  get file(): string {
    return this.cache.file;
  }

  get size(): number {
    return this.saved.size;
  }

  has(hash: string): boolean {
    return this.saved.has(hash);
  }

  later(task: () => void): void {
    this.tasks.push(task);
  }

  settle(): void {
    for (const task of this.tasks.splice(0)) task();
  }

  take(hash: string): LeafRecord | undefined {
    const record = this.saved.get(hash);
    if (record) this.next.set(hash, record);
    return record;
  }

  keep(hash: string, record: LeafRecord): void {
    this.next.set(hash, record);
    this.changed = true;
  }

  /** Writes what this run read, when it differs from what was there (in the background; the process waits for it). */
  save(): Promise<void> {
    this.settle();
    if (!this.changed && this.next.size === this.saved.size) return Promise.resolve();
    const lines = new LineParts(this.bytes);
    this.next.forEach((r, hash) => {
      const read = this.lineOf.get(r);
      if (read?.hash === hash) lines.copy(read.start, read.end);
      else lines.write(`${hash}\t${r.starts}\t${r.cuts}\t${r.json}`);
    });
    return this.cache.writeBytes(FORMAT, lines.done());
  }
}

/** The records of a cache file's body with where each one's line starts and ends, or undefined for a damaged one. */
function parseRecords(body: string): { hash: string; record: LeafRecord; start: number; end: number }[] | undefined {
  const out: { hash: string; record: LeafRecord; start: number; end: number }[] = [];
  for (let from = 0; from <= body.length;) {
    let end = body.indexOf("\n", from);
    if (end === -1) end = body.length;
    const a = body.indexOf("\t", from);
    const b = a === -1 ? -1 : body.indexOf("\t", a + 1);
    const c = b === -1 ? -1 : body.indexOf("\t", b + 1);
    if (c === -1 || c > end) return undefined;
    const record = { starts: body.slice(a + 1, b), cuts: body.slice(b + 1, c), json: body.slice(c + 1, end) };
    if (!STARTS.test(record.starts) || !CUTS.test(record.cuts)) return undefined;
    out.push({ hash: body.slice(from, a), record, start: from, end });
    from = end + 1;
  }
  return out;
}

/** A record's starts: offsets. Its cuts: numbers, at least one entry's four. */
const STARTS = /^(?:\d+(?:,\d+)*)?$/;
const CUTS = /^-?\d+(?:,-?\d+){3,}$/;
