// What the batch compile harness hands each language's compiler, and what it gets back.
import type { OutputFile } from "../../../src/targets/target.js";

export type Lang = "typescript" | "rust" | "elixir" | "scala";
export const LANGS: readonly Lang[] = ["typescript", "rust", "elixir", "scala"];

/** One component set's files for one language; `id` keeps it apart from the others in the build. */
export interface RenderedSet {
  id: number;
  files: OutputFile[];
}

/** One toolchain run over several sets. */
export interface CompileRound {
  /** The toolchain succeeded for every set given to it. */
  ok: boolean;
  /** Compiler messages per set id (only sets with at least one). */
  errors: Map<number, string[]>;
  /** The whole output, for failures that name no set (a resolver error, a crashed compiler). */
  output: string;
  seconds: number;
}

export interface LanguageCompiler {
  lang: Lang;
  /** Commands the toolchain needs (`haveToolchain` checks them). */
  commands: string[];
  /** Target options that keep one set apart from the others in one build (crate, namespace, package). */
  options(id: number): Record<string, unknown>;
  /** Compiles the sets together in one toolchain run, in `work` (emptied first). */
  compile(sets: RenderedSet[], work: string): CompileRound;
  /**
   * Each set's messages are complete whatever the other sets do. A compiler that stops at the
   * first failing phase (scalac) hides the errors of other sets: the batch then drops the failing
   * sets and compiles the rest again.
   */
  isolatesSets: boolean;
}
