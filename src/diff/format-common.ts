// Pieces every output format shares: verdicts in words and the header lines.
import type { ChangeGroup, DiffResult, Verdict } from "./change.js";

export interface FormatOptions {
  /** How the two specs are named (paths as the user gave them); default: their file names in the IR. */
  oldLabel?: string;
  newLabel?: string;
}

/** "safe", "breaking", or "breaking for elixir; safe for rust, typescript" when languages differ. */
export function verdictText(by: Record<string, Verdict>, languages: string[]): string {
  const breaking = languages.filter((l) => by[l] === "breaking");
  const safe = languages.filter((l) => by[l] === "safe");
  if (!breaking.length) return "safe";
  if (!safe.length) return "breaking";
  return `breaking for ${breaking.join(", ")}; safe for ${safe.join(", ")}`;
}

export function specLabel(spec: DiffResult["old"], label: string | undefined): string {
  const about = [spec.title, spec.version].filter(Boolean).join(" ");
  return `${label ?? spec.file}${about ? ` (${about})` : ""}`;
}

export function countsLine(r: DiffResult): string {
  const c = r.counts;
  return `${c.total} ${c.total === 1 ? "change" : "changes"}: ${c.breaking} breaking, ${c.warning} warning, ${c.info} info`;
}

export function modelsLine(r: DiffResult): string {
  const c = r.counts;
  return `models: ${c.modelsAdded} added, ${c.modelsRemoved} removed, ${c.modelsRenamed} renamed, ${c.modelsChanged} changed`;
}

export const READING =
  "responses: decoding what the new API sends with the models generated from the old spec;" +
    " requests: building requests for the new API with those models.";

/** Groups that are one added model each: listed by name only, they say nothing more. */
export function splitAdded(r: DiffResult): { added: ChangeGroup[]; rest: ChangeGroup[] } {
  const added = r.groups.filter((g) => g.status === "added" && g.changes.every((c) => c.check === "model-added"));
  const rest = r.groups.filter((g) => !added.includes(g));
  return { added: [...added].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), rest };
}

export function groupTitle(g: ChangeGroup): string {
  if (g.status === "renamed") return `${g.name} (renamed from ${g.oldName})`;
  if (g.status === "removed") return `${g.name} (removed)`;
  if (g.status === "added") return `${g.name} (added)`;
  return g.name;
}
