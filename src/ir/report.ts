// The degradation report as text: one located line per place the IR is not exact.
import { formatLocated } from "../load/errors.js";
import type { Degradation } from "./types.js";

export function formatReport(report: Degradation[]): string {
  const lines = report.map((d) => `  ${formatLocated(d.source, `${d.kind}: ${d.message}`)}`);
  return `degradation report (${report.length}):\n${lines.join("\n")}\n`;
}
