// Bundles the CLI into one ESM file so a run starts fast (one module to load, no TS transpile),
// and the render worker into another beside it (dist/render-worker.js, found from dist/cli.js).
// Type checking is separate (`npm run typecheck`); esbuild only strips types.
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
};

await Promise.all([
  build({ ...common, entryPoints: ["src/cli.ts"], outfile: "dist/cli.js" }),
  build({ ...common, entryPoints: ["src/render/worker.ts"], outfile: "dist/render-worker.js" }),
]);
