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
// thread starts: pauseForWorker). Only the CLI sets it; the library never changes its host's
// flags. A long `--watch` session loses nothing: hot functions are still optimized, later.
import { setFlagsFromString } from "node:v8";

/** V8's default `--interrupt-budget` (Node 20's V8 11.3). */
const V8_DEFAULT_INTERRUPT_BUDGET = 67_584;

export const INTERRUPT_BUDGET = 16 * V8_DEFAULT_INTERRUPT_BUDGET;

/** The V8 flag delaying optimization; none when `MODELGEN_JIT=default` asks for V8's own budget (to compare). */
export function jitFlag(env: NodeJS.ProcessEnv): string | undefined {
  return env.MODELGEN_JIT === "default" ? undefined : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** V8's own budget, set back while a worker thread starts (see pauseForWorker). */
export const DEFAULT_BUDGET_FLAG = `--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET}`;

/** The flag the CLI set (none in a library's host process, which keeps its own flags). */
let delayed: string | undefined;

/** Called by the CLI before any work. */
export function delayOptimization(env: NodeJS.ProcessEnv = process.env): void {
  const flag = jitFlag(env);
  if (flag) setFlagsFromString(flag);
  delayed = flag;
}

/**
 * Called just before a worker thread is started: V8 takes Node's compiled code for its own modules
 * (a code cache built into the binary) only while every V8 flag has its default value, so with the
 * budget set, each Node module loaded after it (a worker thread bootstraps ~100 of its own) is
 * compiled from source: a worker's start 22 -> 48 ms, CPU taken from the core the main thread's
 * work shares; four languages cold 1.69 -> 1.62 s of CPU with the budget paused (interleaved runs).
 * Sets V8's default back and returns the flag the worker sets again once its modules are loaded
 * (`resumeAfterStart`); meanwhile this thread runs under V8's default budget too. Undefined, and
 * nothing changed, when the CLI set no flag (a library's host process).
 */
export function pauseForWorker(): string | undefined {
  if (delayed) setFlagsFromString(DEFAULT_BUDGET_FLAG);
  return delayed;
}

/** In a worker thread, once its modules are loaded: the flag `pauseForWorker` gave it, if any. */
export function resumeAfterStart(flag: unknown): void {
  if (typeof flag === "string" && flag.startsWith("--interrupt-budget=")) setFlagsFromString(flag);
}
