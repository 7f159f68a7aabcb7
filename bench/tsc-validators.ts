// What the zod validators (`typescript: { validators: zod }`) cost, on the largest OpenAI spec
// (2026-08-21): tsc over the TypeScript output with and without them (whole processes, min and
// median of several runs, wall clock and CPU), and the generator's own time for the TypeScript
// target with and without them. The target: tsc with validators under 2x tsc without (CPU, the
// measure that other work on the machine disturbs least). `measureValidators` is called by
// `npm run bench` (bench.ts) and by `npm run bench:validators` (validators-main.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "..");
const SPEC = path.resolve(REPO, "../shared/specs/openai/openai-2026-08-21.yaml");
const CLI = path.join(REPO, "dist/cli.js");
const TSC = path.join(REPO, "node_modules/typescript/bin/tsc");
// tmpfs when there is one (see bench.ts: the VM's disk measures itself, not the tools).
const TMP_ROOT = process.env.BENCH_TMP ?? (existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir());

/** The settings the generated code promises to pass (test/compile/tsc.ts), as a tsconfig. */
function tsconfig(skipLibCheck: boolean): string {
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    skipLibCheck,
    types: [],
    noUnusedLocals: true,
    noUnusedParameters: true,
    noUncheckedIndexedAccess: true,
  };
  return JSON.stringify({ compilerOptions, include: ["*.ts"] }, null, 2) + "\n";
}

interface Sample {
  wall: number;
  cpu: number;
}

/** A whole process under GNU time: wall clock and CPU (user + system) seconds. */
function measure(args: string[], cwd: string): Sample {
  const out = path.join(os.tmpdir(), `bench-validators-${process.pid}.txt`);
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S", "-o", out, ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`benchmark command failed: ${args.join(" ")}\n${r.stdout}\n${r.stderr}`);
  const [wall, user, sys] = readFileSync(out, "utf8").trim().split(/\s+/).slice(-3).map(Number);
  return { wall: wall!, cpu: user! + sys! };
}

export interface ValidatorsRow {
  case: string;
  wallMin: number;
  wallMedian: number;
  cpuMin: number;
  cpuMedian: number;
}

function repeat(name: string, reps: number, run: () => Sample): ValidatorsRow {
  const samples = Array.from({ length: reps }, run);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const wall = sorted(samples.map((s) => s.wall));
  const cpu = sorted(samples.map((s) => s.cpu));
  const mid = Math.floor(reps / 2);
  return { case: name, wallMin: wall[0]!, wallMedian: wall[mid]!, cpuMin: cpu[0]!, cpuMedian: cpu[mid]! };
}

/** Generates the TypeScript output (validators or not) into `out`; returns the folder of the files. */
function generate(out: string, validators: boolean): Sample {
  const config = path.join(out, "modelgen.config.json");
  mkdirSync(out, { recursive: true });
  writeFileSync(config, JSON.stringify({ typescript: validators ? { validators: "zod" } : {} }) + "\n");
  return measure(["node", CLI, "generate", "--quiet", "--config", config, "--spec", SPEC, "--out", path.join(out, "generated"), "--lang", "typescript"], REPO);
}

export interface ValidatorsRatio {
  skipLibCheck: boolean;
  wall: number;
  cpu: number;
}

export interface ValidatorsResult {
  rows: ValidatorsRow[];
  /** tsc with validators / tsc without, medians. */
  ratios: ValidatorsRatio[];
  /** The target: tsc (CPU, skipLibCheck on, as the compile tests run) with validators under 2x tsc without. */
  underTwice: boolean;
  /** The tables, as Markdown lines. */
  lines: string[];
}

export function measureValidators(reps: number): ValidatorsResult {
  const root = mkdtempSync(path.join(TMP_ROOT, "bench-validators-"));
  try {
    const rows: ValidatorsRow[] = [];
    // The generator: a cold run each time (a fresh output folder).
    for (const validators of [false, true]) {
      let n = 0;
      rows.push(repeat(`generator, TypeScript only, ${validators ? "with" : "without"} validators`, reps, () => generate(path.join(root, `gen-${validators}-${n++}`), validators)));
    }
    // The outputs tsc checks, each a project with zod resolvable as a user's would be.
    const projects: Record<string, string> = {};
    for (const validators of [false, true]) {
      const dir = path.join(root, validators ? "with" : "without");
      generate(dir, validators);
      const files = path.join(dir, "generated/typescript");
      writeFileSync(path.join(files, "package.json"), '{ "type": "module" }\n');
      mkdirSync(path.join(files, "node_modules"));
      symlinkSync(path.join(REPO, "node_modules/zod"), path.join(files, "node_modules/zod"), "dir");
      projects[validators ? "with" : "without"] = files;
    }
    // Interleaved (without, with, without, ...), so a change in the machine's load falls on both.
    for (const skipLibCheck of [true, false]) {
      const samples: Record<string, Sample[]> = { without: [], with: [] };
      for (let i = 0; i < reps; i++) {
        for (const which of ["without", "with"]) {
          const dir = projects[which]!;
          writeFileSync(path.join(dir, "tsconfig.json"), tsconfig(skipLibCheck));
          samples[which]!.push(measure(["node", TSC, "-p", "tsconfig.json"], dir));
        }
      }
      for (const which of ["without", "with"]) {
        const queue = [...samples[which]!];
        rows.push(repeat(`tsc --strict, ${which} validators, skipLibCheck ${skipLibCheck}`, reps, () => queue.shift()!));
      }
    }
    const byCase = new Map(rows.map((r) => [r.case, r]));
    const ratio = (skip: boolean, key: "wallMedian" | "cpuMedian") =>
      byCase.get(`tsc --strict, with validators, skipLibCheck ${skip}`)![key] / byCase.get(`tsc --strict, without validators, skipLibCheck ${skip}`)![key];
    const ratios = [true, false].map((skip) => ({ skipLibCheck: skip, wall: ratio(skip, "wallMedian"), cpu: ratio(skip, "cpuMedian") }));
    const lines = [
      `Validators (zod): openai-2026-08-21.yaml, ${reps} runs each`,
      "",
      "| case | wall min s | wall median s | CPU min s | CPU median s |",
      "|---|---:|---:|---:|---:|",
      ...rows.map((r) => `| ${r.case} | ${r.wallMin.toFixed(2)} | ${r.wallMedian.toFixed(2)} | ${r.cpuMin.toFixed(2)} | ${r.cpuMedian.toFixed(2)} |`),
      "",
      "| tsc with validators / without (medians) | wall | CPU | under 2x |",
      "|---|---:|---:|---|",
      ...ratios.map((r) => `| skipLibCheck ${r.skipLibCheck} | ${r.wall.toFixed(2)}x | ${r.cpu.toFixed(2)}x | ${r.cpu < 2 ? "yes" : "no"} |`),
    ];
    return { rows, ratios, underTwice: ratios[0]!.cpu < 2, lines };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
