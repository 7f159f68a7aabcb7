// A worker thread writes its stdout and stderr into the parent's by default, and Node builds the
// parent's process.stdout and process.stderr streams as the worker is made for that (~1.5 ms of
// the main thread), although our workers print nothing and a quiet run prints nothing either.
// Taken as streams of their own instead, what a worker writes is passed on only when it arrives.
import type { Worker, WorkerOptions } from "node:worker_threads";

/** Worker options that keep the worker's output from being piped into the parent's at start. */
export const OWN_STDIO: Pick<WorkerOptions, "stdout" | "stderr"> = { stdout: true, stderr: true };

/** Passes on whatever a worker made with OWN_STDIO writes, to the parent's stdout and stderr. */
export function forwardOutput(worker: Worker): Worker {
  worker.stdout.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  worker.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return worker;
}
