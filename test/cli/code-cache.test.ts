// The CLI's V8 code cache (src/boot/code-cache.ts, trained by scripts/build.mjs): V8 takes the one the
// build made, a cache for other code or a damaged one is never handed to V8, and no output byte
// depends on it (issue 17: "no result may depend on a cache").
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, SHARED } from "../helpers/generate.js";
import { readTree } from "../helpers/tree.js";
import { cacheFileContents, cacheKey, codeCacheMode, readCache } from "../../src/boot/code-cache.js";

const DIST = path.join(REPO, "dist");
const SPEC = path.join(REPO, "spec/openapi.yaml");

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

/** The targets whose templates the build made a script of (dist/templates/<target>.cjs). */
const TEMPLATE_SCRIPTS = readdirSync(path.join(DIST, "templates"))
  .filter((f) => f.endsWith(".cjs"))
  .map((f) => f.slice(0, -".cjs".length))
  .sort();

const temporary = () => mkdtempSync(path.join(os.tmpdir(), "modelgen-code-cache-"));

/**
 * `generate --timings` of spec/ into `out` with the CLI at `cli`, the render worker forced on: the
 * code cache's lines of the timings (the CLI's, then the worker's).
 */
function generate(cli: string, out: string, env: Record<string, string> = {}): string[] {
  const r = spawnSync(process.execPath, [cli, "generate", "--quiet", "--timings", "--spec", SPEC, "--out", out], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, MODELGEN_CODE_CACHE: "", MODELGEN_WORKERS: "1", ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  const line = (who: string) => new RegExp(`^ {2}code cache${who}: (.*)$`, "m").exec(r.stderr)?.[1] ?? "(no line)";
  return [line(""), line(" \\(render worker\\)")];
}

describe("the code cache file", () => {
  const source = "module.exports = 1;\n";
  const key = cacheKey(source);
  const data = Buffer.from("V8's bytes");

  it("is keyed by the bundle's bytes (and this Node)", () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey("module.exports = 2;\n")).not.toBe(key);
    expect(cacheKey(`module.exports = ${1};\n`)).toBe(key);
  });

  it("is the same key for the text and for its UTF-8 bytes", () => {
    const text = 'module.exports = "naïve — 𝄞";\n';
    expect(cacheKey(Buffer.from(text, "utf8"))).toBe(cacheKey(text));
    expect(cacheKey(Buffer.from(source, "utf8"))).toBe(key);
  });

  it.each([
    { given: "the file as written", file: () => cacheFileContents(key, data), want: data },
    { given: "no file", file: () => undefined, want: "missing" },
    { given: "a cache of other code", file: () => cacheFileContents(cacheKey("other"), data), want: "stale" },
    { given: "a file cut short in its header", file: () => cacheFileContents(key, data).subarray(0, 100), want: "stale" },
    { given: "a byte of V8's data changed", file: () => Buffer.concat([cacheFileContents(key, data).subarray(0, -1), Buffer.from("?")]), want: "damaged" },
    { given: "V8's data cut short", file: () => cacheFileContents(key, data).subarray(0, -3), want: "damaged" },
  ])("reads $given as $want", ({ file, want }) => {
    const dir = temporary();
    const cache = path.join(dir, "cli.cjs.cache");
    const contents = file();
    if (contents) writeFileSync(cache, contents);
    expect(readCache(cache, key)).toEqual(want);
  });

  it.each([
    { given: undefined, want: "use" },
    { given: "", want: "use" },
    { given: "1", want: "use" },
    { given: "0", want: "off" },
    { given: "train", want: "train" },
  ])("MODELGEN_CODE_CACHE=$given: $want", ({ given, want }) => {
    expect(codeCacheMode(given === undefined ? {} : { MODELGEN_CODE_CACHE: given })).toBe(want);
  });
});

describe("the CLI as built", () => {
  it.each(["cli", "render-worker"])("has the cache the build trained for its bundle (%s)", (bundle) => {
    const cache = readCache(path.join(DIST, `${bundle}.cjs.cache`), cacheKey(readFileSync(path.join(DIST, `${bundle}.cjs`), "utf8")));
    expect(cache).toBeInstanceOf(Buffer);
  });

  it.each(TEMPLATE_SCRIPTS)("has the cache the build trained for the %s templates", (target) => {
    const script = path.join(DIST, "templates", `${target}.cjs`);
    expect(readCache(`${script}.cache`, cacheKey(readFileSync(script)))).toBeInstanceOf(Buffer);
  });

  it("starts the CLI and the render worker with them, and V8 takes both", () => {
    expect(generate(path.join(DIST, "cli.js"), path.join(temporary(), "out"))).toEqual([expect.stringMatching(/^taken/), expect.stringMatching(/^taken/)]);
  });

  it.each([
    { thread: "the main thread", workers: "0", who: "" },
    { thread: "the render worker, once its flags are set again", workers: "1", who: "render worker, " },
  ])("compiles every target's templates in $thread with their caches, which V8 takes under the CLI's flags", ({ workers, who }) => {
    const r = spawnSync(process.execPath, [path.join(DIST, "main.cjs"), "generate", "--quiet", "--timings", "--spec", SPEC, "--out", path.join(temporary(), "out")], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, MODELGEN_CODE_CACHE: "", MODELGEN_WORKERS: workers, MODELGEN_JIT: "" },
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = [...r.stderr.matchAll(new RegExp(`^ {2}code cache \\(${who}(\\w+) templates\\): (.*)$`, "gm"))].map((m) => [m[1], m[2]]);
    expect(lines.map(([t]) => t).sort()).toEqual(TEMPLATE_SCRIPTS);
    for (const [target, state] of lines) expect(state, target).toMatch(/^taken/);
  });

  it("writes the same bytes with the caches, without them, and with stale or damaged ones", () => {
    // A copy of the package, whose caches are then made stale and damaged.
    const pkg = temporary();
    for (const part of ["dist", "templates", "package.json"]) cpSync(path.join(REPO, part), path.join(pkg, part), { recursive: true });
    symlinkSync(path.join(REPO, "node_modules"), path.join(pkg, "node_modules"));
    const cli = path.join(pkg, "dist/cli.js");
    const cacheFiles = [...["cli", "render-worker"].map((b) => `dist/${b}.cjs.cache`), ...TEMPLATE_SCRIPTS.map((t) => `dist/templates/${t}.cjs.cache`)].map((f) => path.join(pkg, f));
    const built = cacheFiles.map((f) => readFileSync(f));
    const parent = temporary();
    const out = (name: string) => path.join(parent, name);
    expect(generate(cli, out("with"))).toEqual([expect.stringMatching(/^taken/), expect.stringMatching(/^taken/)]);
    expect(generate(cli, out("without"), { MODELGEN_CODE_CACHE: "0" })).toEqual([expect.stringMatching(/^off/), expect.stringMatching(/^off/)]);
    cacheFiles.forEach((f, i) => {
      writeFileSync(f, Buffer.concat([Buffer.from("0".repeat(64)), built[i]!.subarray(64)]));
    });
    expect(generate(cli, out("stale"))).toEqual([expect.stringMatching(/^not for this build/), expect.stringMatching(/^not for this build/)]);
    cacheFiles.forEach((f, i) => {
      const b = built[i]!;
      writeFileSync(f, Buffer.concat([b.subarray(0, b.length - 1), Buffer.from([b[b.length - 1]! ^ 1])]));
    });
    expect(generate(cli, out("damaged"))).toEqual([expect.stringMatching(/^damaged/), expect.stringMatching(/^damaged/)]);
    const want = readTree(out("with"));
    expect(Object.keys(want).length).toBeGreaterThan(50);
    for (const name of ["without", "stale", "damaged"]) expect(readTree(out(name)), name).toEqual(want);
  });
});

/**
 * The young generation's hold (src/threads/heap-settings.ts) is a V8 flag like the JIT budget: a
 * template script compiled while it is set would find its cache refused, so the templates compile
 * with V8's growth factor for that moment. On the 3 MB OpenAI spec, where the young generation
 * grows to the size it is held at (a small spec never does).
 */
describe("the young generation's hold, as built", () => {
  const BIG = path.join(SHARED, "specs/openai/openai-2026-08-21.yaml");

  function timingsOf(langs: string, cli = path.join(DIST, "cli.js"), env: Record<string, string> = {}): string {
    const r = spawnSync(process.execPath, [cli, "generate", "--quiet", "--timings", "--spec", BIG, "--out", temporary(), "--lang", langs], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, MODELGEN_CODE_CACHE: "", MODELGEN_WORKERS: "", ...env },
    });
    expect(r.status, r.stderr).toBe(0);
    return r.stderr;
  }

  it("is set in a run on one thread, and V8 still takes the templates' cache", () => {
    const timings = timingsOf("typescript");
    expect(timings).toMatch(/^ {2}young generation: held at 16 MB from \S.* on$/m);
    expect(timings).toMatch(/^ {2}code cache \(typescript templates\): taken/m);
  });

  it("is never set in the build's training, whose caches must be made under V8's own flags", () => {
    // On a copy of the package: a training run writes the caches of the scripts it compiles.
    const pkg = temporary();
    for (const part of ["dist", "templates", "package.json"]) cpSync(path.join(REPO, part), path.join(pkg, part), { recursive: true });
    symlinkSync(path.join(REPO, "node_modules"), path.join(pkg, "node_modules"));
    const timings = timingsOf("typescript", path.join(pkg, "dist/cli.js"), { MODELGEN_CODE_CACHE: "train", MODELGEN_JIT: "default" });
    expect(timings).toMatch(/^ {2}total /m);
    expect(timings).not.toMatch(/young generation/);
  });

  it("is not set in a run with a render worker (its young generation grows as it needs)", () => {
    const timings = timingsOf("typescript,scala", path.join(DIST, "cli.js"), { MODELGEN_WORKERS: "1" });
    expect(timings).toMatch(/^ {2}code cache \(render worker\): taken/m);
    expect(timings).not.toMatch(/young generation/);
  });
});
