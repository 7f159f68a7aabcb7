// What every target provides and receives. A target turns the IR into files; it decides names,
// reserved-word escapes and type strings, and hands prepared view models to its templates.
import type { IrDocument } from "../ir/types.js";
import type { Templates } from "../emit/templates.js";

export interface OutputFile {
  /** Path inside the target's output folder, '/'-separated. */
  path: string;
  contents: string;
}

/** Missing required fields: "lenient" reads an absent required-and-nullable field as null; "strict" rejects it. */
export type PresencePolicy = "lenient" | "strict";

export interface TargetContext {
  ir: IrDocument;
  templates: Templates;
  /** Lines for the "generated, do not edit" header; each target wraps them in its comment syntax. */
  header: string[];
  /** This target's own settings from the config file (`<target name>: {...}`). */
  options: Record<string, unknown>;
  presence: PresencePolicy;
}

export interface Target {
  /** Folder name under generated/ and templates/, and the value of `--lang`. */
  name: string;
  generate(ctx: TargetContext): OutputFile[] | Promise<OutputFile[]>;
}
