// The heap bounds the CLI sets: which flag for which environment, and that V8 honours the flag when
// it is set at run time (a Node release that ignored it would lose the memory bound silently).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, heapFlag, WORKER_RESOURCE_LIMITS } from "../../src/threads/heap-settings.js";

describe("heapFlag", () => {
  const cases: { env: NodeJS.ProcessEnv; want: string | undefined }[] = [
    { env: {}, want: `--heap-growing-percent=${HEAP_GROWING_PERCENT}` },
    { env: { MODELGEN_HEAP: "bounded" }, want: `--heap-growing-percent=${HEAP_GROWING_PERCENT}` },
    { env: { MODELGEN_HEAP: "default" }, want: undefined },
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
if (process.argv[1]) setFlagsFromString(process.argv[1]);
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

function fullCollections(flag: string | undefined): number {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", CHURN, ...(flag ? [flag] : [])], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout);
}

describe("the flag set at run time", () => {
  it("makes V8 collect the old generation more often than its default heuristics", () => {
    const bounded = fullCollections(heapFlag({}));
    const unbounded = fullCollections(heapFlag({ MODELGEN_HEAP: "default" }));
    expect(unbounded).toBeGreaterThan(0);
    expect(bounded).toBeGreaterThanOrEqual(unbounded * 1.5);
  });
});
