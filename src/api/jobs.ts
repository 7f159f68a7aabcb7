// Which generations a command runs: the config's `jobs` (all, or those `--job` names), or the
// top-level settings as one job; command-line flags (or library options) override every one.
import path from "node:path";
import { parseLangs, parsePresence, targetOptionsOf, type Settings } from "../config.js";
import { UsageError } from "../common/errors.js";
import { TARGET_NAMES } from "../targets/registry.js";
import type { PresencePolicy } from "../targets/target.js";
import type { IrShape } from "../pipeline.js";
import type { SeverityOverrides } from "../diff/index.js";
import { projectPath, type Project } from "./project.js";

export interface JobOverrides {
  /** The spec to read (not with `jobs` in the config: each job names its own). */
  spec?: string;
  /** The output folder; each language writes `<out>/<lang>/` (not with `jobs`). */
  out?: string;
  /** Languages, as a list or comma-separated (default: the config's, else all). */
  lang?: string | string[];
  presence?: PresencePolicy;
  /** Names of the config's jobs to run (default: every job). */
  job?: string | string[];
  /** Overlay files applied after the config's (relative to the project). */
  overlay?: string | string[];
}

export interface ResolvedJob {
  /** The job's name; for a config without `jobs`, the spec as given. */
  name: string;
  /** True when the config has `jobs` (summaries then name each job). */
  named: boolean;
  /** Absolute path of the root spec file. */
  spec: string;
  /** The spec relative to the project, as file headers name it. */
  specLabel: string;
  /** Absolute output folder. */
  out: string;
  langs: string[];
  presence: PresencePolicy;
  targetOptions: Record<string, Record<string, unknown>>;
  /** What decides the IR besides the spec, with absolute overlay paths. */
  shape: IrShape;
  /** Absolute path of the user's template folder, when set. */
  templates?: string;
  diffSeverity: SeverityOverrides;
}

export function resolveJobs(project: Project, overrides: JobOverrides): ResolvedJob[] {
  const { config, cwd } = project;
  const picked = overrides.job === undefined ? undefined : toList(overrides.job);
  let chosen: { name: string; named: boolean; settings: Settings }[];
  if (config.jobs) {
    for (const key of ["spec", "out"] as const) {
      if (overrides[key] !== undefined)
        throw new UsageError(
          `--${key} names one spec, but the config has jobs: pick them with --job (known: ${config.jobs.map((j) => j.name).join(", ")})`,
        );
    }
    const unknown = (picked ?? []).filter((n) => !config.jobs!.some((j) => j.name === n));
    if (unknown.length)
      throw new UsageError(`unknown job ${unknown.map((n) => `"${n}"`).join(", ")} (known: ${config.jobs.map((j) => j.name).join(", ")})`);
    chosen = config.jobs.filter((j) => !picked || picked.includes(j.name)).map((j) => ({ name: j.name, named: true, settings: j }));
  } else {
    if (picked) throw new UsageError(`--job picks jobs of the config, but it has none (add \`jobs: [{ spec, out, ... }]\`)`);
    const spec = overrides.spec ?? config.spec;
    chosen = [{ name: spec, named: false, settings: { ...config, spec, out: overrides.out ?? config.out } }];
  }
  const jobs = chosen.map(({ name, named, settings }) => {
    const spec = path.resolve(cwd, settings.spec);
    return {
      name,
      named,
      spec,
      specLabel: projectPath(cwd, spec),
      out: path.resolve(cwd, settings.out),
      langs: overrides.lang !== undefined ? parseLangs(overrides.lang, TARGET_NAMES) : (settings.lang ?? TARGET_NAMES),
      presence: overrides.presence !== undefined ? parsePresence(overrides.presence) : settings.presence,
      targetOptions: targetOptionsOf(settings, TARGET_NAMES),
      shape: shapeOf(settings, cwd, overrides.overlay),
      ...(settings.templates ? { templates: path.resolve(cwd, settings.templates) } : {}),
      diffSeverity: config.diff.severity,
    };
  });
  rejectSharedFolders(jobs, cwd);
  return jobs;
}

/** Two jobs writing the same `<out>/<lang>/` would overwrite each other on every run. */
function rejectSharedFolders(jobs: ResolvedJob[], cwd: string): void {
  const owner = new Map<string, string>();
  for (const job of jobs) {
    for (const lang of job.langs) {
      const dir = path.join(job.out, lang);
      const other = owner.get(dir);
      if (other !== undefined)
        throw new UsageError(`jobs "${other}" and "${job.name}" both write ${projectPath(cwd, dir)}: give them different "out" folders`);
      owner.set(dir, job.name);
    }
  }
}

/** The IR settings of one job; overlays from the command line run after the config's. */
export function shapeOf(settings: Settings, cwd: string, extraOverlays?: string | string[]): IrShape {
  const overlays = [
    ...settings.overlays,
    ...(extraOverlays === undefined ? [] : Array.isArray(extraOverlays) ? extraOverlays : [extraOverlays]),
  ];
  return {
    models: settings.models,
    overlays: overlays.map((f) => path.resolve(cwd, f)),
    rename: settings.rename,
    include: settings.include,
    exclude: settings.exclude,
    map: settings.map,
  };
}

function toList(value: string | string[]): string[] {
  const list = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(list)];
}
