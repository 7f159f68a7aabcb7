// How a target renders its models one unit (model) at a time, so that the writer can hand it the
// previous run's files of models that did not change (src/emit/reuse.ts implements Reuse). A target
// that renders every model through `unitRenderer` gets incremental regeneration for free.
import type { IrDocument } from "../../ir/types.js";
import { assignNames, type NameTable, type NamingRules } from "../../naming/assign.js";
import type { OutputFile, TargetContext, Templates } from "../target.js";

/** A unit's files, and whatever the target collects from rendering them (kept with them, plain data). */
export interface RenderedUnit<S = unknown> {
  files: OutputFile[];
  side?: S;
}

export interface UnitRenderer {
  /** The files of model `id`: kept from the previous run when nothing they depend on changed, else `render()`. */
  unit<S>(id: string, render: () => RenderedUnit<S>): RenderedUnit<S>;
  /**
   * A file that is not a model's (an index or project file) rendered from `inputs` alone: plain data
   * such as a template's name and its view, which must hold everything its text depends on besides
   * the target's settings and templates, the spec's info and the operations (all in the basis of
   * every key: src/emit/reuse.ts). Kept from the previous run when they are equal, else `render()`.
   */
  file(path: string, inputs: unknown, render: () => OutputFile): OutputFile;
}

export interface Reuse {
  /** The target's names (the previous run's type names when what they are worked out from is unchanged). */
  names(ir: IrDocument, rules: NamingRules): NameTable;
  /**
   * Called once by a target, with its names and anything else it reads across all models that the
   * models' keys do not cover (Rust's table of literals); those join the basis.
   */
  start(ir: IrDocument, names: NameTable, targetWide?: unknown): UnitRenderer;
}

const RENDER_EVERYTHING: UnitRenderer = { unit: (_id, render) => render(), file: (_path, _inputs, render) => render() };

/** What a target renders its models through: the previous run's files when given, else a plain render. */
export function unitRenderer(
  ctx: Pick<TargetContext, "ir" | "reuse" | "options" | "mapped">,
  names: NameTable,
  targetWide?: unknown,
): UnitRenderer {
  // The target's options (type mappings among them) and its mapped models reach every file: they join the basis.
  return (
    ctx.reuse?.start(ctx.ir, names, { targetWide: targetWide ?? null, options: ctx.options, mapped: ctx.mapped ?? null }) ??
    RENDER_EVERYTHING
  );
}

/** What a target names its models with: through the previous run's output when given (same names either way). */
export function namesFor(ctx: Pick<TargetContext, "ir" | "reuse">, rules: NamingRules): NameTable {
  return ctx.reuse?.names(ctx.ir, rules) ?? assignNames(ctx.ir, rules);
}

/**
 * A file rendered from one template and its view alone (an index or project file), kept from the
 * previous run while both are the same; `finish` is what the target does to every rendered file.
 */
export function templateFile(
  units: UnitRenderer,
  templates: Templates,
  file: { path: string; template: string; view: object },
  finish: (text: string) => string = (text) => text,
): OutputFile {
  const { path, template, view } = file;
  return units.file(path, { template, view }, () => ({ path, contents: finish(templates.render(template, view)) }));
}

/**
 * A file whose view is built only when it renders: keyed by the template's name and `inputs`, the
 * plain data the view is a pure function of (with the target's settings and templates, which are
 * in every key's basis). `view` must read nothing that `inputs` does not hold: the targets build
 * `inputs` first and then make the view from `inputs` alone (and the operations, in the basis too).
 */
export function derivedFile<V extends object>(
  units: UnitRenderer,
  templates: Templates,
  file: { path: string; template: string; inputs: object; view: () => V },
  finish: (text: string) => string = (text) => text,
): OutputFile {
  const { path, template, inputs, view } = file;
  return units.file(path, { template, inputs }, () => ({ path, contents: finish(templates.render(template, view())) }));
}
