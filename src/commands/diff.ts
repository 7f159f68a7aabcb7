// `openapi-modelgen diff <old-spec> <new-spec>` or `diff --base <git-ref> [spec]`: what changed
// between two versions of a spec, model by model, and whether it breaks code using the generated
// models, per target language.
import { UsageError } from "../common/errors.js";
import { parseCommandArgs } from "./args.js";
import { TARGET_NAMES } from "../targets/registry.js";
import { failsOn } from "../diff/index.js";
import type { Severity } from "../diff/checks.js";
import { diffNow, formatDiff, isDiffFormat, type DiffFormat, type DiffOptions, type SpecComparison } from "../api/diff.js";

const DIFF_HELP = `Usage: openapi-modelgen diff <old-spec> <new-spec> [options]
       openapi-modelgen diff --base <git-ref> [spec] [options]

Compares the models of two OpenAPI documents: models added, removed and renamed; fields, types,
required/optional, null, enum values, constants, constraints, defaults, deprecations, union
variants. Each change is judged for decoding responses and building requests with the models
generated from the old spec, per target language, and given a severity (breaking, warning, info).

With --base, the old spec is the spec as it is at that git ref (every file of a multi-file spec,
read from git, no checkout), the new one the working tree: a pull request's CI runs
\`diff --base origin/main --format markdown --fail-on breaking\`. Without a spec, it compares the
config's spec, or each job's when the config has jobs (one report after another; with --format
json, a list naming each job).

Options:
  --base <ref>      compare with the spec as it is at this git ref (branch, tag or commit)
  --job <name>      with --base and \`jobs\` in the config: only these jobs (repeat, or comma-separated)
  --format <f>      text (default), markdown (a table for a pull request or CI summary), json
  --fail-on <level> exit 1 when a change is at least this severe: breaking or warning
  --lang <list>     languages to judge for (default: the config's lang, else all: ${TARGET_NAMES.join(", ")})
  --config <file>   settings file; \`diff: { severity: { <check>: info } }\` overrides a check's severity
`;

export function runDiff(args: string[], cwd = process.cwd()): number {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      base: { type: "string" },
      job: { type: "string", multiple: true },
      format: { type: "string" },
      "fail-on": { type: "string" },
      lang: { type: "string" },
      config: { type: "string" },
      overlay: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(DIFF_HELP);
    return 0;
  }
  const specs = parsed.positionals;
  if (v.base === undefined && specs.length !== 2)
    throw new UsageError(`diff takes two specs, <old-spec> <new-spec> (got ${specs.length}), or --base <git-ref> [spec]`);
  if (v.base !== undefined && specs.length > 1) throw new UsageError(`diff --base takes at most one spec (got ${specs.length})`);
  const format = v.format ?? "text";
  if (!isDiffFormat(format)) throw new UsageError(`--format must be text, markdown or json, not "${format}"`);
  const failOn = v["fail-on"];
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "warning")
    throw new UsageError(`--fail-on must be breaking or warning, not "${failOn}"`);

  const options: DiffOptions = {
    cwd,
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(v.lang !== undefined ? { lang: v.lang } : {}),
    ...(v.overlay !== undefined ? { overlay: v.overlay } : {}),
    ...(v.base !== undefined
      ? { base: v.base, ...(specs[0] !== undefined ? { spec: specs[0] } : {}), ...(v.job !== undefined ? { job: v.job } : {}) }
      : { old: specs[0]!, new: specs[1]! }),
  };
  const { comparisons } = diffNow(options);
  process.stdout.write(render(comparisons, format));
  return failOn !== undefined && comparisons.some((c) => failsOn(c.result, failOn as Severity)) ? 1 : 0;
}

/** One report as before; with jobs, the reports one after another (JSON: a list naming each job). */
function render(comparisons: SpecComparison[], format: DiffFormat): string {
  if (comparisons.length === 1 && comparisons[0]!.job === undefined) return formatDiff(comparisons[0]!, format);
  if (format === "json")
    return (
      JSON.stringify(
        comparisons.map((c) => ({ job: c.job, ...JSON.parse(formatDiff(c, "json")) })),
        null,
        2,
      ) + "\n"
    );
  return comparisons.map((c) => formatDiff(c, format)).join("\n");
}
