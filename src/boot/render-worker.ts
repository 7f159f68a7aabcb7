// The render worker as built (dist/render-worker.js, the file src/threads/render-all.ts starts):
// runs the bundled worker (dist/render-worker.cjs, from src/threads/worker.ts) through the code cache
// the build made for it (code-cache.ts), as the CLI's entry does for the CLI.
import { runBundleBeside } from "./code-cache.js";

runBundleBeside(import.meta.url, "render-worker");
