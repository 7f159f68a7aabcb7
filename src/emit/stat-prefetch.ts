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
import { endReadAhead, expectReadAhead } from "../common/read-ahead.js";
import { pauseForWorker, resumeAfterStart } from "../common/v8-flags.js";
import { forwardOutput, OWN_STDIO } from "../common/worker-stdio.js";
import { workerThreads } from "../common/worker-threads.js";

/**
 * What the worker runs (CommonJS, evaluated): one statSync per path, answering with the places (in
 * the list asked) of the files not known intact by their ctime: no regular file, or changed at or
 * after the manifest (`changed`, its ctimeMs; see intactCheck). Once its modules are loaded it sets
 * the V8 flags paused for its start (src/common/v8-flags.ts), if any. When given a port, it reads
 * files for the main thread too (common/read-ahead.ts): those needed soonest before the stats, the
 * others after its answer.
 */
const STAT_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync, statSync } = require("node:fs");
for (const flag of workerData.v8Flags) require("node:v8").setFlagsFromString(flag);
const { port, first, afterStats, checked } = workerData.reads;
const crc32 = port && checked.length ? require("node:zlib").crc32 : undefined;
const readAll = (files) => {
  for (const file of files) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    const message = { file, bytes };
    // A cache file's checksum, of what follows its first line (common/cache-files.ts).
    if (crc32 && checked.includes(file)) message.bodyCrc = crc32(bytes.subarray(bytes.indexOf(10) + 1));
    // A small file's buffer is a slice of Node's pool, which cannot move: it is copied.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    port.postMessage(message, whole ? [bytes.buffer] : []);
  }
};
if (port) readAll(first);
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
if (port) {
  readAll(afterStats);
  port.close();
}
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
 * Files the worker reads for the main thread (absolute paths, read in this order): `first` before
 * its stats (the normalizer's state, needed as soon as the spec is parsed), `afterStats` once it
 * has answered (needed once the IR is made).
 */
export interface ReadAhead {
  first: readonly string[];
  afterStats: readonly string[];
  /** Those of them that are cache files: the worker takes their checksum too (readPrefetched's bodyCrc). */
  checked: readonly string[];
}

const NO_READS: ReadAhead = { first: [], afterStats: [], checked: [] };

/**
 * Remembers each folder's manifest and starts a stat of every file it lists, and the reads of
 * `reads` by the same worker; resolves once the answers are in (never rejects: without them the
 * intact check stats as before). The answers stay until `forgetStats` (called at the end of each
 * run: a later run must stat again).
 */
export function prefetchStats(
  folders: readonly { dir: string; manifest: Manifest }[],
  statWorker = true,
  reads: ReadAhead = NO_READS,
): Promise<void> {
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
    const reading = reads.first.length + reads.afterStats.length > 0;
    const port = reading ? expectReadAhead() : undefined;
    const toRead = { port, first: reads.first, afterStats: reads.afterStats, checked: reads.checked };
    let worker: InstanceType<typeof Worker>;
    try {
      const options = { eval: true, transferList: port ? [port] : [], ...OWN_STDIO };
      worker = forwardOutput(new Worker(STAT_WORKER, { ...options, workerData: { asked, reads: toRead, v8Flags } }));
    } catch {
      resumeAfterStart(v8Flags);
      endReadAhead();
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

/** Drops every answer, manifest and file read ahead: called at the end of each run, which writes the folders. */
export function forgetStats(): void {
  run++;
  known.clear();
  manifests.clear();
  endReadAhead();
}
