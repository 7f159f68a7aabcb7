// The leaves of a YAML spec read by the previous run (chunked-yaml.ts), in a file of the project's
// cache folder (node_modules/.cache/openapi-modelgen, where build tools keep theirs), one file per
// spec path. A cache never changes a result and never fails a run: a missing, damaged or foreign file
// reads as empty, a file that cannot be written is left alone. `MODELGEN_CACHE=off` turns it off,
// `MODELGEN_CACHE_DIR` puts it elsewhere.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LeafRecord, LeafStore } from "./chunked-yaml.js";

const HEADER = "openapi-modelgen yaml leaves 1";
/** Spec files whose leaves are kept at once; the least recently written go first. */
const FILES_KEPT = 16;

export class LeafCacheFile implements LeafStore {
  private readonly saved = new Map<string, LeafRecord>();
  private readonly next = new Map<string, LeafRecord>();
  private changed = false;
  private readonly tasks: (() => void)[] = [];

  private constructor(readonly file: string) {}

  /** The cache for `specPath` in `dir`, with what the previous run saved there. */
  static open(dir: string, specPath: string): LeafCacheFile {
    const name = createHash("sha256").update(path.resolve(specPath)).digest("hex").slice(0, 24);
    const cache = new LeafCacheFile(path.join(dir, `yaml-leaves-${name}.txt`));
    cache.read();
    return cache;
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

  /**
   * Writes what this run read, when it differs from what was there: atomically, in the background
   * while the run goes on (the process waits for it before exiting), errors ignored.
   */
  save(): Promise<void> {
    this.settle();
    if (!this.changed && this.next.size === this.saved.size) return Promise.resolve();
    const lines = [HEADER];
    for (const [hash, r] of this.next) lines.push(`${hash}\t${r.starts.join(",")}\t${r.json}`);
    const temp = `${this.file}.${process.pid}.tmp`;
    return mkdir(path.dirname(this.file), { recursive: true })
      .then(() => writeFile(temp, lines.join("\n")))
      .then(() => rename(temp, this.file))
      .then(() => pruneOldest(path.dirname(this.file)))
      .catch(() => {
        // A read-only or full disk costs the next run its speed, not its result.
      });
  }

  private read(): void {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return;
    }
    const records = parseRecords(text);
    if (records) for (const [hash, record] of records) this.saved.set(hash, record);
  }
}

/** The records of a cache file's text, or undefined for a file of another format or a damaged one. */
function parseRecords(text: string): [string, LeafRecord][] | undefined {
  const lines = text.split("\n");
  if (lines[0] !== HEADER) return undefined;
  const out: [string, LeafRecord][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const a = line.indexOf("\t");
    const b = line.indexOf("\t", a + 1);
    if (a === -1 || b === -1) return undefined;
    const starts =
      b === a + 1
        ? []
        : line
            .slice(a + 1, b)
            .split(",")
            .map(Number);
    if (starts.some((n) => !Number.isInteger(n) || n < 0)) return undefined;
    out.push([line.slice(0, a), { json: line.slice(b + 1), starts }]);
  }
  return out;
}

/** The folder for caches: `MODELGEN_CACHE_DIR`, else node_modules/.cache/openapi-modelgen of the project around `cwd`. */
export function cacheFolder(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.MODELGEN_CACHE === "off") return undefined;
  if (env.MODELGEN_CACHE_DIR) return path.resolve(cwd, env.MODELGEN_CACHE_DIR);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) {
      const modules = path.join(dir, "node_modules");
      return existsSync(modules) ? path.join(modules, ".cache", "openapi-modelgen") : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function pruneOldest(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((f) => f.startsWith("yaml-leaves-") && f.endsWith(".txt"));
  if (names.length <= FILES_KEPT) return;
  const files = await Promise.all(names.map(async (f) => ({ f, at: (await stat(path.join(dir, f))).mtimeMs })));
  files.sort((a, b) => a.at - b.at);
  await Promise.all(files.slice(0, files.length - FILES_KEPT).map(({ f }) => rm(path.join(dir, f), { force: true })));
}
