// What a generation depends on, as one hash: the tool's own build (code and templates), the
// settings, and every spec file read. The manifest keeps it, so a rerun with equal inputs and
// intact files does nothing at all, without parsing the spec (and never serves stale output:
// any change to any of these, or to a generated file, makes it generate again).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../render/templates.js";
import { MANIFEST_FILE, readManifest, type ManifestInputs } from "./manifest.js";
import { sha256 } from "../common/hash.js";
import { textBytesOf } from "../common/text-encodings.js";
import { prefetchedIntact } from "./stat-prefetch.js";

let buildHash: string | undefined;

/**
 * The hash of the three bundles, which scripts/build.mjs writes into each of them (see there):
 * a run need not read and hash ~1.4 MB of its own code (~4 ms of every run, an up-to-date one's
 * included). Not defined when running from source.
 */
declare const MODELGEN_BUNDLES_HASH: string | undefined;

/** The bundles of dist/: the same hash whichever of them (CLI, library or render worker, and the entries starting them) computes it. */
const BUNDLES = ["cli.cjs", "cli.js", "index.js", "main.cjs", "render-worker.cjs", "render-worker.js"];

/** A long-lived process (`generate --watch`) calls this before each run, so an edited template is noticed. */
export function forgetToolBuild(): void {
  buildHash = undefined;
}

/** The running code (the bundles' hash, or this module under tests) plus every template. */
function toolBuild(): string {
  if (buildHash) return buildHash;
  const parts = typeof MODELGEN_BUNDLES_HASH === "string" ? [Buffer.from(MODELGEN_BUNDLES_HASH)] : ownCode();
  const templates = path.join(packageRoot(), "templates");
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      // Their text as a run reads it (templates.ts): a CRLF checkout renders, and is fingerprinted, alike.
      else parts.push(Buffer.from(p.slice(templates.length)), textBytesOf(readFileSync(p)));
    }
  };
  walk(templates);
  return (buildHash = sha256(Buffer.concat(parts)));
}

/** The bundles' bytes (a build without the embedded hash), or this module's (running from source). */
function ownCode(): Buffer[] {
  const here = fileURLToPath(import.meta.url);
  const bundles = BUNDLES.map((b) => path.join(path.dirname(here), b)).filter((b) => existsSync(b));
  return (bundles.includes(here) ? bundles : [here]).map((file) => readFileSync(file));
}

/**
 * sha256 of spec files by absolute path, shared by every target of one run: the 3 MB spec is read
 * and hashed once, not once per language. Plain data, so it crosses to the render worker.
 */
export type SpecHashes = Record<string, string>;

/** Reads a spec file's bytes to hash them: the disk, by default (a run keeps them for its load: read-text.ts, KeptBytes). */
export type ReadBytes = (file: string) => Uint8Array;

/**
 * The hash of one spec file's text (from `known` when there), or undefined when it is gone. Of its
 * text as read (textBytesOf: no BOM, LF line breaks, UTF-8), not its bytes: a checkout with git's
 * autocrlf gives the spec CRLF line breaks, and its models were found stale by their fingerprint alone.
 */
export function specHash(file: string, known: SpecHashes, read: ReadBytes = readFileSync): string | undefined {
  const cached = known[file];
  if (cached !== undefined) return cached;
  try {
    return (known[file] = sha256(textBytesOf(read(file))));
  } catch {
    return undefined;
  }
}

/**
 * The fingerprint of a generation into `dir` from these spec files (paths relative to `dir`) and
 * settings, or undefined when a file is gone.
 */
export function fingerprint(
  dir: string,
  specFiles: string[],
  settings: unknown,
  known: SpecHashes = {},
  read?: ReadBytes,
): string | undefined {
  const parts: string[] = [toolBuild(), JSON.stringify(settings)];
  for (const file of specFiles) {
    const hash = specHash(path.resolve(dir, file), known, read);
    if (hash === undefined) return undefined;
    parts.push(file, hash);
  }
  return sha256(parts.join("\n"));
}

/**
 * True when `dir` was generated from exactly these inputs and every file it owns is still as
 * written: an edited generated file is not up to date.
 *
 * Hashing ~7,000 files is most of a rerun, so (as git does with its index) a file whose inode
 * changed (ctime) strictly before the manifest was written is taken as the one the manifest
 * hashed: the writer links or writes every file before the manifest, and any later change to a
 * file's contents, a rename onto it or a `touch -d` sets its ctime to the present, which users
 * cannot set back. Files changed at or after that instant (timestamps are coarse) are hashed.
 */
export function isUpToDate(
  dir: string,
  settings: unknown,
  known: SpecHashes = {},
  manifest = readManifest(dir),
  read?: ReadBytes,
): boolean {
  const inputs: ManifestInputs | undefined = manifest?.inputs;
  if (!manifest || !inputs || fingerprint(dir, inputs.specFiles, settings, known, read) !== inputs.fingerprint) return false;
  const intact = intactCheck(dir);
  if (intact === undefined) return false;
  const files = manifest.files;
  return Object.keys(files).every((file) => intact(file, files[file]!));
}

/**
 * A test that a file of `dir` still has the contents the manifest hashed (see isUpToDate for why
 * files older than the manifest are trusted); undefined when there is no manifest. A file changed
 * at or after the manifest is hashed, unless `hashNewer` is false: then it is not known intact.
 */
export function intactCheck(dir: string, hashNewer = true): ((file: string, hash: string) => boolean) | undefined {
  // Milliseconds as a double, not bigint nanoseconds: stat without BigInts is ~40% cheaper over
  // ~8,500 files. Node derives ctimeMs from the nanoseconds with rounding that never reverses an
  // order, so a file changed at or after the manifest never compares as older; one changed less
  // than a quarter microsecond before it may compare equal, and is then hashed (safe).
  let manifestChanged: number;
  try {
    manifestChanged = statSync(path.join(dir, MANIFEST_FILE)).ctimeMs;
  } catch {
    return undefined;
  }
  const prefix = dir + path.sep;
  // The stat worker's findings while the spec was read (stat-prefetch.ts): every file the manifest
  // lists was looked at, and only those not older than this manifest (or no regular file) need a
  // look now. Callers ask with the hash the manifest lists for the file, the manifest this run read
  // first (the one the worker was asked about; one read again has the same listing while its ctime
  // is the same), so every file asked about was looked at.
  const prefetched = prefetchedIntact(dir);
  const suspects = prefetched?.manifestChanged === manifestChanged ? prefetched.suspects : undefined;
  return (file, hash) => {
    if (suspects !== undefined && (suspects.size === 0 || !suspects.has(file))) return true;
    // The manifest's paths are relative and already normal: joining by hand is enough (path.join was a tenth of a rerun).
    const full = prefix + file;
    try {
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat?.isFile()) return false;
      return stat.ctimeMs < manifestChanged || (hashNewer && sha256(readFileSync(full)) === hash);
    } catch {
      return false;
    }
  };
}
