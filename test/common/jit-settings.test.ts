// The JIT setting the CLI makes (src/common/jit-settings.ts): which flag for which environment,
// that V8 honours it when set at run time (a Node release that ignored it would lose the speed
// silently), and that only the CLI sets it (its pause while a worker starts: v8-flags.test.ts).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { REPO } from "../helpers/generate.js";

const flagsSet = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", () => ({ setFlagsFromString: (flag: string) => flagsSet.push(flag) }));

const { INTERRUPT_BUDGET, delayOptimization, jitFlag } = await import("../../src/common/jit-settings.js");

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

  it("is called by the CLI only, never by the library a host imports", () => {
    const src = path.join(REPO, "src");
    const source = (file: string) => readFileSync(path.join(src, file), "utf8");
    expect(source("cli.ts")).toMatch(/^delayOptimization\(\);$/m);
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.filter((f) => source(f).includes("/jit-settings.js")).map((f) => f.split(path.sep).join("/"))).toEqual(["cli.ts"]);
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
