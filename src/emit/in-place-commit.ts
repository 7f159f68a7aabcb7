// Commits a target's changes into its existing folder in place: only the files that changed move,
// so a one-schema change costs a few renames instead of rebuilding a folder of ~2,700 files. A
// journal written beside the folder before anything in it changes lists the staged files to move
// in and the files to delete; a run killed mid-commit leaves it, and the next run finishes the
// commit from it (rolls forward) before reading the folder. The manifest moves in last, so until a
// commit is finished the folder's manifest is the old one and every file the commit already
// changed is no older than it, so hashed and found changed: a half-committed folder is never taken
// as up to date (see isUpToDate in fingerprint.ts), even when its journal is lost.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { MANIFEST_FILE } from "./manifest.js";

/** What a commit does to the folder, all paths relative to it; the staging folder is named relative to the folder's parent. */
interface Journal {
  staging: string;
  deletes: string[];
  moves: string[];
}

/** The journal of this process's commit into `dir`, beside it (one target folder is committed by one thread). */
function journalFile(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.journal-${process.pid}`);
}

/** True while a commit of this process into `dir` has started and not finished: its staging folder must stay for the next run. */
export function commitStarted(dir: string): boolean {
  return existsSync(journalFile(dir));
}

/**
 * Moves the staged files `moves` (relative to `staging`) into `dir` and deletes `deletes`, with a
 * journal so that a killed run's commit is finished by the next one. Files the generator never
 * wrote, and unchanged files, are not touched (they keep inode, mtime and ctime). On an error the
 * journal and staging folder stay: the folder is mid-commit, and the next run finishes it.
 */
export function commitInPlace(dir: string, staging: string, moves: string[], deletes: string[]): void {
  const journal: Journal = { staging: path.basename(staging), deletes, moves };
  const final = journalFile(dir);
  // Written inside the staging folder and renamed out: a journal under its final name is complete.
  const partial = path.join(staging, ".modelgen-journal.partial");
  writeFileSync(partial, JSON.stringify(journal));
  renameSync(partial, final);
  applyJournal(dir, staging, journal, false);
  if (!journal.moves.includes(MANIFEST_FILE)) touchManifest(dir);
  unlinkSync(final);
  // Every staged file moved out: its folders go as a delete's do, without rmSync, which loads
  // Node's rimraf (~0.3 ms of a regeneration); anything left in it after all, by rmSync.
  removeEmptiedFolders(staging, journal.moves);
  try {
    rmdirSync(staging);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Finishes every commit into `dir` that a killed run left a journal of: staged files still there
 * are moved in, deletes done, the manifest last; then the journal and its staging folder go. A
 * journal whose folder is gone (removed since), or a damaged one, is dropped: the folder's old
 * manifest then makes the next run write what the commit left undone. Call before reading `dir`.
 */
export function finishInterruptedCommits(dir: string): void {
  const parent = path.dirname(dir);
  const prefix = `.${path.basename(dir)}.journal-`;
  for (const entry of readdirSync(parent).sort()) {
    if (!entry.startsWith(prefix)) continue;
    const file = path.join(parent, entry);
    const journal = readJournal(file, path.basename(dir));
    if (journal && existsSync(dir)) applyJournal(dir, path.join(parent, journal.staging), journal, true);
    unlinkSync(file);
    if (journal) rmSync(path.join(parent, journal.staging), { recursive: true, force: true });
  }
}

/**
 * Deletes first (removing the folders that leaves empty, so a file can take the place of a folder
 * and the folder looks as a cold run leaves it), then moves, the manifest last. `finishing` a
 * killed run's commit, a staged file that is gone was already moved in.
 */
function applyJournal(dir: string, staging: string, journal: Journal, finishing: boolean): void {
  for (const rel of journal.deletes) unlinkIfThere(path.join(dir, rel));
  removeEmptiedFolders(dir, journal.deletes);
  const moves = manifestLast(journal.moves);
  for (const rel of moves) moveIn(path.join(staging, rel), path.join(dir, rel), finishing);
  if (moves.length > 1 && moves.at(-1) === MANIFEST_FILE) manifestNewest(path.join(dir, MANIFEST_FILE), path.join(dir, moves.at(-2)!));
}

/**
 * Makes the manifest's inode change (ctime) later than that of `before`, the file written or moved
 * in just before it, when the two came out equal. Files are trusted unhashed only when they are
 * strictly older than the manifest (fingerprint.ts, intactCheck); a file renamed in the same clock
 * tick as the manifest (the units file, the IR snapshot and the changed model files of nearly every
 * commit, when the kernel gives coarse timestamps) was hashed by the next run, megabytes on a
 * large spec. A mode change to the same mode sets the ctime to now and nothing else; the stat just
 * before it asks the kernel (Linux 6.13+, multigrain timestamps) for a fine-grained time, which
 * orders it after every time given out before. Where the clock is coarse and has not moved, the
 * times stay equal and the next run hashes those files, as before. Every file listed was written
 * before the manifest: nothing is trusted that the manifest did not hash.
 */
export function manifestNewest(manifest: string, before: string): void {
  try {
    const last = statSync(before).ctimeMs;
    for (let tries = 0; tries < 2; tries++) {
      const now = statSync(manifest);
      if (last < now.ctimeMs) return;
      chmodSync(manifest, now.mode & 0o7777);
    }
  } catch {
    // Only the next run's speed depends on it.
  }
}

function unlinkIfThere(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}

function moveIn(from: string, to: string, finishing: boolean): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    if (!existsSync(from)) {
      if (finishing) return;
      throw e;
    }
    // The file's folder is new (a new model folder): made only when a rename needs it.
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
  }
}

/**
 * Removes the folders above the files `rels` (deleted, or moved out of a staging folder) that they
 * left empty, up to (not including) `dir`; a folder holding anything stays. Each folder is tried
 * once, deepest first: tried after each file, a folder of thousands failed as often (a thrown
 * ENOTEMPTY costs ~7 us: ~50 ms of a commit that moves every file of four languages).
 */
function removeEmptiedFolders(dir: string, rels: readonly string[]): void {
  const folders = new Set<string>();
  for (const rel of rels)
    for (let folder = path.dirname(rel); folder !== "." && folder !== "" && !folders.has(folder); folder = path.dirname(folder))
      folders.add(folder);
  // A folder's path is longer than its parent's: by length, longest first, each comes before the folder holding it.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(path.join(dir, folder));
    } catch {
      // Not empty (or gone already): it stays, and the folder holding it fails in turn.
    }
  }
}

/**
 * A commit that did not rewrite the manifest (only files edited by hand were written back, with
 * the contents it lists) touches it, keeping its times, so that it is again the newest inode and
 * the next run trusts those files instead of hashing them (see isUpToDate).
 */
function touchManifest(dir: string): void {
  const manifest = path.join(dir, MANIFEST_FILE);
  const stat = statSync(manifest, { throwIfNoEntry: false });
  if (stat) utimesSync(manifest, stat.atime, stat.mtime);
}

function manifestLast(moves: string[]): string[] {
  return moves.includes(MANIFEST_FILE) ? [...moves.filter((m) => m !== MANIFEST_FILE), MANIFEST_FILE] : moves;
}

/** A journal as this tool writes it, or undefined: a damaged one, or one naming paths outside its folders, is not acted on. */
function readJournal(file: string, base: string): Journal | undefined {
  try {
    const j = JSON.parse(readFileSync(file, "utf8")) as Journal;
    const inside = (list: unknown) => Array.isArray(list) && list.every((p) => typeof p === "string" && isInside(p));
    const ok =
      typeof j.staging === "string" && j.staging.startsWith(`.${base}.tmp-`) && !j.staging.includes("/") && !j.staging.includes(path.sep);
    return ok && inside(j.moves) && inside(j.deletes) ? j : undefined;
  } catch {
    return undefined;
  }
}

function isInside(rel: string): boolean {
  return rel !== "" && !path.isAbsolute(rel) && !rel.split(/[\\/]/).includes("..");
}
