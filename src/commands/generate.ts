// `openapi-modelgen generate`: every chosen job, spec -> IR -> each language's folder, or with
// --check / --dry-run only the list of what would change, or with --watch again on every edit.
import { UsageError } from "../common/errors.js";
import { parseCommandArgs } from "./args.js";
import { TARGET_NAMES } from "../targets/registry.js";
import { runGeneration, type GenerateOptions } from "../api/generate.js";
import { InputSet } from "../api/inputs.js";
import { Timings } from "../timings.js";
import { codeCacheState, describeCodeCache, scriptCodeCaches } from "../common/code-cache-state.js";
import type { PresencePolicy } from "../targets/target.js";
import { jobDetails, plannedFiles, summaryLine } from "./generate-report.js";
import { runWatch } from "./watch.js";
import { HELD_NEW_SPACE_BYTES, youngGenerationCheckpoint, youngGenerationHeld } from "../threads/heap-settings.js";

const GENERATE_HELP = `Usage: openapi-modelgen generate [options]

Options:
  --spec <file>     OpenAPI document to read (default: spec/openapi.yaml)
  --lang <list>     comma-separated targets (default: all: ${TARGET_NAMES.join(", ")})
  --out <dir>       output folder; each target writes <dir>/<lang>/ (default: generated)
  --config <file>   settings file (default: modelgen.config.{json,yaml} or package.json "modelgen")
  --job <name>      with \`jobs\` in the config: run only these jobs (repeat, or a comma-separated list)
  --presence <p>    lenient (default), strict or tolerant handling of missing required fields
  --overlay <file>  an OpenAPI Overlay 1.0 applied after the config's overlays (repeatable)
  --check           write nothing; exit 1 and list the files that are stale
  --dry-run         write nothing; list what would be written
  --watch           generate, then again whenever the spec (any of its files), the config or a template changes
  --timings         print where the time went
  --report          list every degradation report entry (default: counts by kind)
  --quiet           print only errors
`;

export async function runGenerate(args: string[], cwd = process.cwd()): Promise<number> {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: false,
    options: {
      spec: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      config: { type: "string" },
      job: { type: "string", multiple: true },
      presence: { type: "string" },
      overlay: { type: "string", multiple: true },
      check: { type: "boolean" },
      "dry-run": { type: "boolean" },
      watch: { type: "boolean" },
      timings: { type: "boolean" },
      report: { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(GENERATE_HELP);
    return 0;
  }
  const mode = v.check ? "check" : v["dry-run"] ? "dry-run" : "write";
  const options: GenerateOptions = {
    cwd,
    mode,
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(v.spec !== undefined ? { spec: v.spec } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v.lang !== undefined ? { lang: v.lang } : {}),
    // Checked (lenient or strict) where every job's settings are resolved.
    ...(v.presence !== undefined ? { presence: v.presence as PresencePolicy } : {}),
    ...(v.job !== undefined ? { job: v.job } : {}),
    ...(v.overlay !== undefined ? { overlay: v.overlay } : {}),
    // Quiet prints no summary of model changes: the run does not work one out.
    ...(v.quiet ? { summarizeChanges: false } : {}),
  };
  if (v.watch) {
    if (mode !== "write") throw new UsageError("--watch writes: it does not combine with --check or --dry-run");
    return runWatch(options, cwd, v.quiet === true);
  }

  // A progress line only where someone watches: stderr is a terminal and --quiet is off. Asked in
  // that order: a quiet run that prints nothing never makes Node build the stderr stream (~3 ms).
  const progress = !v.quiet && process.stderr.isTTY;
  // As each phase starts, the young generation is held once it has grown (threads/heap-settings.ts).
  let heldFrom: string | undefined;
  const timings = new Timings((phase) => {
    if (youngGenerationCheckpoint()) heldFrom = phase;
    if (progress) process.stderr.write(`\r\x1b[K${phase}...`);
  });
  const result = await runGeneration(options, new InputSet(), timings);
  if (progress) process.stderr.write("\r\x1b[K");
  const log = (s: string) => {
    if (!v.quiet) process.stderr.write(s);
  };
  log(jobDetails(result, v.report === true));
  if (mode !== "write") process.stdout.write(plannedFiles(result, cwd));
  log(summaryLine(result) + "\n");
  if (v.timings) {
    const codeCache = codeCacheState();
    if (codeCache) timings.note(`code cache: ${describeCodeCache(codeCache)}`);
    if (heldFrom !== undefined && youngGenerationHeld())
      timings.note(`young generation: held at ${HELD_NEW_SPACE_BYTES >> 20} MB from ${heldFrom} on`);
    // The templates this thread compiled (the render worker's are its own; its bundle's line says how its caches fare).
    for (const [script, state] of scriptCodeCaches()) timings.note(`code cache (${script}): ${describeCodeCache(state)}`);
    process.stderr.write(timings.format());
  }
  if (mode === "check" && result.hasChanges) {
    process.stderr.write("generated files are stale: run `npm run generate`\n");
    return 1;
  }
  return 0;
}
