// The heap bound the CLI sets when asked (MODELGEN_HEAP=bounded; none by default): which flag for
// which environment, that V8 honours the flag when it is set at run time (a Node release that
// ignored it would lose the memory bound silently), and that lifting it for a regeneration gives
// V8's own heuristics back. And the main thread's young generation, held once it has grown while no
// render worker runs: that V8 honours that flag at run time too, and when the CLI sets it.
import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";

const flagsSet = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", () => ({ setFlagsFromString: (flag: string) => flagsSet.push(flag) }));

const {
  HEAP_GROWING_PERCENT,
  HELD_NEW_SPACE_BYTES,
  LIFTED_FLAG,
  YOUNG_GROWTH_FLAG,
  YOUNG_HELD_FLAG,
  boundHeapGrowth,
  heapFlag,
  liftHeapBound,
  restoreHeapBound,
  WORKER_RESOURCE_LIMITS,
} = await import("../../src/threads/heap-settings.js");

const BOUNDED = { MODELGEN_HEAP: "bounded" };

describe("heapFlag", () => {
  const cases: { env: NodeJS.ProcessEnv; want: string | undefined }[] = [
    { env: {}, want: undefined },
    { env: { MODELGEN_HEAP: "bounded" }, want: `--heap-growing-percent=${HEAP_GROWING_PERCENT}` },
    { env: { MODELGEN_HEAP: "default" }, want: undefined },
    { env: { MODELGEN_HEAP: "" }, want: undefined },
  ];
  it.each(cases)("$env", ({ env, want }) => expect(heapFlag(env)).toBe(want));
});

describe("the worker's limits", () => {
  it("cap only the young generation (an old-generation cap would end a large run with an out-of-memory error)", () => {
    expect(Object.keys(WORKER_RESOURCE_LIMITS)).toEqual(["maxYoungGenerationSizeMb"]);
    expect(WORKER_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBeGreaterThanOrEqual(4);
  });
});

/** A child that keeps ~10 MB live while promoting garbage into the old generation, and counts its full collections. */
const CHURN = `
import { setFlagsFromString } from "node:v8";
import { PerformanceObserver, constants } from "node:perf_hooks";
for (const flag of process.argv.slice(1)) setFlagsFromString(flag);
let full = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
});
observer.observe({ entryTypes: ["gc"] });
const live = new Array(100000);
for (let i = 0; i < live.length; i++) live[i] = { a: i, b: "x" + i, c: [i, i] };
for (let round = 0; round < 3000000; round++) live[(round * 7919) % live.length] = { a: round, b: "y" + round, c: [round, round] };
setTimeout(() => { observer.disconnect(); process.stdout.write(String(full)); }, 50);
`;

/** The number a child running `script` (ES module code) with `args` prints. */
function childNumber(script: string, args: string[]): number {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, ...args], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout);
}

function fullCollections(...flags: (string | undefined)[]): number {
  return childNumber(CHURN, flags.filter((f) => f !== undefined));
}

describe("the flag set at run time", () => {
  it("makes V8 collect the old generation more often than its default heuristics", () => {
    const bounded = fullCollections(heapFlag(BOUNDED));
    const unbounded = fullCollections(heapFlag({ MODELGEN_HEAP: "default" }));
    expect(unbounded).toBeGreaterThan(0);
    expect(bounded).toBeGreaterThanOrEqual(unbounded * 1.5);
  });
});

describe("lifting the bound for a regeneration", () => {
  it("gives V8's own heuristics back when set after the bound", () => {
    const bounded = fullCollections(heapFlag(BOUNDED));
    const lifted = fullCollections(heapFlag(BOUNDED), LIFTED_FLAG);
    const unbounded = fullCollections();
    expect(Math.abs(lifted - unbounded)).toBeLessThanOrEqual(1);
    expect(bounded).toBeGreaterThanOrEqual(lifted * 1.5);
  });

  it("changes no flag in a process the CLI did not bound (a library's host, or the CLI by default), and restores the CLI's bound", () => {
    flagsSet.length = 0;
    liftHeapBound();
    restoreHeapBound();
    expect(flagsSet).toEqual([]);
    boundHeapGrowth({ MODELGEN_HEAP: "default" });
    liftHeapBound();
    boundHeapGrowth({});
    liftHeapBound();
    restoreHeapBound();
    expect(flagsSet).toEqual([]);
    boundHeapGrowth(BOUNDED);
    liftHeapBound();
    restoreHeapBound();
    expect(flagsSet).toEqual([heapFlag(BOUNDED), LIFTED_FLAG, heapFlag(BOUNDED)]);
  });
});

/**
 * A child that keeps ~40 MB of objects live (so V8 grows its young generation), and sets `flag`
 * once the new space reached `at` bytes: the largest new space it saw, in bytes.
 */
const YOUNG = `
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
const [at, flag] = process.argv.slice(1);
const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
const live = [];
let set = false;
let most = 0;
for (let i = 0; i < 600000; i++) {
  live.push({ i, s: "x" + i, t: [i] });
  if (i % 1024 !== 0) continue;
  const size = newSpace();
  if (!set && flag && size >= Number(at)) { setFlagsFromString(flag); set = true; }
  most = Math.max(most, size);
}
process.stdout.write(String(most));
`;

function largestNewSpace(...args: string[]): number {
  return childNumber(YOUNG, args);
}

describe("the young generation's hold", () => {
  it("stops V8 growing the new space once set at run time (a Node release that ignored it would lose the hold silently)", () => {
    expect(largestNewSpace()).toBeGreaterThan(HELD_NEW_SPACE_BYTES);
    expect(largestNewSpace(String(HELD_NEW_SPACE_BYTES), YOUNG_HELD_FLAG)).toBe(HELD_NEW_SPACE_BYTES);
  });

  it("is set once the new space reached its size, only in a process the CLI watches, and a render worker's start ends it", async () => {
    vi.resetModules();
    const heap = await import("../../src/threads/heap-settings.js");
    flagsSet.length = 0;
    const sizes = (...mb: number[]) => {
      const list = mb.map((m) => m * 1024 * 1024);
      return () => list.shift()!;
    };
    // A library's host process: never held, whatever the size.
    expect(heap.youngGenerationCheckpoint(sizes(32))).toBe(false);
    heap.releaseYoungGeneration();
    expect(flagsSet).toEqual([]);
    heap.watchYoungGeneration();
    const size = sizes(2, 8, 16, 32);
    expect([1, 2, 3, 4].map(() => heap.youngGenerationCheckpoint(size))).toEqual([false, false, true, false]);
    expect(heap.youngGenerationHeld()).toBe(true);
    expect(flagsSet).toEqual([YOUNG_HELD_FLAG]);
    heap.releaseYoungGeneration();
    expect(heap.youngGenerationHeld()).toBe(false);
    expect(heap.youngGenerationCheckpoint(sizes(32))).toBe(false);
    expect(flagsSet).toEqual([YOUNG_HELD_FLAG, YOUNG_GROWTH_FLAG]);
  });

  it("is never set once a render worker started before the size was reached", async () => {
    vi.resetModules();
    const heap = await import("../../src/threads/heap-settings.js");
    flagsSet.length = 0;
    heap.watchYoungGeneration();
    heap.releaseYoungGeneration();
    expect(heap.youngGenerationCheckpoint(() => HELD_NEW_SPACE_BYTES * 2)).toBe(false);
    expect(flagsSet).toEqual([]);
  });
});
