// Judges one language's results on one spec's examples and writes the report: each example is
// decoded and round-tripped, or fails; every failure is classified by the language-independent
// judge (validate.ts): when the judge finds the example breaks the spec under the presence policy,
// "the example contradicts the spec"; when it finds nothing, "our generator is wrong".
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ModelIndex } from "../../src/ir/query.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import type { ConformanceCase, LanguageResult } from "./cases.js";
import { compareRoundTrip, type CompareRules } from "./compare.js";
import { validate } from "./validate.js";

export type Verdict = "round-tripped" | "example contradicts the spec" | "our generator is wrong";

export interface CaseOutcome {
  id: string;
  operation: string;
  decoded: boolean;
  verdict: Verdict;
  /** For failures: where and why (the judge's finding, else the language's). */
  pointer?: string;
  reason?: string;
}

export interface LanguageReport {
  language: string;
  spec: string;
  presence: PresencePolicy;
  tried: number;
  decoded: number;
  roundTripped: number;
  outcomes: CaseOutcome[];
}

export function judgeResults(language: string, spec: string, cases: ConformanceCase[], results: LanguageResult[], models: ModelIndex, presence: PresencePolicy, rules?: CompareRules): LanguageReport {
  const byId = new Map(results.map((r) => [r.id, r]));
  const outcomes = cases.map((c): CaseOutcome => {
    const r = byId.get(c.id);
    const problems = validate(c.json, { kind: "ref", target: c.modelId }, models, presence);
    // Every place the example breaks the spec, so a reader can match the language's failure to one.
    const contradicts = problems.length
      ? { pointer: problems.map((p) => p.pointer || "/").join(", "), reason: problems.length === 1 ? problems[0]!.reason : problems.map((p) => `${p.pointer || "/"}: ${p.reason}`).join("; ") }
      : undefined;
    const base = { id: c.id, operation: c.operation };
    if (!r) return { ...base, decoded: false, verdict: "our generator is wrong", reason: "the harness gave no result" };
    if (!r.ok) {
      if (contradicts) return { ...base, decoded: false, verdict: "example contradicts the spec", pointer: contradicts.pointer, reason: `${contradicts.reason} (${language}: ${r.error ?? "failed"})` };
      return { ...base, decoded: false, verdict: "our generator is wrong", reason: r.error ?? "failed" };
    }
    const diff = compareRoundTrip(c.json, r.output, { kind: "ref", target: c.modelId }, models, rules);
    if (!diff) return { ...base, decoded: true, verdict: "round-tripped" };
    if (contradicts) return { ...base, decoded: true, verdict: "example contradicts the spec", pointer: contradicts.pointer, reason: `${contradicts.reason} (re-encoded: ${diff.pointer || "/"} ${diff.reason})` };
    return { ...base, decoded: true, verdict: "our generator is wrong", pointer: diff.pointer, reason: diff.reason };
  });
  return {
    language,
    spec,
    presence,
    tried: outcomes.length,
    decoded: outcomes.filter((o) => o.decoded).length,
    roundTripped: outcomes.filter((o) => o.verdict === "round-tripped").length,
    outcomes,
  };
}

function reportMarkdown(r: LanguageReport): string {
  const pct = (n: number) => (r.tried ? `${((100 * n) / r.tried).toFixed(1)}%` : "-");
  const failures = r.outcomes.filter((o) => o.verdict !== "round-tripped");
  return [
    `# ${r.language}: ${r.spec} (presence ${r.presence})`,
    "",
    "| examples tried | decoded | round-tripped | example contradicts the spec | our generator is wrong |",
    "|---:|---:|---:|---:|---:|",
    `| ${r.tried} | ${r.decoded} (${pct(r.decoded)}) | ${r.roundTripped} (${pct(r.roundTripped)}) | ${failures.filter((f) => f.verdict === "example contradicts the spec").length} | ${failures.filter((f) => f.verdict === "our generator is wrong").length} |`,
    "",
    ...(failures.length ? ["| example | operation | pointer | reason | verdict |", "|---|---|---|---|---|"] : []),
    ...failures.map((f) => `| ${f.id} | ${cell(f.operation)} | ${cell(f.pointer ?? "")} | ${cell(f.reason ?? "")} | ${f.verdict} |`),
    "",
  ].join("\n");
}

/** Writes the report under conformance-report/ (not committed; CI prints the summary line). */
export function writeReport(r: LanguageReport, root: string): string {
  const dir = path.join(root, "conformance-report");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${r.language}-${r.spec.replace(/\.ya?ml$/, "")}-${r.presence}.md`);
  writeFileSync(file, reportMarkdown(r));
  return file;
}

/**
 * Writes the report under conformance-report/, named by the run's policy (`lenient+learned-overlay`)
 * when that is more than its presence policy.
 */
export function writePolicyReport(r: LanguageReport, policy: string, root: string): string {
  if (policy === r.presence) return writeReport(r, root);
  const file = path.join(root, "conformance-report", `${r.language}-${r.spec.replace(/\.ya?ml$/, "")}-${policy}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, reportMarkdown(r).replace(`(presence ${r.presence})`, `(presence ${r.presence}, policy ${policy})`));
  return file;
}

export function summaryLine(r: LanguageReport): string {
  const wrong = r.outcomes.filter((o) => o.verdict === "our generator is wrong").length;
  return `${r.language} ${r.spec} (${r.presence}): ${r.tried} tried, ${r.decoded} decoded, ${r.roundTripped} round-tripped, ${r.tried - r.roundTripped - wrong} contradict the spec, ${wrong} generator wrong`;
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, 400);
}
