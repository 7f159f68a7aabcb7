// Bundles the CLI into one ESM file so a run starts fast (one module to load, no TS transpile),
// the library entry (src/index.ts) into dist/index.js, and the render worker into a third beside
// them (dist/render-worker.js, found from the others). Type checking is separate (`npm run
// typecheck`); esbuild only strips types. With --types, also writes the library's declarations
// (dist/types/, tsc with emitDeclarationOnly) for the package: `npm run build` and `prepare` do.
//
// Tests build before they run, several at once: every file is written to a temporary name and
// renamed into place, and left alone when its bytes are the same, so a process starting the CLI
// meanwhile never reads half a bundle.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  absWorkingDir: root,
  write: false,
};

const results = await Promise.all([
  build({ ...common, entryPoints: ["src/cli.ts"], outfile: "dist/cli.js" }),
  build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist/index.js" }),
  build({ ...common, entryPoints: ["src/threads/worker.ts"], outfile: "dist/render-worker.js" }),
]);
for (const file of results.flatMap((r) => r.outputFiles)) writeIfChanged(file.path, file.contents);

if (process.argv.includes("--types")) {
  // Declarations only for what src/index.ts reaches; tsc's incremental file keeps a rebuild quick.
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.types.json"], { cwd: root, stdio: "inherit" });
}

function writeIfChanged(file, contents) {
  try {
    if (Buffer.compare(readFileSync(file), contents) === 0) return;
  } catch {
    // not there yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
