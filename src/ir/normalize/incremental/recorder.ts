// What one root of the normalizer's walk (a component schema, a component part, a path item or
// webhook) did: which ids it asked about and whether they existed then, what it built, where it
// read and what it reported. Recorded during a full build so a later run can reuse the root's
// models when all of that is the same (see walk.ts).
//
// Inside a root, each component schema it builds through a `$ref` (a frame: its walk starts at a
// unit of the text) is recorded the same way, as a part of the root's record: when the root is
// built again, a frame that would do exactly what it did before is taken from the record instead
// of walked again (frames.ts). A root first reaching a large part of the spec (a union of every
// stream event) then costs what changed in it, not all of it.
import type { SourceDocument } from "../../../load/loader.js";
import type { Degradation } from "../../types.js";
import { unitOf } from "./units.js";

/** A Map whose `has` and `set` tell the active recorder (ids asked about, ids built). */
export class TrackedMap<V> extends Map<string, V> {
  recorder: RootRecorder | undefined;

  constructor(private readonly tag: string) {
    super();
  }

  override has(key: string): boolean {
    const present = super.has(key);
    this.recorder?.asked(this.tag + key, present);
    return present;
  }

  override set(key: string, value: V): this {
    this.recorder?.built(this.tag + key);
    return super.set(key, value);
  }
}

/**
 * A frame as recorded: the component schema's id; its models, `[start, end)` of the root's models
 * in the order they were built, and its reports, `[reportStart, reportEnd)` of the root's; the units
 * it read, the tagged ids it asked about first (each with whether it existed then), and the ids of
 * enclosing models being built when it asked about them (a reference back up the walk), each in
 * the order the frame came to them.
 */
export interface FrameRecord {
  id: string;
  start: number;
  end: number;
  reportStart: number;
  reportEnd: number;
  units: string[];
  asks: [string, boolean][];
  cycles: string[];
}

/** Where a frame starts among its root's models and reports. */
export interface FramePosition {
  models: number;
  reports: number;
}

/** A frame being recorded, and the ids being built when it started (what is outside it). */
interface OpenFrame {
  id: string;
  start: number;
  reportStart: number;
  units: Set<string>;
  asks: Map<string, boolean>;
  cycles: Set<string>;
  outside: ReadonlySet<string>;
}

export class RootRecorder {
  /** Tagged id -> whether it existed when the root first asked (before the root built anything under it). */
  readonly asks = new Map<string, boolean>();
  readonly builtKeys = new Set<string>();
  readonly units = new Set<string>();
  readonly reports: Degradation[] = [];
  /** The root read something outside the root document's units: its result is never reused. */
  opaque = false;
  /** The frames recorded, in the order they ended (an inner one before the one around it). */
  readonly frames: FrameRecord[] = [];
  /** How many models the root has built so far (the index of the next one among its models). */
  private models = 0;
  private readonly open: OpenFrame[] = [];

  constructor(private readonly root: SourceDocument) {}

  asked(key: string, present: boolean): void {
    if (!this.asks.has(key)) this.asks.set(key, present);
    for (const f of this.open) if (!f.asks.has(key)) f.asks.set(key, present);
  }

  /** The walk found `id` being built (a reference back to an enclosing model): told to each frame it lies outside of. */
  cycled(id: string): void {
    for (const f of this.open) if (f.outside.has(id)) f.cycles.add(id);
  }

  built(key: string): void {
    const size = this.builtKeys.size;
    this.builtKeys.add(key);
    if (key[0] === "m" && this.builtKeys.size > size) this.models++;
  }

  read(doc: SourceDocument, pointer: string): void {
    const unit = doc === this.root ? unitOf(pointer) : undefined;
    if (unit === undefined) this.opaque = true;
    else this.readUnit(unit);
  }

  readUnit(unit: string): void {
    this.units.add(unit);
    for (const f of this.open) f.units.add(unit);
  }

  reported(d: Degradation): void {
    this.reports.push(d);
  }

  /** A frame starts: the model `id` (at the unit `unit`) is about to be built; `building` holds the models being built around it. */
  enterFrame(id: string, unit: string, building: ReadonlySet<string>): void {
    const frame: OpenFrame = {
      id,
      start: this.models,
      reportStart: this.reports.length,
      units: new Set(),
      asks: new Map(),
      cycles: new Set(),
      outside: new Set(building),
    };
    this.open.push(frame);
    this.readUnit(unit);
  }

  /** The frame started last has built its model. */
  exitFrame(): void {
    const f = this.open.pop()!;
    this.frames.push({
      id: f.id,
      start: f.start,
      end: this.models,
      reportStart: f.reportStart,
      reportEnd: this.reports.length,
      units: [...f.units],
      asks: [...f.asks],
      cycles: [...f.cycles],
    });
  }

  /**
   * A frame taken from a record (frames.ts), and the frames inside it, recorded as they were: moved
   * from where the taken frame started in its record (`from`) to where it starts now (`to`).
   */
  adoptedFrames(frames: readonly FrameRecord[], from: FramePosition, to: FramePosition): void {
    const models = to.models - from.models;
    const reports = to.reports - from.reports;
    for (const f of frames)
      this.frames.push({
        ...f,
        start: f.start + models,
        end: f.end + models,
        reportStart: f.reportStart + reports,
        reportEnd: f.reportEnd + reports,
      });
  }

  /** How many models and reports the root has so far (where a frame taken now starts). */
  get position(): FramePosition {
    return { models: this.models, reports: this.reports.length };
  }
}
