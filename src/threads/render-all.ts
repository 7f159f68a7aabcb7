// Renders, plans and writes the chosen targets, on two threads when that pays: a worker thread
// does some languages while the main thread does the rest. Rendering is pure (IR in, files out),
// so the output is the same bytes either way (tests compare the two). Each target is written to a
// staging folder beside its own as soon as it is rendered (its text then freed), but no target's
// folder changes until every target on both threads has rendered, as on one thread.
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { IrDocument } from "../ir/types.js";
import { compareStrings } from "../common/order.js";
import { renderWeight as weight } from "./render-weights.js";
import { withoutSources } from "./ir-transfer.js";
import { releaseYoungGeneration, restoreHeapBound, WORKER_RESOURCE_LIMITS } from "./heap-settings.js";
import { pauseForWorker, resumeAfterStart } from "../common/v8-flags.js";
import { describeCodeCache } from "../common/code-cache-state.js";
import type { Timings } from "../timings.js";
import type { RenderSettings } from "../render/render-target.js";
import { commitOutput, discardOutputs, missingParents, type OutputJob, type PlannedOutput } from "../emit/output-job.js";
import { JobQueue, renderClaimed } from "./job-queue.js";
import { drainProvisions, postProvision } from "./provisions.js";
import { rebuildError, type FromWorker, type Provision, type TargetResult, type ToWorker } from "./worker-protocol.js";
import { forwardOutput, OWN_STDIO } from "../common/worker-stdio.js";
import { workerThreads } from "../common/worker-threads.js";

/** The bundled worker sits beside the bundled CLI (dist/); running from source there is none, and everything stays on one thread. */
const WORKER_FILE = fileURLToPath(new URL("./render-worker.js", import.meta.url));

export interface Renderer {
  /**
   * Hands the worker its share at once, so it renders (and, when `write`, stages) while the main
   * thread does other work. `keysFromWorker`: the worker works out the key graph first and hands it
   * back (a first run: it is idle until the IR comes, and the main thread renders longer, having
   * made the IR; a regeneration needs the keys on both threads at once, and the main thread provides them).
   */
  dispatch(ir: IrDocument, settings: RenderSettings, jobs: OutputJob[], write: boolean, keysFromWorker: boolean): void;
  /** Whether a worker renders a share (then `provide` hands it what the main thread works out after `dispatch`). */
  readonly parallel: boolean;
  /** Hands the worker, after `dispatch`, what it would otherwise work out itself (see Provision). */
  provide(provision: Provision): void;
  /** Renders and plans every target (the worker's share on the worker), then writes them all when `write`. */
  run(ir: IrDocument, settings: RenderSettings, jobs: OutputJob[], write: boolean, timings: Timings): Promise<Map<string, TargetResult>>;
  /** Stops the worker if it is still running (after an error before rendering). */
  close(): void;
}

/**
 * The targets heaviest first (ties by name): the main thread claims from this end, the worker from
 * the other (job-queue.ts), so the heavy ones fall to the thread that starts first and renders faster.
 */
export function claimOrder(targets: readonly string[]): string[] {
  return [...targets].sort((a, b) => weight(b) - weight(a) || compareStrings(a, b));
}

/**
 * Below this spec size a second thread costs more than it saves: its start-up and its own JIT
 * warm-up outweigh rendering a few hundred models. Measured on the OpenAI specs, four languages
 * cold, medians of 4 (once V8's optimizing compiler stopped taking the second core,
 * common/jit-settings.ts, the break-even fell from ~1.5 MB): 1.38 MB 1.04 -> 0.95 s, 0.90 MB 0.83 -> 0.77 s,
 * 0.67 MB 0.63 -> 0.54 s, 0.39 MB 0.47 -> 0.46 s (~35% more CPU each).
 */
const PARALLEL_MIN_SPEC_BYTES = 600_000;

/**
 * A regeneration that keeps at least this share of the models (their IR unchanged since the previous
 * run) renders on one thread: the worker's start, the IR's transfer and its own cold JIT cost more
 * than rendering a few models saves (after a one-schema change on the 3 MB spec: 1.27 s on one thread
 * against 1.44 s with the worker, 1.69 s against 2.19 s of CPU, on a quiet machine).
 */
export const KEPT_SHARE_FOR_ONE_THREAD = 0.9;

export interface WorkerChoice {
  targets: number;
  specBytes: number;
  cores: number;
  /** `MODELGEN_WORKERS`: "0" keeps everything on one thread, "1" uses the worker whatever the spec and the previous run. */
  setting: string | undefined;
  /** For a regeneration: the share of the models whose IR is unchanged since the previous run (undefined: not known, a first run). */
  keptShare?: number;
}

/** Whether a worker thread renders half the languages. */
export function wantsWorker(c: WorkerChoice): boolean {
  if (c.targets < 2 || c.setting === "0") return false;
  if (c.setting === "1") return true;
  if (c.keptShare !== undefined && c.keptShare >= KEPT_SHARE_FOR_ONE_THREAD) return false;
  return c.cores >= 2 && c.specBytes >= PARALLEL_MIN_SPEC_BYTES;
}

/**
 * Call before loading the spec on a first run: the worker starts (loads its code) while the main
 * thread parses, so its start-up is off the critical path. A regeneration calls it once it knows
 * how much of the IR changed (`keptShare`).
 */
export function startRenderer(targets: readonly string[], specBytes: number, keptShare?: number): Renderer {
  const choice: WorkerChoice = {
    targets: targets.length,
    specBytes,
    cores: os.availableParallelism(),
    setting: process.env.MODELGEN_WORKERS,
    ...(keptShare !== undefined ? { keptShare } : {}),
  };
  if (!existsSync(WORKER_FILE) || !wantsWorker(choice)) return serialRenderer();
  restoreHeapBound();
  // Before the pause: the young generation's growth is V8's again for both threads (heap-settings.ts).
  releaseYoungGeneration();
  // Paused first: the worker_threads module, when not loaded yet, is then compiled from the code Node ships (v8-flags.ts).
  const v8Flags = pauseForWorker();
  const { Worker } = workerThreads();
  let worker: InstanceType<typeof Worker>;
  try {
    worker = forwardOutput(new Worker(WORKER_FILE, { resourceLimits: WORKER_RESOURCE_LIMITS, workerData: { v8Flags }, ...OWN_STDIO }));
  } catch (e) {
    resumeAfterStart(v8Flags);
    throw e;
  }
  worker.unref();
  const replies: FromWorker[] = [];
  const waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] = [];
  let broken: Error | undefined;
  worker.on("message", (m: FromWorker) => (waiting.length ? waiting.shift()!.resolve(m) : replies.push(m)));
  const fail = (e: Error) => {
    broken ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`render worker exited with code ${code} before replying`)));
  const next = (timings: Timings, phase: string) =>
    timings.measureAsync(phase, async () => {
      if (replies.length) return replies.shift()!;
      if (broken) throw broken;
      return new Promise<FromWorker>((resolve, reject) => waiting.push({ resolve, reject }));
    });
  const post = (m: ToWorker) => worker.postMessage(m);
  const recordWorker = (timings: Timings, entries: [string, number][]) => {
    for (const [phase, ms] of entries) timings.record(`${phase} (worker)`, ms);
  };
  let dispatched = false;
  let createdParents: string[] = [];
  const provisions = new (workerThreads().MessageChannel)();
  const posted = new SharedArrayBuffer(4);
  const keysBack = new (workerThreads().MessageChannel)();
  // Neither end keeps the process alive (each thread takes its messages synchronously).
  provisions.port1.unref();
  keysBack.port1.unref();
  // The worker's key graph, if it has come (never waited for: without it this thread works them out).
  const takeKeys = (ir: IrDocument, jobs: OutputJob[], timings: Timings) => {
    if (drainProvisions(keysBack.port1, ir, jobs)) timings.note("unit keys: worked out by the render worker");
  };
  // Each thread renders the next unclaimed target from its end of the list when it is free
  // (src/threads/job-queue.ts), so the worker's later start and its slower rendering (its own cold
  // JIT, a smaller young generation) no longer leave the main thread waiting on a fixed half.
  let queue: JobQueue | undefined;

  return {
    parallel: true,
    dispatch(ir, settings, jobs, write, keysFromWorker) {
      if (dispatched) return;
      dispatched = true;
      createdParents = write ? missingParents(jobs) : [];
      queue = new JobQueue(ordered(jobs));
      const port = provisions.port2;
      const message: ToWorker = { kind: "render", ir, settings, jobs: queue.jobs, claims: queue.claims, write, provisions: port, posted };
      if (keysFromWorker) message.keysBack = keysBack.port2;
      withoutSources(ir, () => worker.postMessage(message, keysFromWorker ? [port, keysBack.port2] : [port]));
    },
    provide(provision) {
      if (dispatched) postProvision(provisions.port1, posted, provision);
    },
    async run(ir, settings, jobs, write, timings) {
      this.dispatch(ir, settings, jobs, write, false);
      try {
        const own = await renderClaimed(queue!, ir, settings, write, timings, () => takeKeys(ir, jobs, timings));
        const planned = await next(timings, "render: wait for worker");
        if (planned.kind === "failed") throw rebuildError(planned.error);
        if (planned.kind !== "planned") throw new Error(`render worker: unexpected ${planned.kind} reply`);
        recordWorker(timings, planned.timings);
        if (planned.codeCache) timings.note(`code cache (render worker): ${describeCodeCache(planned.codeCache)}`);
        for (const [script, state] of planned.scriptCaches ?? [])
          timings.note(`code cache (render worker, ${script}): ${describeCodeCache(state)}`);
        if (write) {
          post({ kind: "commit" });
          commitAll(own, timings);
          const committed = await next(timings, "write: wait for worker");
          if (committed.kind === "failed") throw rebuildError(committed.error);
          if (committed.kind === "committed") recordWorker(timings, committed.timings);
        }
        const byTarget = new Map<string, TargetResult>([
          ...own.map((p) => [p.job.target, resultOf(p.output)] as const),
          ...planned.results.map((r) => [r.target, r] as const),
        ]);
        // In the jobs' order, whichever thread rendered each.
        return new Map(jobs.map((j) => [j.target, byTarget.get(j.target)!]));
      } catch (e) {
        // Remove what was staged (the worker's too, once it has stopped); a commit that started
        // keeps its journal and staging, for the next run to finish.
        await worker.terminate();
        discardOutputs(jobs, createdParents);
        throw e;
      }
    },
    close() {
      void worker.terminate();
    },
  };
}

function serialRenderer(): Renderer {
  return {
    parallel: false,
    dispatch() {},
    provide() {},
    async run(ir, settings, jobs, write, timings) {
      const createdParents = write ? missingParents(jobs) : [];
      try {
        const planned = await renderClaimed(new JobQueue(jobs), ir, settings, write, timings);
        if (write) commitAll(planned, timings);
        return new Map(planned.map((p) => [p.job.target, resultOf(p.output)]));
      } catch (e) {
        // Remove what was staged; a commit that started keeps its journal and staging, for the next run to finish.
        discardOutputs(jobs, createdParents);
        throw e;
      }
    },
    close() {},
  };
}

/** The jobs in claim order (see claimOrder). */
function ordered(jobs: OutputJob[]): OutputJob[] {
  const order = claimOrder(jobs.map((j) => j.target));
  return [...jobs].sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
}

function resultOf(p: PlannedOutput): TargetResult {
  return { target: p.target, changes: p.changes, units: p.units };
}

function commitAll(planned: { job: OutputJob; output: PlannedOutput }[], timings: Timings): void {
  const pause = Number(process.env.MODELGEN_WRITE_PAUSE_MS ?? 0);
  planned.forEach((p, i) => {
    // Tests set a pause between language folders so that two runs' writes would overlap without the lock.
    if (i > 0 && pause > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    commitOutput(p.job, p.output, timings);
  });
}
