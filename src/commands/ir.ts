// `openapi-modelgen ir [spec]`: the IR as deterministic JSON on stdout; on stderr, where the
// models came from and the degradation report.
import { parseArgs } from "node:util";
import { UsageError } from "../load/errors.js";
import { buildIr } from "../pipeline.js";
import { formatOrigins, formatReport } from "../ir/report.js";
import { loadConfig } from "../config.js";
import { TARGET_NAMES } from "../targets/registry.js";

export function runIr(args: string[], cwd = process.cwd()): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { spec: { type: "string" }, config: { type: "string" } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { config } = loadConfig(cwd, parsed.values.config, TARGET_NAMES);
  const spec = parsed.values.spec ?? parsed.positionals[0] ?? config.spec;
  const ir = buildIr(spec, { models: config.models });
  process.stdout.write(JSON.stringify(ir, null, 2) + "\n");
  process.stderr.write(formatOrigins(ir.models) + "\n");
  if (ir.report.length) process.stderr.write(formatReport(ir.report));
  return 0;
}
