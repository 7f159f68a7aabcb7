// Renders the chosen targets, on two threads when that pays: a worker thread renders some
// languages while the main thread renders the rest. Rendering is pure (IR in, files out), so
// the output is the same bytes either way; tests compare the two.
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { IrDocument } from "../ir/types.js";
import { TARGETS } from "../targets/registry.js";
import type { OutputFile } from "../targets/target.js";
import type { Timings } from "../timings.js";
import { renderTarget, type RenderSettings } from "./render-target.js";
import { rebuildError, type RenderReply, type RenderRequest } from "./worker-protocol.js";

/** The bundled worker sits beside the bundled CLI (dist/); running from source there is none, and rendering stays on one thread. */
const WORKER_FILE = fileURLToPath(new URL("./render-worker.js", import.meta.url));

export interface Renderer {
  /** Hands the worker its share at once, so it renders while the main thread does other work. */
  dispatch(ir: IrDocument, settings: RenderSettings): void;
  /** Renders the main thread's share, waits for the worker's, and returns every target's files in the order asked. */
  render(ir: IrDocument, settings: RenderSettings, timings: Timings): Promise<{ target: string; files: OutputFile[] }[]>;
  /** Stops the worker if it is still running (after an error before rendering). */
  close(): void;
}

/** Splits targets into two groups of about equal cost (largest first, each to the lighter group). */
export function splitByCost(targets: readonly string[]): [string[], string[]] {
  const weight = (name: string) => TARGETS.find((t) => t.name === name)?.renderWeight ?? 1;
  const groups: [string[], string[]] = [[], []];
  const load = [0, 0];
  for (const name of [...targets].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const i = load[0]! <= load[1]! ? 0 : 1;
    groups[i]!.push(name);
    load[i]! += weight(name);
  }
  return groups;
}

function useWorker(targets: readonly string[]): boolean {
  if (targets.length < 2 || process.env.MODELGEN_WORKERS === "0") return false;
  return os.availableParallelism() >= 2 && existsSync(WORKER_FILE);
}

/**
 * Call before loading the spec: the worker starts (loads its code, compiles nothing yet) while the
 * main thread parses, so its start-up is off the critical path.
 */
export function startRenderer(targets: readonly string[]): Renderer {
  if (!useWorker(targets)) return serialRenderer(targets);
  const [mine, theirs] = splitByCost(targets);
  const worker = new Worker(WORKER_FILE);
  worker.unref();
  const reply = new Promise<RenderReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`render worker exited with code ${code} before replying`)));
  });
  reply.catch(() => undefined); // observed in render(); an early failure must not be unhandled
  let dispatched = false;
  const dispatch = (ir: IrDocument, settings: RenderSettings) => {
    if (dispatched) return;
    dispatched = true;
    const request: RenderRequest = { ir, targets: theirs, settings };
    worker.postMessage(request);
  };
  return {
    dispatch,
    async render(ir, settings, timings) {
      dispatch(ir, settings);
      const own = await renderEach(mine, ir, settings, timings);
      const answer = await timings.measureAsync("render: wait for worker", () => reply);
      void worker.terminate();
      if (!answer.ok) throw rebuildError(answer.error);
      for (const r of answer.results) timings.record(`render ${r.target} (worker)`, r.ms);
      const byName = new Map([...own, ...answer.results].map((r) => [r.target, r.files]));
      return targets.map((target) => ({ target, files: byName.get(target)! }));
    },
    close() {
      void worker.terminate();
    },
  };
}

function serialRenderer(targets: readonly string[]): Renderer {
  return {
    dispatch() {},
    render: (ir, settings, timings) => renderEach(targets, ir, settings, timings),
    close() {},
  };
}

async function renderEach(targets: readonly string[], ir: IrDocument, settings: RenderSettings, timings: Timings) {
  const out: { target: string; files: OutputFile[] }[] = [];
  for (const target of targets) out.push({ target, files: await timings.measureAsync(`render ${target}`, () => renderTarget(target, ir, settings)) });
  return out;
}
