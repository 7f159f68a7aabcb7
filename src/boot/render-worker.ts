// The render worker as built (dist/render-worker.js, the file src/threads/render-all.ts starts):
// runs the bundled worker (dist/render-worker.cjs, from src/threads/worker.ts) through the code cache
// the build made for it (code-cache.ts), as the CLI's entry does for the CLI.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeCacheMode, runBundle } from "./code-cache.js";

const dist = path.dirname(fileURLToPath(import.meta.url));
runBundle(path.join(dist, "render-worker.cjs"), path.join(dist, "render-worker.cjs.cache"), codeCacheMode(process.env));
