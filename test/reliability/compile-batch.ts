// The batch compile harness: K specs, rendered in each language and compiled together, one
// toolchain run per language (a per-set build would pay a JVM, a BEAM or a cargo start K times).
// Every compiler message is mapped back to the set it came from, so a failure names its spec.
import os from "node:os";
import path from "node:path";
import { SpecError } from "../../src/common/errors.js";
import { loadTemplates, type Templates } from "../../src/render/templates.js";
import { headerLines } from "../../src/pipeline.js";
import { TARGETS } from "../../src/targets/registry.js";
import type { IrDocument } from "../../src/ir/types.js";
import { irOfFiles } from "../helpers/spec.js";
import { elixirCompiler } from "./compile/elixir.js";
import { rustCompiler } from "./compile/rust.js";
import { scalaCompiler } from "./compile/scala.js";
import { typescriptCompiler } from "./compile/typescript.js";
import type { Lang, LanguageCompiler, RenderedSet } from "./compile/types.js";

export { LANGS, type Lang } from "./compile/types.js";

export const COMPILERS: Record<Lang, LanguageCompiler> = {
  typescript: typescriptCompiler,
  rust: rustCompiler,
  elixir: elixirCompiler,
  scala: scalaCompiler,
};

/** One spec of a batch: its text, and how a report names it (`generated #7 (seed 1)`, `found/x.yaml`). */
export interface BatchSpec {
  label: string;
  text: string;
}

export interface SetProblem {
  /** Index of the spec in the batch. */
  set: number;
  label: string;
  lang: Lang | "ir";
  stage: "normalize" | "render" | "compile";
  messages: string[];
}

export interface LanguageSummary {
  lang: Lang;
  /** Sets handed to the compiler (those that rendered). */
  compiled: number;
  /** Sets that failed to render or compile. */
  failed: number;
  seconds: number;
  rounds: number;
  /** Toolchain output that names no set (empty when everything was accounted for). */
  unattributed: string;
}

export interface BatchReport {
  specs: BatchSpec[];
  models: number;
  problems: SetProblem[];
  languages: LanguageSummary[];
}

export interface BatchOptions {
  langs: readonly Lang[];
  /** Build folder (one sub-folder per language, emptied before use); default: a folder under the temp dir. */
  work?: string;
  /** Builds allowed for a compiler that hides errors behind others (scalac); default 3. */
  maxRounds?: number;
  /** Told when each language is done (a long batch says where it is). */
  onLanguage?: (summary: LanguageSummary) => void;
}

const templates = new Map<string, Templates>();
function templatesOf(lang: string): Templates {
  let t = templates.get(lang);
  if (!t) templates.set(lang, (t = loadTemplates(lang)));
  return t;
}

/** The IR of a spec held in memory, or the problem that stopped it. */
function irOfSpec(text: string): { ir: IrDocument } | { error: string } {
  try {
    return { ir: irOfFiles({ "openapi.yaml": text }) };
  } catch (e) {
    if (e instanceof SpecError) return { error: `the spec is invalid (for a generated spec, the generator is wrong): ${e.message}` };
    return { error: `internal error: ${(e as Error).stack ?? String(e)}` };
  }
}

async function renderSet(ir: IrDocument, label: string, compiler: LanguageCompiler, id: number): Promise<RenderedSet> {
  const target = TARGETS.find((t) => t.name === compiler.lang);
  if (!target) throw new Error(`no target ${compiler.lang}`);
  const files = await target.generate({ ir, templates: templatesOf(compiler.lang), header: headerLines(ir, label), options: compiler.options(id), presence: "lenient" });
  return { id, files };
}

export async function compileBatch(specs: BatchSpec[], opts: BatchOptions): Promise<BatchReport> {
  const work = opts.work ?? path.join(os.tmpdir(), `modelgen-fuzz-${process.pid}`);
  const problems: SetProblem[] = [];
  const irs = new Map<number, IrDocument>();
  let models = 0;
  specs.forEach((spec, set) => {
    const built = irOfSpec(spec.text);
    if ("error" in built) problems.push({ set, label: spec.label, lang: "ir", stage: "normalize", messages: [built.error] });
    else {
      irs.set(set, built.ir);
      models += built.ir.models.length;
    }
  });

  const languages: LanguageSummary[] = [];
  for (const lang of opts.langs) {
    const compiler = COMPILERS[lang];
    let pending: RenderedSet[] = [];
    const failed = new Set<number>();
    for (const [set, ir] of irs) {
      try {
        pending.push(await renderSet(ir, specs[set]!.label, compiler, set));
      } catch (e) {
        failed.add(set);
        // The top of the stack says which part of the target gave up.
        const stack = ((e as Error).stack ?? String(e)).split("\n").slice(0, 8).join("\n");
        problems.push({ set, label: specs[set]!.label, lang, stage: "render", messages: [stack] });
      }
    }
    const summary: LanguageSummary = { lang, compiled: pending.length, failed: 0, seconds: 0, rounds: 0, unattributed: "" };
    // A compiler that hides errors behind others gets more builds, without the sets that failed.
    const maxRounds = compiler.isolatesSets ? 1 : (opts.maxRounds ?? 3);
    while (pending.length && summary.rounds < maxRounds) {
      const round = compiler.compile(pending, path.join(work, lang));
      summary.rounds++;
      summary.seconds += round.seconds;
      for (const [set, messages] of round.errors) {
        failed.add(set);
        problems.push({ set, label: specs[set]!.label, lang, stage: "compile", messages });
      }
      if (round.ok) break;
      const left = pending.filter((s) => !round.errors.has(s.id));
      if (left.length === pending.length || (compiler.isolatesSets && round.output)) {
        summary.unattributed = round.output || "the toolchain failed without naming a set";
        break;
      }
      pending = left;
      if (!compiler.isolatesSets && summary.rounds === maxRounds && pending.length) {
        summary.unattributed = `${pending.length} set(s) not confirmed: the last of ${summary.rounds} builds failed, and its errors can hide theirs`;
      }
    }
    summary.failed = failed.size;
    languages.push(summary);
    opts.onLanguage?.(summary);
  }
  problems.sort((a, b) => a.set - b.set || a.lang.localeCompare(b.lang));
  return { specs, models, problems, languages };
}

/** A problem as a person reads it: where, the first compiler messages, and the spec that caused it. */
export function describeProblem(p: SetProblem, spec: BatchSpec, maxMessages = 5, maxChars = 3000): string {
  const shown = p.messages.slice(0, maxMessages).join("\n").slice(0, maxChars);
  const more = p.messages.length > maxMessages ? `\n… ${p.messages.length - maxMessages} more message(s)` : "";
  return `${spec.label}: ${p.lang} ${p.stage} failed\n${indent(shown + more)}\n  spec:\n${indent(spec.text, 4)}`;
}

function indent(text: string, n = 2): string {
  return text
    .split("\n")
    .map((l) => (l ? " ".repeat(n) + l : l))
    .join("\n");
}
