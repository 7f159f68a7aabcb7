// `npm run bench:validators`: the validators' cost alone (bench/tsc-validators.ts), printed and
// written to bench/validators.json. BENCH_REPS runs each (default 5).
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureValidators } from "./tsc-validators.js";

const REPS = Number(process.env.BENCH_REPS ?? 5);
const result = measureValidators(REPS);
console.log([`${os.cpus().length} cores, node ${process.version}`, "", ...result.lines].join("\n"));
const { rows, ratios, underTwice } = result;
writeFileSync(path.resolve(import.meta.dirname, "../bench/validators.json"), JSON.stringify({ spec: "openai-2026-08-21.yaml", reps: REPS, rows, ratios, underTwice }, null, 2) + "\n");
