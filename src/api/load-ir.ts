// `loadIr()`: one spec's intermediate representation, its models and the degradation report,
// without generating anything (what `openapi-modelgen ir` prints).
import path from "node:path";
import { UsageError } from "../common/errors.js";
import type { Degradation, IrDocument, Model } from "../ir/types.js";
import { resolveJobs, shapeOf } from "./jobs.js";
import type { OverlayWarning } from "../load/overlay.js";
import { openProject, type ProjectOptions } from "./project.js";
import { readSpec } from "./spec-source.js";

export interface LoadIrOptions extends ProjectOptions {
  /** The spec to read (default: the config's, or the one job's). */
  spec?: string;
  /** Read the spec as it is at this git ref (a branch, tag or commit) instead of the working tree. */
  ref?: string;
  /** With `jobs` in the config and no `spec`: which job's spec. */
  job?: string;
  /** Overlay files applied after the config's (relative to the project). */
  overlay?: string | string[];
}

export interface LoadedIr {
  ir: IrDocument;
  /** `ir.models`: every model, sorted by id. */
  models: Model[];
  /** `ir.report`: every place the IR is not exact. */
  report: Degradation[];
  /** Absolute paths of every file of the spec that was read. */
  specFiles: string[];
  /** The spec as reports name it: relative to the project, or `<ref>:<path>`. */
  label: string;
  /** Overlay actions that matched nothing. */
  warnings: OverlayWarning[];
}

/** `loadIr("spec/openapi.yaml")` or `loadIr({ spec, ref: "origin/main" })`. */
export async function loadIr(options: string | LoadIrOptions = {}): Promise<LoadedIr> {
  return loadIrNow(typeof options === "string" ? { spec: options } : options);
}

/** The same, synchronously (the `ir` command). */
export function loadIrNow(options: LoadIrOptions): LoadedIr {
  const project = openProject(options);
  let spec: string;
  let shape = shapeOf(project.config, project.cwd, options.overlay);
  if (options.spec !== undefined) {
    spec = path.resolve(project.cwd, options.spec);
  } else {
    const jobs = resolveJobs(project, {
      ...(options.job !== undefined ? { job: options.job } : {}),
      ...(options.overlay !== undefined ? { overlay: options.overlay } : {}),
    });
    if (jobs.length !== 1)
      throw new UsageError(`the config has ${jobs.length} jobs: name a spec, or one job (known: ${jobs.map((j) => j.name).join(", ")})`);
    spec = jobs[0]!.spec;
    shape = jobs[0]!.shape;
  }
  const read = readSpec(options.ref !== undefined ? { spec, ref: options.ref } : spec, project.cwd, shape);
  return {
    ir: read.ir,
    models: read.ir.models,
    report: read.ir.report,
    specFiles: read.specFiles,
    label: read.label,
    warnings: read.warnings,
  };
}
