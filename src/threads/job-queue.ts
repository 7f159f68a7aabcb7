// The targets of a run, handed out one at a time to whichever render thread asks first: a counter
// in shared memory, raised atomically, so the main thread and the worker never take the same
// target and each takes the next one as soon as it is free. Which thread renders a target never
// changes its output (rendering is pure), only how evenly the two threads finish.
import type { OutputJob } from "../emit/output-job.js";

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
