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
// - The main thread's young generation stops growing once its two semi-spaces are 8 MB each, while
//   no render worker runs (V8 doubles them up to 16 MB each). Every page of memory a run touches
//   for the first time costs a page fault, ~2.4 us on this VM; a one-schema regeneration of the 3 MB
//   OpenAI spec took ~27,000 on its main thread (~65 ms), 8,000 of them the young generation's 32 MB.
//   Held at 16 MB, TypeScript only cold takes 24,500 -> 20,500 faults, peak RSS 126 -> 110 MB and
//   15-21 ms less (faster in 29 of 40 interleaved pairs, 20 of 30 with the order swapped); a
//   one-schema regeneration, whose new space reaches the size later, -6 and +4 ms (even). V8 sizes the
//   young generation's limit when it sets the heap up (`--max-semi-space-size` takes effect only
//   on the command line), but reads its growth factor at every growth: so it grows as V8 likes up
//   to that size, and the factor is then set to 1 (youngGenerationCheckpoint, at each phase's start).
//   The factor is process-wide: a render worker held at its first size rendered slower (four
//   languages cold +40 ms, measured while the templates' caches were refused too), so the hold
//   ends when one starts (releaseYoungGeneration). It is a V8 flag like the others: a code cache
//   made without it is refused while it is set, so the templates compile with V8's factor for that
//   moment (underYoungGrowth), and the build's training never holds (cli.ts).
import { getHeapSpaceStatistics } from "node:v8";
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

/** The size (both semi-spaces, as V8 reports the new space) at which the main thread's young generation is held. */
export const HELD_NEW_SPACE_BYTES = 16 * 1024 * 1024;

/** The young generation's growth stopped, and V8's default growth (doubling). */
export const YOUNG_HELD_FLAG = "--semi-space-growth-factor=1";
export const YOUNG_GROWTH_FLAG = "--semi-space-growth-factor=2";

/** Off in a library's host process; the CLI watches, then holds once the size is reached; a render worker's start ends it. */
let youngHold: "off" | "watching" | "held" = "off";

/** Called by the CLI before any work: youngGenerationCheckpoint may hold the young generation from then on. */
export function watchYoungGeneration(): void {
  youngHold = "watching";
}

/**
 * Called by the CLI as each phase starts: holds the main thread's young generation when the CLI
 * watches it and it has reached HELD_NEW_SPACE_BYTES (V8's statistics cost ~3 us). True when this
 * call held it.
 */
export function youngGenerationCheckpoint(newSpaceBytes: () => number = currentNewSpaceBytes): boolean {
  if (youngHold !== "watching" || newSpaceBytes() < HELD_NEW_SPACE_BYTES) return false;
  setV8Flag(YOUNG_HELD_FLAG, YOUNG_GROWTH_FLAG);
  youngHold = "held";
  return true;
}

/** Whether the young generation is held now. */
export function youngGenerationHeld(): boolean {
  return youngHold === "held";
}

/**
 * `work` under V8's growth factor while the young generation is held, then held again: V8 takes a
 * code cache only under the flags it was made with, and the caches of the scripts compiled late
 * (each target's templates) are made without the hold (the CLI compiles them through this,
 * code-cache-state.ts's setLateScriptFlags).
 */
export function underYoungGrowth<T>(work: () => T): T {
  if (youngHold !== "held") return work();
  setV8Flag(YOUNG_GROWTH_FLAG, YOUNG_GROWTH_FLAG);
  try {
    return work();
  } finally {
    setV8Flag(YOUNG_HELD_FLAG, YOUNG_GROWTH_FLAG);
  }
}

/** A render worker starts: V8's growth again, for the rest of the process (the worker's young generation grows as it needs). */
export function releaseYoungGeneration(): void {
  if (youngHold === "held") setV8Flag(YOUNG_GROWTH_FLAG, YOUNG_GROWTH_FLAG);
  youngHold = "off";
}

function currentNewSpaceBytes(): number {
  const spaces = getHeapSpaceStatistics();
  for (let i = 0; i < spaces.length; i++) if (spaces[i]!.space_name === "new_space") return spaces[i]!.space_size;
  return 0;
}
