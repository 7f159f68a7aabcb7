// What the boot (src/boot/code-cache.ts) did with the build's V8 code cache of the running bundle,
// for `--timings` to say: a cache that stopped being taken (another Node, a flag set too early)
// costs every start its compile time again, and nothing else would show it. In training (the
// build's), also how the bundle asks for its cache to be written.

/**
 * accepted: V8 took it; rejected: V8 refused it; stale: made for other code or another Node;
 * damaged: its data is not what was written; missing; off: MODELGEN_CODE_CACHE=0; train: the build is making it.
 */
export type CodeCacheState = "accepted" | "rejected" | "stale" | "damaged" | "missing" | "off" | "train";

const STATE = Symbol.for("openapi-modelgen.code-cache");
const SAVE = Symbol.for("openapi-modelgen.code-cache-save");
const slots = globalThis as Record<symbol, unknown>;

/** Set by the boot, before the bundle it loads runs (per thread: each has its own global). */
export function setCodeCacheState(state: CodeCacheState, save?: () => void): void {
  slots[STATE] = state;
  slots[SAVE] = save;
}

/** Undefined when the code was not started by the boot (the library, tests running the sources). */
export function codeCacheState(): CodeCacheState | undefined {
  return slots[STATE] as CodeCacheState | undefined;
}

/**
 * In training, writes this thread's code cache now (a no-op otherwise): a worker thread is stopped
 * with the process, and no exit handler of its own would run to write it.
 */
export function saveTrainedCodeCache(): void {
  (slots[SAVE] as (() => void) | undefined)?.();
}

/** What `--timings` says of a state. */
export function describeCodeCache(state: CodeCacheState): string {
  return CODE_CACHE_NOTES[state];
}

const CODE_CACHE_NOTES: Record<CodeCacheState, string> = {
  accepted: "taken (functions compiled by the build)",
  rejected: "refused by V8 (made under other flags or another V8): every function compiled now",
  stale: "not for this build or this Node (run the build again): every function compiled now",
  damaged: "damaged (run the build again): every function compiled now",
  missing: "none beside the bundle (run the build again): every function compiled now",
  off: "off (MODELGEN_CODE_CACHE=0)",
  train: "being made (MODELGEN_CODE_CACHE=train)",
};
