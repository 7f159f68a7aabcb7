// What the render worker takes from the main thread after its share (see Provision in
// worker-protocol.ts): synchronously, between rendering a target and planning it.
import type { MessagePort } from "node:worker_threads";
import { workerThreads } from "../common/worker-threads.js";
import type { IrDocument } from "../ir/types.js";
import type { OutputJob } from "../emit/output-job.js";
import { adoptKeyGraph } from "../emit/unit-keys.js";
import type { Provision } from "./worker-protocol.js";

/** A thread's end of the provisions' channel, and the count of provisions posted (Int32, Atomics) that a waiting thread waits on. */
export interface ProvisionsChannel {
  port: MessagePort;
  posted: SharedArrayBuffer;
}

/** How long the worker waits for a snapshot the main thread has not posted yet before giving up (an internal error). */
const SNAPSHOT_WAIT_MS = 60_000;

/** Posts `provision` and counts it, waking a worker that waits for one (the main thread's side). */
export function postProvision(port: MessagePort, posted: SharedArrayBuffer, provision: Provision): void {
  port.postMessage(provision);
  const count = new Int32Array(posted);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
}

/**
 * Takes what the main thread has provided so far: it posts both long before the worker has
 * rendered a target on a large spec, so this never waits there. The snapshot must be in before a
 * job is planned: on a small spec the worker may get there first, and waits for it.
 */
export function takeProvisions({ port, posted }: ProvisionsChannel, ir: IrDocument, jobs: OutputJob[]): void {
  const count = new Int32Array(posted);
  const deadline = Date.now() + SNAPSHOT_WAIT_MS;
  for (;;) {
    // Read the count before draining: a post after the drain changes it, and the wait returns at once.
    const seen = Atomics.load(count, 0);
    drainProvisions(port, ir, jobs);
    if (jobs.every((job) => job.snapshot)) return;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error("internal: the render worker got no IR snapshot from the main thread");
    Atomics.wait(count, 0, seen, left);
  }
}

/**
 * Takes every provision posted on `port` so far, without waiting: keys for `ir`, a snapshot for the
 * jobs without one. True when a key graph was taken (not worked out here already). The main thread
 * also drains the worker's hand-back this way (render-all.ts).
 */
export function drainProvisions(port: MessagePort, ir: IrDocument, jobs: readonly OutputJob[]): boolean {
  let keysTaken = false;
  const { receiveMessageOnPort } = workerThreads();
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const provision = m.message as Provision;
    if (provision.kind === "keys") keysTaken = adoptKeyGraph(ir, provision.graph) || keysTaken;
    else for (const job of jobs) job.snapshot ??= provision.snapshot;
  }
  return keysTaken;
}
