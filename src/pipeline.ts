// The one direction of the tool: load -> ir -> targets -> render -> emit (write), scheduled on threads/.
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SpecSet, type ReadSource } from "./load/loader.js";
import { KeptBytes } from "./load/read-text.js";
import { readSpecFile, TextBytes } from "./load/scanned-text.js";
import { LeafCacheFile } from "./load/leaf-cache.js";
import type { LeafStore } from "./load/chunked-yaml.js";
import type { TextChange, TextHistory } from "./load/parse-source.js";
import { RootTextHistory, SpecTextFile } from "./load/spec-text-cache.js";
import { sha256 } from "./common/hash.js";
import { CacheFile, cacheFilePath, hasCachesOf, removeCachesOf } from "./common/cache-files.js";
import { SpecError, UsageError } from "./common/errors.js";
import { normalizeWith, type IncrementalOptions } from "./ir/normalize/index.js";
import type { NormalizeState } from "./ir/normalize/incremental/walk.js";
import { ALL_MODELS, type ModelSwitches } from "./ir/normalize/operations.js";
import { applyOverlays, type OverlayWarning } from "./load/overlay.js";
import { applyRenames, type RenameSettings } from "./ir/customize/rename.js";
import { selectModels } from "./ir/customize/select.js";
import { resolveModelMap, type ModelMapSetting, type ResolvedModelMap } from "./ir/customize/model-map.js";
import type { IrDocument } from "./ir/types.js";
import { TARGETS } from "./targets/registry.js";
import type { PresencePolicy, Target } from "./targets/target.js";
import { startRenderer, type Renderer } from "./threads/render-all.js";
import { keptShareOf } from "./threads/kept-share.js";
import { nextTurn } from "./threads/job-queue.js";
import type { OutputJob } from "./emit/output-job.js";
import { UNITS_FILE, type UnitCounts } from "./emit/reuse.js";
import { recoverInterruptedSwap, type ChangeSet } from "./emit/writer.js";
import { IR_SNAPSHOT_FILE, listedSnapshotHash, MANIFEST_FILE, readIrSnapshot, readManifest, snapshotFileOf } from "./emit/manifest.js";
import { snapshotAgainst, snapshotIr, snapshotText, summarizeAgainstPrevious } from "./diff/snapshot.js";
import { ELEMENT_HASHES_KIND, ElementHashesFile } from "./emit/element-hashes.js";
import { readSnapshotText } from "./diff/snapshot-text.js";
import { shareKeyGraph } from "./emit/unit-keys.js";
import { judgesFor } from "./diff/compat.js";
import type { DiffResult, SeverityOverrides } from "./diff/index.js";
import { fingerprint, intactCheck, isUpToDate, specHash, type SpecHashes } from "./emit/fingerprint.js";
import { Timings } from "./timings.js";
import { acquireLock, LockTimeout } from "./emit/lock.js";
import { forgetStats, prefetchedManifest, prefetchStats, wantsStatWorker, type ReadAhead } from "./emit/stat-prefetch.js";
import { loadNow } from "./common/cpu-load.js";
import { readAheadTaken } from "./common/read-ahead.js";
import { templateFiles } from "./render/templates.js";
import { liftHeapBound, restoreHeapBound } from "./threads/heap-settings.js";

export const TOOL_VERSION = "0.1.0";

/**
 * Everything besides the spec that decides the IR: which classes of models, the overlays applied
 * before normalizing (absolute paths, in order), renames, and the include/exclude selection.
 */
export interface IrShape {
  models: ModelSwitches;
  overlays: string[];
  rename: RenameSettings;
  include: string[];
  exclude: string[];
  /** Models replaced by the user's types per language (`map:`): checked against the models, never changing the IR. */
  map: ModelMapSetting;
}

const DEFAULT_SHAPE: IrShape = { models: ALL_MODELS, overlays: [], rename: {}, include: [], exclude: [], map: {} };

export function buildIr(specPath: string, shape: Partial<IrShape> = {}, timings = new Timings()): IrDocument {
  return readSpecIr(specPath, shape, timings).ir;
}

/** Reads spec files from disk (`readSpecIr`'s default; a git commit is another ReadSource). */
export const readFromDisk: ReadSource = readSpecFile;

/**
 * The disk, telling `onRead` of each file before reading it (so a file that fails to read is reported
 * too); a file the up-to-date check read is decoded from the bytes it hashed.
 */
function diskReader(onRead: ((absPath: string) => void) | undefined, kept: KeptBytes): ReadSource {
  return (file) => {
    onRead?.(file);
    return new TextBytes(kept.take(file));
  };
}

export interface SpecIr {
  ir: IrDocument;
  /** Absolute paths of every spec file read for it, then every overlay file. */
  specFiles: string[];
  /** Overlay actions that matched nothing. */
  warnings: OverlayWarning[];
  /** The `map` setting resolved to model ids, per language. */
  mapped: ResolvedModelMap;
  /** What the normalizer recorded for the next run (only when asked to walk incrementally, and the spec allows it). */
  normalizeState?: NormalizeState;
  /** The bytes each overlay file was read as (the spec files' are the reader's: KeptBytes). */
  overlayBytesOf: (absPath: string) => Uint8Array | undefined;
}

/** Load (every file of the spec), apply the overlays, normalize, select, rename. */
export function readSpecIr(
  specPath: string,
  shape: Partial<IrShape> = {},
  timings = new Timings(),
  readText: ReadSource = readFromDisk,
  leaves?: LeafStore,
  /** Asked for once the spec is loaded (the previous state is read then). */
  incremental?: () => IncrementalOptions,
  history?: (absPath: string, bytes: Uint8Array) => TextHistory | undefined,
): SpecIr {
  const s = { ...DEFAULT_SHAPE, ...shape };
  const specs = timings.measure("load", () => new SpecSet(specPath, readText, leaves, history));
  const change = specs.root.changed;
  if (change) timings.note(changeNote(specs.root, change));
  // Overlays change the documents' values (every file's): what is saved of their text is taken before.
  if (s.overlays.length && leaves) {
    specs.loadReferencedFiles();
    leaves.settle();
  }
  const warnings = timings.measure("overlays", () => applyOverlays(specs, s.overlays));
  const since = incremental?.();
  const normalized = timings.measure("normalize", () => normalizeWith(specs, { models: s.models }, since));
  const { ir: full, state, reusedRoots, reusedFrames } = normalized;
  if (reusedRoots !== undefined) {
    const frames = reusedFrames ? `, and of ${reusedFrames} schemas inside the roots built again` : "";
    timings.note(`normalize: the models of ${reusedRoots} roots reused from the previous run${frames}`);
  }
  // Renames and mappings are checked against every model (one of a model the selection leaves out is fine).
  applyRenames(full, s.rename);
  const mapped = resolveModelMap(full, s.map);
  const selected = selectModels(full, { include: s.include, exclude: s.exclude });
  const ir = applyRenames(selected, s.rename, { skipMissing: true });
  const specFiles = [...specs.documents().map((d) => d.absPath), ...specs.overlayFiles()];
  const overlayBytesOf = (absPath: string) => specs.overlayBytesOf(absPath);
  return { ir, specFiles, warnings, mapped, overlayBytesOf, ...(state ? { normalizeState: state } : {}) };
}

/** What --timings says of the root document's text against the previous run's. */
function changeNote(root: SpecSet["root"], change: TextChange): string {
  const outline = change.carried ? "its outline carried over" : "outlined afresh";
  const { from, to, shift } = change;
  if (from === to && shift === 0) return `load: the spec's text is the previous run's; ${outline}`;
  const where = from === to ? `at line ${root.lineCol(from).line}` : `in lines ${root.lineCol(from).line}-${root.lineCol(to - 1).line}`;
  const sizes = `${to - from} characters in place of ${to - from - shift}`;
  return `load: the spec's text differs from the previous run's ${where} (${sizes}); ${outline}`;
}

export interface GenerateRequest {
  spec: string;
  /** How the spec is named in file headers: a path relative to the project, the same on every machine. */
  specLabel: string;
  langs: readonly string[];
  out: string;
  presence: PresencePolicy;
  targetOptions: Record<string, Record<string, unknown>>;
  /** What decides the IR besides the spec (model switches, overlays, renames, selection; defaults when absent). */
  shape?: Partial<IrShape>;
  /** A folder of the user's templates overriding the built-in ones (absolute). */
  templates?: string;
  mode: "write" | "check" | "dry-run";
  /** Per-check severity overrides for the summary of model changes (config `diff.severity`). */
  diffSeverity?: SeverityOverrides;
  timings?: Timings;
  /**
   * Told the absolute path of every spec file the run reads or hashes, before reading it (so a file
   * that fails to read is reported too): what a watcher must watch.
   */
  onRead?: (absPath: string) => void;
  /** A folder for caches that make the next run faster (they never change a result); none when absent. */
  cacheDir?: string;
  /** false: no summary of model changes is worked out (GenerateOptions.summarizeChanges). */
  summarizeChanges?: boolean;
}

export interface TargetOutcome {
  target: string;
  dir: string;
  models: number;
  changes: ChangeSet;
  /** Nothing was regenerated: the folder already matched its inputs. */
  upToDate: boolean;
  /** How many models' files were kept from the previous run and how many rendered (absent when up to date). */
  units?: UnitCounts;
}

export function headerLines(ir: IrDocument, specLabel: string): string[] {
  const about = [ir.spec.title, ir.spec.version].filter(Boolean).join(" ");
  return [
    `Generated by openapi-modelgen ${TOOL_VERSION} from ${specLabel}${about ? ` (${about})` : ""}.`,
    "Do not edit by hand: change the spec and run `npm run generate`.",
  ];
}

export interface GenerateResult {
  /** Absent when every target was already up to date (nothing was parsed). */
  ir?: IrDocument;
  outcomes: TargetOutcome[];
  /** What changed in the models since the previous generation (absent when nothing did, or on a first run). */
  changesSincePrevious?: string;
  /** The same, as the diff's structured result. */
  changes?: DiffResult;
  /** Overlay actions that matched nothing. */
  warnings?: OverlayWarning[];
  /** Why the run's caches were removed and the run made again without them (see generateAll). */
  cachesDiscarded?: string;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // the loader reports the missing file
  }
}

/**
 * Everything that decides one target's output besides the files it read (those are hashed on
 * their own). Paths are relative to the output folder, so the fingerprint is the same on every
 * machine with the same layout.
 */
function settingsOf(req: GenerateRequest, lang: string): unknown {
  const settings: Record<string, unknown> = {
    lang,
    specLabel: req.specLabel,
    presence: req.presence,
    options: req.targetOptions[lang] ?? {},
  };
  const dir = path.join(req.out, lang);
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join("/");
  const shape = req.shape ?? {};
  if (shape.models) settings.models = shape.models;
  if (shape.overlays?.length) settings.overlays = shape.overlays.map(rel);
  if (shape.rename && Object.keys(shape.rename).length) settings.rename = shape.rename;
  if (shape.include?.length) settings.include = shape.include;
  if (shape.exclude?.length) settings.exclude = shape.exclude;
  if (shape.map && Object.keys(shape.map).length) settings.map = shape.map;
  // The override files' names: a template added to the folder changes the fingerprint (their contents are hashed with the spec files).
  if (req.templates) settings.templates = { dir: rel(req.templates), files: templateFiles(req.templates, lang) };
  return settings;
}

/**
 * What every file of a target is rendered from besides the IR: the tool build (code and built-in
 * templates), the target's settings, the header and the user's template files for it. The render
 * cache keeps no model's files when this changed (src/emit/reuse.ts).
 */
function renderBasis(req: GenerateRequest, lang: string, overrides: string[], header: string[], known: SpecHashes): string {
  const dir = path.join(req.out, lang);
  const own = req.templates ? overrides.filter((f) => f.startsWith(path.join(req.templates!, lang) + path.sep)) : [];
  const rel = own.map((f) => path.relative(dir, f).split(path.sep).join("/"));
  return fingerprint(dir, rel, { settings: settingsOf(req, lang), header }, known) ?? "a template file is missing";
}

/**
 * Renders every chosen target in memory first; only then touches the disk, one target at a time.
 * When every target's folder was generated from the same inputs and is intact, does nothing.
 */
export async function generateAll(req: GenerateRequest): Promise<GenerateResult> {
  // One run at a time per output folder; a second waits (or fails clearly), never mixes its files in.
  const lock = await acquireLock(req.out);
  try {
    return await generateLocked(req);
  } catch (error) {
    if (!req.cacheDir || !isOwnFault(error) || !hasCachesOf(req.cacheDir, req.spec)) throw error;
    // A cache passes its checksum yet this build cannot use it (edited with its checksum made again,
    // or written by a bug): it costs the run its speed, never its result. The run starts again
    // without it, and writes the caches afresh; a failure that was not the cache's fails again.
    await removeCachesOf(req.cacheDir, req.spec);
    const result = await generateLocked(req);
    return { ...result, cachesDiscarded: String((error as Error)?.message ?? error) };
  } finally {
    lock.release();
  }
}

/** An error that is a fault of the tool's (what the CLI reports as an internal error), not of the spec, the settings or the machine. */
function isOwnFault(error: unknown): boolean {
  const system = error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";
  return !(error instanceof SpecError || error instanceof UsageError || error instanceof LockTimeout || system);
}

async function generateLocked(req: GenerateRequest): Promise<GenerateResult> {
  const timings = req.timings ?? new Timings();
  const chosen = TARGETS.filter((t) => req.langs.includes(t.name));
  const dirOf = (lang: string) => path.join(req.out, lang);
  for (const t of chosen) recoverInterruptedSwap(dirOf(t.name));
  const specHashes: SpecHashes = {};
  // The spec's bytes the check hashes are the ones the load parses (read from disk once).
  const kept = new KeptBytes();
  const manifests = new Map(chosen.map((t) => [t.name, readManifest(dirOf(t.name))]));
  const fresh = timings.measure("up-to-date check", () =>
    chosen
      .filter((t) => isUpToDate(dirOf(t.name), settingsOf(req, t.name), specHashes, manifests.get(t.name), kept.read))
      .map((t) => t.name),
  );
  // The check hashed the spec files each manifest lists: those are the files this run depends on.
  for (const file of Object.keys(specHashes)) req.onRead?.(file);
  if (fresh.length === chosen.length) return { outcomes: chosen.map((t) => upToDateOutcome(t.name, dirOf(t.name))) };
  // A folder generated from the same inputs and intact would render to the same bytes: only the
  // others render (a setting of one language changed, or one folder was edited).
  const stale = chosen.filter((t) => !fresh.includes(t.name));
  const names = stale.map((t) => t.name);
  const specBytes = sizeOf(req.spec);
  // A first run starts the worker before the spec is parsed, so its start-up overlaps the parse. A
  // regeneration (every folder has a previous run's output) chooses once it knows how much of the
  // IR changed: when almost nothing did, one thread is faster (see startRenderer).
  const regenerating = stale.every((t) => existsSync(path.join(dirOf(t.name), MANIFEST_FILE)));
  let renderer: Renderer | undefined = regenerating ? undefined : startRenderer(names, specBytes);
  if (regenerating) liftHeapBound();
  const rendererFor = (keptShare: number | undefined): Renderer => (renderer ??= startRenderer(names, specBytes, keptShare));
  // The files a regeneration may keep are stat'ed by a worker while the spec is read, when a core is free for it (stat-prefetch.ts).
  const statsKnown = prefetchStats(
    regenerating
      ? stale.flatMap((t) => {
          const manifest = manifests.get(t.name);
          return manifest ? [{ dir: dirOf(t.name), manifest }] : [];
        })
      : [],
    // Only a regeneration has files to stat: the load is read only then.
    regenerating && wantsStatWorker(process.env.MODELGEN_WORKERS, loadNow(), os.availableParallelism()),
    regenerating ? readsAhead(req, chosen.map((t) => dirOf(t.name)), stale.map((t) => dirOf(t.name))) : undefined,
  );
  try {
    const result = await generateWith(rendererFor, req, chosen, stale, regenerating, timings, specHashes, statsKnown, kept);
    const rendered = new Map(result.outcomes.map((o) => [o.target, o]));
    return { ...result, outcomes: chosen.map((t) => rendered.get(t.name) ?? upToDateOutcome(t.name, dirOf(t.name))) };
  } finally {
    renderer?.close();
    forgetStats();
    restoreHeapBound();
  }
}

/**
 * What a regeneration reads of its previous run once the spec is parsed, for the stat worker to
 * read ahead (stat-prefetch.ts): the normalizer's state first, then the IR snapshot previousSnapshot
 * reads first, the snapshot's element hashes, and each stale folder's units (~9 MB on the 3 MB spec).
 */
function readsAhead(req: GenerateRequest, chosen: readonly string[], stale: readonly string[]): ReadAhead {
  const cache = (kind: string) => (req.cacheDir ? [path.resolve(cacheFilePath(req.cacheDir, kind, req.spec))] : []);
  const state = cache(NORMALIZE_STATE_KIND);
  const elements = cache(ELEMENT_HASHES_KIND);
  const snapshot = chosen.length ? [path.resolve(chosen[0]!, IR_SNAPSHOT_FILE)] : [];
  const units = stale.map((dir) => path.resolve(dir, UNITS_FILE));
  return { first: state, afterStats: [...snapshot, ...elements, ...units], checked: [...state, ...elements] };
}

/**
 * The first folder's IR snapshot that reads (each is ~3 MB of JSON on a large spec, so the others
 * are not parsed), with the sha256 its folder's manifest lists for it.
 */
function previousSnapshot(dirs: string[]): { snapshot: unknown; sha256?: string } {
  for (const dir of dirs) {
    // The manifest this run read already, when it did (stat-prefetch.ts): ~0.3 MB of JSON less to parse.
    const manifest = prefetchedManifest(dir) ?? readManifest(dir);
    // A snapshot older than the manifest is the one it hashed (fingerprint.ts, intactCheck): read without hashing its megabytes.
    const snapshot = readIrSnapshot(dir, manifest, readSnapshotText, intactCheck(dir, false));
    if (snapshot !== undefined) return { snapshot, sha256: listedSnapshotHash(manifest) };
  }
  return { snapshot: undefined };
}

/**
 * The caches of one run: the spec's YAML leaves, its text as the previous run read it, the
 * normalizer's state, the IR snapshot's content hashes (none changes a result).
 */
interface RunCaches {
  leaves: LeafCacheFile;
  text: RootTextHistory;
  incremental: () => IncrementalOptions;
  elements: ElementHashesFile;
  save(state: NormalizeState | undefined): Promise<void>;
}

const NORMALIZE_STATE_FORMAT = "2";
const NORMALIZE_STATE_KIND = "normalize-state";

function openCaches(dir: string, spec: string, timings: Timings, specHashes: SpecHashes): RunCaches {
  const leaves = timings.measure("load", () => LeafCacheFile.open(dir, spec));
  // The text's sha256 is the fingerprint's (the up-to-date check hashed the bytes it kept for the load,
  // as read: specHash); else the bytes given, the ones parsed (textBytesOf's, so the same hash).
  const idOf = (file: string, bytes: Uint8Array) => specHashes[file] ?? sha256(bytes);
  const text = new RootTextHistory(new SpecTextFile(dir, spec), path.resolve(spec), idOf);
  const stateFile = new CacheFile(dir, NORMALIZE_STATE_KIND, spec);
  const basis = fingerprint(dir, [], "normalize") ?? "";
  return {
    leaves,
    text,
    // Its bytes, read once the spec is parsed (the stat worker may have read them by then): each
    // root's record is parsed when that root runs, and its line written back from them (incremental/walk.ts).
    incremental: () => {
      const previous = timings.measure("previous normalize state", () => stateFile.readBytes(NORMALIZE_STATE_FORMAT));
      return { basis, previous };
    },
    elements: new ElementHashesFile(dir, spec, fingerprint(dir, [], "snapshot elements") ?? ""),
    // Text (a line per root): only the next run reads it.
    save: (state) =>
      Promise.all([
        leaves.save(),
        text.save(),
        state ? stateFile.writeBytes(NORMALIZE_STATE_FORMAT, state.parts) : undefined,
      ]).then(() => undefined),
  };
}

/** A folder that already matched its inputs: every file it owns is unchanged. */
function upToDateOutcome(target: string, dir: string): TargetOutcome {
  const owned = [...Object.keys(readManifest(dir)?.files ?? {}), MANIFEST_FILE].sort();
  return { target, dir, models: 0, changes: { added: [], changed: [], deleted: [], unchanged: owned }, upToDate: true };
}

/** Renders `stale` (some of `chosen`); the summary of model changes judges every chosen language, as when all render. */
async function generateWith(
  rendererFor: (keptShare: number | undefined) => Renderer,
  req: GenerateRequest,
  chosen: readonly Target[],
  stale: readonly Target[],
  regenerating: boolean,
  timings: Timings,
  specHashes: SpecHashes,
  statsKnown: Promise<unknown>,
  kept: KeptBytes,
): Promise<GenerateResult> {
  const dirOf = (lang: string) => path.join(req.out, lang);
  // Only a regeneration keeps caches: a first run would pay for them (~0.2 s of CPU and ~25 MB at its
  // peak, on the 3 MB spec) before any run could use them; the first regeneration writes them.
  const caches = req.cacheDir && regenerating ? openCaches(req.cacheDir, req.spec, timings, specHashes) : undefined;
  const {
    ir,
    specFiles: read,
    warnings,
    mapped,
    normalizeState,
    overlayBytesOf,
  } = readSpecIr(req.spec, req.shape ?? {}, timings, diskReader(req.onRead, kept), caches?.leaves, caches?.incremental, caches?.text.of);
  // Saved in the turns of the event loop the run gives (before it renders, between two targets, at
  // the end, or waiting for the worker): each step of the writes in the thread pool, off the way of
  // the run (job-queue.ts, nextTurn).
  const cacheSaved = caches && new Promise<void>((done) => setImmediate(() => void caches.save(normalizeState).then(done)));
  const overrides = req.templates
    ? chosen.flatMap((t) => templateFiles(req.templates!, t.name).map((f) => path.join(req.templates!, t.name, f)))
    : [];
  const specFiles = [...read, ...overrides];
  const header = headerLines(ir, req.specLabel);
  const settings = {
    header,
    presence: req.presence,
    targetOptions: req.targetOptions,
    mapped,
    ...(req.templates ? { templates: req.templates } : {}),
  };
  const { snapshot: previous, sha256: previousSha256 } = previousSnapshot(chosen.map((t) => dirOf(t.name)));
  // The snapshot's text is made, and compared with the previous one's, before the renderer is chosen;
  // with no previous one, it is made after the render worker has its share (which gets it then, see Provision).
  const against =
    previous === undefined
      ? undefined
      : timings.measure("changes since previous", () => snapshotAgainst(ir, previous, caches?.elements.read(previousSha256)));
  const early = against && snapshotFileOf(against.text);
  // The next run takes the elements of the models it leaves unchanged (emit/element-hashes.ts).
  const elementsSaved = early && caches?.elements.write(early.sha256, ir.models);
  // The bytes the load parsed (KeptBytes.bytesOf) and the overlays' as read; the template overrides from the disk.
  const parsedBytes = (f: string) => kept.bytesOf(f) ?? overlayBytesOf(f) ?? readFileSync(f);
  for (const file of specFiles) specHash(file, specHashes, parsedBytes);
  const jobs: OutputJob[] = stale.map((t) => ({
    target: t.name,
    dir: dirOf(t.name),
    settings: settingsOf(req, t.name),
    specFiles,
    specHashes,
    ...(early ? { snapshot: early } : {}),
    renderBasis: renderBasis(req, t.name, overrides, header, specHashes),
  }));
  const same = against?.same;
  const renderer = rendererFor(keptShareOf(ir, jobs, same));
  // Told whether it writes, so each target is staged (and its text freed) as soon as it is rendered.
  // On a first run the worker works out the unit keys and hands them back: the main thread, which
  // made the IR, finishes last (~40 ms moved to the worker, otherwise idle until the IR came).
  const keysFromWorker = !regenerating;
  renderer.dispatch(ir, settings, jobs, req.mode === "write", keysFromWorker);
  // Worked out here while the worker takes in the IR, and handed to it: its keys in a regeneration, the snapshot.
  if (renderer.parallel && !keysFromWorker) renderer.provide({ kind: "keys", graph: shareKeyGraph(ir) });
  if (!early) {
    const snapshot = snapshotFileOf(snapshotText(snapshotIr(ir)));
    for (const job of jobs) job.snapshot = snapshot;
    renderer.provide({ kind: "snapshot", snapshot });
  }
  const summarize = () =>
    summarizeAgainstPrevious(previous, ir, {
      judges: judgesFor(chosen, req.targetOptions),
      ...(same ? { same } : {}),
      ...(req.diffSeverity ? { severity: req.diffSeverity } : {}),
    });
  const since = req.summarizeChanges === false ? undefined : timings.measure("changes since previous", summarize);
  // A turn of the event loop first: the caches' saving starts (cacheSaved), and the stats' answer is taken when it has arrived.
  await nextTurn();
  await timings.measureAsync("stats of kept files", () => statsKnown);
  const results = await renderer.run(ir, settings, jobs, req.mode === "write", timings);
  await cacheSaved;
  await elementsSaved;
  for (const [target, r] of results)
    timings.note(`${target}: ${r.units.kept} of ${r.units.kept + r.units.rendered} models kept from the previous run`);
  const ahead = readAheadTaken();
  const aheadMb = (ahead.bytes / 1e6).toFixed(1);
  if (ahead.files) timings.note(`read ahead: ${ahead.files} files of the previous run (${aheadMb} MB) read by the stat worker`);
  const outcomes = jobs.map((job) => ({
    target: job.target,
    dir: job.dir,
    models: ir.models.length,
    changes: results.get(job.target)!.changes,
    units: results.get(job.target)!.units,
    upToDate: false,
  }));
  const result: GenerateResult = since ? { ir, outcomes, changesSincePrevious: since.text, changes: since.result } : { ir, outcomes };
  return warnings.length ? { ...result, warnings } : result;
}
