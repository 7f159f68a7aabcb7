// How big the generator's heaps may grow. A run allocates far more than it keeps: on the 3 MB
// OpenAI spec the live data of a thread stays under ~60 MB, and with V8's default heuristics each
// heap grows to two or three times that before a full collection.
// - By default the CLI leaves the old generation's growth to V8. It bounded it for a while
//   (`--heap-growing-percent=20`), when the process peaked near 290 MB with V8's growth; once the
//   runs kept less alive, V8's growth peaked at ~215 MB (four languages, cold; target 250 MB) and the
//   bound cost more than it saved: six full collections instead of two, each with concurrent
//   marking that takes the core the other thread renders on. Alternating runs (bench/, README
//   "Speed"): four languages cold 1.19 -> 1.10 s, the synthetic 20 MB spec 8.5 -> 7.3 s (peak RSS
//   700 -> 785 MB, target 1 GB), TypeScript only the same.
// - `MODELGEN_HEAP=bounded` sets the bound again, for a machine short of memory (and to compare).
//   The flag is read at every full collection, so setting it at run time takes effect. It is set
//   only by the CLI, a process that exists for one run; the library never changes its host
//   process's flags. A regeneration rendering on one thread keeps far less alive (~160 MB at its
//   peak, bounded or not), and there the bound only costs time, so it is lifted for it and set
//   again when a render worker starts (a regeneration that changed most models grows like a first run).
// - The render worker's young generation is capped (Node's `resourceLimits`), always: uncapped, the
//   peak grows by ~20 MB for no time saved.
import { setV8Flag } from "../common/v8-flags.js";
import type { ResourceLimits } from "node:worker_threads";

export const HEAP_GROWING_PERCENT = 20;

/** The worker's young generation: enough for its allocation rate (a larger one saved no time on the OpenAI specs). */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/** The V8 flag bounding the old generation's growth when `MODELGEN_HEAP=bounded` asks for it; none by default (V8's own heuristics). */
export function heapFlag(env: NodeJS.ProcessEnv): string | undefined {
  return env.MODELGEN_HEAP === "bounded" ? `--heap-growing-percent=${HEAP_GROWING_PERCENT}` : undefined;
}

/** V8's default: the growth factor follows its own heuristics. */
export const LIFTED_FLAG = "--heap-growing-percent=0";

/** The flag the CLI set (none in a library's host process, which keeps its own). */
let bound: string | undefined;

/** Called by the CLI before any work. */
export function boundHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const flag = heapFlag(env);
  if (flag) setV8Flag(flag, LIFTED_FLAG);
  bound = flag;
}

/** V8's own growth heuristics (the flag's value 0), while the CLI's bound is set: for a regeneration on one thread. */
export function liftHeapBound(): void {
  if (bound) setV8Flag(LIFTED_FLAG, LIFTED_FLAG);
}

/** The CLI's bound again, if it set one (a render worker starts, or the run ends). */
export function restoreHeapBound(): void {
  if (bound) setV8Flag(bound, LIFTED_FLAG);
}
