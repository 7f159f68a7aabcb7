// What a declaration's view needs to know about where it is written: the models, the names, the
// package, the enum and union policies, and which names hide top-level models at this point of the file.
import type { NameTable } from "../../naming/assign.js";
import type { ModelIndex } from "../../ir/query.js";
import type { Model } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import type { CodecContext } from "./codecs.js";
import type { ImportName } from "./imports.js";
import type { Mappings } from "../mappings.js";

export type { ImportName } from "./imports.js";

export interface ScalaOptions {
  package: string;
  /** "keep": a value the spec does not list decodes as `Unknown(value)`; "reject": it fails. */
  unknownEnumValues: "keep" | "reject";
  /** "keep": a tagged union's object whose tag the spec does not list decodes as `Unknown(json)`; "reject": it fails. */
  unknownUnionTags: "keep" | "reject";
}

export interface FileScope {
  models: ModelIndex;
  names: NameTable;
  options: ScalaOptions;
  presence: PresencePolicy;
  /** Hoisted models by parent id, in IR order. */
  children: ReadonlyMap<string, Model[]>;
  /** Models some operation sends as a multipart body: their fields are the parts. */
  multipartBodies: ReadonlySet<string>;
  /** Library names the file uses (its imports). */
  imports: Set<ImportName>;
  /** Formats and models the settings map (absent: wire types). */
  mappings?: Mappings;
}

/** The type/codec context for code written where `shadowed` names hide top-level models. */
export function codecContext(file: FileScope, shadowed: ReadonlySet<string>): CodecContext {
  return {
    models: file.models,
    names: file.names,
    root: `_root_.${file.options.package}`,
    shadowed,
    use: (name) => file.imports.add(name),
    ...(file.mappings ? { mappings: file.mappings } : {}),
  };
}
