// What the boot (src/boot/code-cache.ts) did with the build's V8 code cache of the running bundle,
// for `--timings` to say: a cache that stopped being taken (another Node, a flag set too early)
// costs every start its compile time again, and nothing else would show it; the same for the
// scripts compiled later (each target's templates). In training (the build's), also how a thread
// asks for its caches to be written.

/**
 * accepted: V8 took it; rejected: V8 refused it; stale: made for other code or another Node;
 * damaged: its data is not what was written; missing; off: MODELGEN_CODE_CACHE=0; train: the build is making it.
 */
export type CodeCacheState = "accepted" | "rejected" | "stale" | "damaged" | "missing" | "off" | "train";

const STATE = Symbol.for("openapi-modelgen.code-cache");
const SAVERS = Symbol.for("openapi-modelgen.code-cache-savers");
const SCRIPTS = Symbol.for("openapi-modelgen.code-cache-scripts");
const slots = globalThis as Record<symbol, unknown>;

/** Set by the boot, before the bundle it loads runs (per thread: each has its own global). */
export function setCodeCacheState(state: CodeCacheState): void {
  slots[STATE] = state;
}

/** Undefined when the code was not started by the boot (the library, tests running the sources). */
export function codeCacheState(): CodeCacheState | undefined {
  return slots[STATE] as CodeCacheState | undefined;
}

/** In training: `save` writes the cache of a script this thread compiled (its bundle, a target's templates). */
export function addTrainedCodeCacheSaver(save: () => void): void {
  slotOf(SAVERS, (): (() => void)[] => []).push(save);
}

/**
 * In training, writes this thread's code caches now (a no-op otherwise): a worker thread is stopped
 * with the process, and no exit handler of its own would run to write them.
 */
export function saveTrainedCodeCache(): void {
  for (const save of slotOf(SAVERS, (): (() => void)[] => [])) save();
}

/** Records what became of the cache of a script compiled after the bundle (`name`: what it holds, such as "typescript templates"). */
export function noteScriptCodeCache(name: string, state: CodeCacheState): void {
  slotOf(SCRIPTS, () => new Map<string, CodeCacheState>()).set(name, state);
}

/** The scripts compiled after the bundle in this thread, with their caches' states, in the order compiled. */
export function scriptCodeCaches(): [string, CodeCacheState][] {
  return [...slotOf(SCRIPTS, () => new Map<string, CodeCacheState>())];
}

const LATE_FLAGS = Symbol.for("openapi-modelgen.code-cache-late-flags");

/**
 * Set by the CLI (cli.ts): how it compiles the scripts a run compiles after the CLI has set its V8
 * flags (each target's templates), and in the build's training writes their caches: under the
 * flags the caches are made under, as V8 takes a cache only under the flags it was made with
 * (jit-settings.ts, underRunJitFlag; threads/heap-settings.ts, underYoungGrowth).
 */
export function setLateScriptFlags(under: <T>(work: () => T) => T): void {
  slots[LATE_FLAGS] = under;
}

/** `work` under the flags setLateScriptFlags gave; as it is where none were given (the library, a worker thread). */
export function underLateScriptFlags<T>(work: () => T): T {
  const under = slots[LATE_FLAGS] as (<U>(w: () => U) => U) | undefined;
  return under ? under(work) : work();
}

/** This thread's value in `slot`, made on first use. */
function slotOf<T>(slot: symbol, make: () => T): T {
  return (slots[slot] ??= make()) as T;
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
