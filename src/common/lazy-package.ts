// Packages loaded on first use instead of at start-up. A rerun with nothing to do loads neither the
// YAML parser for config files, nor overlays' JSONPath, nor Handlebars, nor the include/exclude
// globs; loading them all took ~0.1 s of CPU, half of such a run (measured with `node -e "import ..."`).
// Node's own modules that only some runs need come the same way (`node:child_process` for a spec
// read from git, `node:zlib` for the checksums of the caches a regeneration keeps): an ESM
// import of them is loaded before the first line runs, ~3.5 ms of every start together.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A Node module taken through `require` now: for code that runs as ES module code (the entries
 * dist/cli.js and dist/render-worker.js run src/boot/ so), where an ES import of a built-in reads
 * every export it has, which runs Node's lazy getters (node:fs's streams, node:crypto's webcrypto)
 * and loads modules the run never uses (~1 ms of every start).
 */
export function nodeModule<T>(name: string): T {
  return require(name) as T;
}

/** `load()` requires the package the first time it is called (each one used this way has a CommonJS entry, as Node's modules do). */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
