// `openapi-modelgen ir [spec]`: the IR as deterministic JSON on stdout; on stderr, where the
// models came from and the degradation report.
import { parseCommandArgs } from "./args.js";
import { formatOrigins, formatReport } from "../ir/report.js";
import { loadIrNow } from "../api/load-ir.js";
import { formatWarnings } from "../load/overlay.js";

export function runIr(args: string[], cwd = process.cwd()): number {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      spec: { type: "string" },
      config: { type: "string" },
      job: { type: "string" },
      overlay: { type: "string", multiple: true },
    },
  });
  const v = parsed.values;
  const spec = v.spec ?? parsed.positionals[0];
  const { ir, warnings } = loadIrNow({
    cwd,
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(spec !== undefined ? { spec } : {}),
    ...(v.job !== undefined ? { job: v.job } : {}),
    ...(v.overlay !== undefined ? { overlay: v.overlay } : {}),
  });
  process.stdout.write(JSON.stringify(ir, null, 2) + "\n");
  process.stderr.write(formatWarnings(warnings));
  process.stderr.write(formatOrigins(ir.models) + "\n");
  if (ir.report.length) process.stderr.write(formatReport(ir.report));
  return 0;
}
