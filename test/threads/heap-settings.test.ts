// The heap bound the CLI sets when asked (MODELGEN_HEAP=bounded; none by default): which flag for
// which environment, that V8 honours the flag when it is set at run time (a Node release that
// ignored it would lose the memory bound silently), and that lifting it for a regeneration gives
// V8's own heuristics back.
import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";

const flagsSet = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", () => ({ setFlagsFromString: (flag: string) => flagsSet.push(flag) }));

const { HEAP_GROWING_PERCENT, LIFTED_FLAG, boundHeapGrowth, heapFlag, liftHeapBound, restoreHeapBound, WORKER_RESOURCE_LIMITS } =
  await import("../../src/threads/heap-settings.js");

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

function fullCollections(...flags: (string | undefined)[]): number {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", CHURN, ...flags.filter((f) => f !== undefined)], {
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout);
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
