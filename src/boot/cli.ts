// The CLI as built: runs the bundled CLI (dist/cli.cjs, from src/cli.ts) through the code cache the
// build made for it (code-cache.ts). Built twice: dist/main.cjs, which bin/ and the npm scripts start
// (Node starts a CommonJS file ~4 ms sooner than an ES module: no ES module loader to set up), and
// dist/cli.js, the same as an ES module for `node dist/cli.js`.
import { runBundleBeside } from "./code-cache.js";

runBundleBeside(import.meta.url, "cli");
