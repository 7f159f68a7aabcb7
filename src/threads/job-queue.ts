// The targets of a run, handed out one at a time to whichever render thread asks first: a counter
// in shared memory, raised atomically, so the main thread and the worker never take the same
// target and each takes the next one as soon as it is free. Which thread renders a target never
// changes its output (rendering is pure), only how evenly the two threads finish.
import { renderAndPlanJob, stageOutput, type OutputJob, type PlannedOutput } from "../emit/output-job.js";
import type { IrDocument } from "../ir/types.js";
import type { RenderSettings } from "../render/render-target.js";
import type { Timings } from "../timings.js";

export class JobQueue {
  private readonly counter: Int32Array;

  /** `claims`: the shared counter, when the queue is the other thread's view of one made there. */
  constructor(
    readonly jobs: OutputJob[],
    readonly claims: SharedArrayBuffer = new SharedArrayBuffer(4),
  ) {
    this.counter = new Int32Array(claims);
  }

  /** The next unclaimed job (claimed by this call), or undefined when every job is taken. */
  next(): OutputJob | undefined {
    return this.jobs[Atomics.add(this.counter, 0, 1)];
  }
}

/** Renders and plans each job this thread claims, staging each at once when `write` (its text is then freed, see stageOutput). */
export async function renderClaimed(queue: JobQueue, ir: IrDocument, settings: RenderSettings, write: boolean, timings: Timings) {
  const out: { job: OutputJob; output: PlannedOutput }[] = [];
  for (let job = queue.next(); job; job = queue.next()) {
    const planned = await renderAndPlanJob(job, ir, settings, timings);
    out.push({ job, output: write ? stageOutput(job, planned, timings) : planned });
  }
  return out;
}
