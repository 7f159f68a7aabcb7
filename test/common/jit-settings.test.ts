// The JIT setting the CLI makes (src/common/jit-settings.ts): which flag for which environment,
// that V8 honours it when set at run time (a Node release that ignored it would lose the speed
// silently), and that only the CLI sets it.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { REPO } from "../helpers/generate.js";

const flagsSet = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", () => ({ setFlagsFromString: (flag: string) => flagsSet.push(flag) }));

const { DEFAULT_BUDGET_FLAG, INTERRUPT_BUDGET, delayOptimization, jitFlag, pauseForWorker, resumeAfterStart } = await import(
  "../../src/common/jit-settings.js"
);

describe("jitFlag", () => {
  const cases: { env: NodeJS.ProcessEnv; want: string | undefined }[] = [
    { env: {}, want: `--interrupt-budget=${INTERRUPT_BUDGET}` },
    { env: { MODELGEN_JIT: "delayed" }, want: `--interrupt-budget=${INTERRUPT_BUDGET}` },
    { env: { MODELGEN_JIT: "default" }, want: undefined },
  ];
  it.each(cases)("$env", ({ env, want }) => expect(jitFlag(env)).toBe(want));

  it("delays optimization well past V8's default budget", () => {
    expect(INTERRUPT_BUDGET).toBeGreaterThanOrEqual(8 * 67_584);
  });
});

describe("delayOptimization", () => {
  it("sets the flag, or none when MODELGEN_JIT=default", () => {
    flagsSet.length = 0;
    delayOptimization({ MODELGEN_JIT: "default" });
    expect(flagsSet).toEqual([]);
    delayOptimization({});
    expect(flagsSet).toEqual([jitFlag({})]);
  });

  it("is called by the CLI only, never by the library a host imports; the threads' starts only pause and resume it", () => {
    const src = path.join(REPO, "src");
    const source = (file: string) => readFileSync(path.join(src, file), "utf8");
    expect(source("cli.ts")).toMatch(/^delayOptimization\(\);$/m);
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const importers = files.filter((f) => source(f).includes("/jit-settings.js")).map((f) => f.split(path.sep).join("/"));
    expect(importers.sort()).toEqual(["cli.ts", "emit/stat-prefetch.ts", "threads/render-all.ts", "threads/worker.ts"]);
    for (const f of importers.filter((f) => f !== "cli.ts")) expect(source(f), f).not.toMatch(/delayOptimization|jitFlag\(/);
    // A worker that fails to start leaves the budget as the CLI set it.
    for (const f of ["threads/render-all.ts", "emit/stat-prefetch.ts"])
      expect(source(f), f).toMatch(/new Worker\([\s\S]*\} catch[^{]*\{\s*resumeAfterStart\(jitFlag\);/);
    // Each worker is handed the paused flag and sets it again once started.
    expect(source("threads/render-all.ts")).toMatch(/jitFlag = pauseForWorker\(\);[\s\S]*new Worker\(WORKER_FILE, \{[^}]*workerData: \{ jitFlag \}/);
    expect(source("threads/worker.ts")).toMatch(/resumeAfterStart\(\(workerData as .*\)\?\.jitFlag\)/);
    expect(source("emit/stat-prefetch.ts")).toMatch(/jitFlag = pauseForWorker\(\);[\s\S]*workerData: \{ asked, jitFlag \}/);
    expect(source("emit/stat-prefetch.ts")).toMatch(/if \(workerData\.jitFlag\) require\("node:v8"\)\.setFlagsFromString\(workerData\.jitFlag\)/);
  });
});

describe("pauseForWorker and resumeAfterStart", () => {
  it("set V8's default budget for a worker's start and hand the worker the CLI's flag; nothing when the CLI set none", () => {
    flagsSet.length = 0;
    delayOptimization({ MODELGEN_JIT: "default" });
    expect(pauseForWorker()).toBeUndefined();
    expect(flagsSet).toEqual([]);
    delayOptimization({});
    const flag = pauseForWorker();
    expect(flag).toBe(jitFlag({}));
    expect(flagsSet).toEqual([jitFlag({}), DEFAULT_BUDGET_FLAG]);
    resumeAfterStart(flag);
    expect(flagsSet.at(-1)).toBe(jitFlag({}));
  });

  it("resume sets only an interrupt budget, and nothing for a missing one", () => {
    flagsSet.length = 0;
    for (const given of [undefined, null, 3, "", "--expose-gc", { flag: jitFlag({}) }]) resumeAfterStart(given);
    expect(flagsSet).toEqual([]);
  });

  it("gives V8's default budget", () => {
    expect(DEFAULT_BUDGET_FLAG).toBe("--interrupt-budget=67584");
  });
});

/**
 * A child that compiles a script with a code cache made by another child under default flags,
 * after setting `flags` at run time: whether V8 rejected the cache (as it rejects Node's own code
 * cache for each Node module loaded while a flag differs from its default).
 */
const CACHE_PROBE = `
import { setFlagsFromString } from "node:v8";
import vm from "node:vm";
const [mode, cache, ...flags] = process.argv.slice(1);
const source = "function f(x) { return x + 1; } f(1);";
if (mode === "make") process.stdout.write(Buffer.from(new vm.Script(source).createCachedData()).toString("base64"));
else {
  for (const flag of flags) setFlagsFromString(flag);
  process.stdout.write(String(new vm.Script(source, { cachedData: Buffer.from(cache, "base64") }).cachedDataRejected));
}
`;

function probe(...args: string[]): string {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", CACHE_PROBE, ...args], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe("why the budget is paused for a worker's start", () => {
  it("V8 rejects a code cache while the budget is set, and takes it again once the default is set back", () => {
    const cache = probe("make", "-");
    expect(probe("use", cache)).toBe("false");
    expect(probe("use", cache, jitFlag({})!)).toBe("true");
    expect(probe("use", cache, jitFlag({})!, DEFAULT_BUDGET_FLAG)).toBe("false");
  });
});

/**
 * A child running forty small functions a thousand times each (the kind of code a generation runs):
 * how many V8 marks for optimization (`--trace-opt`), with the flags given set at run time.
 */
const HOT = `
import { setFlagsFromString } from "node:v8";
for (const flag of process.argv.slice(1)) setFlagsFromString(flag);
const fns = Array.from({ length: 40 }, (_, k) => new Function("x", "let s = " + k + "; for (let i = 0; i < 20; i++) s = (s * 31 + x + i) | 0; return s;"));
let t = 0;
for (let round = 0; round < 1000; round++) for (const f of fns) t ^= f(round);
process.stderr.write(String(t));
`;

function markedForOptimization(...flags: (string | undefined)[]): number {
  const r = spawnSync(process.execPath, ["--trace-opt", "--input-type=module", "-e", HOT, ...flags.filter((f) => f !== undefined)], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split("\n").filter((line) => line.startsWith("[marking ")).length;
}

describe("the flag set at run time", () => {
  it("leaves functions V8's default budget would optimize to run unoptimized a while longer", () => {
    const byDefault = markedForOptimization(jitFlag({ MODELGEN_JIT: "default" }));
    const delayed = markedForOptimization(jitFlag({}));
    expect(byDefault).toBeGreaterThanOrEqual(40);
    expect(delayed).toBeLessThanOrEqual(byDefault / 4);
  });
});
