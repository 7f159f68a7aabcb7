// Files that make the next run faster and never change a result (the YAML leaves, the normalizer's
// state, the content hashes an IR snapshot was made from): kept in the project's cache folder,
// outside the output, so nothing of them is reviewed or committed. One file per kind and spec path;
// written whole (renamed into place); a file that is missing, cut short, edited or of another format
// reads as nothing; a folder that cannot be written costs the next run its speed only. The least
// recently written files beyond a few are removed.
import { close, existsSync, mkdir, open, readdir, readdirSync, rename, rm, stat, writev, type Stats } from "node:fs";
import path from "node:path";
import { checksum, sha256 } from "./hash.js";
import { prefetchedBodyCrc, readPrefetched } from "./read-ahead.js";

/** Spec files whose caches of one kind are kept at once. */
const FILES_KEPT = 16;

/**
 * The folder for caches: `MODELGEN_CACHE_DIR`, else node_modules/.cache/openapi-modelgen of the
 * project around `cwd`; none when `MODELGEN_CACHE=off`.
 */
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

/** Where the cache file of `kind` for the spec file `specPath` is kept. */
export function cacheFilePath(dir: string, kind: string, specPath: string): string {
  return path.join(dir, `${kind}${specSuffix(specPath)}`);
}

/** A cache file of one kind for one spec file. */
export class CacheFile {
  readonly file: string;

  constructor(
    dir: string,
    private readonly kind: string,
    specPath: string,
  ) {
    this.file = cacheFilePath(dir, kind, specPath);
  }

  /** The text last written, when the file is whole and of this kind and `format`. */
  read(format: string): string | undefined {
    return this.readBytes(format)?.toString("utf8");
  }

  /** The bytes last written (`writeBytes`, or `write`'s text encoded), when the file is whole and of this kind and `format`. */
  readBytes(format: string): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = readPrefetched(this.file);
    } catch {
      return undefined;
    }
    const newline = bytes.indexOf(10);
    if (newline === -1) return undefined;
    // Hashing the bytes, not the decoded text, spares encoding megabytes again (or the worker that read them did).
    const body = bytes.subarray(newline + 1);
    return bytes.subarray(0, newline).toString("utf8") === this.header(format, body, prefetchedBodyCrc(bytes)) ? body : undefined;
  }

  /** Writes `body` whole, then removes the oldest files of this kind beyond the few kept; errors are ignored. */
  write(format: string, body: string): Promise<void> {
    return this.writeBytes(format, Buffer.from(body, "utf8"));
  }

  /** `write` for bytes, whole or in parts (the body is their concatenation; see LineParts). */
  writeBytes(format: string, body: Uint8Array | readonly Uint8Array[]): Promise<void> {
    const parts = body instanceof Uint8Array ? [body] : body;
    const temp = `${this.file}.${process.pid}.tmp`;
    const dir = path.dirname(this.file);
    const written = done<string | undefined>((cb) => mkdir(dir, { recursive: true }, cb))
      // Header and body written by one call, part after part (no copy of the parts joined).
      .then(() => writeParts(temp, [Buffer.from(`${this.header(format, parts)}\n`, "utf8"), ...parts]))
      .then(() => done<void>((cb) => rename(temp, this.file, cb)))
      .then(() => pruneOldest(dir, `${this.kind}-`))
      .catch(() => {
        // A read-only or full disk costs the next run its speed, not its result.
      });
    pending.add(written);
    return written.finally(() => pending.delete(written));
  }

  /** The first line: what wrote the file, and a checksum of the rest (a file cut short or edited reads as nothing). */
  private header(format: string, body: Uint8Array | readonly Uint8Array[], knownCrc?: number): string {
    return `openapi-modelgen ${this.kind} ${format} ${checksum(body, knownCrc)}`;
  }
}

/** Cache files being written, each until it is in place (or given up). */
const pending = new Set<Promise<void>>();

/** The suffix of the names of the spec file's cache files (cacheFilePath). */
function specSuffix(specPath: string): string {
  return `-${sha256(path.resolve(specPath)).slice(0, 24)}.txt`;
}

/** Whether `dir` holds a cache file of the spec file `specPath`. */
export function hasCachesOf(dir: string, specPath: string): boolean {
  try {
    const suffix = specSuffix(specPath);
    return readdirSync(dir).some((f) => f.endsWith(suffix));
  } catch {
    return false;
  }
}

/**
 * Removes every cache file of the spec file `specPath` from `dir`, once the writes under way have
 * ended (so none lands after): what a run does with caches it could not use. Errors are ignored.
 */
export async function removeCachesOf(dir: string, specPath: string): Promise<void> {
  // A run that failed may have scheduled its caches' saving for the next turn of the event loop.
  await new Promise<void>((resolve) => setImmediate(resolve));
  await Promise.all([...pending]);
  const suffix = specSuffix(specPath);
  const names = await done<string[]>((cb) => readdir(dir, cb)).catch(() => [] as string[]);
  await Promise.all(names.filter((f) => f.endsWith(suffix)).map((f) => done<void>((cb) => rm(path.join(dir, f), { force: true }, cb))));
}

async function pruneOldest(dir: string, prefix: string): Promise<void> {
  const names = (await done<string[]>((cb) => readdir(dir, cb))).filter((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (names.length <= FILES_KEPT) return;
  const modified = (f: string) => done<Stats>((cb) => stat(path.join(dir, f), cb)).then((s) => ({ f, at: s.mtimeMs }));
  const files = await Promise.all(names.map(modified));
  files.sort((a, b) => a.at - b.at);
  const remove = (f: string) => done<void>((cb) => rm(path.join(dir, f), { force: true }, cb));
  await Promise.all(files.slice(0, files.length - FILES_KEPT).map(({ f }) => remove(f)));
}

// node:fs's callback functions, not node:fs/promises: loading that module (streams, readline and
// file handles with it) was ~1 ms of every regeneration, which writes its caches through these few calls.

/** A promise of what a node:fs callback function gives. */
function done<T>(call: (callback: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value as T))));
}

/** Writes `parts` one after the other into a new file `file` (in the thread pool); rejects when any is not written whole. */
async function writeParts(file: string, parts: readonly Uint8Array[]): Promise<void> {
  const fd = await done<number>((cb) => open(file, "w", cb));
  try {
    const total = parts.reduce((sum, p) => sum + p.byteLength, 0);
    const written = await done<number>((cb) => writev(fd, parts as Uint8Array[], (error, bytes) => cb(error, bytes)));
    if (written !== total) throw new Error(`${file}: ${written} of ${total} bytes written`);
  } finally {
    await done<void>((cb) => close(fd, cb));
  }
}
