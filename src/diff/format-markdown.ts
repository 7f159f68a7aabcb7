// A pull-request comment or CI job summary: counts, one table grouped by model (worst first),
// and the added models folded away.
import type { DiffResult } from "./change.js";
import { countsLine, groupTitle, modelsLine, READING, specLabel, splitAdded, verdictText, type FormatOptions } from "./format-common.js";

export function formatMarkdown(r: DiffResult, opts: FormatOptions = {}): string {
  const out: string[] = [];
  out.push(`### Model changes: ${cell(specLabel(r.old, opts.oldLabel))} → ${cell(specLabel(r.new, opts.newLabel))}`);
  out.push("");
  out.push(`**${countsLine(r)}** (${modelsLine(r)})`);
  if (r.counts.total === 0) return out.join("\n") + "\n";
  out.push("");
  out.push(`Judged for ${r.languages.map((l) => `\`${l}\``).join(", ")}. ${READING.charAt(0).toUpperCase()}${READING.slice(1)}`);
  const { added, rest } = splitAdded(r);
  if (rest.length) {
    out.push("");
    out.push("| Model | Where | Change | Severity | Responses | Requests |");
    out.push("|---|---|---|---|---|---|");
    for (const g of rest) {
      g.changes.forEach((c, i) => {
        const model = i === 0 ? `**${cell(groupTitle(g))}**` : "";
        const where = c.where ? `\`${cell(c.where)}\`` : "";
        const change = `${cell(c.message)} <sub>${c.check}</sub>`;
        out.push(`| ${model} | ${where} | ${change} | ${c.severity} | ${cell(verdictText(c.responseBy, r.languages))} | ${cell(verdictText(c.requestBy, r.languages))} |`);
      });
    }
  }
  if (added.length) {
    out.push("");
    out.push(`<details><summary>Added models (${added.length})</summary>`);
    out.push("");
    out.push(added.map((g) => `\`${cell(g.name)}\``).join(", "));
    out.push("");
    out.push("</details>");
  }
  return out.join("\n") + "\n";
}

/** Text safe inside a table cell: pipes escaped, no line breaks, no stray HTML. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");
}
