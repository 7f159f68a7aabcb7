// The stats a regeneration's intact check needs (one per file a folder's manifest lists, ~8,500 on
// the 3 MB spec), taken by a small worker thread as soon as the manifests are known, so they run
// while the main thread parses and normalizes the spec instead of one `statSync` at a time while it
// renders (~60 ms of the main thread on a regeneration). Measured, not guessed: the thread pool
// (`fs.stat` with a callback) costs the main thread more per file to issue than `statSync` does
// (8,500 stats: ~110-200 ms to issue against ~90 ms synchronously, loaded VM), and the worker costs
// the main thread ~5-15 ms to start and nothing while it runs. Only what the intact check needs of
// each stat is kept: whether the file is known intact by its ctime (a regular file changed before
// the manifest); each other file, or every file when the worker failed or the manifest changed
// since, is stat'ed synchronously as before, so the answers never differ from `statSync`'s except in
// when they were taken (after the output lock, before any file of the folder is written, as a stat
// during rendering was).
import { statSync } from "node:fs";
import path from "node:path";
import { MANIFEST_FILE, type Manifest } from "./manifest.js";
import { pauseForWorker, resumeAfterStart } from "../common/v8-flags.js";
import { forwardOutput, OWN_STDIO } from "../common/worker-stdio.js";
import { workerThreads } from "../common/worker-threads.js";

/**
 * What the worker runs (CommonJS, evaluated): one statSync per path, answering with the places (in
 * the list asked) of the files not known intact by their ctime: no regular file, or changed at or
 * after the manifest (`changed`, its ctimeMs; see intactCheck). Once its modules are loaded it sets
 * the V8 flags paused for its start (src/common/v8-flags.ts), if any.
 */
const STAT_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
for (const flag of workerData.v8Flags) require("node:v8").setFlagsFromString(flag);
const answers = workerData.asked.map(({ prefix, files, changed }) => {
  const suspects = [];
  for (let i = 0; i < files.length; i++) {
    try {
      const s = statSync(prefix + files[i], { throwIfNoEntry: false });
      if (s === undefined || !s.isFile() || !(s.ctimeMs < changed)) suspects.push(i);
    } catch {
      suspects.push(i);
    }
  }
  return Int32Array.from(suspects);
});
parentPort.postMessage(answers, answers.map((a) => a.buffer));
`;

/**
 * What the worker found of a folder's files: the ctimeMs of the manifest it compared them with, and
 * the files the manifest lists that are not known intact by their ctime (usually none), by the
 * manifest's own strings. The intact check then needs nothing per file but for those: no path
 * joined, looked up or hashed (an answer per file, kept by path, was ~0.3 µs a file to make and to
 * ask, over ~8,500 files).
 */
export interface PrefetchedIntact {
  manifestChanged: number;
  suspects: ReadonlySet<string>;
}

const known = new Map<string, PrefetchedIntact>();
/** Each folder's manifest as this run read it first (before anything of the folder was written), by folder. */
const manifests = new Map<string, Manifest>();
/** Counts runs (forgetStats): answers arriving after their run ended are dropped. */
let run = 0;

/**
 * Remembers each folder's manifest and starts a stat of every file it lists; resolves once the
 * answers are in (never rejects: without them the intact check stats as before). The answers stay
 * until `forgetStats` (called at the end of each run: a later run must stat again).
 */
export function prefetchStats(folders: readonly { dir: string; manifest: Manifest }[], statWorker = true): Promise<void> {
  for (const { dir, manifest } of folders) manifests.set(dir, manifest);
  if (folders.length === 0 || !statWorker) return Promise.resolve();
  // Each folder's files, compared with the ctime of its manifest now (a folder without one is not asked about).
  const asked = folders.flatMap(({ dir, manifest }) => {
    const changed = ctimeOf(path.join(dir, MANIFEST_FILE));
    return changed === undefined ? [] : [{ dir, prefix: dir + path.sep, files: Object.keys(manifest.files), changed }];
  });
  if (asked.length === 0) return Promise.resolve();
  const mine = run;
  return new Promise<void>((done) => {
    // Paused first: the worker_threads module (its ~7 modules) is then compiled from the code Node
    // ships, which V8 takes only under its default flags, not from source.
    const v8Flags = pauseForWorker();
    const { Worker } = workerThreads();
    let worker: InstanceType<typeof Worker>;
    try {
      worker = forwardOutput(new Worker(STAT_WORKER, { eval: true, workerData: { asked, v8Flags }, ...OWN_STDIO }));
    } catch {
      resumeAfterStart(v8Flags);
      done();
      return;
    }
    worker.once("message", (answers: Int32Array[]) => {
      if (mine === run)
        asked.forEach(({ dir, files, changed }, i) => {
          const places = answers[i]!;
          const suspects = new Set<string>();
          for (let j = 0; j < places.length; j++) suspects.add(files[places[j]!]!);
          known.set(dir, { manifestChanged: changed, suspects });
        });
      done();
    });
    worker.once("error", () => done());
    worker.once("exit", () => done());
  });
}

/**
 * Whether the stats are worth a worker: only with a core it can have. Measured on the shared 2-core
 * VM at load average 5 to 8 (one-schema change, 4 interleaved pairs each): with the worker the
 * main thread's load phase took ~85-150 ms longer (the worker's start and ~8,500 stats competed for
 * the cores) against ~60 ms of stats saved; at load average ~5, wall 1.58 -> 1.44 s (medians, 8 runs)
 * in one set and no gain in the next. Beside one other busy process the worker costs nothing (a
 * one-schema regeneration of the 3 MB OpenAI spec even, 16 interleaved pairs), and on a quiet
 * machine it saves ~27 ms (17 of 20 pairs faster); one other task runnable for an instant as the
 * run starts (1 in 8 starts right after an openapi-typescript run in a bench-like loop) kept it off
 * when the rule asked for half a core idle. So the worker runs when the load (`loadNow`,
 * common/cpu-load.ts: the tasks runnable as the run starts, this one among them) is at most the
 * cores: this thread and at most one other task on two; MODELGEN_WORKERS=0 (one thread) never starts
 * it, =1 always does. Only the run's speed depends on it: the answers are statSync's either way.
 */
export function wantsStatWorker(setting: string | undefined, loadAverage: number, cores: number): boolean {
  if (setting === "0") return false;
  if (setting === "1") return true;
  return cores >= 2 && loadAverage <= cores;
}

/** What the worker found of the files of `dir`, when it has answered. */
export function prefetchedIntact(dir: string): PrefetchedIntact | undefined {
  return known.get(dir);
}

function ctimeOf(file: string): number | undefined {
  try {
    return statSync(file).ctimeMs;
  } catch {
    return undefined;
  }
}

export function prefetchedManifest(dir: string): Manifest | undefined {
  return manifests.get(dir);
}

/** Drops every answer and manifest: called at the end of each run, which writes the folders. */
export function forgetStats(): void {
  run++;
  known.clear();
  manifests.clear();
}
