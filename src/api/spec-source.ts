// Reads one spec into the IR, from the working tree or as it is at a git ref. A located error
// from a ref names the ref (`origin/main:spec/openapi.yaml:12:3 ...`), so it is never mistaken for
// the working tree's file.
import path from "node:path";
import { readSpecIr, readFromDisk, type IrShape } from "../pipeline.js";
import type { OverlayWarning } from "../load/overlay.js";
import { SpecError } from "../common/errors.js";
import type { IrDocument } from "../ir/types.js";
import { Timings } from "../timings.js";
import { specAtRef } from "./git-source.js";
import { projectPath } from "./project.js";

/** A spec file, or a spec file as it is at a git ref (`{ spec: "spec/openapi.yaml", ref: "origin/main" }`). */
export type SpecInput = string | { spec: string; ref?: string };

export interface ReadSpec {
  ir: IrDocument;
  /** How reports name this side: the path relative to the project, or `<ref>:<path in the repository>`. */
  label: string;
  /** Absolute paths of every file read (for a ref: where they are in the working tree), overlays last. */
  specFiles: string[];
  /** Overlay actions that matched nothing. */
  warnings: OverlayWarning[];
}

export function readSpec(input: SpecInput, cwd: string, shape: IrShape): ReadSpec {
  const { spec, ref } = typeof input === "string" ? { spec: input, ref: undefined } : input;
  const absSpec = path.resolve(cwd, spec);
  const options = shape;
  if (ref === undefined) {
    return { ...readSpecIr(absSpec, options, new Timings(), readFromDisk), label: projectPath(cwd, absSpec) };
  }
  const source = specAtRef(absSpec, ref);
  try {
    return { ...readSpecIr(source.specPath, options, new Timings(), source.readText), label: source.label };
  } catch (e) {
    if (e instanceof SpecError) throw new SpecError({ ...e.location, file: source.labelOf(e.location.file) }, e.detail);
    throw e;
  }
}
