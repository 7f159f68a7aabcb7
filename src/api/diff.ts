// `diff()`: what changed between two versions of a spec, model by model, judged per target
// language. Two files, or `base`: the spec as it is at a git ref against the working tree (each
// job's spec when the config has jobs), which is what a pull request's CI compares.
import { parseLangs, targetOptionsOf } from "../config.js";
import { UsageError } from "../common/errors.js";
import { TARGETS, TARGET_NAMES } from "../targets/registry.js";
import { diffIr, failsOn, judgesFor, type DiffResult, type SeverityOverrides } from "../diff/index.js";
import type { Severity } from "../diff/checks.js";
import { formatText } from "../diff/format-text.js";
import { formatMarkdown } from "../diff/format-markdown.js";
import { formatJson } from "../diff/format-json.js";
import { resolveJobs, shapeOf } from "./jobs.js";
import { openProject, type Project, type ProjectOptions } from "./project.js";
import { readSpec, type SpecInput } from "./spec-source.js";
import type { IrShape } from "../pipeline.js";

export interface DiffOptions extends ProjectOptions {
  /** The old spec: a file, or `{ spec, ref }` for a file as it is at a git ref. */
  old?: SpecInput;
  /** The new spec (a file, or `{ spec, ref }`). */
  new?: SpecInput;
  /** A git ref: compare `spec` (default: the config's, or every job's) as it is there with the working tree. */
  base?: string;
  /** With `base`: the spec to compare. */
  spec?: string;
  /** With `base` and `jobs` in the config: which jobs' specs (default: all). */
  job?: string | string[];
  /** Languages to judge for (default: the config's, else all). */
  lang?: string | string[];
  /** Per-check severity over the config's `diff.severity`. */
  severity?: SeverityOverrides;
  /** Overlay files applied to both sides after the config's (relative to the project). */
  overlay?: string | string[];
}

export interface SpecComparison {
  /** The job whose spec this is (only with `base` and `jobs` in the config). */
  job?: string;
  oldLabel: string;
  newLabel: string;
  /** Counts, and every change grouped by model with its severity and verdict per language. */
  result: DiffResult;
}

export interface DiffOutcome {
  /** One comparison: two files, or one spec against `base`; with `base` and jobs, one per job. */
  comparisons: SpecComparison[];
  /** The worst severity of any change (absent when nothing changed). */
  worst?: Severity;
}

export async function diff(options: DiffOptions): Promise<DiffOutcome> {
  return diffNow(options);
}

/** The same, synchronously (the `diff` command). */
export function diffNow(options: DiffOptions): DiffOutcome {
  const project = openProject(options);
  const comparisons = plan(project, options).map((p) => compare(project, p, options));
  const worst = (["breaking", "warning", "info"] as const).find((level) => comparisons.some((c) => failsOn(c.result, level)));
  return worst ? { comparisons, worst } : { comparisons };
}

export type DiffFormat = "text" | "markdown" | "json";

const FORMATTERS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;

export function isDiffFormat(value: string): value is DiffFormat {
  return Object.hasOwn(FORMATTERS, value);
}

/** A comparison as the CLI prints it: text for a terminal, markdown for a pull request, JSON for tools. */
export function formatDiff(comparison: SpecComparison, format: DiffFormat): string {
  return FORMATTERS[format](comparison.result, { oldLabel: comparison.oldLabel, newLabel: comparison.newLabel });
}

interface Planned {
  job?: string;
  old: SpecInput;
  new: SpecInput;
  langs: string[];
  shape: IrShape;
  /** Each target's options (with the `types` setting), which decide how changes are judged. */
  targetOptions: Record<string, Record<string, unknown>>;
}

function plan(project: Project, options: DiffOptions): Planned[] {
  const { config } = project;
  const langsOr = (fallback: string[] | undefined) =>
    options.lang !== undefined ? parseLangs(options.lang, TARGET_NAMES) : (fallback ?? TARGET_NAMES);
  if (options.base === undefined) {
    if (options.old === undefined || options.new === undefined)
      throw new UsageError("diff needs two specs (old and new), or a git ref to compare with (base)");
    if (options.spec !== undefined || options.job !== undefined) throw new UsageError("spec and job go with base, not with two specs");
    return [
      {
        old: options.old,
        new: options.new,
        langs: langsOr(config.lang),
        shape: shapeOf(config, project.cwd, options.overlay),
        targetOptions: targetOptionsOf(config, TARGET_NAMES),
      },
    ];
  }
  if (options.old !== undefined || options.new !== undefined) throw new UsageError("give either two specs or base, not both");
  const base = options.base;
  if (options.spec !== undefined) {
    if (options.job !== undefined) throw new UsageError("give either a spec or jobs to compare with base, not both");
    return [
      {
        old: { spec: options.spec, ref: base },
        new: options.spec,
        langs: langsOr(config.lang),
        shape: shapeOf(config, project.cwd, options.overlay),
        targetOptions: targetOptionsOf(config, TARGET_NAMES),
      },
    ];
  }
  return resolveJobs(project, {
    ...(options.job !== undefined ? { job: options.job } : {}),
    ...(options.overlay !== undefined ? { overlay: options.overlay } : {}),
  }).map((job) => ({
    ...(job.named ? { job: job.name } : {}),
    old: { spec: job.spec, ref: base },
    new: job.spec,
    langs: options.lang !== undefined ? parseLangs(options.lang, TARGET_NAMES) : job.langs,
    shape: job.shape,
    targetOptions: job.targetOptions,
  }));
}

function compare(project: Project, p: Planned, options: DiffOptions): SpecComparison {
  // Both sides get the same overlays and settings (an overlay is a setting: read from the working tree).
  const before = readSpec(p.old, project.cwd, p.shape);
  const after = readSpec(p.new, project.cwd, p.shape);
  const judges = judgesFor(
    TARGETS.filter((t) => p.langs.includes(t.name)),
    p.targetOptions,
  );
  const severity = { ...project.config.diff.severity, ...options.severity };
  const result = diffIr(before.ir, after.ir, { judges, severity });
  return { ...(p.job !== undefined ? { job: p.job } : {}), oldLabel: before.label, newLabel: after.label, result };
}
