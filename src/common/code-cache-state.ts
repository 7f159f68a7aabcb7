// What the CLI's boot (src/boot/code-cache.ts) did with the build's V8 code cache, for the run's
// `--timings` to say: a cache that stopped being taken (another Node, a flag set too early) costs
// every start its compile time again, and nothing else would show it.

/**
 * accepted: V8 took it; rejected: V8 refused it; stale: made for other code or another Node;
 * damaged: its data is not what was written; missing; off: MODELGEN_CODE_CACHE=0; train: the build is making it.
 */
export type CodeCacheState = "accepted" | "rejected" | "stale" | "damaged" | "missing" | "off" | "train";

const KEY = Symbol.for("openapi-modelgen.code-cache");

/** Set by the boot, before the bundle it loads runs. */
export function setCodeCacheState(state: CodeCacheState): void {
  (globalThis as Record<symbol, unknown>)[KEY] = state;
}

/** Undefined when the code was not started by the boot (the library, tests running the sources). */
export function codeCacheState(): CodeCacheState | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as CodeCacheState | undefined;
}
