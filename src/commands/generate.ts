// `openapi-modelgen generate`: spec -> IR -> every chosen target -> generated/<lang>/, or with
// --check / --dry-run, only the list of what would change.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, parseLangs, parsePresence } from "../config.js";
import { UsageError } from "../load/errors.js";
import { TARGET_NAMES } from "../targets/registry.js";
import { generateAll, type TargetOutcome } from "../pipeline.js";
import { hasChanges } from "../emit/writer.js";
import { formatOrigins, formatReport } from "../ir/report.js";
import type { Degradation } from "../ir/types.js";
import { Timings } from "../timings.js";

export const GENERATE_HELP = `Usage: openapi-modelgen generate [options]

Options:
  --spec <file>     OpenAPI document to read (default: spec/openapi.yaml)
  --lang <list>     comma-separated targets (default: all: ${TARGET_NAMES.join(", ")})
  --out <dir>       output folder; each target writes <dir>/<lang>/ (default: generated)
  --config <file>   settings file (default: modelgen.config.{json,yaml} or package.json "modelgen")
  --presence <p>    lenient (default) or strict handling of missing required fields
  --check           write nothing; exit 1 and list the files that are stale
  --dry-run         write nothing; list what would be written
  --timings         print where the time went
  --report          list every degradation report entry (default: counts by kind)
  --quiet           print only errors
`;

export async function runGenerate(args: string[], cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        spec: { type: "string" },
        lang: { type: "string" },
        out: { type: "string" },
        config: { type: "string" },
        presence: { type: "string" },
        check: { type: "boolean" },
        "dry-run": { type: "boolean" },
        timings: { type: "boolean" },
        report: { type: "boolean" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(GENERATE_HELP);
    return 0;
  }
  // A progress line only where someone watches: stderr is a terminal and --quiet is off.
  const progress = process.stderr.isTTY && !v.quiet;
  const timings = new Timings(progress ? (phase) => process.stderr.write(`\r\x1b[K${phase}...`) : undefined);
  const { config } = loadConfig(cwd, v.config, TARGET_NAMES);
  const spec = v.spec ?? config.spec;
  const langs = v.lang !== undefined ? parseLangs(v.lang, TARGET_NAMES) : (config.lang ?? TARGET_NAMES);
  const out = path.resolve(cwd, v.out ?? config.out);
  const presence = v.presence !== undefined ? parsePresence(v.presence) : config.presence;
  const mode = v.check ? "check" : v["dry-run"] ? "dry-run" : "write";
  const result = await generateAll({
    spec: path.resolve(cwd, spec),
    specLabel: toPosix(path.relative(cwd, path.resolve(cwd, spec))),
    langs,
    out,
    presence,
    targetOptions: config.targets,
    models: config.models,
    mode,
    diffSeverity: config.diff.severity,
    timings,
  });

  if (progress) process.stderr.write("\r\x1b[K");
  const log = (s: string) => {
    if (!v.quiet) process.stderr.write(s);
  };
  if (result.ir) log(formatOrigins(result.ir.models) + "\n");
  if (result.ir?.report.length) log(reportSummary(result.ir.report, v.report === true));
  if (result.changesSincePrevious) log(result.changesSincePrevious);
  let stale = false;
  for (const o of result.outcomes) {
    const rel = toPosix(path.relative(cwd, o.dir)) || ".";
    if (mode !== "write") {
      for (const [label, list] of [["added", o.changes.added], ["changed", o.changes.changed], ["deleted", o.changes.deleted]] as const) {
        for (const f of list) process.stdout.write(`${mode === "check" ? "stale" : "would write"} ${label.padEnd(7)} ${rel}/${f}\n`);
      }
      stale ||= hasChanges(o.changes);
    }
  }
  log(summary(result.outcomes, mode, timings.totalMs()));
  if (v.timings) process.stderr.write(timings.format());
  if (mode === "check" && stale) {
    process.stderr.write("generated files are stale: run `npm run generate`\n");
    return 1;
  }
  return 0;
}

/** The degradation report: counted by kind, or listed in full with --report. */
function reportSummary(report: Degradation[], full: boolean): string {
  if (full) return formatReport(report);
  const byKind = new Map<string, number>();
  for (const d of report) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
  const counts = [...byKind].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${n} ${k}`).join(", ");
  return `degradation report: ${counts} (--report lists them; \`openapi-modelgen ir\` shows the IR)\n`;
}

function summary(outcomes: TargetOutcome[], mode: string, ms: number): string {
  const parts = outcomes.map((o) => {
    const c = o.changes;
    if (o.upToDate) return `${o.target}: up to date`;
    return `${o.target}: ${o.models} models, ${c.added.length} added, ${c.changed.length} changed, ${c.deleted.length} deleted`;
  });
  const verb = mode === "write" ? "generated" : mode === "check" ? "checked" : "planned";
  return `${verb} in ${(ms / 1000).toFixed(2)}s: ${parts.join("; ")}\n`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
