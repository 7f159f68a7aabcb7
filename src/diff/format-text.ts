// The default output: counts first, then one block per model (worst first), then added models by name.
import type { DiffResult } from "./change.js";
import { countsLine, groupTitle, modelsLine, READING, specLabel, splitAdded, verdictText, type FormatOptions } from "./format-common.js";

export function formatText(r: DiffResult, opts: FormatOptions = {}): string {
  const out: string[] = [];
  out.push(`${specLabel(r.old, opts.oldLabel)} -> ${specLabel(r.new, opts.newLabel)}`);
  out.push(countsLine(r));
  out.push(modelsLine(r));
  if (r.counts.total === 0) return out.join("\n") + "\n";
  out.push(`judged for ${r.languages.join(", ") || "no language"}; ${READING}`);
  const { added, rest } = splitAdded(r);
  for (const g of rest) {
    out.push("");
    out.push(groupTitle(g));
    for (const c of g.changes) {
      const where = c.where ? `${c.where}: ` : "";
      out.push(`  ${c.severity.padEnd(8)} ${where}${c.message} [${c.check}]`);
      if (c.check === "model-added" || c.check === "model-renamed") continue;
      out.push(`           responses: ${verdictText(c.responseBy, r.languages)}; requests: ${verdictText(c.requestBy, r.languages)}`);
    }
  }
  if (added.length) {
    out.push("");
    out.push(`added models (${added.length}):`);
    out.push(...wrap(added.map((g) => g.name), 100).map((l) => `  ${l}`));
  }
  return out.join("\n") + "\n";
}

function wrap(words: string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const next = line ? `${line}, ${w}` : w;
    if (next.length > width && line) {
      lines.push(line + ",");
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
