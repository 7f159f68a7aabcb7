// Large input: a 20 MB spec of more than 10,000 models (bench/synthetic-spec.ts, built from the
// eight OpenAI specs) generates in all four languages without running out of memory. The time and
// peak memory are printed; the speed targets live in the benchmark, not here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { REPO, SHARED } from "../helpers/generate.js";
import { syntheticSpec } from "../../bench/synthetic-spec.js";

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

it("a 20 MB spec with more than 10,000 models generates in all four languages", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-large-"));
  try {
    const { text, copies } = syntheticSpec(path.join(SHARED, "specs/openai"), 20_000_000);
    writeFileSync(path.join(dir, "synthetic.json"), text);
    const timeFile = path.join(dir, "time.txt");
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, process.execPath, path.join(REPO, "dist/cli.js"), "generate", "--spec", "synthetic.json", "--out", "gen"], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const models = Number(/^(\d+) models:/m.exec(r.stderr)?.[1]);
    const [seconds, kb] = readFileSync(timeFile, "utf8").trim().split(/\s+/).map(Number) as [number, number];
    console.log(`large input: ${(text.length / 1e6).toFixed(1)} MB, ${copies} copies, ${models} models, ${seconds.toFixed(1)} s, peak RSS ${(kb / 1024).toFixed(0)} MB`);
    expect(text.length).toBeGreaterThan(20_000_000);
    expect(models).toBeGreaterThan(10_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 900_000);
