// Bundles the CLI into one ESM file so a run starts fast (one module to load, no TS transpile).
// Type checking is separate (`npm run typecheck`); esbuild only strips types.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
