// Packages loaded on first use instead of at start-up. A rerun with nothing to do loads neither the
// YAML parser for config files, nor overlays' JSONPath, nor Handlebars, nor the include/exclude
// globs; loading them all took ~0.1 s of CPU, half of such a run (measured with `node -e "import ..."`).
// Node's own modules that only some runs need come the same way (`node:child_process` for a spec
// read from git, `node:zlib` and `node:fs/promises` for the caches a regeneration keeps): an ESM
// import of them is loaded before the first line runs, ~3.5 ms of every start together.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `load()` requires the package the first time it is called (each one used this way has a CommonJS entry, as Node's modules do). */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
