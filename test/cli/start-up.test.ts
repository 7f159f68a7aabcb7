// What a run loads: a rerun with nothing to do must not load the packages only parsing, config
// files or rendering need (src/common/lazy-package.ts), since loading them was half of its time.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";
import { lazyPackage } from "../../src/common/lazy-package.js";

const CLI = path.join(REPO, "dist/cli.js");

/** A preload that prints, at exit, every package CommonJS loaded (what `require` and `import` of a CommonJS package both fill). */
function probeFile(dir: string): string {
  const file = path.join(dir, "probe.cjs");
  writeFileSync(
    file,
    `process.on("exit", () => {
  const names = Object.keys(require.cache).map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]).filter(Boolean);
  process.stderr.write("LOADED " + [...new Set(names)].sort().join(",") + "\\n");
});\n`,
  );
  return file;
}

function loadedPackages(cwd: string, probe: string, args: string[]): string[] {
  const r = spawnSync(process.execPath, ["--require", probe, CLI, ...args], { cwd, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const line = /^LOADED (.*)$/m.exec(r.stderr)?.[1];
  expect(line, r.stderr).toBeDefined();
  return line ? line.split(",").filter(Boolean) : [];
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

describe("packages loaded by a run", () => {
  it("loads Handlebars to render, and nothing but what it needs for a rerun with nothing to do", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-start-"));
    cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
    const probe = probeFile(dir);
    const cases: { run: string; config?: string; want: { has: string[]; lacks: string[] } }[] = [
      { run: "first run", want: { has: ["handlebars"], lacks: ["yaml", "picomatch"] } },
      { run: "rerun, nothing changed", want: { has: [], lacks: ["handlebars", "yaml", "picomatch"] } },
      { run: "rerun with a YAML config file", config: "lang: [typescript]\n", want: { has: ["yaml"], lacks: ["handlebars"] } },
    ];
    for (const c of cases) {
      if (c.config) writeFileSync(path.join(dir, "modelgen.config.yaml"), c.config);
      const loaded = loadedPackages(dir, probe, ["generate", "--quiet", ...(c.config ? [] : ["--lang", "typescript"])]);
      for (const p of c.want.has) expect(loaded, c.run).toContain(p);
      for (const p of c.want.lacks) expect(loaded, c.run).not.toContain(p);
    }
  });
});

describe("the yaml package loads only when a YAML file is read", () => {
  it.each([
    { name: "--version", args: ["--version"], want: false },
    { name: "generate with a JSON config", args: ["generate", "--quiet"], config: { file: "modelgen.config.json", text: '{ "lang": ["typescript"] }' }, want: false },
    { name: "generate with a YAML config", args: ["generate", "--quiet"], config: { file: "modelgen.config.yaml", text: "lang: [typescript]\n" }, want: true },
  ])("$name: loaded $want", ({ args, config, want }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-start-"));
    cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
    if (config) writeFileSync(path.join(dir, config.file), config.text);
    expect(loadedPackages(dir, probeFile(dir), args).includes("yaml")).toBe(want);
  });
});

/** A preload that prints, at exit, every module of Node's own the process loaded. */
function builtinsProbe(dir: string): string {
  const file = path.join(dir, "builtins-probe.cjs");
  writeFileSync(
    file,
    `process.on("exit", () => {
  const names = process.moduleLoadList.filter((m) => m.startsWith("NativeModule ")).map((m) => m.slice("NativeModule ".length));
  process.stderr.write("BUILTINS " + names.join(",") + "\\n");
});\n`,
  );
  return file;
}

/** Node's own modules a run of the CLI in `dir` with `args` loaded (`env` added to the process's). */
function builtinsLoaded(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): string[] {
  const r = spawnSync(process.execPath, ["--require", builtinsProbe(dir), CLI, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  const loaded = /^BUILTINS (.*)$/m.exec(r.stderr)?.[1]?.split(",") ?? [];
  expect(loaded, r.stderr).toContain("fs");
  return loaded;
}

describe("Node's own modules that only some runs need", () => {
  // node:worker_threads comes with a worker (a large spec's render worker, a regeneration's stat
  // prefetch), node:zlib with the caches' checksums, node:child_process with a spec read from git.
  const lazy = ["child_process", "zlib", "fs/promises", "worker_threads"];

  it("are not loaded by a first run of a small spec, a rerun or --version", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-start-"));
    cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
    for (const args of [["generate", "--quiet"], ["generate", "--quiet"], ["--version"]]) {
      const loaded = builtinsLoaded(dir, args);
      for (const name of lazy) expect(loaded, args.join(" ")).not.toContain(name);
    }
  });

  it("a regeneration writes its caches without node:fs/promises (its callback functions suffice)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-start-"));
    cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
    const env = { MODELGEN_CACHE_DIR: path.join(dir, "cache"), MODELGEN_WORKERS: "0" };
    builtinsLoaded(dir, ["generate", "--quiet"], env);
    const spec = path.join(dir, "spec/openapi.yaml");
    writeFileSync(spec, `${readFileSync(spec, "utf8")}\n# edited\n`);
    const loaded = builtinsLoaded(dir, ["generate", "--quiet"], env);
    // spec/ refers to schemas in other files: the spec's text and YAML leaves are kept (no normalizer state).
    expect(readdirSync(path.join(dir, "cache")).filter((f) => /^(spec-text|yaml-leaves)-/.test(f))).toHaveLength(2);
    expect(loaded).toContain("zlib");
    expect(loaded).not.toContain("fs/promises");
    expect(loaded).not.toContain("worker_threads");
  });

  it("come through lazyPackage as the module itself", async () => {
    const cases = [
      { name: "node:zlib", module: await import("node:zlib") },
      { name: "node:child_process", module: await import("node:child_process") },
    ];
    for (const c of cases) expect(lazyPackage(c.name)(), c.name).toBe(c.module.default);
  });
});

describe("lazyPackage", () => {
  it("loads a package on first use and gives the same module after", () => {
    const load = lazyPackage<{ parse: (text: string) => unknown }>("yaml");
    const cases = [
      { text: "a: 1", want: { a: 1 } },
      { text: "- x", want: ["x"] },
    ];
    for (const c of cases) expect(load().parse(c.text)).toEqual(c.want);
    expect(load()).toBe(load());
  });
});
