// Incremental regeneration. Each output folder keeps, beside its manifest, which files every model
// (a unit) rendered to and the key of everything those files were rendered from (unit-keys.ts),
// plus a basis: the hash of what is global to the target. On the next run a unit whose key and
// basis are unchanged, and whose files are still on disk as the manifest hashed them, is not
// rendered again: its files are kept. Anything else renders as on a first run, so the bytes are
// the same with or without the previous folder (tested against cold runs, test/emit/incremental).
// The same file also keeps each index or project file's key (its template and view, UnitRenderer.file)
// and the language's type names with the hash of what they were worked out from (naming-inputs.ts).
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { readListed, readManifest, type Manifest } from "./manifest.js";
import { sha256 } from "../common/hash.js";
import { intactCheck } from "./fingerprint.js";
import { prefetchedManifest } from "./stat-prefetch.js";
import type { IrDocument } from "../ir/types.js";
import { assignNames, typeNamesOf, type NameTable, type NamingRules, type TypeNames } from "../naming/assign.js";
import { namingInputsHash } from "../naming/naming-inputs.js";
import { variantCount } from "../ir/type-facts.js";
import type { OutputFile } from "../targets/target.js";
import type { RenderedUnit, Reuse, UnitRenderer } from "../targets/common/units.js";
import { operationsHash, reachingRenamed, renamedSince, unitKeys } from "./unit-keys.js";
import { viewText } from "./view-text.js";
import { frontCode, frontDecode, type FrontCoded } from "./front-coding.js";

export const UNITS_FILE = ".modelgen-units.json";

interface UnitRecord {
  key: string;
  files: string[];
  side?: unknown;
}

/** A language's type names (naming/assign.ts), the hash of what they were worked out from, and the models they name, in order. */
interface NamesRecord extends TypeNames {
  inputs: string;
  /** The ids of the models named (`types` and `variants` by position), front-coded, to tell next run's renamed models by id. */
  ids?: FrontCoded;
}

interface UnitsFile {
  basis: string;
  /** The shared basis the units were rendered under (sharedBasis; the basis is it and what the target adds). */
  shared?: string;
  units: Record<string, UnitRecord>;
  /** Files rendered from a view of their own (index and project files), by path. */
  files?: Record<string, UnitRecord>;
  names?: NamesRecord;
}

/**
 * A previous units file as read: everything but the units (its head), and each unit's record,
 * parsed only when asked for (a regeneration asks for ~2,700 per language and keeps nearly all).
 */
interface PreviousUnits {
  head: Omit<UnitsFile, "units">;
  /** The record of the unit `id`, or undefined when there is none or its text is not JSON. */
  record(id: string): UnitRecord | undefined;
  /**
   * The text the units were read from, when laid out a unit a line (see unitsText), and where the
   * line of the record `record` returned last lies in it, without the comma after it (from -1: not
   * known, the record is written afresh).
   */
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /** The JSON of `head.names` as the file holds it, when laid out so. */
  namesText(): string | undefined;
}

/**
 * The previous run's units, when the manifest lists the file with its hash: a units file copied
 * in from another folder or another run would otherwise pair keys with files they did not render.
 */
function readUnits(dir: string, manifest: Manifest | undefined): PreviousUnits | undefined {
  // A units file older than the manifest is the one it hashed (as any file the intact check keeps): not hashed again.
  const text = manifest ? readListed(dir, UNITS_FILE, manifest, intactCheck(dir, false)) : undefined;
  if (text === undefined) return undefined;
  return LaidOutUnits.read(text) ?? parsedUnits(text);
}

/** A units file of any layout, parsed whole; undefined when it is not JSON of the right shape. */
function parsedUnits(text: string): PreviousUnits | undefined {
  try {
    const { units, ...head } = JSON.parse(text) as UnitsFile;
    if (!isUnitsHead(head) || typeof units !== "object" || units === null) return undefined;
    const record = (id: string) => (Object.hasOwn(units, id) ? units[id] : undefined);
    return { head, record, text, from: -1, to: -1, namesText: () => undefined };
  } catch {
    return undefined;
  }
}

function isUnitsHead(head: unknown): head is Omit<UnitsFile, "units"> {
  return typeof head === "object" && head !== null && typeof (head as UnitsFile).basis === "string";
}

/**
 * A unit as this run records it: its record, and where the previous run's text (`kept`) holds its
 * line, for a unit kept (from -1: none, its line is written from the record).
 */
interface UnitEntry {
  id: string;
  record: UnitRecord;
  from: number;
  to: number;
}

/**
 * The text of the units file: JSON, its head on the first lines and then one unit a line, in the
 * order of their ids (`units` is in that order, see sortedEntries), so that a regeneration writes
 * the lines of the units it kept as they lay in the previous file (`kept`): each run of them that
 * lay together as one range of that text, not stringified again nor cut a line at a time, and a
 * diff of the file in review shows the units that changed.
 */
function unitsText(head: string, units: readonly UnitEntry[], kept: string): string {
  const parts: string[] = [];
  for (let i = 0; i < units.length; ) {
    const { id, record, from } = units[i]!;
    if (from < 0) {
      parts.push(unitLine(id, record));
      i++;
      continue;
    }
    // Kept units whose lines followed each other in the previous file (a comma and a line break apart): one range.
    let to = units[i]!.to;
    for (i++; i < units.length && units[i]!.from === to + 2; i++) to = units[i]!.to;
    parts.push(kept.slice(from, to));
  }
  return `${head.slice(0, -1)},${UNITS_OPEN}\n${parts.join(",\n")}${parts.length ? "\n" : ""}}}\n`;
}

/** Where the head line of a units file ends and its units begin. */
const UNITS_OPEN = `"units":{`;
/** How the head of a units file writes its last key, the names. */
const NAMES_KEY = `,"names":`;

function unitLine(id: string, record: UnitRecord): string {
  return `${JSON.stringify(id)}:${JSON.stringify(record)}`;
}

/**
 * A units file laid out as unitsText writes it, read without parsing the units: the head line is
 * parsed, and each unit's line is found when its unit asks, from where the line last found ended
 * (units ask in the models' order, which is the file's order of ids: the lines between are of
 * units gone), its record read where it lies in the text. A kept unit's line is then written back
 * as a range of this text (unitsText) instead of being cut out, kept by id and joined again (each
 * of those, per unit and language, was a part of a regeneration). A unit asking out of order
 * finds its line through an index of every line, made then; an id JSON escapes, in the units parsed
 * whole. A line not laid out so (a record damaged) is no record: its unit renders again.
 */
class LaidOutUnits implements PreviousUnits {
  from = -1;
  to = -1;
  /** Where the next line to look at starts; the last id asked (a later one continues from there). */
  private next: number;
  private last = "";
  /** Line starts by id, made when a unit asks out of order. */
  private index: Map<string, number> | undefined;
  /** The units parsed whole, for the ids JSON escapes (see ESCAPED). */
  private parsed: Record<string, UnitRecord> | undefined;

  private constructor(
    readonly head: Omit<UnitsFile, "units">,
    readonly text: string,
    first: number,
    /** Where the closing line (`}}`) starts: the lines end before it. */
    private readonly end: number,
  ) {
    this.next = first;
  }

  /** The file read so, or undefined when its head or its closing lines are not laid out as unitsText writes them. */
  static read(text: string): LaidOutUnits | undefined {
    const headEnd = text.indexOf("\n");
    if (headEnd < 0 || !text.startsWith(UNITS_OPEN, headEnd - UNITS_OPEN.length) || !text.endsWith("\n}}\n")) return undefined;
    const end = text.length - 3;
    if (end < headEnd + 1) return undefined;
    let head: unknown;
    try {
      head = JSON.parse(`${text.slice(0, headEnd)}}}`);
    } catch {
      return undefined;
    }
    if (!isUnitsHead(head)) return undefined;
    const { units: _none, ...rest } = head as UnitsFile;
    return new LaidOutUnits(rest, text, headEnd + 1, end);
  }

  namesText(): string | undefined {
    if (this.head.names === undefined) return undefined;
    // The head line is the head's JSON without its closing brace, a comma and `"units":{`; the names
    // are its last key. A quote inside a string is escaped, so the last `,"names":` is the key's.
    const end = this.text.indexOf("\n") - UNITS_OPEN.length - 1;
    const key = this.text.lastIndexOf(NAMES_KEY, end);
    return key < 0 ? undefined : this.text.slice(key + NAMES_KEY.length, end);
  }

  record(id: string): UnitRecord | undefined {
    this.from = -1;
    if (ESCAPED.test(id)) return this.parsedRecord(id);
    const start = id > this.last && this.index === undefined ? this.seek(id) : this.indexed(id);
    if (start < 0) return undefined;
    const text = this.text;
    const lineEnd = text.indexOf("\n", start);
    // All but the last line end with a comma.
    const last = lineEnd === this.end - 1;
    const to = last ? lineEnd : lineEnd - 1;
    if (!last && text.charCodeAt(to) !== COMMA) return undefined;
    const at = start + id.length + 3;
    let record: UnitRecord | undefined;
    try {
      record = plainRecordIn(text, at, to) ?? (JSON.parse(text.slice(at, to)) as UnitRecord);
    } catch {
      return undefined; // a damaged line: its unit renders again
    }
    this.from = start;
    this.to = to;
    return record;
  }

  /** The record of an id JSON escapes, from the units parsed whole (once; a rare id): its line is written afresh, the same text. */
  private parsedRecord(id: string): UnitRecord | undefined {
    if (this.parsed === undefined) {
      try {
        this.parsed = (JSON.parse(this.text) as UnitsFile).units ?? {};
      } catch {
        this.parsed = {};
      }
    }
    return Object.hasOwn(this.parsed, id) ? this.parsed[id] : undefined;
  }

  /** The start of `id`'s line, looking on from the line after the last one found (ids asked in order); -1 when it has none. */
  private seek(id: string): number {
    this.last = id;
    const text = this.text;
    for (let at = this.next; at < this.end; ) {
      const idEnd = keyedLine(text, at);
      const lineEnd = text.indexOf("\n", at);
      // A line of an id JSON escaped, or damaged, is not `id`'s: passed.
      if (idEnd >= 0) {
        if (idEnd - at - 1 === id.length && text.startsWith(id, at + 1)) {
          this.next = lineEnd + 1;
          return at;
        }
        // A unit gone since (a smaller id) is passed; a larger one means `id` has no line.
        if (text.slice(at + 1, idEnd) > id) return -1;
      }
      at = lineEnd + 1;
    }
    return -1;
  }

  /** The start of `id`'s line through an index of every line (made once); -1 when it has none. */
  private indexed(id: string): number {
    if (this.index === undefined) {
      this.index = new Map();
      const text = this.text;
      for (let at = text.indexOf("\n") + 1; at < this.end; at = text.indexOf("\n", at) + 1) {
        const idEnd = keyedLine(text, at);
        if (idEnd >= 0) this.index.set(text.slice(at + 1, idEnd), at);
      }
    }
    return this.index.get(id) ?? -1;
  }
}

/**
 * Where the id of the line at `at` ends (the next quote), when the line starts `"<id>":{`; else -1.
 * (An id JSON escapes may not end at the next quote: such ids are not looked for here, see ESCAPED.)
 */
function keyedLine(text: string, at: number): number {
  if (text.charCodeAt(at) !== QUOTE) return -1;
  const end = text.indexOf('"', at + 1);
  return end < 0 || text.charCodeAt(end + 1) !== COLON || text.charCodeAt(end + 2) !== BRACE ? -1 : end;
}

/**
 * Characters JSON.stringify escapes (and any surrogate, lone ones being escaped): an id without
 * them is written as it is between its quotes, so a line starting with it is its line. An id with
 * one is looked up in the units parsed whole (LaidOutUnits.parsedRecord).
 */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The record written from `at` in `line` when it is `{"key":"<key>","files":["<file>"]}` with no
 * escape in either string (most units: one file, nothing kept beside it), read without JSON.parse,
 * which, called once per unit (~8,500 on the 3 MB OpenAI spec), cost as much as parsing the file
 * whole; undefined for anything else (then parsed).
 */
export function plainRecord(line: string, at: number): UnitRecord | undefined {
  return plainRecordIn(line, at, line.length);
}

/** plainRecord for the record written from `at` to `end` in `text`. */
function plainRecordIn(text: string, at: number, end: number): UnitRecord | undefined {
  if (!text.startsWith(RECORD_KEY, at)) return undefined;
  const keyFrom = at + RECORD_KEY.length;
  const keyEnd = text.indexOf('"', keyFrom);
  if (keyEnd < 0 || keyEnd >= end || !text.startsWith(RECORD_FILES, keyEnd)) return undefined;
  const fileFrom = keyEnd + RECORD_FILES.length;
  const fileEnd = end - RECORD_END.length;
  if (fileEnd < fileFrom || !text.startsWith(RECORD_END, fileEnd) || text.indexOf('"', fileFrom) !== fileEnd) return undefined;
  const key = text.slice(keyFrom, keyEnd);
  const file = text.slice(fileFrom, fileEnd);
  return key.includes("\\") || file.includes("\\") ? undefined : { key, files: [file] };
}

const RECORD_KEY = '{"key":"';
const RECORD_FILES = '","files":["';
const RECORD_END = '"]}';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const BRACE = 0x7b;

/** A list of strings (the check each record and name list read from the units file gets). */
function strings(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  // A plain loop: run over every kept unit's files and every type name, mostly before the JIT optimizes it.
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== "string") return false;
  return true;
}

/** A record as this tool writes it (a damaged one is rendered again, never trusted). */
function wellFormed(record: UnitRecord): boolean {
  return typeof record === "object" && record !== null && typeof record.key === "string" && strings(record.files);
}

/** A type name and a variants entry for each of `count` models, as lists (the check both uses of a names record start with). */
function namesListed(names: NamesRecord, count: number): boolean {
  const { types, variants } = names;
  return strings(types) && types.length === count && Array.isArray(variants) && variants.length === count;
}

/** Type names as this tool writes them, one per model of `ir` (anything else is worked out again, never trusted). */
function namesFit(names: NamesRecord, ir: IrDocument): boolean {
  const { variants } = names;
  const models = ir.models;
  if (!namesListed(names, models.length)) return false;
  for (let i = 0; i < models.length; i++) {
    const m = models[i]!;
    const v = variants[i];
    if (m.kind === "union" ? !(strings(v) && v!.length === variantCount(m)) : v !== null) return false;
  }
  return true;
}

/**
 * The models whose type or variant names differ from those the previous run kept (`known`), or
 * undefined when it kept them without their models' ids (then none is known to be the same).
 */
function renamedFrom(known: NamesRecord, ir: IrDocument, names: TypeNames): Set<string> | undefined {
  const { types, variants } = known;
  const ids = frontDecode(known.ids);
  const fit = ids !== undefined && namesListed(known, ids.length) && variants.every((v) => v === null || strings(v));
  return fit ? renamedSince(ir, names, { types, variants }, ids) : undefined;
}

/** The text `inputs` are keyed by, or undefined when they hold what is not plain data. */
function keyText(inputs: unknown): string | undefined {
  try {
    return viewText(inputs);
  } catch {
    return undefined;
  }
}

/** `rendered`, which must be the file the caller keyed. */
function checkedPath(file: string, rendered: OutputFile): OutputFile {
  if (rendered.path !== file) throw new Error(`reuse: ${file} rendered as ${rendered.path}`);
  return rendered;
}

/**
 * A file kept as it is on disk: its hash is known; its text is read only if something asks. A
 * class, not an object literal with a getter: a regeneration keeps ~8,500 files, and each literal
 * made its own getter function on V8's slow path for defining an accessor (~4.5 ms of a one-schema
 * regeneration).
 */
class KeptFile implements OutputFile {
  // Private: a spread copy (`{ ...file }`, as Rust's tidying makes) carries no folder of its own.
  readonly #dir: string;

  constructor(
    dir: string,
    readonly path: string,
    readonly kept: string,
  ) {
    this.#dir = dir;
  }

  get contents(): string {
    return readFileSync(path.join(this.#dir, this.path), "utf8");
  }
}

/** The ids of the models of `ir`, front-coded once per models array: the languages of one thread record the same list. */
export function codedIds(ir: IrDocument): FrontCoded {
  let coded = idLists.get(ir.models);
  if (!coded) idLists.set(ir.models, (coded = frontCode(ir.models.map((m) => m.id))));
  return coded;
}

const idLists = new WeakMap<IrDocument["models"], FrontCoded>();

export interface UnitCounts {
  kept: number;
  rendered: number;
}

/**
 * What every unit of a target's folder is rendered from besides its models, as far as it is known
 * before the target renders: the run's basis for the target (its settings, templates and file
 * header, which shows the spec's title and version, and the tool's build), the spec's info and the
 * operations. When it differs from the previous run's, no unit is kept; a run can tell so before
 * rendering (previousSharedBasis) and choose its threads for a cold render. The basis of the units
 * adds what the target works out from all models itself (FolderReuse.start's `targetWide`).
 */
export function sharedBasis(runBasis: string, ir: IrDocument): string {
  return sha256([runBasis, JSON.stringify(ir.spec), operationsHash(ir.operations)].join("\n"));
}

/** A units file's first bytes as unitsText writes them: the basis, then the shared basis (64 hex digits each). */
const SHARED_HEAD = /^\{"basis":"[0-9a-f]{64}","shared":"([0-9a-f]{64})"/;
const SHARED_HEAD_BYTES = 160;

/**
 * The shared basis the previous run's units were rendered under in `dir`, read from the first bytes
 * of its units file; undefined when there is none or it does not say (a folder written by an
 * earlier release). Not checked against the manifest: it guides which threads render, never which
 * files are kept (FolderReuse compares the whole basis of a units file the manifest lists).
 */
export function previousSharedBasis(dir: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(dir, UNITS_FILE), "r");
    const head = Buffer.alloc(SHARED_HEAD_BYTES);
    const read = readSync(fd, head, 0, SHARED_HEAD_BYTES, 0);
    return SHARED_HEAD.exec(head.toString("latin1", 0, read))?.[1];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reuse of one target folder's previous output; `basis` hashes the run's settings, templates and tool build for this target. */
export class FolderReuse implements Reuse {
  /** The units in the order they rendered or were kept; `sorted`: in the order of their ids, each once. */
  private readonly units: UnitEntry[] = [];
  private sorted = true;
  private fileRecords = new Map<string, UnitRecord>();
  private basis: string | undefined;
  private shared: string | undefined;
  private typeNames: NamesRecord | undefined;
  /** The JSON of `typeNames` as the previous units file wrote it, when they are its names (reused as they were read). */
  private typeNamesText: string | undefined;
  private previousRun: { manifest: Manifest | undefined; units: PreviousUnits | undefined } | undefined;
  /** The table `names` made, and the models whose names are not the previous run's (undefined: all of them). */
  private named: { table: NameTable; renamed: ReadonlySet<string> | undefined } | undefined;
  /** The key of a unit (by model id), once `start` has run. */
  private keyOf: ((id: string) => string | undefined) | undefined;
  /** How many units were kept and rendered (for tests and --timings). */
  readonly counts: UnitCounts = { kept: 0, rendered: 0 };

  constructor(
    private readonly dir: string,
    private readonly runBasis: string,
  ) {}

  /** The files the folder's manifest lists as this run found it (read once, shared with the writer's plan). */
  ownedFiles(): Record<string, string> {
    return this.previous().manifest?.files ?? {};
  }

  /** The fingerprint of the manifest as this run found it (undefined: none, or one without inputs). */
  ownedFingerprint(): string | undefined {
    const inputs = this.previous().manifest?.inputs;
    return typeof inputs?.fingerprint === "string" ? inputs.fingerprint : undefined;
  }

  /** The manifest and units file of the previous run, read once. */
  private previous(): { manifest: Manifest | undefined; units: PreviousUnits | undefined } {
    if (!this.previousRun) {
      const manifest = prefetchedManifest(this.dir) ?? readManifest(this.dir);
      this.previousRun = { manifest, units: readUnits(this.dir, manifest) };
    }
    return this.previousRun;
  }

  /**
   * The target's names: its type names are the previous run's when everything they are worked out
   * from is unchanged (the naming inputs of the IR, and the tool build and settings, which hold the
   * rules), else named afresh; the same table either way.
   */
  names(ir: IrDocument, rules: NamingRules): NameTable {
    const inputs = sha256(`${this.runBasis}\n${namingInputsHash(ir)}`);
    const known = this.previous().units?.head.names;
    const reused = known?.inputs === inputs && namesFit(known, ir) ? known : undefined;
    const typeNames: TypeNames = reused ?? typeNamesOf(ir, rules);
    // The ids are among the naming inputs: names reused come with the ids they were worked out for.
    const ids = reused?.ids ?? codedIds(ir);
    this.typeNames = { inputs, types: typeNames.types, variants: typeNames.variants, ids };
    // Names reused are written back as the previous file held them (the same JSON: ~2,700 names, not stringified again).
    this.typeNamesText = reused && sameKeys(reused, NAMES_RECORD_KEYS) ? this.previous().units?.namesText() : undefined;
    const table = assignNames(ir, rules, typeNames);
    this.named = { table, renamed: reused ? new Set() : known && renamedFrom(known, ir, typeNames) };
    return table;
  }

  start(ir: IrDocument, names: NameTable, targetWide?: unknown): UnitRenderer {
    const shared = sharedBasis(this.runBasis, ir);
    const basis = sha256(`${shared}\n${JSON.stringify(targetWide ?? null)}`);
    this.shared = shared;
    this.basis = basis;
    // Worked out when first needed: to compare a unit with its previous record, or to record the
    // units at the end (output). A first run has no record to compare, so on the render worker
    // the main thread's keys (adoptKeyGraph) have usually arrived by then.
    let keys: ReadonlyMap<string, string> | undefined;
    const keyOf = (id: string) => (keys ??= unitKeys(ir)).get(id);
    this.keyOf = keyOf;
    // A model's file also shows the names of what it reaches: kept only if none of those changed.
    // (Names not made by `names` above are not known to be the previous run's: every file renders.)
    const renamed = this.named?.table === names ? this.named.renamed : undefined;
    const renamedReach = renamed ? reachingRenamed(ir, renamed) : undefined;
    const { manifest, units: previous } = this.previous();
    const owned = manifest?.files;
    const intact = previous?.head.basis === basis && owned ? intactCheck(this.dir) : undefined;
    const keep = (record: UnitRecord | undefined, key: string | undefined): OutputFile[] | undefined => {
      if (!record || !intact || key === undefined || !wellFormed(record) || record.key !== key) return undefined;
      const files: OutputFile[] = [];
      for (let i = 0; i < record.files.length; i++) {
        const file = record.files[i]!;
        const hash = owned![file];
        if (hash === undefined || !intact(file, hash)) return undefined;
        files.push(new KeptFile(this.dir, file, hash));
      }
      return files;
    };
    const previousFiles = previous?.head.files ?? {};
    return {
      file: (file: string, inputs: unknown, render: () => OutputFile): OutputFile => {
        const text = keyText(inputs);
        // Inputs that are not plain data cannot be compared: the file renders every time, unrecorded.
        if (text === undefined) return checkedPath(file, render());
        const key = sha256(text);
        const record = Object.hasOwn(previousFiles, file) ? previousFiles[file] : undefined;
        const kept = record?.files?.length === 1 && record.files[0] === file ? keep(record, key)?.[0] : undefined;
        this.fileRecords.set(file, { key, files: [file] });
        return kept ?? checkedPath(file, render());
      },
      unit: <S>(id: string, render: () => RenderedUnit<S>): RenderedUnit<S> => {
        const record = renamedReach && !renamedReach.has(id) ? previous?.record(id) : undefined;
        const kept = record && keep(record, keyOf(id));
        if (kept) {
          this.counts.kept++;
          // Its line is written back from where the previous file holds it.
          this.add({ id, record: record!, from: previous!.from, to: previous!.to });
          return { files: kept, ...(record!.side !== undefined ? { side: record!.side as S } : {}) };
        }
        this.counts.rendered++;
        const rendered = render();
        // Its key ("" until then) is filled in by output().
        const made = { key: "", files: rendered.files.map((f) => f.path), ...(rendered.side !== undefined ? { side: rendered.side } : {}) };
        this.add({ id, record: made, from: -1, to: -1 });
        return rendered;
      },
    };
  }

  private add(unit: UnitEntry): void {
    const last = this.units[this.units.length - 1];
    if (last !== undefined && !(unit.id > last.id)) this.sorted = false;
    this.units.push(unit);
  }

  /** The file recording this run's units for the next run (none when the target rendered no units). */
  output(): OutputFile[] {
    if (this.basis === undefined) return [];
    const units: UnitEntry[] = [];
    const all = this.sorted ? this.units : sortedEntries(this.units);
    for (let i = 0; i < all.length; i++) {
      const unit = all[i]!;
      if (unit.record.key === "") {
        const key = this.keyOf!(unit.id);
        // A unit that is no model of the IR has no key: not recorded (it renders again next time).
        if (key === undefined) continue;
        unit.record.key = key;
      }
      units.push(unit);
    }
    // The basis and the shared basis first, as previousSharedBasis reads them.
    const head: Omit<UnitsFile, "units"> = {
      basis: this.basis,
      shared: this.shared,
      ...(this.fileRecords.size ? { files: sortedRecord(this.fileRecords) } : {}),
    };
    // The names last: JSON.stringify would write them there too.
    const names = this.typeNamesText ?? (this.typeNames ? JSON.stringify(this.typeNames) : undefined);
    const headText = names === undefined ? JSON.stringify(head) : `${JSON.stringify(head).slice(0, -1)}${NAMES_KEY}${names}}`;
    // Encoded once, hashed and written as those bytes: hashing the ~0.5 MB text and writing it
    // encoded it twice, each time into fresh memory.
    const contents = unitsText(headText, units, this.previous().units?.text ?? "");
    return [{ path: UNITS_FILE, contents, encoded: Buffer.from(contents, "utf8") }];
  }
}

/** The keys a names record is written with, in order (a record read back with others is stringified again). */
const NAMES_RECORD_KEYS = ["inputs", "types", "variants", "ids"];

function sameKeys(o: object, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
}

/** Units that did not come in the order of their ids: each once (with its last record), sorted by id. */
function sortedEntries(units: readonly UnitEntry[]): UnitEntry[] {
  const byId = new Map<string, UnitEntry>();
  for (let i = 0; i < units.length; i++) byId.set(units[i]!.id, units[i]!);
  return sortedKeys(byId).map((id) => byId.get(id)!);
}

/**
 * The keys of `records` in sorted order. Units come in the models' order, which is usually sorted
 * already: then the keys are not sorted again.
 */
function sortedKeys(records: ReadonlyMap<string, unknown>): string[] {
  const keys = [...records.keys()];
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! <= keys[i]!;
  if (!sorted) keys.sort();
  return keys;
}

/** The records by key in sorted order, as a plain object. */
function sortedRecord(records: ReadonlyMap<string, UnitRecord>): Record<string, UnitRecord> {
  const out: Record<string, UnitRecord> = {};
  for (const k of sortedKeys(records)) out[k] = records.get(k)!;
  return out;
}
