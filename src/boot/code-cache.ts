// Runs a CommonJS bundle of the tool through a V8 code cache that the build made for it
// (src/common/cached-script.ts; scripts/train-code-cache.mjs: runs of the CLI on spec/ in "train"
// mode write it): the cache saves ~25 ms of a one-schema regeneration of the 3 MB OpenAI spec and
// ~15 ms of a TypeScript-only cold run.
//
// Node's modules are taken through `require`, not imported: this file runs as ES module code (see
// nodeModule in src/common/lazy-package.ts).
import { createRequire } from "node:module";
import { setCodeCacheState } from "../common/code-cache-state.js";
import { codeCacheMode, runCached, type CodeCacheMode } from "../common/cached-script.js";
import { nodeModule } from "../common/lazy-package.js";

const path = nodeModule<typeof import("node:path")>("node:path");
const { fileURLToPath } = nodeModule<typeof import("node:url")>("node:url");

export { cacheFileContents, cacheKey, codeCacheMode, readCache } from "../common/cached-script.js";

/**
 * Runs `bundle` (CommonJS) with the cache beside it. In "train" mode the cache is written when the
 * process exits, or when the bundle asks (a worker thread, see saveTrainedCodeCache).
 */
function runBundle(bundle: string, mode: CodeCacheMode): void {
  runCached(bundle, mode, { require: createRequire(bundle), noted: setCodeCacheState });
}

/** Runs the bundle `name`.cjs, with its cache, from the folder of the module whose URL is `entryUrl` (an entry in dist/). */
export function runBundleBeside(entryUrl: string, name: string): void {
  const dist = path.dirname(fileURLToPath(entryUrl));
  runBundle(path.join(dist, `${name}.cjs`), codeCacheMode(process.env));
}
