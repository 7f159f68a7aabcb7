// Writes one target's files in two phases, so that a run failing before every target rendered
// changes no folder: staging (beside the folder) as soon as the target renders, committing once
// every target has. An existing folder is committed in place: only added and changed files are
// written and moved in, owned files no longer produced are deleted, and every other file (the
// unchanged ones, and those the generator never wrote) is not touched. A killed commit is finished
// by the next run from its journal (in-place-commit.ts). A first run builds the whole folder
// beside and renames it into place.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { OutputFile } from "../targets/target.js";
import { MANIFEST_FILE, readManifest } from "./manifest.js";
import { commitInPlace, commitStarted, finishInterruptedCommits, manifestNewest } from "./in-place-commit.js";
import { joinNormal } from "./join-path.js";

export interface ChangeSet {
  added: string[];
  changed: string[];
  deleted: string[];
  unchanged: string[];
}

function hasChanges(c: ChangeSet): boolean {
  return c.added.length + c.changed.length + c.deleted.length > 0;
}

/**
 * What the disk is known to hold without reading it: the hashes of the files to write (`hashes`,
 * by path) and a check that a file of the folder still has the hash its manifest lists (the intact
 * check that kept files pass, fingerprint.ts).
 */
export interface KnownContents {
  hashes: Readonly<Record<string, string>>;
  intact: (file: string, hash: string) => boolean;
  /** UTF-8 sizes of files to write, where known (the IR snapshot's, counted once per run for every target). */
  sizes?: Readonly<Record<string, number>>;
  /**
   * Files to write that are known to differ from the folder's copy, which is known to be there
   * (the manifest, when its fingerprint is not the one of the manifest read from the folder):
   * changed, without measuring the text or reading the file (~300 KB each per language).
   */
  changed?: ReadonlySet<string>;
}

/**
 * What writing `files` (the manifest among them, see withManifest) into `dir` would change, judged
 * against the disk; `owned`: the files its manifest lists, when the caller read it already. With
 * `known`, a file the manifest lists and that is intact is judged by its hash, without reading or
 * measuring it (the same answer: intact, its bytes are those the manifest hashed); any other file
 * is compared with the disk.
 */
export function planChanges(
  dir: string,
  files: OutputFile[],
  owned: Record<string, string> = readManifest(dir)?.files ?? {},
  known?: KnownContents,
): ChangeSet {
  const c: ChangeSet = { added: [], changed: [], deleted: [], unchanged: [] };
  const produced = new Set<string>();
  // A first run (no folder yet) adds every file: nothing to read, and a failed read per file (an
  // ENOENT error built and thrown for each of thousands) was most of a cold run's compare phase.
  const fresh = !existsSync(dir);
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    produced.add(f.path);
    // A kept file was checked intact on disk when it was kept (src/emit/reuse.ts).
    if (f.kept !== undefined) {
      c.unchanged.push(f.path);
      continue;
    }
    const before = known && Object.hasOwn(owned, f.path) ? owned[f.path] : undefined;
    const now = known && Object.hasOwn(known.hashes, f.path) ? known.hashes[f.path] : undefined;
    if (!fresh && before !== undefined && now !== undefined && known!.intact(f.path, before)) {
      c[before === now ? "unchanged" : "changed"].push(f.path);
      continue;
    }
    if (!fresh && known?.changed?.has(f.path)) {
      c.changed.push(f.path);
      continue;
    }
    const size = known?.sizes && Object.hasOwn(known.sizes, f.path) ? known.sizes[f.path] : undefined;
    c[fresh ? "added" : compareWithDisk(path.join(dir, f.path), f.contents, size)].push(f.path);
  }
  for (const p of Object.keys(owned)) if (!produced.has(p) && existsSync(path.join(dir, p))) c.deleted.push(p);
  for (const list of [c.added, c.changed, c.deleted, c.unchanged]) list.sort();
  return c;
}

/** Writes `files` into `dir` (when anything changed): in place when `dir` exists, else by a folder swap. */
export function commitFiles(dir: string, files: OutputFile[], changes: ChangeSet): void {
  swapIn(dir, stageFiles(dir, files, changes));
}

/**
 * A target's staged output, not yet committed: the changed files only, to move into the existing
 * folder (`in-place`), or a whole new folder to rename into place (`swap`, when there is none).
 */
export type StagedFolder =
  { kind: "in-place"; staging: string; moves: string[]; deletes: string[] } | { kind: "swap"; staging: string; paths: string[] };

/**
 * The staging folder of `dir` for this process: one per target folder, and each target folder is
 * written by one thread, so the process id is enough (a leftover of an earlier failed run in the
 * same process is removed first; one of a killed run is removed by `recoverInterruptedSwap`).
 */
function stagingFolder(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.tmp-${process.pid}`);
}

/**
 * Writes what a commit will need beside `dir` (when anything changed): the added and changed
 * files when `dir` exists, every file when it does not. Nothing in `dir` changes until `swapIn`,
 * so a target can be staged as soon as it is rendered and its text dropped from memory, while
 * others still render.
 */
export function stageFiles(dir: string, files: OutputFile[], changes: ChangeSet): StagedFolder | undefined {
  if (!hasChanges(changes)) return undefined;
  const staging = stagingFolder(dir);
  const inPlace = existsSync(dir);
  const written = inPlace ? new Set([...changes.added, ...changes.changed]) : undefined;
  // Asked first: rmSync loads Node's rimraf even for a path that is not there (~0.3 ms a run).
  if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    const made = new Set([staging]);
    let before: string | undefined;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      if (written && !written.has(f.path)) continue;
      const to = joinNormal(staging, f.path);
      const folder = path.dirname(to);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(to, f.encoded ?? f.contents);
      // The manifest comes last (withManifest): its inode made newer than the file before it, as a commit does.
      if (f.path === MANIFEST_FILE && before !== undefined && !written) manifestNewest(to, before);
      before = to;
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const paths = files.map((f) => f.path).filter((p) => !written || written.has(p));
  return written ? { kind: "in-place", staging, moves: paths, deletes: changes.deleted } : { kind: "swap", staging, paths };
}

/**
 * Removes this process's staging folder of `dir`, if any: it will not be committed (another target
 * failed). A commit that started and failed keeps it, for the next run to finish the commit.
 */
export function discardStaging(dir: string): void {
  if (!commitStarted(dir)) rmSync(stagingFolder(dir), { recursive: true, force: true });
}

/** Commits a staged target: its changed files moved into the folder, or (first run) the new folder renamed into place. */
export function swapIn(dir: string, staged: StagedFolder | undefined): void {
  if (!staged) return;
  if (staged.kind === "in-place") {
    commitInPlace(dir, staged.staging, staged.moves, staged.deletes);
    return;
  }
  // A folder made since staging (by hand: runs hold the output lock) gets the new files moved in.
  if (existsSync(dir)) {
    commitInPlace(dir, staged.staging, staged.paths, []);
    return;
  }
  try {
    renameSync(staged.staging, dir);
  } catch (e) {
    rmSync(staged.staging, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Whether `contents` would add or change the file at `p`, or leave it as it is. A file whose size
 * differs from the text's is changed without reading it: the bookkeeping files are megabytes each
 * (the IR snapshot ~3 MB per language) and after a spec change their sizes almost always differ.
 * `bytes`: the text's UTF-8 size when the caller knows it (counting a large text is not free).
 */
export function compareWithDisk(p: string, contents: string, bytes?: number): "added" | "changed" | "unchanged" {
  try {
    const stat = statSync(p, { throwIfNoEntry: false });
    // Nothing there, a folder in its place, or a file where a folder of the path should be: "added".
    if (!stat?.isFile()) return "added";
    if (stat.size !== (bytes ?? Buffer.byteLength(contents))) return "changed";
    return readFileSync(p, "utf8") === contents ? "unchanged" : "changed";
  } catch {
    // Unreadable: as when nothing is there (the write will tell what is wrong).
    return "added";
  }
}

/**
 * A run killed while committing in place left a journal: its commit is finished (see
 * in-place-commit.ts). A run killed while staging left a staging folder: it is removed. A run of an
 * earlier version killed between the two renames of its folder swap left the old folder under its
 * retired name: it is put back. (Call before reading `dir`.)
 */
export function recoverInterruptedSwap(dir: string): void {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  if (!existsSync(parent)) return;
  finishInterruptedCommits(dir);
  for (const entry of readdirSync(parent).sort()) {
    const full = path.join(parent, entry);
    if (entry.startsWith(`.${base}.old-`) && !existsSync(dir)) renameSync(full, dir);
    else if (entry.startsWith(`.${base}.tmp-`) || entry.startsWith(`.${base}.old-`)) rmSync(full, { recursive: true, force: true });
  }
}
