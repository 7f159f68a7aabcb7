// The V8 flags the CLI sets at run time, paused while a worker thread starts and set again by the
// worker (src/common/v8-flags.ts): which flags each step sets, who calls what, and why: V8 rejects
// a code cache (as it rejects Node's own, for each Node module) while a flag is off its default.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { REPO } from "../helpers/generate.js";

const flagsSet = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", () => ({ setFlagsFromString: (flag: string) => flagsSet.push(flag) }));

/** The settings modules afresh (no flag set yet), as a new process has them. */
async function fresh() {
  vi.resetModules();
  flagsSet.length = 0;
  const flags = await import("../../src/common/v8-flags.js");
  const jit = await import("../../src/common/jit-settings.js");
  const heap = await import("../../src/threads/heap-settings.js");
  return { ...flags, ...jit, ...heap };
}

const BUDGET = "--interrupt-budget=1081344";
const BUDGET_DEFAULT = "--interrupt-budget=67584";
const HEAP = "--heap-growing-percent=20";
const HEAP_DEFAULT = "--heap-growing-percent=0";
const YOUNG_HELD = "--semi-space-growth-factor=1";
const YOUNG_DEFAULT = "--semi-space-growth-factor=2";

describe("pauseForWorker and resumeAfterStart", () => {
  beforeEach(() => {
    flagsSet.length = 0;
  });

  it("change nothing when no flag is set (a library's host process, or MODELGEN_JIT=default)", async () => {
    const s = await fresh();
    s.delayOptimization({ MODELGEN_JIT: "default" });
    s.boundHeapGrowth({});
    expect(s.pauseForWorker()).toEqual([]);
    expect(flagsSet).toEqual([]);
  });

  it("set every flag the CLI set back to V8's default, and hand them to the worker to set again", async () => {
    const s = await fresh();
    s.delayOptimization({});
    s.boundHeapGrowth({ MODELGEN_HEAP: "bounded" });
    expect(flagsSet).toEqual([BUDGET, HEAP]);
    const paused = s.pauseForWorker();
    expect(paused).toEqual([BUDGET, HEAP]);
    expect(flagsSet.slice(2)).toEqual([BUDGET_DEFAULT, HEAP_DEFAULT]);
    s.resumeAfterStart(paused);
    expect(flagsSet.slice(4)).toEqual([BUDGET, HEAP]);
  });

  it("leave out a flag set back to its default (the heap bound lifted for a regeneration), and take it again once restored", async () => {
    const s = await fresh();
    s.delayOptimization({});
    s.boundHeapGrowth({ MODELGEN_HEAP: "bounded" });
    s.liftHeapBound();
    expect(s.pauseForWorker()).toEqual([BUDGET]);
    s.restoreHeapBound();
    expect(s.pauseForWorker()).toEqual([BUDGET, HEAP]);
  });

  it("pause the young generation's hold too (a stat worker's start), and the worker sets it again", async () => {
    const s = await fresh();
    s.delayOptimization({});
    s.watchYoungGeneration();
    expect(s.youngGenerationCheckpoint(() => s.HELD_NEW_SPACE_BYTES)).toBe(true);
    const paused = s.pauseForWorker();
    expect(paused).toEqual([BUDGET, YOUNG_HELD]);
    expect(flagsSet.slice(2)).toEqual([BUDGET_DEFAULT, YOUNG_DEFAULT]);
    s.resumeAfterStart(paused);
    expect(flagsSet.slice(4)).toEqual([BUDGET, YOUNG_HELD]);
    // A render worker's start ends the hold first: then its start pauses only the budget.
    s.releaseYoungGeneration();
    expect(s.pauseForWorker()).toEqual([BUDGET]);
  });

  it("resume sets only our flags, and nothing for anything but a list", async () => {
    const s = await fresh();
    for (const given of [undefined, null, 3, BUDGET, { flag: BUDGET }, ["--expose-gc", "", 7]]) s.resumeAfterStart(given);
    expect(flagsSet).toEqual([]);
    s.resumeAfterStart([HEAP, "--allow-natives-syntax", BUDGET]);
    expect(flagsSet).toEqual([HEAP, BUDGET]);
  });

  it("are what every worker start goes through, and a failed start resumes at once", () => {
    const src = path.join(REPO, "src");
    const source = (file: string) => readFileSync(path.join(src, file), "utf8");
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    // Every file that starts a worker thread pauses first.
    const starters = files.filter((f) => source(f).includes("new Worker(")).map((f) => f.split(path.sep).join("/"));
    expect(starters.sort()).toEqual(["emit/stat-prefetch.ts", "threads/render-all.ts"]);
    for (const f of starters) {
      expect(source(f), f).toMatch(/v8Flags = pauseForWorker\(\);[\s\S]*new Worker\([^)]*workerData: \{[^}]*v8Flags \}/);
      expect(source(f), f).toMatch(/new Worker\([\s\S]*\} catch[^{]*\{\s*resumeAfterStart\(v8Flags\);/);
    }
    expect(source("threads/worker.ts")).toMatch(/resumeAfterStart\(\(workerData as .*\)\?\.v8Flags\)/);
    expect(source("emit/stat-prefetch.ts")).toMatch(/for \(const flag of workerData\.v8Flags\) require\("node:v8"\)\.setFlagsFromString\(flag\)/);
    // Flags are set through setV8Flag only, so a pause knows them all.
    const direct = files.filter((f) => f !== "common/v8-flags.ts" && /\bsetFlagsFromString\(/.test(source(f).replace(/`[^`]*`/g, "")));
    expect(direct).toEqual([]);
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

describe("why the flags are paused for a worker's start", () => {
  it("V8 rejects a code cache while either flag is set, and takes it again once the defaults are set back", async () => {
    const cache = probe("make", "-");
    expect(probe("use", cache)).toBe("false");
    expect(probe("use", cache, BUDGET)).toBe("true");
    expect(probe("use", cache, HEAP)).toBe("true");
    expect(probe("use", cache, BUDGET, HEAP, BUDGET_DEFAULT, HEAP_DEFAULT)).toBe("false");
    // The flags and resets probed are the settings modules' own (the pause test sees the resets set).
    const s = await fresh();
    expect([s.jitFlag({}), s.heapFlag({ MODELGEN_HEAP: "bounded" }), s.LIFTED_FLAG]).toEqual([BUDGET, HEAP, HEAP_DEFAULT]);
    expect([s.YOUNG_HELD_FLAG, s.YOUNG_GROWTH_FLAG]).toEqual([YOUNG_HELD, YOUNG_DEFAULT]);
  });
});
