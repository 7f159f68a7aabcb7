// Runs the normalizer's roots in order, reusing a previous run's results for the roots whose
// inputs are unchanged. Why that gives the cold run's IR: a root's walk is decided by the values
// it reads (its own unit and every unit a `$ref` led it to) and by which ids already exist when it
// asks (`defineModel` descends only into a model not built yet; a part stamps only a model it
// created). After the roots before it, the context holds exactly what a cold run's would
// (induction over the roots); so when every unit the root read has the same text and every id it
// asked about exists now exactly when it existed then, its walk would repeat step for step: the
// same models built (their positions moved by their unit's line shift), the same reports made
// (replayed, so the first report of a place still wins). Anything else is rebuilt and recorded.
import type { SourceDocument } from "../../../load/loader.js";
import type { Degradation, Model, Operation, SourceRef } from "../../types.js";
import type { NormalizeContext } from "../context.js";
import { RootRecorder, type TrackedMap } from "./recorder.js";
import { unitOf, unitTexts, type UnitText } from "./units.js";
import { compactModels, expandModels } from "./compact.js";

/** One root of the walk, named across runs by its pointer (a unit of the root document: it always reads its own). */
export interface WalkRoot {
  pointer: string;
  run(): void;
}

interface RootRecord {
  units: string[];
  /** Tagged ids that existed / did not exist when the root first asked about them. */
  present: string[];
  absent: string[];
  models: Model[];
  operations: [string, Operation | null][];
  reports: Degradation[];
}

export interface NormalizeState {
  format: typeof FORMAT;
  /** What besides the spec's text decides the IR (tool build, model switches, the root file's name). */
  basis: string;
  units: Record<string, UnitText>;
  roots: Record<string, RootRecord>;
}

const FORMAT = "openapi-modelgen normalize state 2";

export class IncrementalWalk {
  private readonly units: Map<string, UnitText>;
  private readonly previous: NormalizeState | undefined;
  private readonly roots: Record<string, RootRecord> = {};
  reused = 0;

  constructor(
    private readonly n: NormalizeContext,
    private readonly operations: TrackedMap<Operation | undefined>,
    private readonly basis: string,
    previous: unknown,
  ) {
    this.units = unitTexts(n.specs.root);
    this.previous = isState(previous) && previous.basis === basis ? previous : undefined;
  }

  run(root: WalkRoot): void {
    const old = this.previous ? ownRecord(this.previous.roots, root.pointer) : undefined;
    if (old) expandModels(old.models, this.n.specs.root.file);
    if (old && this.reusable(old)) {
      this.adopt(old);
      this.roots[root.pointer] = old;
      this.reused++;
      return;
    }
    const recorder = new RootRecorder(this.n.specs.root);
    recorder.read(this.n.specs.root, root.pointer);
    this.listen(recorder);
    try {
      root.run();
    } finally {
      this.listen(undefined);
    }
    if (!recorder.opaque) this.roots[root.pointer] = this.record(recorder);
  }

  /** The state a later run reuses from: the same as a cold run records, whatever was reused. */
  state(): NormalizeState {
    const units: Record<string, UnitText> = {};
    for (const [pointer, text] of this.units) units[pointer] = text;
    const roots: Record<string, RootRecord> = {};
    const file = this.n.specs.root.file;
    for (const [pointer, record] of Object.entries(this.roots)) roots[pointer] = { ...record, models: compactModels(record.models, file) };
    return { format: FORMAT, basis: this.basis, units, roots };
  }

  private listen(recorder: RootRecorder | undefined): void {
    this.n.recorder = recorder;
    this.n.models.recorder = recorder;
    this.operations.recorder = recorder;
  }

  private record(r: RootRecorder): RootRecord {
    const present: string[] = [];
    const absent: string[] = [];
    for (const [key, was] of r.asks) (was ? present : absent).push(key);
    const models: Model[] = [];
    const operations: [string, Operation | null][] = [];
    for (const key of r.builtKeys) {
      const id = key.slice(1);
      if (key[0] === "m") models.push(this.n.models.get(id)!);
      else operations.push([id, this.operations.get(id) ?? null]);
    }
    return { units: [...r.units], present, absent, models, operations, reports: r.reports };
  }

  private reusable(old: RootRecord): boolean {
    const before = this.previous!.units;
    const shifts = new Map<string, number>();
    for (const unit of old.units) {
      const was = Object.hasOwn(before, unit) ? before[unit] : undefined;
      const now = this.units.get(unit);
      if (!was || !now || was.hash !== now.hash || was.col !== now.col) return false;
      shifts.set(unit, now.line - was.line);
    }
    if (!old.present.every((key) => this.exists(key)) || old.absent.some((key) => this.exists(key))) return false;
    // Positions move with their unit's text; one outside the units read means the record is not understood.
    if ([...shifts.values()].every((shift) => shift === 0)) return true;
    return shiftSources(old, shifts);
  }

  private exists(key: string): boolean {
    const id = key.slice(1);
    return key[0] === "m" ? Map.prototype.has.call(this.n.models, id) : Map.prototype.has.call(this.operations, id);
  }

  private adopt(old: RootRecord): void {
    for (const m of old.models) this.n.models.set(m.id, m);
    for (const [id, op] of old.operations) this.operations.set(id, op ?? undefined);
    for (const d of old.reports) this.n.replay(d);
  }
}

/** Can this run record and reuse at all: one file, no overlay, no YAML anchor (a value shared by two places). */
export function canWalkIncrementally(root: SourceDocument, documents: number, overlays: number): boolean {
  return documents === 1 && overlays === 0 && !root.hasAnchors;
}

function ownRecord(roots: Record<string, RootRecord>, key: string): RootRecord | undefined {
  return Object.hasOwn(roots, key) ? roots[key] : undefined;
}

function isState(value: unknown): value is NormalizeState {
  const s = value as NormalizeState | null;
  return typeof s === "object" && s !== null && s.format === FORMAT && typeof s.units === "object" && typeof s.roots === "object";
}

/**
 * Moves the source positions of a record (models, their fields, operations, reports) by their
 * unit's shift, in place; false for a position in a unit the root did not read. Nothing moves when
 * none of its units did (the usual case before the edited place).
 */
function shiftSources(old: RootRecord, shifts: Map<string, number>): boolean {
  const sources: SourceRef[] = [];
  for (const m of old.models) {
    sources.push(m.source);
    if (m.kind === "object") for (const f of m.fields) sources.push(f.source);
  }
  for (const [, op] of old.operations) if (op) sources.push(op.source);
  for (const d of old.reports) sources.push(d.source);
  const moves: number[] = [];
  for (const source of sources) {
    const unit = unitOf(source.pointer);
    const shift = unit === undefined ? undefined : shifts.get(unit);
    if (shift === undefined) return false;
    moves.push(shift);
  }
  for (const [i, source] of sources.entries()) source.line += moves[i]!;
  return true;
}
