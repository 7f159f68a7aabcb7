// When a worker thread renders half the languages: a first run on a large spec uses it, a
// regeneration that keeps almost every model does not (it would cost more than it saves).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KEPT_SHARE_FOR_ONE_THREAD, wantsWorker, type WorkerChoice } from "../../src/threads/render-all.js";
import { REPO, SHARED } from "../helpers/generate.js";

const CLI = path.join(REPO, "dist/cli.js");

const LARGE: WorkerChoice = { targets: 4, specBytes: 3_000_000, cores: 2, setting: undefined };

describe("wantsWorker", () => {
  const cases: { name: string; given: WorkerChoice; want: boolean }[] = [
    { name: "a first run on a large spec", given: LARGE, want: true },
    { name: "one language", given: { ...LARGE, targets: 1 }, want: false },
    { name: "a small spec", given: { ...LARGE, specBytes: 400_000 }, want: false },
    { name: "a mid-size spec", given: { ...LARGE, specBytes: 700_000 }, want: true },
    { name: "one core", given: { ...LARGE, cores: 1 }, want: false },
    { name: "a regeneration keeping almost every model", given: { ...LARGE, keptShare: 0.995 }, want: false },
    { name: "a regeneration keeping exactly the threshold", given: { ...LARGE, keptShare: KEPT_SHARE_FOR_ONE_THREAD }, want: false },
    { name: "a regeneration after a large spec update", given: { ...LARGE, keptShare: 0.5 }, want: true },
    { name: "MODELGEN_WORKERS=1 forces the worker, even for a regeneration", given: { ...LARGE, setting: "1", keptShare: 1 }, want: true },
    { name: "MODELGEN_WORKERS=1 on a small spec", given: { ...LARGE, setting: "1", specBytes: 100 }, want: true },
    { name: "MODELGEN_WORKERS=0", given: { ...LARGE, setting: "0" }, want: false },
  ];
  it.each(cases)("$name: $want", ({ given, want }) => expect(wantsWorker(given)).toBe(want));
});

describe("the CLI's choice, seen in --timings", () => {
  it("a cold run uses the worker; a regeneration after a one-field change does not; one after the version changed does", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "worker-choice-"));
    const spec = path.join(dir, "openai.yaml");
    const original = readFileSync(path.join(SHARED, "specs/openai/openai-2026-08-21.yaml"), "utf8");
    writeFileSync(spec, original);
    const generate = (env: Record<string, string> = {}) => {
      const r = spawnSync(process.execPath, [CLI, "generate", "--quiet", "--timings", "--spec", spec, "--out", path.join(dir, "out")], {
        encoding: "utf8",
        env: { ...process.env, MODELGEN_WORKERS: "", ...env },
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr;
    };
    // The main thread waits for a worker whenever it has one (which languages the worker renders is a
    // matter of timing: both threads claim the next language as they are free).
    const USES_WORKER = /render: wait for worker/;
    // On a first run the worker works out the unit keys and the main thread takes them.
    const KEYS_FROM_WORKER = /unit keys \(worker\)[\s\S]*unit keys: worked out by the render worker/;
    const first = generate();
    expect(first).toMatch(USES_WORKER);
    expect(first).toMatch(KEYS_FROM_WORKER);
    // A field added to one schema, as in the benchmark's change case.
    const marker = "    RunObject:\n      type: object\n      title: A run on a thread\n";
    const props = original.indexOf("      properties:\n", original.indexOf(marker)) + "      properties:\n".length;
    expect(original.indexOf(marker)).toBeGreaterThan(0);
    writeFileSync(spec, `${original.slice(0, props)}        added_field:\n          type: string\n${original.slice(props)}`);
    const regenerated = generate();
    expect(regenerated).toMatch(/render rust /);
    expect(regenerated).not.toMatch(USES_WORKER);
    expect(regenerated).not.toMatch(/\(worker\)/);
    writeFileSync(spec, original);
    // A regeneration on two threads: the main thread works the keys out and hands them over.
    const forced = generate({ MODELGEN_WORKERS: "1" });
    expect(forced).toMatch(USES_WORKER);
    expect(forced).not.toMatch(/unit keys/);
    // A spec update that changes the version (as every release of a real spec does): each file's
    // header shows it, so every file renders again although nearly every model is unchanged, and
    // the regeneration renders on two threads as a first run does (kept-share.ts).
    writeFileSync(spec, original.replace("\n  version: 2.3.0\n", "\n  version: 2.3.1\n"));
    expect(readFileSync(spec, "utf8")).toContain("version: 2.3.1");
    const updated = generate();
    expect(updated).toMatch(USES_WORKER);
    expect(updated).toMatch(/rust: 0 of \d+ models kept/);
  }, 120_000);
});
