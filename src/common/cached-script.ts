// Compiling a CommonJS script of the build (the CLI's bundle, the render worker's, each target's
// templates) through the V8 code cache the build trained for it beside it (`<file>.cache`,
// scripts/train-code-cache.mjs). A run otherwise parses and compiles to bytecode every function it
// calls, the first time it calls it. A cache holds bytecode only, which V8 checks against its own
// version and flags and refuses otherwise; it cannot change what a run does, only how soon its
// functions are ready (output bytes with and without it are compared by test/cli/code-cache.test.ts).
//
// V8 tells a cache's source by its length alone, so the file starts with a key of our own: the
// sha256 of the script's bytes, Node's version and the architecture; then the sha256 of V8's data.
// A cache made for other code or another Node, or damaged, is not handed to V8 at all.
//
// Node's modules are taken through `require`, not imported: the boot runs this as ES module code
// (see nodeModule in src/common/lazy-package.ts).
import { addTrainedCodeCacheSaver, type CodeCacheState } from "./code-cache-state.js";
import { sha256 } from "./hash.js";
import { nodeModule } from "./lazy-package.js";

const { readFileSync, renameSync, writeFileSync } = nodeModule<typeof import("node:fs")>("node:fs");
const vm = nodeModule<typeof import("node:vm")>("node:vm");
const { isAscii } = nodeModule<typeof import("node:buffer")>("node:buffer");
const crypto = nodeModule<typeof import("node:crypto")>("node:crypto");
const { dirname } = nodeModule<typeof import("node:path")>("node:path");

export type CodeCacheMode = "use" | "train" | "off";

/** `MODELGEN_CODE_CACHE`: "0" runs without the cache (to compare), "train" makes it (the build); anything else uses it. */
export function codeCacheMode(env: NodeJS.ProcessEnv): CodeCacheMode {
  const setting = env.MODELGEN_CODE_CACHE;
  return setting === "0" ? "off" : setting === "train" ? "train" : "use";
}

/**
 * The key a cache for `source` (the bundle's text, or its UTF-8 bytes: the same key) starts with (64
 * hex digits). Hashed in two parts: the text joined to the rest was copied to flatten it, then
 * encoded into fresh memory, ~0.7 MB each, at every start.
 */
export function cacheKey(source: string | Uint8Array): string {
  return crypto
    .createHash("sha256")
    .update(source)
    .update(`\0${process.version}\0${process.versions.v8}\0${process.arch}`)
    .digest("hex");
}

/** A cache file: the key, the sha256 of the V8 data (a damaged file is never handed to V8), a line break, the data. */
export function cacheFileContents(key: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${key}${sha256(data)}\n`, "latin1"), data]);
}

/** Key, digest and line break. */
const HEADER_LENGTH = 129;

/** The V8 data of `cacheFile` when its key is `key` and the data is whole; else why not. */
export function readCache(cacheFile: string, key: string): Buffer | "stale" | "damaged" | "missing" {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return "missing";
  }
  if (file.length <= HEADER_LENGTH || file.toString("latin1", 0, key.length) !== key) return "stale";
  const data = file.subarray(HEADER_LENGTH);
  return file.toString("latin1", key.length, HEADER_LENGTH) === `${sha256(data)}\n` ? data : "damaged";
}

/**
 * Runs `file` (CommonJS, its cache beside it as `<file>.cache`) and gives its `module.exports`;
 * `noted` is told what became of the cache before the code runs. `under` runs the compile and, in
 * "train" mode, the writing of the cache (at the thread's saveTrainedCodeCache and at the process's
 * exit, holding every function compiled until then, those of the cache it started from too, so
 * successive training runs add up): a script compiled after the CLI set its V8 flags is trained
 * under them (code-cache-state.ts, underLateScriptFlags).
 */
export function runCached(
  file: string,
  mode: CodeCacheMode,
  scope: { require: NodeJS.Require; noted: (state: CodeCacheState) => void; under?: <T>(work: () => T) => T },
): unknown {
  const under = scope.under ?? (<T>(work: () => T) => work());
  const bytes = readFileSync(file);
  // esbuild writes ASCII (it escapes the rest), and so does the build for templates: one byte per
  // character, without a UTF-8 decoder's pass.
  const source = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  const cacheFile = `${file}.cache`;
  const key = mode === "off" ? "" : cacheKey(bytes);
  const cached = mode === "off" ? "off" : readCache(cacheFile, key);
  const cachedData = cached instanceof Buffer ? cached : undefined;
  const script = under(() => new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) }));
  if (mode === "train") {
    const save = () => under(() => writeAtomically(cacheFile, cacheFileContents(key, script.createCachedData())));
    addTrainedCodeCacheSaver(save);
    process.on("exit", save);
    scope.noted("train");
  } else scope.noted(cachedData ? (script.cachedDataRejected ? "rejected" : "accepted") : (cached as Exclude<typeof cached, Buffer>));
  type Wrapper = (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {} };
  (script.runInThisContext() as Wrapper).call(module.exports, module.exports, scope.require, module, file, dirname(file));
  return module.exports;
}

/** Node's own wrapper of a CommonJS module, on one line with the code so that line numbers stay as built. */
function wrap(code: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${code}\n})`;
}

/** Per process and thread: threads of one process may write the same cache (each the functions it compiled). */
function writeAtomically(file: string, contents: Buffer): void {
  // Loaded here, in training only: a run's start would load the module for nothing.
  const { threadId } = nodeModule<typeof import("node:worker_threads")>("node:worker_threads");
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
