// A pull-request comment or CI job summary: counts, a table grouped by model (worst first) for
// models with something breaking or a warning, then folded away: models with information only,
// and the names of added models.
import type { ChangeGroup, DiffResult } from "./change.js";
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
  // Models with something breaking or a warning stay in view; models with only info are folded.
  const urgent = rest.filter((g) => g.worst !== "info");
  const quiet = rest.filter((g) => g.worst === "info");
  if (urgent.length) out.push("", ...table(urgent, r.languages));
  if (quiet.length)
    out.push(
      "",
      `<details><summary>Models with information only (${quiet.length})</summary>`,
      "",
      ...table(quiet, r.languages),
      "",
      "</details>",
    );
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

function table(groups: ChangeGroup[], languages: string[]): string[] {
  const out = ["| Model | Where | Change | Severity | Responses | Requests |", "|---|---|---|---|---|---|"];
  for (const g of groups) {
    g.changes.forEach((c, i) => {
      const model = i === 0 ? `**${cell(groupTitle(g))}**` : "";
      const where = c.where ? `\`${cell(c.where)}\`` : "";
      const change = `${cell(c.message)} <sub>${c.check}</sub>`;
      out.push(
        `| ${model} | ${where} | ${change} | ${c.severity} | ${cell(verdictText(c.responseBy, languages))}` +
        ` | ${cell(verdictText(c.requestBy, languages))} |`,
      );
    });
  }
  return out;
}

/** Text safe inside a table cell: pipes escaped, no line breaks, no stray HTML. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");
}
