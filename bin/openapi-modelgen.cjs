#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (built by `npm run build`, also on `prepare`).
// CommonJS, as the entry it starts (dist/main.cjs): Node starts it without its ES module loader.
require("../dist/main.cjs");
