// What the zod validators (`typescript: { validators: zod }`) cost, on the largest OpenAI spec
// (2026-08-21): tsc over the TypeScript output with and without them (whole processes, min and
// median of several runs, wall clock and CPU), and the generator's own time for the TypeScript
// target with and without them. The target: tsc with validators (the default, declared types)
// under 2x tsc without (CPU, the measure that other work on the machine disturbs least); the
// inferred types (`validatorTypes: inferred`, zod's own) are measured beside them. `measureValidators` is called by
// `npm run bench` (bench.ts) and by `npm run bench:validators` (validators-main.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "..");
const SPEC = path.resolve(REPO, "../shared/specs/openai/openai-2026-08-21.yaml");
const CLI = path.join(REPO, "dist/main.cjs");
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

/** The outputs compared: no validators, validators with declared types (the default), with inferred types. */
const VARIANTS = {
  without: { label: "without validators", options: {} },
  declared: { label: "with validators (declared types)", options: { validators: "zod" } },
  inferred: { label: "with validators (inferred types)", options: { validators: "zod", validatorTypes: "inferred" } },
} as const;
type Variant = keyof typeof VARIANTS;

/** Generates the TypeScript output of a variant into `out`. */
function generate(out: string, variant: Variant): Sample {
  const config = path.join(out, "modelgen.config.json");
  mkdirSync(out, { recursive: true });
  writeFileSync(config, JSON.stringify({ typescript: VARIANTS[variant].options }) + "\n");
  return measure(["node", CLI, "generate", "--quiet", "--config", config, "--spec", SPEC, "--out", path.join(out, "generated"), "--lang", "typescript"], REPO);
}

export interface ValidatorsRatio {
  /** Which validator types the ratio is for. */
  types: "declared" | "inferred";
  skipLibCheck: boolean;
  wall: number;
  cpu: number;
}

export interface ValidatorsResult {
  rows: ValidatorsRow[];
  /** tsc with validators / tsc without, medians, for each kind of validator types. */
  ratios: ValidatorsRatio[];
  /** The target: tsc (CPU, skipLibCheck on, as the compile tests run) with validators (declared types, the default) under 2x tsc without. */
  underTwice: boolean;
  /** The tables, as Markdown lines. */
  lines: string[];
}

export function measureValidators(reps: number): ValidatorsResult {
  const root = mkdtempSync(path.join(TMP_ROOT, "bench-validators-"));
  try {
    const rows: ValidatorsRow[] = [];
    // The generator: a cold run each time (a fresh output folder).
    for (const variant of ["without", "declared"] as const) {
      let n = 0;
      const label = `generator, TypeScript only, ${variant === "without" ? "without validators" : "with validators"}`;
      rows.push(repeat(label, reps, () => generate(path.join(root, `gen-${variant}-${n++}`), variant)));
    }
    // The outputs tsc checks, each a project with zod resolvable as a user's would be.
    const variants = Object.keys(VARIANTS) as Variant[];
    const projects = {} as Record<Variant, string>;
    for (const variant of variants) {
      const dir = path.join(root, variant);
      generate(dir, variant);
      const files = path.join(dir, "generated/typescript");
      writeFileSync(path.join(files, "package.json"), '{ "type": "module" }\n');
      mkdirSync(path.join(files, "node_modules"));
      symlinkSync(path.join(REPO, "node_modules/zod"), path.join(files, "node_modules/zod"), "dir");
      projects[variant] = files;
    }
    const tscCase = (variant: Variant, skipLibCheck: boolean) => `tsc --strict, ${VARIANTS[variant].label}, skipLibCheck ${skipLibCheck}`;
    // Interleaved (without, declared, inferred, without, ...), so a change in the machine's load falls on all.
    for (const skipLibCheck of [true, false]) {
      const samples = Object.fromEntries(variants.map((v) => [v, [] as Sample[]])) as Record<Variant, Sample[]>;
      for (let i = 0; i < reps; i++) {
        for (const variant of variants) {
          const dir = projects[variant];
          writeFileSync(path.join(dir, "tsconfig.json"), tsconfig(skipLibCheck));
          samples[variant].push(measure(["node", TSC, "-p", "tsconfig.json"], dir));
        }
      }
      for (const variant of variants) {
        const queue = [...samples[variant]];
        rows.push(repeat(tscCase(variant, skipLibCheck), reps, () => queue.shift()!));
      }
    }
    const byCase = new Map(rows.map((r) => [r.case, r]));
    const ratio = (types: "declared" | "inferred", skip: boolean, key: "wallMedian" | "cpuMedian") =>
      byCase.get(tscCase(types, skip))![key] / byCase.get(tscCase("without", skip))![key];
    const ratios = (["declared", "inferred"] as const).flatMap((types) =>
      [true, false].map((skip) => ({ types, skipLibCheck: skip, wall: ratio(types, skip, "wallMedian"), cpu: ratio(types, skip, "cpuMedian") })),
    );
    const lines = [
      `Validators (zod): openai-2026-08-21.yaml, ${reps} runs each`,
      "",
      "| case | wall min s | wall median s | CPU min s | CPU median s |",
      "|---|---:|---:|---:|---:|",
      ...rows.map((r) => `| ${r.case} | ${r.wallMin.toFixed(2)} | ${r.wallMedian.toFixed(2)} | ${r.cpuMin.toFixed(2)} | ${r.cpuMedian.toFixed(2)} |`),
      "",
      "| tsc with validators / without (medians) | wall | CPU | under 2x |",
      "|---|---:|---:|---|",
      ...ratios.map((r) => `| ${r.types} types, skipLibCheck ${r.skipLibCheck} | ${r.wall.toFixed(2)}x | ${r.cpu.toFixed(2)}x | ${r.cpu < 2 ? "yes" : "no"} |`),
    ];
    const target = ratios.find((r) => r.types === "declared" && r.skipLibCheck)!;
    return { rows, ratios, underTwice: target.cpu < 2, lines };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
