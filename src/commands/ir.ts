// `openapi-modelgen ir [spec]`: the IR as deterministic JSON on stdout, the degradation report on stderr.
import { parseArgs } from "node:util";
import { UsageError } from "../load/errors.js";
import { buildIr } from "../pipeline.js";
import { formatReport } from "../ir/report.js";

export function runIr(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { spec: { type: "string" } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const spec = parsed.values.spec ?? parsed.positionals[0] ?? "spec/openapi.yaml";
  const ir = buildIr(spec);
  process.stdout.write(JSON.stringify(ir, null, 2) + "\n");
  if (ir.report.length) process.stderr.write(formatReport(ir.report));
  return 0;
}
