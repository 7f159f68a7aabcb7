// `npm run fuzz -- --runs N --seed S [--lang list] [--mutations M] [--batch B] [--shrink-seconds T] [spec.yaml...]`
//
// Generated component sets (schema-arbitrary.ts), each rendered and compiled in the chosen
// languages under fast-check; a failure is shrunk and printed as a spec with the compilers' first
// errors. `--mutations M` also runs M random edits of real specs (run-mutants.ts). Spec files given
// as arguments are compiled instead of generated sets (e.g. test/reliability/found/*.yaml).
// The seed is printed, so `--seed` repeats a run exactly.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { packageRoot } from "../../src/render/templates.js";
import { haveToolchain } from "../helpers/toolchain.js";
import { COMPILERS, compileBatch, describeProblem, LANGS, type Lang } from "./compile-batch.js";
import { fuzz } from "./fuzz-property.js";
import { specFiles } from "./generated-specs.js";
import { tryMutants } from "./run-mutants.js";

const USAGE = "usage: npm run fuzz -- [--runs N] [--seed S] [--lang typescript,rust,elixir,scala] [--mutations M] [--batch B] [--shrink-seconds T] [spec.yaml...]";
const log = (line: string) => console.log(line);

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: "string", default: "20" },
      seed: { type: "string" },
      lang: { type: "string", default: LANGS.join(",") },
      mutations: { type: "string", default: "0" },
      batch: { type: "string", default: "25" },
      "shrink-seconds": { type: "string", default: "600" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    log(USAGE);
    process.exit(0);
  }
  const int = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, not ${JSON.stringify(v)}\n${USAGE}`);
    return n;
  };
  const langs = values.lang.split(",").map((l) => l.trim()).filter(Boolean);
  const unknown = langs.filter((l) => !(LANGS as readonly string[]).includes(l));
  if (unknown.length) throw new Error(`unknown language(s) ${unknown.join(", ")}; choose from ${LANGS.join(", ")}`);
  return {
    runs: int("runs", values.runs, 0),
    // A fresh seed when none is given; printed either way.
    seed: values.seed === undefined ? Date.now() % 2 ** 31 : int("seed", values.seed, 0),
    langs: langs as Lang[],
    mutations: int("mutations", values.mutations, 0),
    batch: int("batch", values.batch, 1),
    shrinkSeconds: int("shrink-seconds", values["shrink-seconds"], 0),
    files: positionals,
  };
}

/** The chosen languages whose toolchain is here (under CI=true a missing one throws). */
function available(langs: Lang[]): Lang[] {
  return langs.filter((l) => COMPILERS[l].commands.length === 0 || haveToolchain(l, COMPILERS[l].commands));
}

async function compileFiles(files: string[], langs: Lang[], work: string): Promise<boolean> {
  const report = await compileBatch(specFiles(files), { langs, work, onLanguage: (l) => log(`  ${l.lang}: ${l.compiled} compiled, ${l.failed} failed, ${l.seconds.toFixed(1)} s`) });
  for (const p of report.problems) log(`\n${describeProblem(p, report.specs[p.set]!)}`);
  for (const l of report.languages.filter((x) => x.unattributed)) log(`\n${l.lang}: ${l.unattributed}`);
  const failed = new Set(report.problems.map((p) => p.set));
  log(`\n${files.length - failed.size} of ${files.length} spec(s) compiled in ${langs.join(", ")}`);
  return failed.size === 0 && report.languages.every((l) => !l.unattributed);
}

async function fuzzSets(args: ReturnType<typeof parse>, langs: Lang[], work: string): Promise<boolean> {
  log(`generated sets: ${args.runs} run(s), seed ${args.seed}, languages ${langs.join(", ")} (batches of ${args.batch})`);
  const started = Date.now();
  const outcome = await fuzz({ seed: args.seed, runs: args.runs, langs, batch: args.batch, shrinkSeconds: args.shrinkSeconds, work, log });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!outcome.failure) {
    log(`generated sets: ${outcome.runs} run(s) passed in ${seconds} s (seed ${args.seed})`);
    return true;
  }
  const { spec, problems, signature } = outcome.failure;
  log(`\ngenerated sets: FAILED after ${outcome.runs} run(s), ${outcome.shrinks} fast-check shrink(s), ${outcome.reductions} reduction(s)${outcome.shrinkStopped ? ` (shrinking stopped after ${args.shrinkSeconds} s)` : ""}, ${seconds} s`);
  log(`failure: ${signature}`);
  log(`repeat with: npm run fuzz -- --runs ${args.runs} --seed ${args.seed} --lang ${langs.join(",")}\n`);
  for (const p of problems) log(`${describeProblem({ ...p, label: spec.label }, spec, 8, 4000)}\n`);
  return false;
}

async function fuzzMutants(count: number, seed: number): Promise<boolean> {
  const root = packageRoot();
  const bases = [
    { name: "spec/", root: path.join(root, "spec"), entry: "openapi.yaml" },
    { name: "petstore", root: path.join(root, "test/fixtures/petstore"), entry: "openapi.yaml" },
  ];
  let ok = true;
  for (const [i, base] of bases.entries()) {
    // M trials in all, shared between the bases.
    const n = Math.floor(count / bases.length) + (i < count % bases.length ? 1 : 0);
    if (n === 0) continue;
    const outcomes = await tryMutants({ ...base, count: n, seed, typecheckEvery: 4 });
    const bad = outcomes.filter((o) => o.verdict === "bad");
    const errors = outcomes.filter((o) => o.verdict === "error").length;
    log(`mutants of ${base.name}: ${outcomes.length} tried (seed ${seed}), ${outcomes.length - errors - bad.length} generated, ${errors} positioned errors, ${bad.length} bad`);
    for (const o of bad) log(`  ${o.description}\n    ${o.detail.split("\n").slice(0, 12).join("\n    ")}`);
    ok &&= bad.length === 0;
  }
  return ok;
}

async function main(): Promise<number> {
  const args = parse();
  const langs = available(args.langs);
  if (langs.length < args.langs.length) log(`skipping ${args.langs.filter((l) => !langs.includes(l)).join(", ")}: toolchain missing`);
  const work = path.join(os.tmpdir(), `modelgen-fuzz-cli-${process.pid}`);
  let ok = true;
  if (args.files.length) ok &&= await compileFiles(args.files, langs, work);
  else if (args.runs > 0) ok &&= await fuzzSets(args, langs, work);
  if (args.mutations > 0) ok &&= await fuzzMutants(args.mutations, args.seed);
  // The build folder stays when something failed, to read the generated files.
  if (ok) rmSync(work, { recursive: true, force: true });
  else log(`build folder: ${work}`);
  log(`seed ${args.seed}: ${ok ? "passed" : "FAILED"}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);
