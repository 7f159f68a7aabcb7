// The list of files the generator owns in one output folder, so a later run can delete the ones
// it no longer produces and leave everything else alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { compareStrings } from "../common/order.js";
import { sha256 } from "../common/hash.js";
import { readPrefetched } from "../common/read-ahead.js";
import type { OutputFile } from "../targets/target.js";

export const MANIFEST_FILE = ".modelgen-manifest.json";
/** The IR snapshot beside the manifest: only a regeneration reads it, so a rerun never parses it. */
export const IR_SNAPSHOT_FILE = ".modelgen-ir.json";

export interface Manifest {
  tool: "openapi-modelgen";
  /** What the files were generated from; equal inputs and intact files mean there is nothing to do. */
  inputs?: ManifestInputs;
  /** Owned files with the sha256 of their contents, sorted by path. */
  files: Record<string, string>;
  /** Where folders written by earlier versions kept the IR snapshot (now IR_SNAPSHOT_FILE). */
  ir?: unknown;
}

export interface ManifestInputs {
  /** sha256 over the tool build, the settings and every spec file read. */
  fingerprint: string;
  /** The spec files read (paths relative to the output folder), so a rerun can hash them without parsing anything. */
  specFiles: string[];
}

export function readManifest(dir: string): Manifest | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as Manifest;
    return parsed.tool === "openapi-modelgen" && typeof parsed.files === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The models a folder was generated from (src/diff/snapshot.ts), so the next run can say what
 * changed; only when the manifest lists the file with its hash, so a snapshot copied in from
 * elsewhere or left by a run that did not finish is not taken for this folder's. `read` turns the
 * file's text into what the caller reads (generate: src/diff/snapshot-text.ts, parsing a model only
 * when it is needed); undefined when it throws.
 */
export function readIrSnapshot(
  dir: string,
  manifest = readManifest(dir),
  read: (text: string) => unknown = JSON.parse,
  trusted?: TrustedFile,
): unknown {
  if (!manifest) return undefined;
  const text = readListed(dir, IR_SNAPSHOT_FILE, manifest, trusted);
  if (text === undefined) return manifest.ir;
  try {
    return read(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether a file of the folder is known to hold the bytes its manifest hashed without hashing it
 * (the intact check without hashing, fingerprint.ts: a file older than the manifest).
 */
export type TrustedFile = (file: string, hash: string) => boolean;

/**
 * A bookkeeping file's text, when its hash is the one `manifest` lists for it (else undefined): one
 * that `trusted` vouches for is not hashed (the IR snapshot and the units files are megabytes).
 */
export function readListed(dir: string, file: string, manifest: Manifest, trusted?: TrustedFile): string | undefined {
  const listed = Object.hasOwn(manifest.files, file) ? manifest.files[file] : undefined;
  if (typeof listed !== "string") return undefined;
  try {
    const bytes = readPrefetched(path.join(dir, file));
    return trusted?.(file, listed) || sha256(bytes) === listed ? bytes.toString("utf8") : undefined;
  } catch {
    return undefined;
  }
}

/** The IR snapshot's text and hash, made once per run and shared by every target folder (plain data, for the render worker). */
export interface SnapshotFile {
  contents: string;
  sha256: string;
  /** Its size in UTF-8 bytes, which each target's comparison with its folder's copy asks first (writer.ts). */
  bytes?: number;
  /**
   * The contents as UTF-8, encoded once: hashed, and written as they are into every target folder
   * that writes the snapshot (each write of the ~3 MB text encoded it again: ~1 ms a folder).
   */
  encoded?: Uint8Array;
}

/** The snapshot file of a snapshot's text (diff/snapshot.ts makes it: snapshotText, snapshotAgainst). */
export function snapshotFileOf(text: string): SnapshotFile {
  // Encoded with its final line break into one buffer: `text + "\n"` encoded made V8 copy the
  // ~1.5 MB text first, to flatten the pair. `contents` is that pair, flattened only if read.
  const size = Buffer.byteLength(text, "utf8");
  const encoded = Buffer.allocUnsafe(size + 1);
  encoded.write(text, 0, "utf8");
  encoded[size] = 0x0a;
  return { contents: text + "\n", sha256: sha256(encoded), bytes: encoded.length, encoded };
}

/** The sha256 a folder's manifest lists for its IR snapshot, if it lists one. */
export function listedSnapshotHash(manifest: Manifest | undefined): string | undefined {
  const listed = manifest && Object.hasOwn(manifest.files, IR_SNAPSHOT_FILE) ? manifest.files[IR_SNAPSHOT_FILE] : undefined;
  return typeof listed === "string" ? listed : undefined;
}

/**
 * The files, the IR snapshot (when given) and, last, the manifest that lists them all with their
 * hashes and inputs. The manifest must stay last: the writer writes it after every other file,
 * which is what lets a rerun trust files older than it (see isUpToDate).
 */
export function withManifest(files: OutputFile[], inputs?: ManifestInputs, ir?: SnapshotFile): OutputFile[] {
  return withManifestHashes(files, inputs, ir).files;
}

/**
 * withManifest's files, the hashes its manifest lists (every file's but the manifest's own), and
 * the sizes known without counting (the IR snapshot's), by path.
 */
export function withManifestHashes(
  files: OutputFile[],
  inputs?: ManifestInputs,
  ir?: SnapshotFile,
): { files: OutputFile[]; hashes: Record<string, string>; sizes: Record<string, number> } {
  const encoded = ir?.encoded ? { encoded: ir.encoded } : {};
  const snapshot: OutputFile | undefined = ir && { path: IR_SNAPSHOT_FILE, contents: ir.contents, ...encoded };
  const all = snapshot === undefined ? files : [...files, snapshot];
  const hashes: Record<string, string> = {};
  const sorted = [...all].sort((a, b) => compareStrings(a.path, b.path));
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i]!;
    hashes[f.path] = f.kept ?? (f.path === IR_SNAPSHOT_FILE && ir ? ir.sha256 : sha256(f.encoded ?? f.contents));
  }
  const manifest: Manifest = { tool: "openapi-modelgen", ...(inputs ? { inputs } : {}), files: hashes };
  const sizes: Record<string, number> = ir?.bytes !== undefined ? { [IR_SNAPSHOT_FILE]: ir.bytes } : {};
  return { files: [...all, { path: MANIFEST_FILE, contents: JSON.stringify(manifest, null, 2) + "\n" }], hashes, sizes };
}
