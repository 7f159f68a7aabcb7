// `npm run bench`: whole-process timings (min and median of several runs) and peak RSS for the
// cases users hit, side by side with openapi-typescript on the same spec, in one run on one
// machine. Prints a table with ratios to openapi-typescript and writes bench/results.json.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { measureValidators } from "./tsc-validators.js";
import os from "node:os";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "..");
const SPECS = path.resolve(REPO, "../shared/specs/openai");
const BIG = path.join(SPECS, "openai-2026-08-21.yaml");
const CLI = path.join(REPO, "dist/cli.js");
const PEER = path.join(REPO, "node_modules/openapi-typescript/bin/cli.js");
const REPS = Number(process.env.BENCH_REPS ?? 5);

interface Sample {
  seconds: number;
  rssMb: number;
}

interface Row {
  case: string;
  minS: number;
  medianS: number;
  peakRssMb: number;
  ratioToPeer?: number;
  note?: string;
}

/** Runs a command as a whole process under GNU time (wall clock and peak RSS). */
function measure(args: string[], cwd = REPO): Sample {
  const out = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", out, ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`benchmark command failed: ${args.join(" ")}\n${r.stderr}`);
  const [seconds, kb] = readFileSync(out, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  return { seconds: seconds!, rssMb: kb! / 1024 };
}

/** Output folders of finished cold runs, removed between runs (not timed). */
const finished: string[] = [];

/**
 * Between runs: remove finished cold-run folders and flush the page cache to disk, so one run's
 * ~7,000 files are not written back during the next (on this VM's disk that skewed later rows).
 */
function settle(): void {
  for (const d of finished.splice(0)) rmSync(d, { recursive: true, force: true });
  spawnSync("sync");
}

function repeat(name: string, reps: number, before: () => string[], note?: string): Row {
  const samples: Sample[] = [];
  for (let i = 0; i < reps; i++) {
    settle();
    samples.push(measure(before()));
  }
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const row: Row = { case: name, minS: times[0]!, medianS: times[Math.floor(times.length / 2)]!, peakRssMb: Math.max(...samples.map((s) => s.rssMb)) };
  if (note) row.note = note;
  return row;
}

/**
 * Where every case (ours and openapi-typescript alike) writes: tmpfs when the machine has one.
 * On this VM's disk, writing thousands of files is throttled unpredictably once its I/O budget
 * is spent (the same run took 2.3 s or 5 s), which would measure the disk, not the tools.
 * BENCH_TMP=<dir> measures on any other folder, e.g. the project's disk.
 */
const TMP_ROOT = process.env.BENCH_TMP ?? (existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir());
const fresh = () => mkdtempSync(path.join(TMP_ROOT, "bench-out-"));
const ours = (spec: string, out: string, lang?: string) => ["node", CLI, "generate", "--quiet", "--spec", spec, "--out", out, ...(lang ? ["--lang", lang] : [])];

function main(): void {
  const rows: Row[] = [];
  const cleanups: string[] = [];
  const tmp = () => {
    const d = fresh();
    cleanups.push(d);
    return d;
  };
  /** A folder for one cold run, removed before the next. */
  const once = () => {
    const d = fresh();
    finished.push(d);
    return d;
  };

  rows.push(repeat("1. ours, 4 languages, cold", REPS, () => ours(BIG, once())));
  // What operation models (on by default) add: the same run with only component models.
  const componentsOnly = path.join(tmp(), "components-only.json");
  writeFileSync(componentsOnly, JSON.stringify({ models: { operations: false, parameters: false, webhooks: false } }));
  const modelCount = (config?: string) => {
    const r = spawnSync("node", [CLI, "ir", BIG, ...(config ? ["--config", config] : [])], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    return /^(\d+) models: (.*)$/m.exec(r.stderr)?.[0] ?? "?";
  };
  rows[0]!.note = modelCount();
  rows.push(repeat("1b. ours, 4 languages, cold, component models only", REPS, () => [...ours(BIG, once()), "--config", componentsOnly], modelCount(componentsOnly)));
  rows.push(repeat("2. ours, TypeScript only, cold", REPS, () => ours(BIG, once(), "typescript")));
  const peerOut = path.join(tmp(), "peer.d.ts");
  rows.push(repeat("3. openapi-typescript CLI", REPS, () => ["node", PEER, BIG, "-o", peerOut]));

  const warm = tmp();
  measure(ours(BIG, warm));
  const before = statSync(path.join(warm, "typescript/RunObject.ts")).mtimeMs;
  rows.push(repeat("4. ours, rerun, nothing changed", REPS, () => ours(BIG, warm)));
  const untouched = statSync(path.join(warm, "typescript/RunObject.ts")).mtimeMs === before;
  rows[rows.length - 1]!.note = untouched ? "no file rewritten" : "FILES WERE REWRITTEN";

  // A copy of the spec with one schema's description edited, alternating so each run sees a change.
  const editedDir = tmp();
  const edited = path.join(editedDir, "openai.yaml");
  const original = readFileSync(BIG, "utf8");
  const marker = "Represents an execution run on a [thread](/docs/api-reference/threads).";
  if (!original.includes(marker)) throw new Error("benchmark: the RunObject description to edit was not found");
  copyFileSync(BIG, edited);
  const changedOut = tmp();
  measure(ours(edited, changedOut));
  let flip = false;
  rows.push(
    repeat("5. ours, after a one-schema change", REPS, () => {
      flip = !flip;
      writeFileSync(edited, flip ? original.replace(marker, "Represents one run on a thread.") : original);
      return ours(edited, changedOut);
    }),
  );

  // The fixed cost of a run (process start, module load, JIT warm-up, four folders), measured on
  // our own small spec, so the per-MB table can also show what each extra MB costs.
  const tiny = repeat("6. ours, 4 languages, spec/openapi.yaml (fixed cost)", Math.max(3, Math.ceil(REPS / 2)), () => ours(path.join(REPO, "spec/openapi.yaml"), once()));
  rows.push(tiny);
  const perMb: { spec: string; mb: number; medianS: number; sPerMb: number; marginalSPerMb: number }[] = [];
  for (const f of ["openai-2023-11-28.yaml", "openai-2024-03-29.yaml", "openai-2024-06-24.yaml", "openai-2024-12-18.yaml", "openai-2025-04-29.yaml", "openai-2026-05-13.yaml", "openai-2026-07-15.yaml", "openai-2026-08-21.yaml"]) {
    const spec = path.join(SPECS, f);
    const mb = statSync(spec).size / 1e6;
    const row = repeat(`6. ours, 4 languages, ${f}`, Math.max(3, Math.ceil(REPS / 2)), () => ours(spec, once()));
    rows.push(row);
    perMb.push({ spec: f, mb, medianS: row.medianS, sPerMb: row.medianS / mb, marginalSPerMb: (row.medianS - tiny.medianS) / mb });
  }

  const peer = rows.find((r) => r.case.startsWith("3."))!;
  for (const r of rows) r.ratioToPeer = r.medianS / peer.medianS;
  settle();
  for (const d of cleanups) rmSync(d, { recursive: true, force: true });

  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`;
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `Benchmark ${date} on ${machine} (${REPS} runs each; whole processes; output to ${TMP_ROOT})`,
    "",
    "| case | min s | median s | peak RSS MB | ratio to openapi-typescript | note |",
    "|---|---:|---:|---:|---:|---|",
    ...rows.map((r) => `| ${r.case} | ${r.minS.toFixed(2)} | ${r.medianS.toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${r.ratioToPeer!.toFixed(2)}x | ${r.note ?? ""} |`),
    "",
    `| spec | MB | median s (4 languages) | s per MB | s per MB above the fixed cost (${tiny.medianS.toFixed(2)} s) |`,
    "|---|---:|---:|---:|---:|",
    ...perMb.map((p) => `| ${p.spec} | ${p.mb.toFixed(2)} | ${p.medianS.toFixed(2)} | ${p.sPerMb.toFixed(2)} | ${p.marginalSPerMb.toFixed(2)} |`),
  ];
  const smallest = perMb[0]!;
  const largest = perMb[perMb.length - 1]!;
  const row = (prefix: string) => rows.find((r) => r.case.startsWith(prefix))!;
  const targets = [
    ["4 languages cold <= 0.75x peer", row("1.").ratioToPeer! <= 0.75],
    ["TypeScript only <= 0.5x peer", row("2.").ratioToPeer! <= 0.5],
    ["nothing changed <= 0.2x peer and no file rewritten", row("4.").ratioToPeer! <= 0.2 && untouched],
    ["peak RSS (4 languages) < 400 MB", rows[0]!.peakRssMb < 400],
    ["time per MB within 25% smallest to largest", Math.abs(largest.sPerMb - smallest.sPerMb) / smallest.sPerMb <= 0.25],
    ["(for reference) time per MB above the fixed cost within 25%", Math.abs(largest.marginalSPerMb - smallest.marginalSPerMb) / smallest.marginalSPerMb <= 0.25],
  ] as const;
  lines.push("", "| target | met |", "|---|---|", ...targets.map(([t, ok]) => `| ${t} | ${ok ? "yes" : "no"} |`));
  // tsc over the 2026-08-21 output with and without zod validators, and the generator with them.
  const validators = measureValidators(REPS);
  lines.push("", ...validators.lines);
  const text = lines.join("\n") + "\n";
  process.stdout.write(text);
  writeFileSync(path.join(REPO, "bench/results.json"), JSON.stringify({ date, machine, reps: REPS, outputFolder: TMP_ROOT, rows, perMb, targets: Object.fromEntries(targets), validators: { rows: validators.rows, ratios: validators.ratios, underTwice: validators.underTwice } }, null, 2) + "\n");
  writeFileSync(path.join(REPO, "bench/results.md"), text);
}

main();
