// The stats a regeneration's intact check needs (one per file a folder's manifest lists, ~8,500 on
// the 3 MB spec), taken by a small worker thread as soon as the manifests are known, so they run
// while the main thread parses and normalizes the spec instead of one `statSync` at a time while it
// renders (~60 ms of the main thread on a regeneration). Measured, not guessed: the thread pool
// (`fs.stat` with a callback) costs the main thread more per file to issue than `statSync` does
// (8,500 stats: ~110-200 ms to issue against ~90 ms synchronously, loaded VM), and the worker costs
// the main thread ~5-15 ms to start and nothing while it runs. Only what the stat said is kept
// (whether the path is a regular file, and its ctime); a path not asked about, or any answer when
// the worker failed, is stat'ed synchronously as before, so the answers never differ from
// `statSync`'s except in when they were taken (after the output lock, before any file of the folder
// is written, as a stat during rendering was).
import path from "node:path";
import type { Manifest } from "./manifest.js";
import { pauseForWorker, resumeAfterStart } from "../common/v8-flags.js";
import { forwardOutput, OWN_STDIO } from "../common/worker-stdio.js";
import { workerThreads } from "../common/worker-threads.js";

/**
 * What the worker runs (CommonJS, evaluated): one statSync per path, the answers as ctimeMs (NaN:
 * not a regular file). Once its modules are loaded it sets the V8 flags paused for its start
 * (src/common/v8-flags.ts), if any.
 */
const STAT_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
for (const flag of workerData.v8Flags) require("node:v8").setFlagsFromString(flag);
const answers = workerData.asked.map(({ prefix, files }) => {
  const out = new Float64Array(files.length);
  for (let i = 0; i < files.length; i++) {
    try {
      const s = statSync(prefix + files[i], { throwIfNoEntry: false });
      out[i] = s !== undefined && s.isFile() ? s.ctimeMs : NaN;
    } catch {
      out[i] = NaN;
    }
  }
  return out;
});
parentPort.postMessage(answers, answers.map((a) => a.buffer));
`;

/**
 * Folder -> (path in the folder as its manifest lists it -> ctimeMs of a regular file; NaN for
 * anything else: missing, a folder, unreadable). Keyed by the manifest's own strings, which the
 * intact check asks with: no path is joined or hashed again (8,500 joins were ~5-10 ms).
 */
const known = new Map<string, Map<string, number>>();
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
  const asked = folders.map(({ dir, manifest }) => {
    manifests.set(dir, manifest);
    return { prefix: dir + path.sep, files: Object.keys(manifest.files) };
  });
  if (asked.length === 0 || !statWorker) return Promise.resolve();
  const mine = run;
  return new Promise<void>((done) => {
    const { Worker } = workerThreads();
    let worker: InstanceType<typeof Worker>;
    const v8Flags = pauseForWorker();
    try {
      worker = forwardOutput(new Worker(STAT_WORKER, { eval: true, workerData: { asked, v8Flags }, ...OWN_STDIO }));
    } catch {
      resumeAfterStart(v8Flags);
      done();
      return;
    }
    worker.once("message", (answers: Float64Array[]) => {
      if (mine === run)
        folders.forEach(({ dir }, i) => {
          const { files } = asked[i]!;
          const ctimes = answers[i]!;
          const answered = new Map<string, number>();
          for (let j = 0; j < files.length; j++) answered.set(files[j]!, ctimes[j]!);
          known.set(dir, answered);
        });
      done();
    });
    worker.once("error", () => done());
    worker.once("exit", () => done());
  });
}

/**
 * Whether the stats are worth a worker: only with a core free for it. Measured on the shared 2-core
 * VM at load average 5 to 8 (one-schema change, 4 interleaved pairs each): with the worker the
 * main thread's load phase took ~85-150 ms longer (the worker's start and ~8,500 stats competed for
 * the cores) against ~60 ms of stats saved; at load average ~5, wall 1.58 -> 1.44 s (medians, 8 runs)
 * in one set and no gain in the next. So the worker runs when the load (`loadNow`, common/cpu-load.ts:
 * the tasks runnable as the run starts, this one among them) leaves at least half a core idle;
 * MODELGEN_WORKERS=0 (one thread) never starts it, =1 always does. Only the run's speed depends on
 * it: the answers are statSync's either way.
 */
export function wantsStatWorker(setting: string | undefined, loadAverage: number, cores: number): boolean {
  if (setting === "0") return false;
  if (setting === "1") return true;
  return cores >= 2 && loadAverage <= cores - 0.5;
}

/** The prefetched answers for the files of `dir` (ctimeMs, NaN when not a regular file) by path in the folder, when known. */
export function prefetchedCtimes(dir: string): ReadonlyMap<string, number> | undefined {
  return known.get(dir);
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
