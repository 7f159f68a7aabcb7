// What one root of the normalizer's walk (a component schema, a component part, a path item or
// webhook) did: which ids it asked about and whether they existed then, what it built, where it
// read and what it reported. Recorded during a full build so a later run can reuse the root's
// models when all of that is the same (see walk.ts).
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

export class RootRecorder {
  /** Tagged id -> whether it existed when the root first asked (before the root built anything under it). */
  readonly asks = new Map<string, boolean>();
  readonly builtKeys = new Set<string>();
  readonly units = new Set<string>();
  readonly reports: Degradation[] = [];
  /** The root read something outside the root document's units: its result is never reused. */
  opaque = false;

  constructor(private readonly root: SourceDocument) {}

  asked(key: string, present: boolean): void {
    if (!this.asks.has(key)) this.asks.set(key, present);
  }

  built(key: string): void {
    this.builtKeys.add(key);
  }

  read(doc: SourceDocument, pointer: string): void {
    const unit = doc === this.root ? unitOf(pointer) : undefined;
    if (unit === undefined) this.opaque = true;
    else this.units.add(unit);
  }

  reported(d: Degradation): void {
    this.reports.push(d);
  }
}
