// One target's way from files to disk, shared by the main thread and the render worker: add the
// IR snapshot and manifest, compare with the folder, and (when asked) stage and commit the changes.
import { existsSync, rmdirSync } from "node:fs";
import path from "node:path";
import type { ChangeSet } from "./writer.js";
import { discardStaging, planChanges, stageFiles, swapIn, type StagedFolder } from "./writer.js";
import { MANIFEST_FILE, withManifestHashes, type SnapshotFile } from "./manifest.js";
import { fingerprint, intactCheck, type SpecHashes } from "./fingerprint.js";
import type { OutputFile } from "../targets/target.js";
import type { Timings } from "../timings.js";
import type { IrDocument } from "../ir/types.js";
import { FolderReuse, type UnitCounts } from "./reuse.js";
import { renderTarget, type RenderSettings } from "../render/render-target.js";
import { gitAttributesFile } from "./git-attributes.js";

/** Where and from what one target is written; plain data, so it can cross to a worker thread. */
export interface OutputJob {
  target: string;
  dir: string;
  /** Everything besides the spec files that decides this target's output (see fingerprint). */
  settings: unknown;
  /** Absolute paths of every spec file read. */
  specFiles: string[];
  /** Their hashes, computed once for every target of the run. */
  specHashes: SpecHashes;
  /**
   * The IR snapshot kept beside the manifest for the next run's summary of changes. On a first run
   * the render worker gets its jobs before the snapshot's text is made and is handed it after
   * (render-all.ts): it must be set before the job is planned.
   */
  snapshot?: SnapshotFile;
  /** The hash of this target's settings, template files and tool build: with them changed, no model's files are kept (see reuse.ts). */
  renderBasis: string;
}

export interface PlannedOutput {
  target: string;
  changes: ChangeSet;
  /** The files to write; emptied once they are staged (`stageOutput`), so their text can be freed. */
  files: OutputFile[];
  /** The staged changes, written beside the folder, waiting for `commitOutput` to commit them. */
  staged?: StagedFolder;
  /** How many models' files were kept from the previous run and how many rendered. */
  units: UnitCounts;
}

/**
 * Renders one target (keeping the previous run's files of unchanged models) and plans its writes.
 * `rendered` runs between the two: the render worker takes what the main thread handed it meanwhile.
 */
export async function renderAndPlanJob(
  job: OutputJob,
  ir: IrDocument,
  settings: RenderSettings,
  timings: Timings,
  rendered?: () => void,
): Promise<PlannedOutput> {
  const reuse = new FolderReuse(job.dir, job.renderBasis);
  // The units file (reuse.output: every unit's key, worked out when first needed) is part of rendering.
  const files = await timings.measureAsync(`render ${job.target}`, async () => {
    const made = await renderTarget(job.target, ir, settings, reuse);
    rendered?.();
    return [...made, ...reuse.output(), gitAttributesFile()];
  });
  const previous = { files: reuse.ownedFiles(), fingerprint: reuse.ownedFingerprint() };
  return { ...planOutput(job, files, previous, timings), units: { ...reuse.counts } };
}

/** `previous`: the files and fingerprint of the folder's manifest as this run found it. */
function planOutput(
  job: OutputJob,
  files: OutputFile[],
  previous: { files: Record<string, string>; fingerprint: string | undefined },
  timings: Timings,
): Omit<PlannedOutput, "units"> {
  // Spec paths relative to the output folder: the same on every machine that has the same layout.
  const relSpecFiles = job.specFiles.map((f) => path.relative(job.dir, f).split(path.sep).join("/"));
  const print = fingerprint(job.dir, relSpecFiles, job.settings, job.specHashes) ?? "";
  if (!job.snapshot) throw new Error(`internal: the IR snapshot of ${job.target} was not made before planning`);
  const { files: all, hashes, sizes } = withManifestHashes(files, { fingerprint: print, specFiles: relSpecFiles }, job.snapshot);
  // Files the folder's manifest lists and that are older than it (intact without hashing them) are
  // judged by their hashes (the IR snapshot and the units file are megabytes each): no read and no
  // byte count. Any other file is compared with the disk, which reads it only when its size is the same.
  const intact = intactCheck(job.dir, false);
  const changed = manifestKnownChanged(previous.fingerprint, print);
  const changes = timings.measure(`compare ${job.target}`, () =>
    planChanges(job.dir, all, previous.files, intact ? { hashes, intact, sizes, changed } : undefined),
  );
  return { target: job.target, changes, files: all };
}

/**
 * The files known to differ from the folder's copy without reading it: the manifest, whose text
 * holds its fingerprint, when that is not the fingerprint of the manifest read from the folder
 * (`previous`; a regeneration after any input changed). Else it is compared with the disk.
 */
export function manifestKnownChanged(previous: string | undefined, now: string): ReadonlySet<string> {
  return new Set(previous !== undefined && previous !== now ? [MANIFEST_FILE] : []);
}

/**
 * Writes a planned target into its staging folder right away (nothing in its folder changes yet)
 * and drops the files' text: held until every target rendered, each language's text stayed live
 * while the next ones rendered (~40 MB per language on the 20 MB synthetic spec, one thread).
 */
export function stageOutput(job: OutputJob, planned: PlannedOutput, timings: Timings): PlannedOutput {
  const staged = timings.measure(`write ${job.target}`, () => stageFiles(job.dir, planned.files, planned.changes));
  return { ...planned, files: [], ...(staged ? { staged } : {}) };
}

/** Commits the staged changes (staging first if `stageOutput` was not called). */
export function commitOutput(job: OutputJob, planned: PlannedOutput, timings: Timings): void {
  const staged = planned.staged ?? stageOutput(job, planned, timings).staged;
  timings.measure(`swap ${job.target}`, () => swapIn(job.dir, staged));
}

/** The folders holding the jobs' folders that do not exist yet: staging creates them, and a failed run removes them again. */
export function missingParents(jobs: OutputJob[]): string[] {
  return [...new Set(jobs.map((j) => path.dirname(j.dir)))].filter((p) => !existsSync(p));
}

/**
 * Removes what `stageOutput` wrote for these jobs (on either thread), when the run fails before
 * every target is committed, and the folders it created for them (`missingParents`, taken before
 * staging) when they hold nothing else: a failed run leaves the disk as it found it.
 */
export function discardOutputs(jobs: OutputJob[], createdParents: string[]): void {
  for (const job of jobs) discardStaging(job.dir);
  for (const parent of createdParents) {
    try {
      rmdirSync(parent);
    } catch {
      // Not empty (something else was put there) or already gone: leave it.
    }
  }
}
