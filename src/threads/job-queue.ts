// The targets of a run, handed out one at a time to the render threads from the two ends of a list
// ordered heaviest first: the main thread takes from the heavy end, the worker from the light end,
// each its next one as soon as it is free, until they meet. A flag per target in shared memory,
// set atomically, means no target is taken twice. The worker starts later (it takes in the IR
// first) and renders more slowly (its own cold JIT, a smaller young generation): when one heavy
// target fell to it after another, because it finished its first a little sooner, the main thread
// waited for it ~300 ms; from the light end it takes the light ones. Which thread renders a target
// never changes its output (rendering is pure), only how evenly the two threads finish.
import { renderAndPlanJob, stageOutput, type OutputJob, type PlannedOutput } from "../emit/output-job.js";
import type { IrDocument } from "../ir/types.js";
import type { RenderSettings } from "../render/render-target.js";
import type { Timings } from "../timings.js";

/** Which end of the list a thread takes from: the main thread's (heaviest first) or the worker's. */
export type QueueEnd = "heavy" | "light";

export class JobQueue {
  private readonly taken: Int32Array;

  /** `claims`: the shared flags, when the queue is the other thread's view of one made there. */
  constructor(
    readonly jobs: OutputJob[],
    readonly claims: SharedArrayBuffer = new SharedArrayBuffer(4 * Math.max(1, jobs.length)),
    private readonly end: QueueEnd = "heavy",
  ) {
    this.taken = new Int32Array(claims);
  }

  /** The next job from this view's end not taken yet (taken by this call), or undefined when every job is taken. */
  next(): OutputJob | undefined {
    const n = this.jobs.length;
    for (let k = 0; k < n; k++) {
      const i = this.end === "heavy" ? k : n - 1 - k;
      if (Atomics.compareExchange(this.taken, i, 0, 1) === 0) return this.jobs[i];
    }
    return undefined;
  }
}

/**
 * Renders and plans each job this thread claims, staging each at once when `write` (its text is then
 * freed, see stageOutput). `rendered`: see renderAndPlanJob.
 */
export async function renderClaimed(
  queue: JobQueue,
  ir: IrDocument,
  settings: RenderSettings,
  write: boolean,
  timings: Timings,
  rendered?: () => void,
) {
  const out: { job: OutputJob; output: PlannedOutput }[] = [];
  for (let job = queue.next(); job; job = queue.next()) {
    const planned = await renderAndPlanJob(job, ir, settings, timings, rendered);
    out.push({ job, output: write ? stageOutput(job, planned, timings) : planned });
    await nextTurn();
  }
  return out;
}

/**
 * One turn of the event loop: the callbacks of I/O done meanwhile run. A run writes its caches in
 * steps (make the folder, open, write, close, rename: pipeline.ts, common/cache-files.ts), each
 * issued from the callback of the one before, in Node's thread pool; without a turn between two
 * targets, a regeneration rendering on one thread started them only after its last target, and
 * waited ~10-20 ms for them at its end.
 */
export function nextTurn(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}
