// What `generate` keeps of the IR so a later run can say what changed since (the diff of the
// previous generation): every model without sources, descriptions or examples. It is meant to be
// stored in the manifest (`ir` key) and read back with `summarizeAgainstPrevious`.
import type { Docs, EnumMember, IrDocument, Model, WireValue } from "../ir/types.js";
import type { DiffInput, DiffResult } from "./change.js";
import type { Judges } from "./compat.js";
import { diffIr, type SeverityOverrides } from "./index.js";
import { formatText } from "./format-text.js";
import { countsLine, modelsLine } from "./format-common.js";
import { sameSnapshots } from "./unchanged.js";
import { holdsNull, restoreModel, SnapshotText } from "./snapshot-text.js";
import { contentHash } from "../ir/content-hash.js";

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

/**
 * The text `generate` stores for a snapshot (src/emit/manifest.ts writes it with a newline after):
 * JSON laid out as its head (`snapshotVersion`, `spec`) on the first line and then one model a line,
 * so that a model's change is one changed line in review and a later run reads a model at a time
 * (snapshot-text.ts). Indented JSON was 45% larger (2.7 MB on the 3 MB OpenAI spec, written into
 * every language's folder).
 */
export function snapshotText(s: IrSnapshot): string {
  return assembled({ snapshotVersion: s.snapshotVersion, spec: s.spec }, s.models.map(elementText));
}

/** A model's element of the snapshot text: its line, without the comma after it. JSON holds no line break in a string. */
function elementText(compact: unknown): string {
  return JSON.stringify(compact);
}

/** The snapshot text of `head` (the snapshot's other keys) with these model elements, one a line. */
function assembled(head: Omit<IrSnapshot, "models">, elements: readonly string[]): string {
  // `{"snapshotVersion":1,"spec":{...},"models":[]}` without its last two characters.
  const open = JSON.stringify({ ...head, models: [] }).slice(0, -2);
  return elements.length === 0 ? `${open}]}` : `${open}\n${elements.join(",\n")}\n]}`;
}

/** The snapshot of `ir` as `generate` stores it, and the ids of its models equal to the previous snapshot's (see snapshotAgainst). */
export interface SnapshotAgainstPrevious {
  text: string;
  /** What sameAsPrevious says; undefined when there is no usable previous snapshot. */
  same: Set<string> | undefined;
}

/**
 * The snapshot text of `ir` (snapshotText's, byte for byte) and which models are the same as in
 * `previous` (sameAsPrevious'), in proportion to what changed: a model whose content hash
 * (ir/content-hash.ts) is the one `recorded` holds for its id, which is the hash of the model the
 * previous element of that id was written from, has that element's text again (an element is a
 * function of the model's content, and it is what sameAsPrevious compares) and is not compacted,
 * written or compared again. `recorded` must belong to exactly the text `previous` was read from
 * (the caller checks its hash) and to this build of the tool. Making and comparing every element
 * was ~50 ms of a one-schema regeneration on the 3 MB OpenAI spec.
 */
export function snapshotAgainst(ir: IrDocument, previous: unknown, recorded?: ReadonlyMap<string, string>): SnapshotAgainstPrevious {
  const head = { snapshotVersion: SNAPSHOT_VERSION, spec: ir.spec } as const;
  const read = textual(previous);
  if (!read) {
    const current = snapshotIr(ir);
    const text = snapshotText(current);
    return { text, same: previous === undefined ? undefined : sameAsPrevious(previous, current, text) };
  }
  const elements: string[] = [];
  let same: Set<string> | undefined = new Set<string>();
  for (const m of ir.models) {
    const id = m.id;
    const before = read.element(id);
    // Its recorded hash says the previous element is this model's text; one holding a null is compared as objects (sameAs).
    if (before !== undefined && recorded !== undefined && recorded.get(id) === contentHash(m) && !holdsNull(before)) {
      elements.push(before);
      same?.add(id);
      continue;
    }
    const compact = compactModel(m);
    const text = elementText(compact);
    elements.push(text);
    if (same === undefined) continue;
    try {
      if (read.sameAs(id, text, compact)) same.add(id);
    } catch {
      same = undefined; // an element that is not JSON: the previous snapshot is not read
    }
  }
  if (same !== undefined) {
    try {
      read.parseAllBut(same);
    } catch {
      same = undefined;
    }
  }
  if (same === undefined) read.broken = true;
  return { text: assembled(head, elements), same };
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
  /** `snapshotIr(ir)`, when the caller made it already. */
  current?: IrSnapshot;
  /** `sameAsPrevious(previous, current)`, when the caller worked it out already (generate does, by snapshotAgainst). */
  same?: Set<string>;
}

/**
 * Ids of the models whose snapshot equals the previous run's, or undefined when there is no usable
 * previous snapshot. `previous` is the parsed snapshot or its text as `readSnapshotText` reads it;
 * `currentText` is the current one's text when the caller made it already.
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
  // The current snapshot only to find the models that are the same, when the caller did not (generate does).
  const current = () => opts.current ?? { snapshotVersion: SNAPSHOT_VERSION, spec: ir.spec, models: ir.models.map(compactModel) };
  const same = opts.same ?? sameAsPrevious(previous, current());
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

function compactMember({ value, exact }: EnumMember): WireValue {
  return exact === undefined ? { value } : { value, exact };
}

function compactModel(m: Model): unknown {
  const { source: _s, docs, ...rest } = m;
  const out: Record<string, unknown> = { ...rest };
  if (docs.deprecated) out.docs = compactDocs(docs);
  if (m.kind === "object")
    out.fields = m.fields.map(({ source: _f, docs: fd, ...f }) => (fd.deprecated ? { ...f, docs: compactDocs(fd) } : f));
  // A member's value, and its digits beyond 2^53 (what the diff compares); not its name nor docs.
  if (m.kind === "enum") out.members = m.members.map(compactMember);
  return out;
}
