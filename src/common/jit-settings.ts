// When V8's optimizing compiler (TurboFan) takes a function. A CLI run lasts a second or a few and
// runs hundreds of different functions (loader, normalizer, views, templates, names) just long
// enough for V8's default budget to mark them hot. On the 3 MB OpenAI spec (four languages, cold)
// TurboFan then compiled ~480 functions, the largest (view builders with their callees inlined)
// for 40-90 ms each, and ~140 of those were deoptimized again: seconds of compiling on background
// threads, which take the second core the render worker needs and little of which pays back
// before the run ends. With a budget 16 times V8's default (the bytecode a function runs between
// two checks of whether to optimize it), ~40 functions are compiled, those that stay hot. Medians
// of alternating runs on this 2-core machine (V8's budget -> this one; bench/ and README "Speed"
// have the paired ratios): four languages cold 2.39 -> 1.81 s (CPU 4.30 -> 2.94 s), TypeScript only
// 1.10 -> 0.96 s, the synthetic 20 MB spec 13.7 -> 11.5 s, a one-schema regeneration 12% less CPU
// in the same wall time (it renders on one thread; the compiling had the idle core). V8 reads the
// flag whenever a function's budget is reset, so setting it at start-up takes effect; it is
// process-wide, so the render worker follows it (V8's default is set back only while a worker
// thread starts: v8-flags.ts). Only the CLI sets it; the library never changes its host's
// flags. A long `--watch` session loses nothing: hot functions are still optimized, later.
import { setV8Flag } from "./v8-flags.js";

/** V8's default `--interrupt-budget` (Node 20's V8 11.3). */
const V8_DEFAULT_INTERRUPT_BUDGET = 67_584;

export const INTERRUPT_BUDGET = 16 * V8_DEFAULT_INTERRUPT_BUDGET;

/** The V8 flag delaying optimization; none when `MODELGEN_JIT=default` asks for V8's own budget (to compare). */
export function jitFlag(env: NodeJS.ProcessEnv): string | undefined {
  return env.MODELGEN_JIT === "default" ? undefined : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** V8's own budget: what sets the flag back to its default (v8-flags.ts pauses it while a worker thread starts). */
const DEFAULT_BUDGET_FLAG = `--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET}`;

/** Called by the CLI before any work. */
export function delayOptimization(env: NodeJS.ProcessEnv = process.env): void {
  const flag = jitFlag(env);
  if (flag) setV8Flag(flag, DEFAULT_BUDGET_FLAG);
}

/**
 * Runs `work` under the JIT flag a CLI run sets at its start (jitFlag's), then sets V8's default
 * back: for the build's training, which runs with V8's own flags (the bundles are compiled before
 * the CLI sets any) but must compile and write the code caches of the scripts a run compiles later
 * (each target's templates, src/render/templates.ts) under the flags those runs have then, as V8
 * takes a cache only under the flags it was made with.
 */
export function underRunJitFlag<T>(work: () => T): T {
  // Set already when the CLI started without MODELGEN_JIT=default.
  if (jitFlag(process.env) !== undefined) return work();
  setV8Flag(jitFlag({})!, DEFAULT_BUDGET_FLAG);
  try {
    return work();
  } finally {
    setV8Flag(DEFAULT_BUDGET_FLAG, DEFAULT_BUDGET_FLAG);
  }
}
