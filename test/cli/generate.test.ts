// `openapi-modelgen generate` end to end, as users run it: determinism, --check, --dry-run,
// config files, help and version, and a run killed mid-write.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, SHARED } from "../helpers/generate.js";
import { readTree } from "../helpers/tree.js";

const CLI = path.join(REPO, "dist/cli.js");

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project folder with the default spec in place, as a user would have it. */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-cli-"));
  cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
  return dir;
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

describe("generate", () => {
  it("is deterministic to the byte: two runs into fresh folders are identical", () => {
    const a = project();
    const b = project();
    expect(run(["generate", "--quiet"], a).code).toBe(0);
    expect(run(["generate", "--quiet"], b).code).toBe(0);
    const ta = readTree(path.join(a, "generated"));
    expect(Object.keys(ta).length).toBeGreaterThan(40);
    expect(readTree(path.join(b, "generated"))).toEqual(ta);
  });

  it("--check passes when fresh and lists every stale file with exit 1", () => {
    const dir = project();
    expect(run(["generate", "--quiet", "--lang", "typescript"], dir).code).toBe(0);
    expect(run(["generate", "--check", "--lang", "typescript"], dir).code).toBe(0);
    const runFile = path.join(dir, "generated/typescript/Run.ts");
    writeFileSync(runFile, readFileSync(runFile, "utf8") + "// edited\n");
    rmSync(path.join(dir, "generated/typescript/Usage.ts"));
    writeFileSync(path.join(dir, "spec/openapi.yaml"), readFileSync(path.join(dir, "spec/openapi.yaml"), "utf8").replace("    Anything:\n      description: Any JSON value.\n", ""));
    const r = run(["generate", "--check", "--lang", "typescript"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("stale changed generated/typescript/Run.ts");
    expect(r.stdout).toContain("stale added   generated/typescript/Usage.ts");
    expect(r.stdout).toContain("stale deleted generated/typescript/Anything.ts");
    expect(r.stderr).toContain("generated files are stale");
    // The summary against the previous generation, from the models kept in the manifest.
    expect(r.stderr).toMatch(/model changes since the last generation: .*1 removed/);
    expect(readFileSync(runFile, "utf8")).toContain("// edited");
  });

  it("--dry-run lists what it would write and writes nothing", () => {
    const dir = project();
    const r = run(["generate", "--dry-run", "--lang", "typescript"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("would write added   generated/typescript/Run.ts");
    expect(existsSync(path.join(dir, "generated"))).toBe(false);
  });

  it("reads modelgen.config.yaml, and command-line flags win", () => {
    const dir = project();
    writeFileSync(path.join(dir, "modelgen.config.yaml"), "out: models\nlang: [typescript]\n");
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    expect(readdirSync(path.join(dir, "models"))).toEqual(["typescript"]);
    expect(run(["generate", "--quiet", "--out", "elsewhere"], dir).code).toBe(0);
    expect(existsSync(path.join(dir, "elsewhere/typescript/Run.ts"))).toBe(true);
  });

  it("reads a modelgen key in package.json and rejects unknown settings", () => {
    const dir = project();
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", modelgen: { lang: "typescript", out: "m" } }));
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    expect(existsSync(path.join(dir, "m/typescript/index.ts"))).toBe(true);
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", modelgen: { langs: "typescript" } }));
    const r = run(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown setting "langs"');
  });

  it("writes the same bytes whether languages render on two threads or one", () => {
    const two = project();
    const one = project();
    const parallel = spawnSync(process.execPath, [CLI, "generate", "--quiet", "--timings"], { cwd: two, encoding: "utf8", env: { ...process.env, MODELGEN_WORKERS: "1" } });
    // (Which languages the worker renders depends on timing: it claims them as it is free, and on a
    // small spec the main thread may render all four before the worker has started.)
    expect(parallel.stderr, "MODELGEN_WORKERS=1 uses the render worker").toMatch(/render: wait for worker/);
    const r = spawnSync(process.execPath, [CLI, "generate", "--quiet", "--timings"], { cwd: one, encoding: "utf8", env: { ...process.env, MODELGEN_WORKERS: "0" } });
    expect(r.status).toBe(0);
    expect(r.stderr, "MODELGEN_WORKERS=0 renders on one thread").not.toContain("(worker)");
    expect(readTree(path.join(one, "generated"))).toEqual(readTree(path.join(two, "generated")));
  });

  it("reports a bad target option as one line with exit 2, also from the render worker", () => {
    for (const [lang, option] of [["rust", { crateName: "not a crate" }], ["scala", { package: "Bad-Package" }], ["elixir", { app: "Bad App" }], ["rust", { crate: "x" }]] as const) {
      const dir = project();
      writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ [lang]: option }));
      const r = run(["generate"], dir, { MODELGEN_WORKERS: "1" });
      expect(r.code, `${lang} ${JSON.stringify(option)}: ${r.stderr}`).toBe(2);
      // Checked by the settings schema before anything renders (the targets check again at run time).
      expect(r.stderr).toMatch(new RegExp(`^openapi-modelgen: (modelgen\\.config\\.json: )?${lang}[.:] ?.+\n$`));
      expect(existsSync(path.join(dir, "generated")), "nothing written").toBe(false);
    }
  });

  it("prints a summary, --help and --version", () => {
    const dir = project();
    const r = run(["generate", "--lang", "typescript"], dir);
    expect(r.stderr).toMatch(/^generated in \d+\.\d+s: typescript: \d+ models, \d+ added, 0 changed, 0 deleted$/m);
    expect(r.stderr, "no progress line when stderr is not a terminal").not.toContain("\x1b[K");
    expect(run(["--version"], dir).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run(["--help"], dir).stdout).toContain("openapi-modelgen generate");
    expect(run(["generate", "--help"], dir).stdout).toContain("--check");
  });
});

it("shows a progress line when stderr is a terminal", () => {
  const dir = project();
  // `script` runs the command under a pseudo-terminal (util-linux, on every Debian machine).
  const r = spawnSync("script", ["-qec", `${process.execPath} ${CLI} generate --lang typescript`, "/dev/null"], { cwd: dir, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain("\r\x1b[Krender typescript...");
  expect(r.stdout).toMatch(/generated in \d+\.\d+s: typescript/);
});

describe("a rerun with nothing changed", () => {
  it("does nothing, and never serves stale output", () => {
    const dir = project();
    expect(run(["generate", "--quiet", "--lang", "typescript"], dir).code).toBe(0);
    const runFile = path.join(dir, "generated/typescript/Run.ts");
    const mtime = statSync(runFile).mtimeMs;
    const again = run(["generate", "--lang", "typescript"], dir);
    expect(again.stderr).toContain("typescript: up to date");
    expect(statSync(runFile).mtimeMs).toBe(mtime);
    // An edited generated file is not up to date: it is written back.
    writeFileSync(runFile, "// edited\n");
    expect(run(["generate", "--lang", "typescript"], dir).stderr).toContain("0 added, 1 changed");
    expect(readFileSync(runFile, "utf8")).not.toContain("// edited");
    // A changed spec file (here one reached only through a $ref) is not up to date either.
    const common = path.join(dir, "spec/schemas/common.yaml");
    writeFileSync(common, readFileSync(common, "utf8").replace("An error as the API returns it.", "An error body."));
    // ErrorBody.ts, the manifest (its inputs changed) and the record of each model's inputs (ErrorBody's changed).
    expect(run(["generate", "--lang", "typescript"], dir).stderr).toContain("0 added, 3 changed");
    // So are different settings.
    expect(run(["generate", "--lang", "typescript", "--presence", "strict"], dir).stderr).not.toContain("up to date");
  });
});

describe("a rerun trusts files older than the manifest (by ctime, as git does)", () => {
  it("still notices an edit that puts the old mtime back, or an older copy moved over a file", () => {
    const dir = project();
    expect(run(["generate", "--quiet", "--lang", "typescript"], dir).code).toBe(0);
    const runFile = path.join(dir, "generated/typescript/Run.ts");
    const original = readFileSync(runFile, "utf8");
    const { atime, mtime } = statSync(runFile);
    writeFileSync(runFile, original.replace("One execution", "One edited execution"));
    utimesSync(runFile, atime, mtime);
    expect(run(["generate", "--lang", "typescript"], dir).stderr).toContain("0 added, 1 changed");
    expect(readFileSync(runFile, "utf8")).toBe(original);
    // A stale copy with an old mtime, renamed over the generated file.
    const stale = path.join(dir, "stale.ts");
    writeFileSync(stale, "// stale\n");
    utimesSync(stale, new Date(2001, 0, 1), new Date(2001, 0, 1));
    renameSync(stale, runFile);
    expect(run(["generate", "--lang", "typescript"], dir).stderr).toContain("0 added, 1 changed");
    expect(readFileSync(runFile, "utf8")).toBe(original);
    expect(run(["generate", "--lang", "typescript"], dir).stderr).toContain("typescript: up to date");
  });
});

describe("a run that fails after some languages were staged", () => {
  // Each language is written to a staging folder as soon as it renders; a later language failing
  // (here a user's template with a missing field, on the worker or on one thread) must leave the
  // previous folders whole and no staging folder behind.
  it.each([
    { name: "on two threads", workers: "1" },
    { name: "on one thread", workers: "0" },
  ])("$name: leaves generated/ as it was, with no staging folder", ({ workers }) => {
    const dir = project();
    const out = path.join(dir, "generated");
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    const before = readTree(out, { missingIsEmpty: true });
    mkdirSync(path.join(dir, "tpl/elixir"), { recursive: true });
    writeFileSync(path.join(dir, "tpl/elixir/model.hbs"), "{{noSuchField}}\n");
    writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ templates: "tpl" }));
    const r = run(["generate", "--quiet", "--timings"], dir, { MODELGEN_WORKERS: workers });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("noSuchField");
    expect(readdirSync(out).sort()).toEqual(["elixir", "rust", "scala", "typescript"]);
    expect(readTree(out, { missingIsEmpty: true })).toEqual(before);
  });
});

describe("a run killed mid-write", () => {
  it("leaves the previous generated/<lang>/ whole", async () => {
    const dir = project();
    const big = path.join(SHARED, "specs/openai/openai-2026-08-21.yaml");
    const out = path.join(dir, "generated");
    // The old output: the small spec's models.
    expect(run(["generate", "--quiet", "--lang", "typescript", "--out", out], dir).code).toBe(0);
    const before = readTree(path.join(out, "typescript"));
    // Kill a run over the big spec as soon as it starts staging its new folder.
    let killedWhileStaging = false;
    for (let attempt = 0; attempt < 5 && !killedWhileStaging; attempt++) {
      const child = spawn(process.execPath, [CLI, "generate", "--quiet", "--lang", "typescript", "--spec", big, "--out", out], { cwd: dir, stdio: "ignore" });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      while (child.exitCode === null) {
        if (readdirSync(out).some((e) => e.startsWith(".typescript.tmp-"))) {
          child.kill("SIGKILL");
          killedWhileStaging = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      await exited;
      // Killed after the commit began (its journal is out): not what this test is after (the next
      // run finishes such a commit: test/emit/in-place-commit.test.ts). Start over.
      if (readdirSync(out).some((e) => e.startsWith(".typescript.journal-"))) {
        killedWhileStaging = false;
      }
      if (!killedWhileStaging) {
        // The run finished before we caught it: restore the old output and try again.
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out);
        expect(run(["generate", "--quiet", "--lang", "typescript", "--out", out], dir).code).toBe(0);
      }
    }
    expect(killedWhileStaging).toBe(true);
    expect(readTree(path.join(out, "typescript"))).toEqual(before);
    // The next run cleans up the leftover staging folder and writes normally.
    expect(run(["generate", "--quiet", "--lang", "typescript", "--out", out], dir).code).toBe(0);
    expect(readdirSync(out)).toEqual(["typescript"]);
  }, 120_000);
});
