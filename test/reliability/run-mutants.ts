// Runs the real pipeline (all four languages) on mutants of a spec and judges each outcome: valid
// output (every language folder complete; TypeScript type-checked when asked), or a SpecError whose
// message is one positioned line with nothing written. Anything else is "bad".
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateAll } from "../../src/pipeline.js";
import { SpecError } from "../../src/common/errors.js";
import { TARGET_NAMES } from "../../src/targets/registry.js";
import { typecheck, formatDiagnostics } from "../compile/tsc.js";
import { mutate, type SpecFiles } from "./mutations.js";
import { Random } from "./random.js";

export interface MutantOutcome {
  description: string;
  verdict: "generated" | "error" | "bad";
  detail: string;
}

export interface MutantRun {
  root: string;
  entry: string;
  count: number;
  seed: number;
  /** Type-check the TypeScript output of every n-th generated mutant (0: never); tsc costs seconds per run. */
  typecheckEvery: number;
}

/** Every YAML/JSON file of a spec folder (for a single-file spec, just the entry). */
function readSpecFiles(root: string, entry: string): SpecFiles {
  if (!existsSync(path.join(root, "openapi.yaml")) || entry !== "openapi.yaml") return { [entry]: readFileSync(path.join(root, entry), "utf8") };
  const files: SpecFiles = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) files[p] = readFileSync(path.join(root, p), "utf8");
    }
  };
  walk("");
  return files;
}

/** `file:line:col #/pointer: message` (line and pointer optional), on one line. */
const POSITIONED = /^[^\s:]+(:\d+:\d+)?( #\S*)?: \S.*$/;

export async function tryMutants(run: MutantRun): Promise<MutantOutcome[]> {
  const base = readSpecFiles(run.root, run.entry);
  const rng = new Random(run.seed);
  const outcomes: MutantOutcome[] = [];
  let generated = 0;
  for (let i = 0; i < run.count; i++) {
    const mutant = mutate(base, rng);
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-mutant-"));
    try {
      for (const [rel, text] of Object.entries(mutant.files)) {
        mkdirSync(path.dirname(path.join(dir, "api", rel)), { recursive: true });
        writeFileSync(path.join(dir, "api", rel), text);
      }
      const out = path.join(dir, "generated");
      const description = `#${i} (seed ${run.seed}) ${mutant.description}`;
      const check = run.typecheckEvery > 0 && generated % run.typecheckEvery === 0;
      const outcome = await judge(dir, out, run.entry, check, description);
      if (outcome.verdict === "generated") generated++;
      outcomes.push(outcome);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return outcomes;
}

async function judge(dir: string, out: string, entry: string, check: boolean, description: string): Promise<MutantOutcome> {
  try {
    await generateAll({
      spec: path.join(dir, "api", entry),
      specLabel: `api/${entry}`,
      langs: TARGET_NAMES,
      out,
      presence: "lenient",
      targetOptions: {},
      mode: "write",
    });
  } catch (e) {
    if (!(e instanceof SpecError)) return { description, verdict: "bad", detail: `internal error: ${(e as Error).stack ?? String(e)}` };
    if (!POSITIONED.test(e.message) || e.message.includes("\n")) return { description, verdict: "bad", detail: `not a positioned one-line error: ${e.message}` };
    if (existsSync(out)) return { description, verdict: "bad", detail: `an error after writing: ${e.message}` };
    return { description, verdict: "error", detail: e.message };
  }
  for (const lang of TARGET_NAMES) {
    if (!existsSync(path.join(out, lang, ".modelgen-manifest.json"))) return { description, verdict: "bad", detail: `generated/${lang} has no manifest` };
  }
  if (check) {
    const ts = path.join(out, "typescript");
    const diags = typecheck(readdirSync(ts).filter((f) => f.endsWith(".ts")).map((f) => path.join(ts, f)));
    if (diags.length) return { description, verdict: "bad", detail: `TypeScript output does not compile:\n${formatDiagnostics(diags)}` };
  }
  return { description, verdict: "generated", detail: "" };
}
