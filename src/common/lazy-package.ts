// Packages loaded on first use instead of at start-up. A rerun with nothing to do loads neither the
// YAML parser for config files, nor overlays' JSONPath, nor Handlebars, nor the include/exclude
// globs; loading them all took ~0.1 s of CPU, half of such a run (measured with `node -e "import ..."`).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `load()` requires the package the first time it is called (every package used this way has a CommonJS entry). */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
