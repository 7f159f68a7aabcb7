// What `generate` prints about a run: per job, where the models came from, the degradation report
// and the model changes since the last generation; in check/dry-run, each file that would change;
// then one summary line naming every job and language.
import { compareStrings } from "../common/order.js";
import type { GenerateResult, JobResult, LanguageResult } from "../api/generate.js";
import { formatOrigins, formatReport } from "../ir/report.js";
import type { Degradation } from "../ir/types.js";
import { projectPath } from "../api/project.js";

/** Lines for stderr before the summary: origins, degradation report, changes since last time. */
export function jobDetails(result: GenerateResult, fullReport: boolean): string {
  let out = "";
  for (const job of result.jobs) {
    const prefix = job.name !== undefined ? `[${job.name}] ` : "";
    for (const w of job.warnings ?? []) out += `${prefix}warning: ${w.file}:${w.line}:${w.col}: ${w.message}\n`;
    if (job.cachesDiscarded !== undefined) out += `${prefix}warning: ${cachesDiscardedLine(job.cachesDiscarded)}\n`;
    if (job.models) out += prefix + formatOrigins(job.models) + "\n";
    if (job.report?.length) out += prefix + reportSummary(job.report, fullReport);
    if (job.changesSummary) out += prefix + job.changesSummary + "\n";
  }
  return out;
}

/** The caches could not be used: what happened, and that the output is a cold run's (see pipeline.ts generateAll). */
function cachesDiscardedLine(reason: string): string {
  const firstLine = reason.split("\n")[0];
  const done = "they were removed and the run made again without them (please report it)";
  return `the cache files of this spec could not be used (${firstLine}); ${done}`;
}

/** For check and dry-run: one stdout line per file that would be added, changed or deleted. */
export function plannedFiles(result: GenerateResult, cwd: string): string {
  const verb = result.mode === "check" ? "stale" : "would write";
  let out = "";
  for (const job of result.jobs) {
    for (const lang of job.languages) {
      const rel = projectPath(cwd, lang.dir);
      for (const [label, list] of [["added", lang.added], ["changed", lang.changed], ["deleted", lang.deleted]] as const) {
        for (const f of list) out += `${verb} ${label.padEnd(7)} ${rel}/${f}\n`;
      }
    }
  }
  return out;
}

/** `generated in 0.31s: typescript: 20 models, 0 added, 1 changed, 0 deleted; rust: up to date`; with jobs, `pets (...), store (...)`. */
export function summaryLine(result: GenerateResult): string {
  const verb = result.mode === "write" ? "generated" : result.mode === "check" ? "checked" : "planned";
  const jobs = result.jobs.map((job) => {
    const langs = job.languages.map((l) => languagePart(l, job)).join("; ");
    return job.name !== undefined ? `${job.name} (${langs})` : langs;
  });
  return `${verb} in ${(result.durationMs / 1000).toFixed(2)}s: ${jobs.join(", ")}`;
}

function languagePart(l: LanguageResult, job: JobResult): string {
  if (l.upToDate) return `${l.lang}: up to date`;
  return `${l.lang}: ${job.models?.length ?? 0} models, ${l.added.length} added, ${l.changed.length} changed, ${l.deleted.length} deleted`;
}

/** The degradation report: counted by kind, or listed in full with --report. */
function reportSummary(report: Degradation[], full: boolean): string {
  if (full) return formatReport(report);
  const byKind = new Map<string, number>();
  for (const d of report) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
  const counts = [...byKind].sort(([a], [b]) => compareStrings(a, b)).map(([k, n]) => `${n} ${k}`).join(", ");
  return `degradation report: ${counts} (--report lists them; \`openapi-modelgen ir\` shows the IR)\n`;
}
