// How big the generator's heaps may grow. A run allocates far more than it keeps: on the 3 MB
// OpenAI spec the live data of a thread stays under ~60 MB, but with V8's default heuristics each
// heap grows to two or three times that before a full collection (one full collection in a whole
// run was typical), so the process peaked near 290 MB. Two bounds keep the growth near the live
// data for a few per cent of CPU (bench/, README "Speed"):
// - the old generation grows by at most HEAP_GROWING_PERCENT after each full collection;
// - the render worker's young generation is capped (Node's `resourceLimits`).
// The first is a V8 flag set at run time; Node supports setting it, but not every V8 flag takes
// effect after start: this one is read at every full collection, so it does. It is set only by the
// CLI, a process that exists for one run; the library never changes its host process's flags.
// A regeneration rendering on one thread keeps far less alive (~160 MB at its peak on the 3 MB spec,
// bounded or not), and there the bound only costs time: two more full collections after a
// one-schema change, ~2.6% of its instructions. So the bound is lifted for it, and set again when a
// render worker starts (a regeneration that changed most models grows like a first run).
import { setFlagsFromString } from "node:v8";
import type { ResourceLimits } from "node:worker_threads";

export const HEAP_GROWING_PERCENT = 20;

/** The worker's young generation: enough for its allocation rate (a larger one saved no time on the OpenAI specs). */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/** The V8 flag bounding the old generation's growth; none when `MODELGEN_HEAP=default` asks for V8's own heuristics (to compare). */
export function heapFlag(env: NodeJS.ProcessEnv): string | undefined {
  return env.MODELGEN_HEAP === "default" ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/** V8's default: the growth factor follows its own heuristics. */
export const LIFTED_FLAG = "--heap-growing-percent=0";

/** The flag the CLI set (none in a library's host process, which keeps its own). */
let bound: string | undefined;

/** Called by the CLI before any work. */
export function boundHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const flag = heapFlag(env);
  if (flag) setFlagsFromString(flag);
  bound = flag;
}

/** V8's own growth heuristics (the flag's value 0), while the CLI's bound is set: for a regeneration on one thread. */
export function liftHeapBound(): void {
  if (bound) setFlagsFromString(LIFTED_FLAG);
}

/** The CLI's bound again, if it set one (a render worker starts, or the run ends). */
export function restoreHeapBound(): void {
  if (bound) setFlagsFromString(bound);
}
