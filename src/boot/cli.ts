// The CLI as built (dist/cli.js, what bin/ and `node dist/cli.js` start): runs the bundled CLI
// (dist/cli.cjs, from src/cli.ts) through the code cache the build made for it (code-cache.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeCacheMode, runBundle } from "./code-cache.js";

const dist = path.dirname(fileURLToPath(import.meta.url));
runBundle(path.join(dist, "cli.cjs"), path.join(dist, "cli.cjs.cache"), codeCacheMode(process.env));
