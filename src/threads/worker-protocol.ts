// The messages between the main thread and the render worker. The worker renders and plans its
// targets, reports what would change, and writes only when told to (after every target, on both
// threads, rendered without error). Errors cross as plain data and are rebuilt with their class,
// so a bad option still prints as one line and never as a stack trace.
import { SpecError, UsageError, type ErrorLocation } from "../common/errors.js";
import type { IrDocument } from "../ir/types.js";
import type { ChangeSet } from "../emit/writer.js";
import type { RenderSettings } from "../render/render-target.js";
import type { OutputJob } from "../emit/output-job.js";
import type { UnitCounts } from "../emit/reuse.js";
import type { SnapshotFile } from "../emit/manifest.js";
import type { SharedKeyGraph } from "../emit/unit-keys.js";
import type { MessagePort } from "node:worker_threads";
import type { CodeCacheState } from "../common/code-cache-state.js";

/** What rendering and planning one target gave: what a write changes, and how many models were kept from the previous run. */
export interface TargetResult {
  target: string;
  changes: ChangeSet;
  units: UnitCounts;
}

/**
 * `jobs` and `claims`: every target of the run and the counter shared with the main thread (see
 * job-queue.ts); the worker renders those it claims. `write`: stage each target as soon as it is
 * planned (see stageOutput); `commit` then commits them. `provisions`: where the main thread posts
 * what it works out after handing the worker its share (Provision), for the worker to take without
 * waiting when it has rendered a target. `keysBack`: on a first run, the worker works out the key
 * graph (emit/unit-keys.ts) as soon as it has the IR and posts it there as a Provision, for the
 * main thread to take when it has rendered its first target (see startRenderer).
 */
export type ToWorker =
  | {
      kind: "render";
      ir: IrDocument;
      settings: RenderSettings;
      jobs: OutputJob[];
      claims: SharedArrayBuffer;
      write: boolean;
      provisions: MessagePort;
      /** How many provisions the main thread has posted (Int32, Atomics): what the worker waits on. */
      posted: SharedArrayBuffer;
      keysBack?: MessagePort;
    }
  | { kind: "commit" };

/**
 * What the main thread works out for itself anyway and hands the worker rather than the worker
 * working it out again: in a regeneration the key graph (emit/unit-keys.ts; ~40 ms of a thread on
 * the 3 MB spec; on a first run the worker makes it, see keysBack) and, on a first run, the IR
 * snapshot the jobs were sent without (the worker gets its share ~25 ms sooner).
 */
export type Provision = { kind: "keys"; graph: SharedKeyGraph } | { kind: "snapshot"; snapshot: SnapshotFile };

export type FromWorker =
  | {
      kind: "planned";
      results: TargetResult[];
      timings: [string, number][];
      codeCache?: CodeCacheState;
      /** The scripts the worker compiled after its bundle (each target's templates), with their caches' states. */
      scriptCaches?: [string, CodeCacheState][];
    }
  | { kind: "committed"; timings: [string, number][] }
  | { kind: "failed"; error: SerializedError };

export interface SerializedError {
  kind: "spec" | "usage" | "other";
  message: string;
  stack?: string;
  location?: ErrorLocation;
  detail?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof SpecError) return { kind: "spec", message: e.message, location: e.location, detail: e.detail };
  if (e instanceof UsageError) return { kind: "usage", message: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: "other", message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
}

export function rebuildError(e: SerializedError): Error {
  if (e.kind === "spec" && e.location && e.detail !== undefined) return new SpecError(e.location, e.detail);
  if (e.kind === "usage") return new UsageError(e.message);
  const err = new Error(e.message);
  if (e.stack) err.stack = `${e.stack}\n    (in the render worker)`;
  return err;
}
