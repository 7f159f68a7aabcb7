// `generate()`: every chosen job, spec -> IR -> each language's folder, as a structured result
// (the CLI prints it; the library returns it). Errors are thrown: SpecError (located), UsageError,
// LockTimeout.
import { generateAll, type TargetOutcome } from "../pipeline.js";
import { builtInTemplatesDir } from "../render/templates.js";
import type { DiffResult } from "../diff/index.js";
import type { Degradation, IrDocument, Model } from "../ir/types.js";
import { now, Timings } from "../timings.js";
import { UsageError } from "../common/errors.js";
import { InputSet } from "./inputs.js";
import type { OverlayWarning } from "../load/overlay.js";
import { resolveJobs, type JobOverrides } from "./jobs.js";
import { openProject, type ProjectOptions } from "./project.js";
import { cacheFolder } from "../common/cache-files.js";
import path from "node:path";

export type GenerateMode = "write" | "check" | "dry-run";
const MODES: readonly GenerateMode[] = ["write", "check", "dry-run"];

export interface GenerateOptions extends ProjectOptions, JobOverrides {
  /** "write" (default); "check": write nothing and say what is stale; "dry-run": write nothing. */
  mode?: GenerateMode;
  /**
   * Where to keep what makes the next run faster (it never changes a result), relative to `cwd`;
   * `false` for nowhere. Default: `MODELGEN_CACHE_DIR`, else node_modules/.cache/openapi-modelgen of
   * the project around `cwd` (none without a node_modules folder); `MODELGEN_CACHE=off` turns it off.
   */
  cacheDir?: string | false;
  /**
   * `false` for a run whose summary of model changes nobody reads (the CLI's --quiet): then the
   * results carry no `changes` nor `changesSummary`, and the run is spared working them out. Default true.
   */
  summarizeChanges?: boolean;
}

/** One language's folder after a run (under check/dry-run: what a write would do). Paths are relative to `dir`. */
export interface LanguageResult {
  lang: string;
  /** Absolute path of `<out>/<lang>/`. */
  dir: string;
  /** The folder already matched its inputs: nothing was parsed or written. */
  upToDate: boolean;
  /** Files added or changed (`added` + `changed`). */
  written: string[];
  added: string[];
  changed: string[];
  /** Files left as they were (their mtime is kept). */
  unchanged: string[];
  /** Files the generator owned and no longer produces. */
  deleted: string[];
}

export interface JobResult {
  /** The job's name (config `jobs`); absent when the config has no jobs. */
  name?: string;
  /** Absolute path of the root spec file. */
  spec: string;
  /** Absolute output folder. */
  out: string;
  /** Every language folder already matched its inputs (then `ir`, `models` and `report` are absent: nothing was parsed). */
  upToDate: boolean;
  languages: LanguageResult[];
  ir?: IrDocument;
  models?: Model[];
  /** Every place the IR is not exact (the degradation report). */
  report?: Degradation[];
  /** What changed in the models since the previous generation (absent on a first run or when nothing did). */
  changes?: DiffResult;
  /** The same as one line of text (what the CLI prints). */
  changesSummary?: string;
  /** Overlay actions that matched nothing (each names the overlay file, line and target). */
  warnings?: OverlayWarning[];
  /** Why the caches of the job's spec could not be used: the run was made again without them, and wrote them afresh. */
  cachesDiscarded?: string;
}

export interface GenerateResult {
  mode: GenerateMode;
  jobs: JobResult[];
  /** Some file was (or, under check/dry-run, would be) added, changed or deleted. */
  hasChanges: boolean;
  /** Absolute paths of every file the run read (config, spec files) and folder (templates): what `--watch` watches. */
  inputs: string[];
  durationMs: number;
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  return runGeneration(options, new InputSet());
}

/**
 * The run behind `generate()` and `--watch`: `inputs` collects every file read even when the run
 * throws, so a watcher also watches the file whose fix will end the error.
 */
export async function runGeneration(options: GenerateOptions, inputs: InputSet, timings = new Timings()): Promise<GenerateResult> {
  const started = now();
  const mode = options.mode ?? "write";
  // The types say so, but callers from plain JavaScript get no type check.
  if (!MODES.includes(mode)) throw new UsageError(`mode must be ${MODES.join(", ")}, not ${JSON.stringify(mode)}`);
  inputs.addFolder(builtInTemplatesDir());
  const project = openProject(options, inputs);
  const jobs = resolveJobs(project, options);
  const cacheDir = cacheFolderOf(options.cacheDir, project.cwd);
  const results: JobResult[] = [];
  for (const job of jobs) {
    for (const overlay of job.shape.overlays) inputs.addFile(overlay);
    if (job.templates) inputs.addFolder(job.templates);
    const run = await generateAll({
      spec: job.spec,
      specLabel: job.specLabel,
      langs: job.langs,
      out: job.out,
      presence: job.presence,
      targetOptions: job.targetOptions,
      shape: job.shape,
      ...(job.templates ? { templates: job.templates } : {}),
      mode,
      diffSeverity: job.diffSeverity,
      timings,
      onRead: inputs.addFile,
      ...(cacheDir ? { cacheDir } : {}),
      ...(options.summarizeChanges === false ? { summarizeChanges: false } : {}),
    });
    const languages = run.outcomes.map(languageResult);
    const parsed = run.ir ? { ir: run.ir, models: run.ir.models, report: run.ir.report } : {};
    const since =
      run.changes && run.changesSincePrevious ? { changes: run.changes, changesSummary: run.changesSincePrevious.trimEnd() } : {};
    const warnings = run.warnings?.length ? { warnings: run.warnings } : {};
    const discarded = run.cachesDiscarded !== undefined ? { cachesDiscarded: run.cachesDiscarded } : {};
    results.push({
      ...(job.named ? { name: job.name } : {}),
      spec: job.spec,
      out: job.out,
      upToDate: languages.every((l) => l.upToDate),
      languages,
      ...parsed,
      ...since,
      ...warnings,
      ...discarded,
    });
  }
  const changed = results.some((j) => j.languages.some((l) => l.written.length + l.deleted.length > 0));
  return { mode, jobs: results, hasChanges: changed, inputs: inputs.list(), durationMs: now() - started };
}

function cacheFolderOf(given: string | false | undefined, cwd: string): string | undefined {
  if (given === false) return undefined;
  return given !== undefined ? path.resolve(cwd, given) : cacheFolder(process.env, cwd);
}

function languageResult(o: TargetOutcome): LanguageResult {
  const c = o.changes;
  return {
    lang: o.target,
    dir: o.dir,
    upToDate: o.upToDate,
    written: [...c.added, ...c.changed].sort(),
    added: c.added,
    changed: c.changed,
    unchanged: c.unchanged,
    deleted: c.deleted,
  };
}
