// Writes one target's files so that generated/<lang>/ is never half-written: the new folder is
// built beside the old one and swapped in with two renames. Unchanged files are hard-linked from
// the old folder (their mtime stays), files the generator never wrote are carried over, and owned
// files it no longer produces are dropped.
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  unlinkSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import path from "node:path";
import type { OutputFile } from "../targets/target.js";
import { MANIFEST_FILE, readManifest } from "./manifest.js";

export interface ChangeSet {
  added: string[];
  changed: string[];
  deleted: string[];
  unchanged: string[];
}

function hasChanges(c: ChangeSet): boolean {
  return c.added.length + c.changed.length + c.deleted.length > 0;
}

/** What writing `files` (the manifest among them, see withManifest) into `dir` would change, judged against the disk. */
export function planChanges(dir: string, files: OutputFile[]): ChangeSet {
  const owned = readManifest(dir)?.files ?? {};
  const c: ChangeSet = { added: [], changed: [], deleted: [], unchanged: [] };
  const produced = new Set<string>();
  for (const f of files) {
    produced.add(f.path);
    // A kept file was checked intact on disk when it was kept (src/emit/reuse.ts).
    if (f.kept !== undefined) {
      c.unchanged.push(f.path);
      continue;
    }
    const existing = readIfFile(path.join(dir, f.path));
    if (existing === undefined) c.added.push(f.path);
    else if (existing !== f.contents) c.changed.push(f.path);
    else c.unchanged.push(f.path);
  }
  for (const p of Object.keys(owned)) if (!produced.has(p) && existsSync(path.join(dir, p))) c.deleted.push(p);
  for (const list of [c.added, c.changed, c.deleted, c.unchanged]) list.sort();
  return c;
}

/** Writes `files` into `dir` (when anything changed) with an atomic folder swap. */
export function commitFiles(dir: string, files: OutputFile[], changes: ChangeSet): void {
  swapIn(dir, stageFiles(dir, files, changes));
}

/** A target's new folder, written beside the old one and not yet swapped in. */
export interface StagedFolder {
  staging: string;
  /** The files the new folder owns (what `carryOverUnowned` must not carry over). */
  paths: string[];
  writesManifest: boolean;
}

/**
 * The staging folder of `dir` for this process: one per target folder, and each target folder is
 * written by one thread, so the process id is enough (a leftover of an earlier failed run in the
 * same process is removed first; one of a killed run is removed by `recoverInterruptedSwap`).
 */
function stagingFolder(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.tmp-${process.pid}`);
}

/**
 * Builds the new folder beside `dir` (when anything changed): new and changed files written,
 * unchanged ones hard-linked from `dir`. Nothing in `dir` changes until `swapIn`, so a target can
 * be staged as soon as it is rendered and its text dropped from memory, while others still render.
 */
export function stageFiles(dir: string, files: OutputFile[], changes: ChangeSet): StagedFolder | undefined {
  if (!hasChanges(changes)) return undefined;
  const staging = stagingFolder(dir);
  const unchanged = new Set(changes.unchanged);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    const made = new Set([staging]);
    for (const f of files) {
      const to = path.join(staging, f.path);
      const folder = path.dirname(to);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      if (unchanged.has(f.path)) linkOrCopy(path.join(dir, f.path), to);
      else writeFileSync(to, f.contents);
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return { staging, paths: files.map((f) => f.path), writesManifest: files.some((f) => f.path === MANIFEST_FILE) };
}

/** Removes this process's staging folder of `dir`, if any: it will not be swapped in (another target failed). */
export function discardStaging(dir: string): void {
  rmSync(stagingFolder(dir), { recursive: true, force: true });
}

/** Swaps a staged folder in with two renames, carrying over the files the generator never wrote. */
export function swapIn(dir: string, staged: StagedFolder | undefined): void {
  if (!staged) return;
  const { staging } = staged;
  const parent = path.dirname(dir);
  const retired = path.join(parent, `.${path.basename(dir)}.old-${process.pid}-${Date.now().toString(36)}`);
  try {
    if (existsSync(dir)) carryOverUnowned(dir, staging, new Set([...staged.paths, ...Object.keys(readManifest(dir)?.files ?? {})]));
    if (existsSync(dir)) renameSync(dir, retired);
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(dir) && existsSync(retired)) renameSync(retired, dir);
    throw e;
  }
  removeTree(retired);
  // Removing the retired links changed the ctime of every file linked over from it; touch the
  // manifest (keeping its times) so it is again the newest inode, as isUpToDate expects.
  const manifest = path.join(dir, MANIFEST_FILE);
  if (staged.writesManifest) {
    const stat = statSync(manifest);
    utimesSync(manifest, stat.atime, stat.mtime);
  }
}

/**
 * Removes a folder this process made (the retired one): unlinks by the types readdir gives,
 * without the lstat per entry and the retries of rmSync, which made removal about half again as
 * slow on the ~2,700 files of a language. Anything unexpected falls back to rmSync.
 */
function removeTree(dir: string): void {
  try {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) removeTree(p);
      else unlinkSync(p);
    }
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readIfFile(p: string): string | undefined {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Files and folders the generator never wrote stay where they were. */
function carryOverUnowned(from: string, to: string, owned: Set<string>, rel = ""): void {
  for (const entry of readdirSync(path.join(from, rel))) {
    const relPath = rel ? `${rel}/${entry}` : entry;
    if (owned.has(relPath)) continue;
    const src = path.join(from, relPath);
    const dst = path.join(to, relPath);
    const stat = lstatSync(src);
    if (stat.isDirectory()) {
      mkdirSync(dst, { recursive: true });
      carryOverUnowned(from, to, owned, relPath);
    } else if (stat.isSymbolicLink()) {
      if (!existsSync(dst)) symlinkSync(readlinkSync(src), dst);
    } else if (!existsSync(dst)) {
      linkOrCopy(src, dst);
    }
  }
}

/**
 * A run killed between the two renames leaves the old folder under its retired name: put it back.
 * A run killed while staging leaves a staging folder: remove it. (Call before reading `dir`.)
 */
export function recoverInterruptedSwap(dir: string): void {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent).sort()) {
    const full = path.join(parent, entry);
    if (entry.startsWith(`.${base}.old-`) && !existsSync(dir)) renameSync(full, dir);
    else if (entry.startsWith(`.${base}.tmp-`) || entry.startsWith(`.${base}.old-`)) rmSync(full, { recursive: true, force: true });
  }
}
