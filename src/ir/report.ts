// The degradation report as text: one located line per place the IR is not exact.
import { formatLocated } from "../common/errors.js";
import type { Degradation, Model } from "./types.js";

export function formatReport(report: Degradation[]): string {
  const lines = report.map((d) => `  ${formatLocated(d.source, `${d.kind}: ${d.message}`)}`);
  return `degradation report (${report.length}):\n${lines.join("\n")}\n`;
}

/** How many models came from each part of the API: "12 models: 8 from components, 3 from operations, 1 from other files". */
export function formatOrigins(models: Model[]): string {
  const counts = { components: 0, operations: 0, files: 0 };
  let params = 0;
  let webhooks = 0;
  for (const m of models) {
    if (m.origin === "file") counts.files++;
    else if (m.origin === undefined) counts.components++;
    else {
      counts.operations++;
      if (m.origin === "parameters") params++;
      if (m.origin === "webhook") webhooks++;
    }
  }
  const detail = [params ? `${params} of parameters` : "", webhooks ? `${webhooks} of webhooks` : ""].filter(Boolean).join(", ");
  const ops = `${counts.operations} from operations${detail ? ` (${detail})` : ""}`;
  return `${models.length} models: ${counts.components} from components, ${ops}, ${counts.files} from other files`;
}
