// The CLI as built (dist/cli.js, what bin/ and `node dist/cli.js` start): runs the bundled CLI
// (dist/cli.cjs, from src/cli.ts) through the code cache the build made for it (code-cache.ts).
import { runBundleBeside } from "./code-cache.js";

runBundleBeside(import.meta.url, "cli");
