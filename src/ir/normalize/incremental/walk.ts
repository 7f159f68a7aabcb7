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
import { RootRecorder, type FrameRecord, type TrackedMap } from "./recorder.js";
import { FrameWalk, loadFrames, storeFrames, type PreviousFrames } from "./frames.js";
import { unitOf, unitTexts, type UnitText } from "./units.js";
import { compactModels, moveSource, relativeSource, type LineBase, type Shift } from "./compact.js";
import { placeWhenParsed, settleAll, storeModels, waitingModels } from "./lazy-models.js";
import { ascii } from "../../../common/ascii-json.js";
import { adoptCoreHash, coreHash } from "../../content-hash.js";
import { LineParts } from "../../../common/line-parts.js";

/** One root of the walk, named across runs by its pointer (a unit of the root document: it always reads its own). */
export interface WalkRoot {
  pointer: string;
  run(): void;
}

export interface RootRecord {
  units: string[];
  /** Tagged ids that existed / did not exist when the root first asked about them. */
  present: string[];
  absent: string[];
  models: Model[];
  /**
   * Each model's core hash (ir/content-hash.ts), as stored: a model reused from the record takes
   * it instead of hashing its content again. Written for every record; absent from one only made.
   */
  hashes?: string[];
  operations: [string, Operation | null][];
  reports: Degradation[];
  /** The component schemas the root built through a `$ref` (frames.ts); absent when none. */
  frames?: FrameRecord[];
}

/** A record as stored, in two parts: the ids asked about (parsed only when they are checked or written again) and the rest. */
type StoredIds = Pick<RootRecord, "present" | "absent">;
type StoredRest = Omit<RootRecord, "present" | "absent" | "frames" | "models"> & { heads: unknown };

/**
 * The state is text, one line per root after a header line (format, basis and the units of text),
 * so a run parses each root's record when that root runs and writes a reused root's line back as it
 * read it: after a one-schema change nearly every line is written unchanged, not serialized again
 * (JSON.stringify of the whole 4.2 MB state was ~45 ms of each regeneration). A line is
 * `<pointer as JSON>\t<r|a><present and absent ids as JSON>\t<frames>\t<the rest of the record as JSON>\t<its models' contents>`,
 * the frames (frames.ts) as JSON, or nothing when the root built none, parsed only when the root is
 * built again (before the rest, so finding where the rest starts scans no more than them); the rest
 * holds each model's head, and the contents follow it, each model's JSON after the one before it,
 * parsed when something reads that model's content (lazy-models.ts): `r`
 * when every position's line is stored relative to the start of its unit (a unit the root read),
 * which makes the line of an unchanged root the same text wherever its units moved; `a` (absolute
 * lines) otherwise. The ids asked about (a tenth of the state) are parsed only when they are checked,
 * which they are not while every root builds the ids it built before (see sameIds). The text is
 * ASCII (JSON's `\u` escapes for the rest, a few dozen characters of a 4 MB state): a later run decodes it from the file
 * to a one-byte string, ~3x faster than the two-byte string one non-ASCII character makes. A
 * state is kept as the bytes it is written as, in parts: the lines of reused roots are ranges of
 * the bytes the run read (common/line-parts.ts).
 */
export class NormalizeState {
  constructor(readonly parts: readonly Uint8Array[]) {}

  /** The state's text (ASCII), its parts joined. */
  text(): string {
    return Buffer.concat(this.parts).toString("latin1");
  }
}

interface StateHeader {
  format: typeof FORMAT;
  /** What besides the spec's text decides the IR (tool build, model switches, the root file's name). */
  basis: string;
  /** The sha256 of the text the units were cut from, when known (a later run then takes the hashes of units it knows unchanged). */
  text?: string;
  units: Record<string, UnitText>;
}

/** A root's line in the previous state: parsed only when the root runs. */
interface StoredRoot {
  line: string;
  /** Where the line starts in the state's text (and bytes: it is ASCII). */
  start: number;
  /** Where its `r`/`a` mark is (after the pointer's tab). */
  mark: number;
  /** Where the tab after its ids is (its frames follow: none when the next tab follows at once). */
  frames: number;
  /** Where the tab before the rest of its record is. */
  rest: number;
  /** Where the tab before its models' contents is. */
  contents: number;
  /** Its pointer is written as this run writes it (so a line reused whole is the text a cold run writes). */
  canonical: boolean;
}

interface PreviousState extends StateHeader {
  roots: Map<string, StoredRoot>;
  /** The state's bytes, when it was read as bytes: the lines written back unchanged are copied from them. */
  bytes?: Uint8Array;
  /** The roots' pointers in the order they ran. */
  order: string[];
}

const FORMAT = "openapi-modelgen normalize state 11";

export class IncrementalWalk {
  private readonly units: Map<string, UnitText>;
  private readonly previous: PreviousState | undefined;
  /**
   * This run's record of each root, with its stored line when that is known to be what it would be
   * written as, and the stored ids when the record's are not parsed yet.
   */
  private readonly roots = new Map<string, { record: RootRecord; line?: StoredRoot; ids?: string; frames?: string }>();
  reused = 0;
  /** The component schemas taken from the previous record inside roots built again (frames.ts). */
  reusedFrames = 0;
  /**
   * The models and operations built by the roots run so far have exactly the ids the same roots had
   * built at this point of the previous run. Then every id a root asks about exists now exactly when
   * it existed then, and its record's presence lists need no check (~6,000 lookups a regeneration).
   */
  private sameIds: boolean;
  /** Where this run is in the previous run's order of roots. */
  private next = 0;
  /** The last record `reusable` began to place in (its positions may be part moved). */
  private placing: RootRecord | undefined;

  constructor(
    private readonly n: NormalizeContext,
    private readonly operations: TrackedMap<Operation | undefined>,
    private readonly basis: string,
    previous: unknown,
  ) {
    const state = parseState(previous);
    this.previous = state?.basis === basis ? state : undefined;
    // The previous units' hashes are taken only when they were cut from the text the change is measured against.
    const root = n.specs.root;
    const since = root.changed?.since;
    this.units = unitTexts(root, since !== undefined && this.previous?.text === since ? this.previous.units : undefined);
    this.sameIds = this.previous !== undefined && n.models.size === 0 && operations.size === 0;
  }

  run(root: WalkRoot): void {
    const stored = this.previous?.roots.get(root.pointer);
    // The ids built so far stay the previous run's only while the roots come in the previous run's order.
    if (this.sameIds && this.previous!.order[this.next++] !== root.pointer) this.sameIds = false;
    const old = stored === undefined ? undefined : parsed(stored);
    const relative = stored !== undefined && stored.line[stored.mark] === "r";
    if (old && this.reusable(old, relative, stored!)) {
      this.adopt(old);
      // A relative line is what this run would write for the record: its units' text is unchanged.
      // (Its models may be changed in place by finish(): they are written back from the line alone.)
      const ids = old.present === UNPARSED ? stored!.line.slice(stored!.mark + 1, stored!.frames) : undefined;
      const line = relative ? stored : undefined;
      // Its frames are written back as stored (their indices point into the record's lists, whose order it keeps).
      const frames = stored!.rest > stored!.frames + 1 ? stored!.line.slice(stored!.frames + 1, stored!.rest) : undefined;
      this.roots.set(root.pointer, {
        record: old,
        ...(line !== undefined ? { line } : {}),
        ...(ids !== undefined ? { ids } : {}),
        ...(frames !== undefined ? { frames } : {}),
      });
      this.reused++;
      return;
    }
    const recorder = new RootRecorder(this.n.specs.root);
    recorder.read(this.n.specs.root, root.pointer);
    const previousFrames = stored && this.previousFrames(stored, old);
    const frames = new FrameWalk(this.n, recorder, root.pointer, this.units, (key) => this.exists(key), previousFrames);
    this.listen(recorder, frames);
    try {
      root.run();
    } finally {
      this.listen(undefined, undefined);
    }
    this.reusedFrames += frames.adopted;
    // A root built again keeps the ids the same when it built exactly the ids it built before.
    if (this.sameIds && !(old && builtSame(old, recorder.builtKeys))) this.sameIds = false;
    if (!recorder.opaque) this.roots.set(root.pointer, { record: this.record(recorder) });
  }

  /** The state a later run reuses from: the same text as a cold run records, whatever was reused. */
  state(): NormalizeState {
    const units: Record<string, UnitText> = {};
    this.units.forEach((text, pointer) => {
      units[pointer] = text;
    });
    const text = this.n.specs.root.textId;
    const header: StateHeader = { format: FORMAT, basis: this.basis, ...(text !== undefined ? { text } : {}), units };
    const bytes = this.previous?.bytes;
    const lines = new LineParts(bytes);
    lines.write(ascii(JSON.stringify(header)));
    this.roots.forEach(({ record, line, ids, frames }, pointer) => {
      if (line?.canonical) {
        if (bytes) lines.copy(line.start, line.start + line.line.length);
        else lines.write(line.line);
        return;
      }
      // The pointer as this run writes it, and the rest of the line as stored.
      if (line !== undefined) {
        lines.write(`${ascii(JSON.stringify(pointer))}${line.line.slice(line.mark - 1)}`);
        return;
      }
      if (ids !== undefined) {
        try {
          Object.assign(record, parseIds(ids));
        } catch {
          return; // ids that do not parse (a damaged state): left out, the next run builds the root again
        }
      }
      lines.write(`${ascii(JSON.stringify(pointer))}\t${this.encode(record, frames)}`);
    });
    return new NormalizeState(lines.done());
  }

  /**
   * A record as stored: relative lines when every position lies in a unit the root read, else
   * absolute; `storedFrames`: the frames of a reused record, as its line held them.
   */
  private encode(record: RootRecord, storedFrames?: string): string {
    const read = new Set(record.units);
    const lineOf = (source: SourceRef): number => {
      const unit = unitOf(source.pointer);
      return (unit !== undefined && read.has(unit) ? this.units.get(unit)?.line : undefined) ?? Number.NaN;
    };
    const relative = sourcesOf(record).every((source) => !Number.isNaN(lineOf(source)));
    const lineBase: LineBase = relative ? lineOf : () => 0;
    const ids: StoredIds = { present: record.present, absent: record.absent };
    const { heads, contents } = storeModels(compactModels(record.models, this.n.specs.root.file, lineBase));
    const rest: StoredRest = {
      units: record.units,
      heads,
      hashes: record.models.map(coreHash),
      operations: record.operations.map(([id, op]) => [id, op && { ...op, source: relativeSource(op.source, lineBase) }]),
      reports: record.reports.map((d) => ({ ...d, source: relativeSource(d.source, lineBase) })),
    };
    const frames = record.frames && storeFrames(record, record.frames);
    const framesText = frames ? ascii(JSON.stringify(frames)) : (storedFrames ?? "");
    return `${relative ? "r" : "a"}${ascii(JSON.stringify(ids))}\t${framesText}\t${ascii(JSON.stringify(rest))}\t${contents}`;
  }

  private listen(recorder: RootRecorder | undefined, frames: FrameWalk | undefined): void {
    this.n.recorder = recorder;
    this.n.frames = frames;
    this.n.models.recorder = recorder;
    this.operations.recorder = recorder;
  }

  private record(r: RootRecorder): RootRecord {
    const present: string[] = [];
    const absent: string[] = [];
    r.asks.forEach((was, key) => void (was ? present : absent).push(key));
    const models: Model[] = [];
    const operations: [string, Operation | null][] = [];
    for (const key of r.builtKeys) {
      const id = key.slice(1);
      if (key[0] === "m") models.push(this.n.models.get(id)!);
      else operations.push([id, this.operations.get(id) ?? null]);
    }
    const record: RootRecord = { units: [...r.units], present, absent, models, operations, reports: r.reports };
    if (r.frames.length) record.frames = r.frames;
    return record;
  }

  /**
   * The previous record of a root being built again with its frames, when it has frames and they
   * read back (else none is taken: the root is walked whole): `old`, the record as parsed for
   * `reusable`, unless that began to place its positions (then it is parsed afresh).
   */
  private previousFrames(stored: StoredRoot, old: RootRecord | undefined): PreviousFrames | undefined {
    if (stored.rest === stored.frames + 1) return undefined;
    try {
      const record = old && old !== this.placing ? old : parseRecord(stored);
      settleAll(record.models);
      if (record.present === UNPARSED) Object.assign(record, parseIds(stored.line.slice(stored.mark + 1, stored.frames)));
      const frames = loadFrames(record, JSON.parse(stored.line.slice(stored.frames + 1, stored.rest)));
      return { record, frames, relative: stored.line[stored.mark] === "r", before: this.previous!.units };
    } catch {
      return undefined;
    }
  }

  /**
   * Is the stored record (just parsed) what the root would do now? When it is, its positions are made
   * this run's (whole again and moved with their units), in place.
   */
  private reusable(old: RootRecord, relative: boolean, stored: StoredRoot): boolean {
    const before = this.previous!.units;
    // How far each unit's positions move: to its start (relative lines) or by as many lines as its start moved.
    const shifts = new Map<string, number>();
    let moved = relative;
    for (const unit of old.units) {
      const was = Object.hasOwn(before, unit) ? before[unit] : undefined;
      const now = this.units.get(unit);
      if (!was || !now || was.hash !== now.hash || was.col !== now.col) return false;
      const shift = relative ? now.line : now.line - was.line;
      if (shift !== 0) moved = true;
      shifts.set(unit, shift);
    }
    if (!this.sameIds) {
      try {
        Object.assign(old, parseIds(stored.line.slice(stored.mark + 1, stored.frames)));
      } catch {
        return false;
      }
      if (!old.present.every((key) => this.exists(key)) || old.absent.some((key) => this.exists(key))) return false;
    }
    // Positions move with their unit's text; one outside the units read means the record is not understood.
    // Nothing moves (or is checked) when none of its units did: the usual case before the edited place.
    const shift: Shift = moved ? (unit) => (unit === undefined ? undefined : shifts.get(unit)) : () => 0;
    this.placing = old;
    // Only a relative record's positions all lie in the units it read: an absolute one's are checked now.
    if (!relative) settleAll(old.models);
    try {
      return placeSources(old, this.n.specs.root.file, shift);
    } catch {
      return false; // a record of another shape
    }
  }

  private exists(key: string): boolean {
    const id = key.slice(1);
    return key[0] === "m" ? Map.prototype.has.call(this.n.models, id) : Map.prototype.has.call(this.operations, id);
  }

  private adopt(old: RootRecord): void {
    const { models, hashes } = old;
    const hashed = Array.isArray(hashes) && hashes.length === models.length;
    for (let i = 0; i < models.length; i++) {
      const m = models[i]!;
      const hash = hashed ? hashes[i] : undefined;
      if (typeof hash === "string") adoptCoreHash(m, hash);
      this.n.models.set(m.id, m);
    }
    for (let i = 0; i < old.operations.length; i++) this.operations.set(old.operations[i]![0], old.operations[i]![1] ?? undefined);
    for (let i = 0; i < old.reports.length; i++) this.n.replay(old.reports[i]!);
  }
}

/** Can this run record and reuse at all: one file, no overlay, no YAML anchor (a value shared by two places). */
export function canWalkIncrementally(root: SourceDocument, documents: number, overlays: number): boolean {
  return documents === 1 && overlays === 0 && !root.hasAnchors;
}

/**
 * The previous run's state (see NormalizeState): its text, its bytes as a cache file holds them, or
 * a state made in this process; undefined when it is not one of this format.
 */
function parseState(previous: unknown): PreviousState | undefined {
  let bytes: Uint8Array | undefined;
  if (previous instanceof NormalizeState) bytes = Buffer.concat(previous.parts);
  else if (previous instanceof Uint8Array) bytes = previous;
  else if (typeof previous !== "string") return undefined;
  // The text is ASCII: one byte per character, so a line's offsets in the text are its offsets in the bytes.
  const text = bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1") : (previous as string);
  const lines = text.split("\n");
  let header: StateHeader | null;
  try {
    header = JSON.parse(lines[0]!) as StateHeader | null;
  } catch {
    return undefined;
  }
  const ok = typeof header === "object" && header !== null && header.format === FORMAT && typeof header.basis === "string";
  if (!ok || typeof header!.units !== "object" || header!.units === null) return undefined;
  const roots = new Map<string, StoredRoot>();
  const order: string[] = [];
  let start = lines[0]!.length + 1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const lineStart = start;
    start += line.length + 1;
    const tab = line.indexOf("\t");
    const frames = tab === -1 ? -1 : line.indexOf("\t", tab + 1);
    const rest = frames === -1 ? -1 : line.indexOf("\t", frames + 1);
    const contents = rest === -1 ? -1 : line.indexOf("\t", rest + 1);
    if (contents === -1) return undefined;
    const quoted = line.slice(0, tab);
    // A pointer of printable ASCII without quotes or backslashes is its JSON text without the quotes (nearly every one).
    const canonical = PLAIN_POINTER.test(quoted);
    let pointer: unknown;
    try {
      pointer = canonical ? quoted.slice(1, -1) : JSON.parse(quoted);
    } catch {
      return undefined;
    }
    if (typeof pointer !== "string") return undefined;
    roots.set(pointer, { line, start: lineStart, mark: tab + 1, rest, frames, contents, canonical });
    order.push(pointer);
  }
  return { ...header!, roots, order, ...(bytes ? { bytes } : {}) };
}

/** Each root's record as a later run reads it (tests look into it): positions whole again, lines as stored. */
export function stateRecords(state: NormalizeState | string, file: string): Map<string, RootRecord> {
  const out = new Map<string, RootRecord>();
  for (const [pointer, stored] of parseState(state)?.roots ?? []) {
    const record = parseRecord(stored);
    settleAll(record.models);
    Object.assign(record, parseIds(stored.line.slice(stored.mark + 1, stored.frames)));
    placeSources(record, file, () => 0);
    out.set(pointer, record);
  }
  return out;
}

const PLAIN_POINTER = /^"[\x20\x21\x23-\x5b\x5d-\x7e]*"$/;

/** The ids of a record not parsed yet (one shared array: never read, replaced when the ids are parsed). */
const UNPARSED: string[] = [];

/**
 * A stored line's record as stored, its models waiting (lazy-models.ts; positions still short), its
 * ids (`present`, `absent`) not parsed yet (UNPARSED); throws when it does not parse.
 */
function parseRecord(stored: StoredRoot): RootRecord {
  const { heads, ...rest } = JSON.parse(stored.line.slice(stored.rest + 1, stored.contents)) as StoredRest;
  const models = waitingModels(heads, stored.line, stored.contents + 1);
  return Object.assign(rest, { models, present: UNPARSED, absent: UNPARSED });
}

/** A stored record's ids; throws when they do not parse. */
function parseIds(text: string): StoredIds {
  const ids = JSON.parse(text) as StoredIds;
  if (!Array.isArray(ids.present) || !Array.isArray(ids.absent)) throw new Error("not a record's ids");
  return { present: ids.present, absent: ids.absent };
}

/** `parseRecord`, or undefined when the line does not parse. */
function parsed(stored: StoredRoot): RootRecord | undefined {
  try {
    return parseRecord(stored);
  } catch {
    return undefined;
  }
}

/** Did a root build exactly the ids its previous record holds (`built`: tagged ids, as the recorder keeps them)? */
function builtSame(record: RootRecord, built: ReadonlySet<string>): boolean {
  try {
    if (record.models.length + record.operations.length !== built.size) return false;
    return record.models.every((m) => built.has(`m${m.id}`)) && record.operations.every(([id]) => built.has(`o${id}`));
  } catch {
    return false; // a record of another shape
  }
}

/**
 * Makes a parsed record's positions whole and moves each by its unit's shift, in place: those of its
 * models (when each is parsed, for one still waiting), their fields, its operations and its reports.
 * False (part done) when a shift is undefined.
 */
function placeSources(record: RootRecord, file: string, shift: Shift): boolean {
  if (!placeWhenParsed(record.models, file, shift)) return false;
  for (let i = 0; i < record.operations.length; i++) {
    const op = record.operations[i]![1];
    if (op && !moveSource(op.source, shift)) return false;
  }
  for (let i = 0; i < record.reports.length; i++) if (!moveSource(record.reports[i]!.source, shift)) return false;
  return true;
}

/** Every position a record holds: its models', their fields', its operations' and its reports'. */
function sourcesOf(record: RootRecord): SourceRef[] {
  const sources: SourceRef[] = [];
  for (const m of record.models) {
    sources.push(m.source);
    if (m.kind === "object") for (const f of m.fields) sources.push(f.source);
  }
  for (const [, op] of record.operations) if (op) sources.push(op.source);
  for (const d of record.reports) sources.push(d.source);
  return sources;
}
