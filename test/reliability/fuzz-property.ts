// The property `npm run fuzz` checks: a generated component set normalizes, renders and compiles
// in every chosen language. Judged one set at a time, so fast-check can shrink a failure; but the
// values fast-check tries first are known in advance (fc.sample with the same seed gives the same
// sequence), so they are compiled ahead in batches: one toolchain start per batch, not per set.
// After the first failure only its language is compiled, and a candidate counts as failing only
// with the same failure signature; fast-check's shrink is followed by reduce.ts's.
import fc from "fast-check";
import { compileBatch, type BatchSpec, type Lang, type SetProblem } from "./compile-batch.js";
import { signature, signatures } from "./problem-signature.js";
import { reduce } from "./reduce.js";
import { componentSet, specText, type ComponentSet } from "./schema-arbitrary.js";

export interface FuzzOptions {
  seed: number;
  runs: number;
  langs: Lang[];
  /** Sets compiled together (ahead of fast-check, and shrink candidates); 1: one set per toolchain run. */
  batch: number;
  /** Each of the two shrinking phases stops after this long, keeping the smallest failing set so far. */
  shrinkSeconds: number;
  work: string;
  log: (line: string) => void;
}

export interface FuzzFailure {
  spec: BatchSpec;
  problems: SetProblem[];
  signature: string;
  /** Text of the set as fast-check first found it. */
  original: string;
}

export interface FuzzOutcome {
  runs: number;
  shrinks: number;
  reductions: number;
  failure?: FuzzFailure;
  shrinkStopped: boolean;
}

export async function fuzz(opts: FuzzOptions): Promise<FuzzOutcome> {
  const planned = fc.sample(componentSet(), { seed: opts.seed, numRuns: opts.runs }).map((set) => specText(set));
  const results = new Map<string, SetProblem[]>();
  let langs = opts.langs;
  let target: { signature: string; original: string; since: number } | undefined;
  let shrinkStopped = false;
  let tried = 0;

  const compile = async (texts: string[]) => {
    const specs = texts.map((text, i) => ({ label: `candidate ${i}`, text }));
    const report = await compileBatch(specs, { langs, work: opts.work });
    for (const [i, text] of texts.entries()) results.set(text, report.problems.filter((p) => p.set === i));
    if (!target) opts.log(`  compiled ${texts.length} set(s): ${report.languages.map((l) => `${l.lang} ${l.seconds.toFixed(1)} s`).join(", ")}`);
  };

  const problemsOf = async (text: string): Promise<SetProblem[]> => {
    if (!results.has(text)) {
      const from = target ? -1 : planned.indexOf(text);
      await compile(from >= 0 ? planned.slice(from, from + opts.batch).filter((t) => !results.has(t)) : [text]);
    }
    return results.get(text)!;
  };

  /** Fails as the first failure did (any failure before there is a first). */
  const failsLikeTarget = (problems: SetProblem[]) => (target ? problems.some((p) => signatures(p).includes(target!.signature)) : problems.length > 0);

  const property = fc.asyncProperty(componentSet(), async (set: ComponentSet) => {
    const text = specText(set);
    if (target && !results.has(text) && Date.now() - target.since > opts.shrinkSeconds * 1000) {
      // Out of time: an unknown candidate counts as passing, so fast-check keeps the smallest set that really failed.
      shrinkStopped = true;
      return true;
    }
    if (!target) tried++;
    const problems = await problemsOf(text);
    if (!target && problems.length) {
      const first = problems[0]!;
      target = { signature: signature(first), original: text, since: Date.now() };
      langs = opts.langs.filter((l) => l === first.lang);
      opts.log(`run ${tried} failed: ${target.signature}\n  shrinking (fast-check), compiling ${langs.length ? langs.join(", ") : "nothing (normalize only)"}`);
    }
    return !failsLikeTarget(problems);
  });

  const details = await fc.check(property, { seed: opts.seed, numRuns: opts.runs });
  if (!details.failed || !details.counterexample || !target) return { runs: details.numRuns, shrinks: 0, reductions: 0, shrinkStopped };

  opts.log(`  fast-check: ${details.numShrinks} shrink(s); reducing the spec`);
  const reduced = await reduce(details.counterexample[0], {
    stillFails: async (sets) => {
      const texts = sets.map((s) => specText(s));
      const unknown = texts.filter((t) => !results.has(t));
      if (unknown.length) await compile(unknown);
      return texts.map((t) => failsLikeTarget(results.get(t)!));
    },
    size: (set) => specText(set).length,
    batch: opts.batch,
    deadline: Date.now() + opts.shrinkSeconds * 1000,
  });
  const text = specText(reduced.set);
  return {
    runs: tried,
    shrinks: details.numShrinks,
    reductions: reduced.steps,
    shrinkStopped: shrinkStopped || reduced.timedOut,
    failure: { spec: { label: `shrunk failing set (seed ${opts.seed})`, text }, problems: results.get(text) ?? [], signature: target.signature, original: target.original },
  };
}
