// What every target provides and receives. A target turns the IR into files; it decides names,
// reserved-word escapes and type strings, and hands prepared view models to its templates.
// The contract depends on the IR only: the renderer implements `Templates` and the writer takes
// `OutputFile`s, so render/ and emit/ import from here and never the other way round.
import type { IrDocument } from "../ir/types.js";
import type { Reuse } from "./common/units.js";

/** A target's templates (templates/<lang>/*.hbs, or the user's overrides), compiled by the renderer. */
export interface Templates {
  /** The text of template `name` (`model`, `cargo`, ...) laid out from a view the target prepared. */
  render(name: string, view: object): string;
}

export interface OutputFile {
  /** Path inside the target's output folder, '/'-separated. */
  path: string;
  contents: string;
  /**
   * Set on a file kept from the previous run (incremental regeneration, src/emit/reuse.ts): the
   * sha256 of its contents, already on disk and checked intact. Its `contents` are read from the
   * disk only if asked for.
   */
  kept?: string;
  /**
   * The contents as UTF-8, when made already (the IR snapshot's, shared by every folder; the units
   * file's): hashed and written as they are.
   */
  encoded?: Uint8Array;
}

/**
 * Missing required fields: "lenient" reads an absent required-and-nullable field as null; "strict"
 * rejects it; "tolerant" reads every field as possibly absent or null (literals and tags still checked).
 */
export type PresencePolicy = "lenient" | "strict" | "tolerant";

export interface TargetContext {
  ir: IrDocument;
  templates: Templates;
  /** Lines for the "generated, do not edit" header; each target wraps them in its comment syntax. */
  header: string[];
  /** This target's own settings from the config file (`<target name>: {...}`). */
  options: Record<string, unknown>;
  presence: PresencePolicy;
  /**
   * The previous run's output, for rendering only the models whose inputs changed (absent: render
   * everything). A target asks for it through `unitRenderer` (src/targets/common/units.ts); the files are
   * the same bytes either way.
   */
  reuse?: Reuse;
  /**
   * Models mapped to the user's own types in this language (`map:`), by model id: they are not
   * generated, and every reference names the given type (a string, or what userTypeSchema allows).
   */
  mapped?: Readonly<Record<string, UserType>>;
}

/** A type the user supplies: its name as the language writes it, or (TypeScript) a named import. */
export type UserType = string | { from: string; name: string };

/**
 * How the models a target generates react to a spec change, for `openapi-modelgen diff`. Each trait
 * describes the generated code, not the spec; a trait a target does not declare takes the
 * conservative value given in brackets (the one that reports more changes as breaking).
 */
export interface TargetCompat {
  /**
   * Decoding keeps an enum value the models do not list (an open enum with an unknown-value case, or no runtime check)
   * instead of failing. [false]
   */
  enumUnknownFallback: boolean;
  /** Decoding keeps a tagged-union object whose tag the models do not list instead of failing. [false] */
  unionUnknownTagFallback: boolean;
  /**
   * Decoding checks nothing at runtime (the models are types over the parsed JSON): a value of a shape the models do not
   * know passes through. [false]
   */
  uncheckedDecoding: boolean;
  /** Decoding ignores object keys the model does not declare. [false] */
  ignoresUnknownFields: boolean;
  /**
   * `integer` and `number` of every format are one type (TypeScript's `number`), so widening an integer to a number
   * changes nothing. [false]
   */
  numbersShareOneType: boolean;
  /** Every integer format is one type (`integer()`, `number`), so int32 -> int64 changes nothing. [false] */
  integerFormatsShareOneType: boolean;
  /** Every string format is one type (`String`), so `date-time` -> `uuid` or plain `string` changes nothing when decoding. [false] */
  stringFormatsShareOneType: boolean;
  /** An optional field that does not admit null still reads an explicit `null` (as absent). [false] */
  optionalFieldAcceptsNull: boolean;
  /** Decoding enforces validation constraints (lengths, bounds, patterns), so loosening one breaks it. [true] */
  checksConstraints: boolean;
}

export interface Target {
  /** Folder name under generated/ and templates/, and the value of `--lang`. */
  name: string;
  /**
   * This target's options (`<name>: {...}` in the config) as a JSON Schema object, validated with
   * every other setting in one place (src/config-schema.ts) and published in modelgen.config.schema.json.
   */
  optionsSchema?: Record<string, unknown>;
  /**
   * How this language names a type the user supplies (`map:` and `<name>: { types: ... }`), as a
   * JSON Schema; absent: a string such as `crate::extra::Metadata`.
   */
  userTypeSchema?: Record<string, unknown>;
  generate(ctx: TargetContext): OutputFile[] | Promise<OutputFile[]>;
  /**
   * Compatibility traits of the generated models (see TargetCompat), fixed or computed from this
   * target's options (e.g. an option that closes enums). Optional: absent traits are conservative.
   */
  compat?: Partial<TargetCompat> | ((options: Record<string, unknown>) => Partial<TargetCompat>);
}
