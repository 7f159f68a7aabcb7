// `openapi-modelgen diff <old-spec> <new-spec>`: what changed between two specs, model by model,
// and whether it breaks code using the generated models, per target language.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, parseLangs } from "../config.js";
import { UsageError } from "../load/errors.js";
import { buildIr } from "../pipeline.js";
import { TARGETS, TARGET_NAMES } from "../targets/registry.js";
import { diffIr, failsOn, judgesFor } from "../diff/index.js";
import { formatText } from "../diff/format-text.js";
import { formatMarkdown } from "../diff/format-markdown.js";
import { formatJson } from "../diff/format-json.js";
import type { Severity } from "../diff/checks.js";

export const DIFF_HELP = `Usage: openapi-modelgen diff <old-spec> <new-spec> [options]

Compares the models of two OpenAPI documents: models added, removed and renamed; fields, types,
required/optional, null, enum values, constants, constraints, defaults, deprecations, union
variants. Each change is judged for decoding responses and building requests with the models
generated from the old spec, per target language, and given a severity (breaking, warning, info).

Options:
  --format <f>      text (default), markdown (a table for a pull request or CI summary), json
  --fail-on <level> exit 1 when a change is at least this severe: breaking or warning
  --lang <list>     languages to judge for (default: the config's lang, else all: ${TARGET_NAMES.join(", ")})
  --config <file>   settings file; \`diff: { severity: { <check>: info } }\` overrides a check's severity
`;

const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;

export function runDiff(args: string[], cwd = process.cwd()): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        "fail-on": { type: "string" },
        lang: { type: "string" },
        config: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(DIFF_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 2) throw new UsageError(`diff takes two specs, <old-spec> <new-spec> (got ${parsed.positionals.length})`);
  const format = v.format ?? "text";
  if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`--format must be text, markdown or json, not "${format}"`);
  const failOn = v["fail-on"];
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "warning") throw new UsageError(`--fail-on must be breaking or warning, not "${failOn}"`);

  const { config } = loadConfig(cwd, v.config, TARGET_NAMES);
  const langs = v.lang !== undefined ? parseLangs(v.lang, TARGET_NAMES) : (config.lang ?? TARGET_NAMES);
  const judges = judgesFor(TARGETS.filter((t) => langs.includes(t.name)), config.targets);
  const [oldSpec, newSpec] = parsed.positionals.map((p) => path.resolve(cwd, p)) as [string, string];
  const result = diffIr(buildIr(oldSpec, { models: config.models }), buildIr(newSpec, { models: config.models }), { judges, severity: config.diff.severity });
  const label = (p: string) => path.relative(cwd, p).split(path.sep).join("/");
  process.stdout.write(FORMATS[format as keyof typeof FORMATS](result, { oldLabel: label(oldSpec), newLabel: label(newSpec) }));
  return failOn !== undefined && failsOn(result, failOn as Severity) ? 1 : 0;
}
