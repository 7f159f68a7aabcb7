// What `generate` keeps of the IR so a later run can say what changed since (the diff of the
// previous generation): every model without sources, descriptions or examples. It is meant to be
// stored in the manifest (`ir` key) and read back with `summarizeAgainstPrevious`.
import type { Docs, EnumMember, IrDocument, Model } from "../ir/types.js";
import type { DiffInput, DiffResult } from "./change.js";
import type { Judges } from "./compat.js";
import { diffIr, type SeverityOverrides } from "./index.js";
import { formatText } from "./format-text.js";
import { countsLine, modelsLine } from "./format-common.js";
import { sameSnapshots } from "./unchanged.js";
import { restoreModel, SnapshotText } from "./snapshot-text.js";

export const SNAPSHOT_VERSION = 1;

/** Models as the diff reads them; JSON-serializable, deterministic (models sorted by id as in the IR). */
export interface IrSnapshot {
  snapshotVersion: typeof SNAPSHOT_VERSION;
  spec: IrDocument["spec"];
  models: unknown[];
}

export function snapshotIr(ir: IrDocument): IrSnapshot {
  return { snapshotVersion: SNAPSHOT_VERSION, spec: ir.spec, models: ir.models.map(compactModel) };
}

/** The text `generate` stores for a snapshot (src/emit/manifest.ts writes it with a newline after). */
function snapshotText(s: IrSnapshot): string {
  return JSON.stringify(s, null, 2);
}

/** A previous snapshot's text read as it is laid out (SnapshotText), when it is one of this version. */
function textual(previous: unknown): SnapshotText | undefined {
  if (!(previous instanceof SnapshotText) || previous.broken) return undefined;
  const { snapshotVersion, spec } = previous.head;
  return snapshotVersion === SNAPSHOT_VERSION && typeof spec === "object" ? previous : undefined;
}

function isIrSnapshot(v: unknown): v is IrSnapshot {
  const s = v as IrSnapshot | undefined;
  return !!s && typeof s === "object" && s.snapshotVersion === SNAPSHOT_VERSION && Array.isArray(s.models) && typeof s.spec === "object";
}

/** Back to the shape the diff reads (sources and descriptions are empty). */
function fromSnapshot(s: IrSnapshot): DiffInput {
  return { spec: s.spec, models: (s.models as Record<string, unknown>[]).map(restoreModel) };
}

export interface SummaryOptions {
  /** The languages to judge for (see DiffOptions). */
  judges: Judges;
  severity?: SeverityOverrides;
  /** "counts": the two count lines only; "full": the whole text report. */
  detail?: "counts" | "full";
  /** `snapshotIr(ir)`, when the caller made it already (generate does, to store it). */
  current?: IrSnapshot;
  /** `sameAsPrevious(previous, current)`, when the caller worked it out already (generate does, to choose its threads). */
  same?: Set<string>;
}

/**
 * Ids of the models whose snapshot equals the previous run's, or undefined when there is no usable
 * previous snapshot. `previous` is the parsed snapshot or its text as `readSnapshotText` reads it;
 * `currentText` is the current one's text when the caller made it already (generate does, to store it).
 */
export function sameAsPrevious(previous: unknown, current: IrSnapshot, currentText?: string): Set<string> | undefined {
  const text = textual(previous);
  if (text) return text.same(current.models, currentText ?? snapshotText(current));
  return isIrSnapshot(previous) ? sameSnapshots(previous.models, current.models) : undefined;
}

/**
 * For `generate`: what changed since the previous generation, as text for the terminal, or
 * undefined when there is no usable previous snapshot or nothing changed.
 */
export function summarizeAgainstPrevious(
  previous: unknown,
  ir: IrDocument | DiffInput,
  opts: SummaryOptions,
): { text: string; result: DiffResult } | undefined {
  const read = textual(previous);
  if (!read && !isIrSnapshot(previous)) return undefined;
  // Models whose snapshots are equal need no detailed comparison: after a one-schema change that is almost all of them.
  const current = opts.current ?? { snapshotVersion: SNAPSHOT_VERSION, spec: ir.spec, models: ir.models.map(compactModel) };
  const same = opts.same ?? sameAsPrevious(previous, current);
  if (same === undefined) return undefined; // a model of the previous text is not JSON
  const before = read ? read.diffInput() : fromSnapshot(previous as IrSnapshot);
  const result = diffIr(before, ir, { judges: opts.judges, same, ...(opts.severity ? { severity: opts.severity } : {}) });
  if (result.counts.total === 0) return undefined;
  const text =
    opts.detail === "full"
      ? formatText(result)
      : `model changes since the last generation: ${countsLine(result)}; ${modelsLine(result)} (details: openapi-modelgen diff)\n`;
  return { text, result };
}

function compactDocs(d: Docs): Docs {
  return d.deprecated ? { deprecated: true } : {};
}

function compactModel(m: Model): unknown {
  const { source: _s, docs, ...rest } = m;
  const out: Record<string, unknown> = { ...rest };
  if (docs.deprecated) out.docs = compactDocs(docs);
  if (m.kind === "object")
    out.fields = m.fields.map(({ source: _f, docs: fd, ...f }) => (fd.deprecated ? { ...f, docs: compactDocs(fd) } : f));
  if (m.kind === "enum") out.members = m.members.map((x: EnumMember) => ({ value: x.value }));
  return out;
}
