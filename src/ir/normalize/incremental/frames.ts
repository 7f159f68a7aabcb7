// Frames: the component schemas a root builds through a `$ref` (recorder.ts records each as part of
// the root's record). When a root is built again because something it read changed, each of its
// frames is taken from the previous record instead of walked again when its walk would repeat step
// for step, for the reason a whole root's would (walk.ts): every unit it read has the same text,
// every id it asked about exists now exactly when it existed then, and the models being built
// around it that it referred back to are being built now too (and none it built is). Its models
// (positions moved with their units, core hashes kept), reports, reads and asks then go into the
// root's new record as the walk would have put them there, so the record is the cold run's text.
import type { Model } from "../../types.js";
import type { At, NormalizeContext } from "../context.js";
import type { FrameRecord, RootRecorder } from "./recorder.js";
import type { UnitText } from "./units.js";
import { unitOf } from "./units.js";
import { movable, moveSource, placeable, placeModels, type Shift } from "./compact.js";
import { adoptCoreHash } from "../../content-hash.js";
import type { RootRecord } from "./walk.js";

/** What a frame's start tells the walk (defineModel): its models were taken from the record, or the frame is being recorded. */
export type FrameStart = "adopted" | "recording";

/** The walk's side of frames, set on the context while a root is recorded (see defineModel). */
export interface FrameHook {
  /** `id` at `at` is about to be built: undefined when it is no frame, else whether it was taken whole or is now recorded. */
  enter(id: string, at: At): FrameStart | undefined;
  /** The frame `enter` said is recorded has built its model. */
  exit(): void;
}

/** A frame as stored in a record's line: indices into the record's units and asks (present, then absent). */
export type StoredFrame = [
  id: string,
  start: number,
  end: number,
  reportStart: number,
  reportEnd: number,
  units: number[],
  asks: number[],
  cycles: number[],
];

/** A record's frames as stored, or undefined when one refers to a unit or an ask the record does not hold. */
export function storeFrames(record: RootRecord, frames: readonly FrameRecord[]): StoredFrame[] | undefined {
  const unitIndex = new Map(record.units.map((u, i) => [u, i]));
  const askIndex = new Map<string, number>();
  for (const key of record.present) askIndex.set(key, askIndex.size);
  for (const key of record.absent) askIndex.set(key, askIndex.size);
  const out: StoredFrame[] = [];
  for (const f of frames) {
    const units = f.units.map((u) => unitIndex.get(u));
    const asks = f.asks.map(([key, present]) => {
      const i = askIndex.get(key);
      return i === undefined ? undefined : i * 2 + (present ? 1 : 0);
    });
    const cycles = f.cycles.map((id) => askIndex.get(`m${id}`));
    if ([...units, ...asks, ...cycles].includes(undefined)) return undefined;
    out.push([f.id, f.start, f.end, f.reportStart, f.reportEnd, units as number[], asks as number[], cycles as number[]]);
  }
  return out;
}

/** The frames stored with `record` (its ids parsed), back as recorded; throws when they are not of this shape. */
export function loadFrames(record: RootRecord, stored: unknown): FrameRecord[] {
  if (!Array.isArray(stored)) throw new Error("not a record's frames");
  const asks = [...record.present, ...record.absent];
  const index = <T>(list: readonly T[], i: unknown): T => {
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= list.length) throw new Error("not a record's frames");
    return list[i]!;
  };
  return stored.map((s: unknown) => {
    if (!Array.isArray(s) || s.length !== 8 || typeof s[0] !== "string") throw new Error("not a record's frames");
    const [id, start, end, reportStart, reportEnd, units, frameAsks, cycles] = s as StoredFrame;
    const bounds = [start, end, reportStart, reportEnd];
    const ordered = start < end && end <= record.models.length && reportStart <= reportEnd && reportEnd <= record.reports.length;
    // A frame's own model is the last it built.
    if (!bounds.every((b) => Number.isInteger(b) && b >= 0) || !ordered || record.models[end - 1]!.id !== id)
      throw new Error("not a record's frames");
    return {
      id,
      start,
      end,
      reportStart,
      reportEnd,
      units: units.map((i) => index(record.units, i)),
      asks: frameAsks.map((i): [string, boolean] => [index(asks, Math.floor(i / 2)), i % 2 === 1]),
      cycles: cycles.map((i) => index(asks, i).slice(1)),
    };
  });
}

/** The previous record of the root being built again, for its frames: parsed afresh (positions as stored), with where its units were. */
export interface PreviousFrames {
  record: RootRecord;
  frames: FrameRecord[];
  /** Lines stored relative to the start of their unit. */
  relative: boolean;
  before: Readonly<Record<string, UnitText>>;
}

export class FrameWalk implements FrameHook {
  private readonly byId: Map<string, FrameRecord>;
  /** How many frames were taken from the previous record. */
  adopted = 0;

  constructor(
    private readonly n: NormalizeContext,
    private readonly recorder: RootRecorder,
    /** The root's own pointer: its model is the root's, no frame. */
    private readonly rootPointer: string,
    /** This run's units. */
    private readonly units: ReadonlyMap<string, UnitText>,
    /** Whether a tagged id exists now (not asked through the tracked maps). */
    private readonly exists: (key: string) => boolean,
    private readonly previous: PreviousFrames | undefined,
  ) {
    this.byId = new Map(previous?.frames.map((f) => [f.id, f]));
  }

  enter(id: string, at: At): FrameStart | undefined {
    if (at.doc !== this.n.specs.root || at.pointer === this.rootPointer || unitOf(at.pointer) !== at.pointer) return undefined;
    const frame = this.byId.get(id);
    if (frame && this.adopt(frame)) {
      this.adopted++;
      return "adopted";
    }
    this.recorder.enterFrame(id, at.pointer, this.n.building);
    return "recording";
  }

  exit(): void {
    this.recorder.exitFrame();
  }

  /** Takes `f`'s models from the previous record when its walk would repeat step for step (see the top of this file). */
  private adopt(f: FrameRecord): boolean {
    const { record, relative, before } = this.previous!;
    const shifts = new Map<string, number>();
    for (const unit of f.units) {
      const was = Object.hasOwn(before, unit) ? before[unit] : undefined;
      const now = this.units.get(unit);
      if (!was || !now || was.hash !== now.hash || was.col !== now.col) return false;
      shifts.set(unit, relative ? now.line : now.line - was.line);
    }
    const models = record.models.slice(f.start, f.end);
    const built = new Set(models.map((m) => m.id));
    const building = this.n.building;
    for (const m of models) if (building.has(m.id)) return false;
    for (const id of f.cycles) if (!building.has(id)) return false;
    for (const [key, present] of f.asks) {
      if (this.exists(key) !== present) return false;
      // An id asked about and missing is one the frame built, or one being built around it.
      if (!present && !(key[0] === "m" && (built.has(key.slice(1)) || f.cycles.includes(key.slice(1))))) return false;
    }
    const reports = record.reports.slice(f.reportStart, f.reportEnd);
    const shift: Shift = (unit) => (unit === undefined ? undefined : shifts.get(unit));
    if (!placeable(models, shift) || !reports.every((d) => movable(d.source, shift))) return false;
    placeModels(models, this.n.specs.root.file, shift);
    for (const d of reports) moveSource(d.source, shift);
    this.take(f, models, reports);
    return true;
  }

  /** Puts the frame's models, reports, reads and asks where its walk would have, and records it and the frames inside it. */
  private take(f: FrameRecord, models: Model[], reports: RootRecord["reports"]): void {
    const { record, frames } = this.previous!;
    const r = this.recorder;
    const at = r.position;
    for (const unit of f.units) r.readUnit(unit);
    for (const [key, present] of f.asks) r.asked(key, present);
    for (const id of f.cycles) r.cycled(id);
    const hashes = record.hashes;
    models.forEach((m, i) => {
      const hash = hashes?.[f.start + i];
      if (typeof hash === "string") adoptCoreHash(m, hash);
      this.n.models.set(m.id, m);
    });
    for (const d of reports) {
      r.reported(d);
      this.n.replay(d);
    }
    const inside = frames.filter(
      (g) => g.start >= f.start && g.end <= f.end && g.reportStart >= f.reportStart && g.reportEnd <= f.reportEnd,
    );
    r.adoptedFrames(inside, { models: f.start, reports: f.reportStart }, at);
  }
}
