// The V8 flags the CLI sets at run time (the JIT budget, jit-settings.ts; the opt-in heap bound
// and the young generation's hold, threads/heap-settings.ts), and their pause while a worker thread
// starts. V8 takes the compiled code Node ships for its own modules (a code cache built into the
// binary) only while every V8 flag has its default value: with any flag of ours set, each Node
// module loaded after it (a worker thread bootstraps ~100 of its own) is compiled from source, a
// worker's start 22 -> 48 ms with CPU taken from the core the main thread's work shares (four
// languages cold 1.69 -> 1.62 s of CPU with the budget paused, interleaved runs).
import { setFlagsFromString } from "node:v8";

/** The flags set off their default, by name: each with the text that sets V8's default back. */
const offDefault = new Map<string, { flag: string; reset: string }>();

/** The flags a worker may be handed to set again (resumeAfterStart), by prefix. */
const OURS = ["--interrupt-budget=", "--heap-growing-percent=", "--semi-space-growth-factor="];

/**
 * Sets `flag` (`--name=value`) for this process and remembers whether it is off V8's default,
 * which `reset` (the same flag at its default value) gives. Only the CLI calls this (through the
 * two settings files); a library's host process keeps its own flags.
 */
export function setV8Flag(flag: string, reset: string): void {
  setFlagsFromString(flag);
  const name = flag.slice(0, flag.indexOf("="));
  if (flag === reset) offDefault.delete(name);
  else offDefault.set(name, { flag, reset });
}

/**
 * Called just before a worker thread starts: every flag set off its default goes back to V8's
 * default, and the flags are returned for the worker to set again once its modules are loaded
 * (`resumeAfterStart`); meanwhile this thread runs with the defaults too. None, and nothing
 * changed, when no flag is set (a library's host process, or the CLI with its settings off).
 */
export function pauseForWorker(): string[] {
  const paused = [...offDefault.values()];
  for (const { reset } of paused) setFlagsFromString(reset);
  return paused.map((p) => p.flag);
}

/**
 * Once a worker's modules are loaded (in the worker), or after a worker failed to start (in the
 * thread that paused them): the flags `pauseForWorker` returned. Anything but a list of our flags
 * is ignored.
 */
export function resumeAfterStart(flags: unknown): void {
  if (!Array.isArray(flags)) return;
  for (const flag of flags) if (typeof flag === "string" && OURS.some((p) => flag.startsWith(p))) setFlagsFromString(flag);
}
