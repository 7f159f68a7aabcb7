#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (built by `npm run build`, also on `prepare`).
import "../dist/cli.js";
