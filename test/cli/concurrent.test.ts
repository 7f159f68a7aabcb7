// Two `generate` runs into the same output folder: the second waits for the first (or, past the
// timeout, fails clearly); the folder is never a mix of the two.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";
import { readTree } from "../helpers/tree.js";

const CLI = path.join(REPO, "dist/cli.js");
const LANGS = "typescript,rust";

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-lock-"));
  cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
  cpSync(path.join(REPO, "test/fixtures/petstore"), path.join(dir, "petstore"), { recursive: true });
  return dir;
}

function start(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

describe("concurrent runs into one output folder", () => {
  it("never leave a mix: the folder is exactly one run's output, and both runs succeed", async () => {
    // What each spec alone produces, generated in a project laid out the same way.
    const reference = (spec: string) => {
      const dir = project();
      expect(spawnSync(process.execPath, [CLI, "generate", "--quiet", "--lang", LANGS, "--spec", spec], { cwd: dir }).status).toBe(0);
      return readTree(path.join(dir, "generated"));
    };
    const runs = reference("spec/openapi.yaml");
    const pets = reference("petstore/openapi.yaml");
    for (let attempt = 0; attempt < 2; attempt++) {
      const dir = project();
      // A pause between the two language folders makes the runs' writes overlap without the lock.
      const env = { MODELGEN_WORKERS: "0", MODELGEN_WRITE_PAUSE_MS: "400" };
      const [a, b] = await Promise.all([
        start(["generate", "--quiet", "--lang", LANGS, "--spec", "spec/openapi.yaml"], dir, env),
        start(["generate", "--quiet", "--lang", LANGS, "--spec", "petstore/openapi.yaml"], dir, env),
      ]);
      expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
      const tree = readTree(path.join(dir, "generated"));
      expect([JSON.stringify(runs), JSON.stringify(pets)], "one run's output, whole").toContain(JSON.stringify(tree));
      expect(existsSync(path.join(dir, ".generated.modelgen.lock")), "the lock is released").toBe(false);
    }
  }, 120_000);

  it("while one run is writing, a second cannot get in", async () => {
    const dir = project();
    const lockFile = path.join(dir, ".generated.modelgen.lock");
    // The first run pauses 1.5 s between its two language folders: it holds the lock that long.
    const first = start(["generate", "--quiet", "--lang", LANGS], dir, { MODELGEN_WORKERS: "0", MODELGEN_WRITE_PAUSE_MS: "1500" });
    const deadline = Date.now() + 20_000;
    while (!existsSync(path.join(dir, "generated/typescript")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(lockFile), "the first run holds the lock while writing").toBe(true);
    const second = await start(["generate", "--quiet", "--lang", LANGS, "--spec", "petstore/openapi.yaml"], dir, { MODELGEN_LOCK_TIMEOUT: "0.3" });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^openapi-modelgen: another openapi-modelgen run \(pid \d+\) is writing /);
    expect((await first).code).toBe(0);
    expect(readFileSync(path.join(dir, "generated/rust/src/lib.rs"), "utf8"), "the first run's output, untouched by the second").toContain("spec/openapi.yaml");
  }, 60_000);

  it("a run that finds the folder locked by a live run fails clearly after the timeout and writes nothing", async () => {
    const dir = project();
    writeFileSync(path.join(dir, ".generated.modelgen.lock"), String(process.pid)); // this test process: alive
    const r = await start(["generate", "--lang", "typescript"], dir, { MODELGEN_LOCK_TIMEOUT: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`openapi-modelgen: another openapi-modelgen run (pid ${process.pid}) is writing ${path.join(dir, "generated")}; waited 1 s (remove ${path.join(dir, ".generated.modelgen.lock")} if no run is active)\n`);
    expect(existsSync(path.join(dir, "generated"))).toBe(false);
  });

  it("a lock left by a killed run is taken over", async () => {
    const dir = project();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout; // exited: its pid is free
    writeFileSync(path.join(dir, ".generated.modelgen.lock"), dead);
    const r = await start(["generate", "--quiet", "--lang", "typescript"], dir, { MODELGEN_LOCK_TIMEOUT: "5" });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, "generated/typescript/Run.ts"))).toBe(true);
    expect(existsSync(path.join(dir, ".generated.modelgen.lock"))).toBe(false);
  });
});
