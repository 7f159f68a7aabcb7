// The package as users get it: `npm pack` holds only what they need, and the tarball installed into
// an empty folder runs `npx openapi-modelgen generate` (render worker included), the library API
// from plain JavaScript, and type-checks a TypeScript consumer against the shipped declarations.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

const NPM_QUIET = { npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
let tarball: string;
let files: string[];

beforeAll(() => {
  const dest = mkdtempSync(path.join(os.tmpdir(), "modelgen-pack-"));
  // `npm pack` runs `prepare`: the bundles and the declarations are built from the sources first.
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: REPO, encoding: "utf8", env: { ...process.env, ...NPM_QUIET }, stdio: ["ignore", "pipe", "pipe"] });
  const [info] = JSON.parse(out.slice(out.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(dest, info!.filename);
  files = info!.files.map((f) => f.path).sort();
}, 120_000);

it("npm pack holds the bundles, declarations, templates, bin, README and LICENSE, and nothing else", () => {
  const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^bin\/openapi-modelgen\.cjs$/, /^dist\/(cli|index|render-worker)\.js$/, /^dist\/main\.cjs$/, /^dist\/(cli|render-worker)\.cjs(\.cache)?$/, /^dist\/templates\.handlebars\.json$/, /^dist\/templates\/[a-z]+\.cjs(\.cache)?$/, /^dist\/validators\.precompiled\.cjs$/, /^dist\/types\/.+\.d\.ts$/, /^templates\/.+\.hbs$/];
  expect(files.filter((f) => !allowed.some((a) => a.test(f)))).toEqual([]);
  for (const needed of ["LICENSE", "README.md", "bin/openapi-modelgen.cjs", "dist/cli.js", "dist/main.cjs", "dist/cli.cjs", "dist/cli.cjs.cache", "dist/index.js", "dist/render-worker.js", "dist/render-worker.cjs", "dist/render-worker.cjs.cache", "dist/templates/typescript.cjs", "dist/templates/typescript.cjs.cache", "dist/templates.handlebars.json", "dist/validators.precompiled.cjs", "dist/types/index.d.ts", "templates/typescript/model.hbs"]) {
    expect(files).toContain(needed);
  }
  expect(readFileSync(path.join(REPO, "LICENSE"), "utf8")).toMatch(/^MIT License/);
});

it("installs into an empty folder and runs the CLI, the library and its types from there", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-consumer-"));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const env = { ...process.env, ...NPM_QUIET };
  execFileSync("npm", ["install", tarball, "--prefer-offline", "--no-package-lock"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  expect(existsSync(path.join(dir, "node_modules/openapi-modelgen/src")), "no sources in the package").toBe(false);
  cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });

  // The CLI through npx, with the render worker forced on (it is a separate file of the package).
  const cli = spawnSync("npx", ["openapi-modelgen", "generate", "--lang", "typescript,rust", "--timings"], { cwd: dir, encoding: "utf8", env: { ...env, MODELGEN_WORKERS: "1" } });
  expect(cli.status, cli.stderr).toBe(0);
  // The code caches `prepare` trained for the packed bundles (src/boot/code-cache.ts), taken by V8 where the package is installed.
  expect(cli.stderr).toMatch(/^ {2}code cache: taken/m);
  expect(cli.stderr).toMatch(/^ {2}code cache \(render worker\): taken/m);
  expect(cli.stderr).toMatch(/generated in \d+\.\d+s: typescript: \d+ models, \d+ added/);
  expect(readFileSync(path.join(dir, "generated/typescript/Run.ts"), "utf8")).toContain("export interface Run");
  expect(existsSync(path.join(dir, "generated/rust/Cargo.toml"))).toBe(true);

  // The library from plain JavaScript: the CLI's output is up to date for it (same fingerprint).
  writeFileSync(
    path.join(dir, "use.mjs"),
    `import { generate, loadIr, diff, SpecError } from "openapi-modelgen";
const result = await generate({ lang: ["typescript", "rust"] });
const { models } = await loadIr("spec/openapi.yaml");
const same = await diff({ old: "spec/openapi.yaml", new: "spec/openapi.yaml" });
let located;
try { await loadIr("spec/schemas/missing.yaml"); } catch (e) { located = e instanceof SpecError ? e.location : String(e); }
console.log(JSON.stringify({ upToDate: result.jobs[0].upToDate, models: models.length, changes: same.comparisons[0].result.counts.total, located }));
`,
  );
  const lib = spawnSync(process.execPath, ["use.mjs"], { cwd: dir, encoding: "utf8" });
  expect(lib.status, lib.stderr).toBe(0);
  const out = JSON.parse(lib.stdout) as { upToDate: boolean; models: number; changes: number; located: unknown };
  expect(out).toMatchObject({ upToDate: true, changes: 0, located: { file: "missing.yaml" } });
  expect(out.models).toBeGreaterThan(40);

  // Types: a strict consumer without @types/node compiles against the declarations (checked too:
  // skipLibCheck off), and a wrong use does not. One tsc run for both files.
  writeFileSync(
    path.join(dir, "use.ts"),
    `import { generate, SpecError, type GenerateResult, type LanguageResult } from "openapi-modelgen";
const result: GenerateResult = await generate({ cwd: ".", lang: "typescript", mode: "check" });
const written: string[] = result.jobs.flatMap((j) => j.languages.flatMap((l: LanguageResult) => l.written));
export const where = (e: unknown) => (e instanceof SpecError ? \`\${e.location.file}:\${e.location.line}\` : undefined);
export { written };
`,
  );
  writeFileSync(path.join(dir, "wrong.ts"), `import { generate } from "openapi-modelgen";\nawait generate({ mode: "sometimes" });\nexport {};\n`);
  const compilerOptions = { noEmit: true, strict: true, skipLibCheck: false, target: "es2022", module: "nodenext", moduleResolution: "nodenext", types: [] };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["use.ts", "wrong.ts"] }));
  const tsc = spawnSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
  const errors = tsc.stdout.trim().split("\n");
  expect(errors, tsc.stdout).toHaveLength(1);
  expect(errors[0]).toMatch(/^wrong\.ts\(2,\d+\): error TS2322: Type '"sometimes"' is not assignable/);
}, 120_000);
