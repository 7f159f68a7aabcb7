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
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Handlebars from "handlebars";
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
writeIfChanged(path.join(root, "dist/templates.precompiled.json"), Buffer.from(precompiledTemplates()));

/**
 * Every built-in template precompiled to Handlebars' JavaScript (dist/templates.precompiled.json),
 * so a run does not parse and compile templates at start-up (src/render/templates.ts uses an entry
 * only when its source and options equal the file's and the run's; anything else compiles as before).
 */
function precompiledTemplates() {
  const options = { strict: true, noEscape: true, preventIndent: true };
  const dir = path.join(root, "templates");
  const entries = {};
  const walk = (rel) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".hbs")) {
        const source = readFileSync(path.join(dir, p), "utf8");
        // The parse tree is what src/render/fast-template.ts compiles; it needs no source locations
        // nor the whitespace-control details the parser has already applied.
        const ast = JSON.parse(JSON.stringify(Handlebars.parse(source), astReplacer));
        entries[p] = { source, spec: Handlebars.precompile(source, { ...options }), ast };
      }
    }
  };
  walk("");
  return JSON.stringify({ handlebars: Handlebars.VERSION, options, templates: entries });
}

function astReplacer(key, value) {
  const details = ["loc", "strip", "openStrip", "closeStrip", "inverseStrip", "rightStripped", "leftStripped"];
  if (details.includes(key) || (key === "original" && this.type === "ContentStatement")) return undefined;
  return value;
}

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
