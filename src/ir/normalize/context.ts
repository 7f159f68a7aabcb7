// Shared state of one normalization run: the loaded documents, the models built so far,
// and the degradation report.
import { SpecError } from "../../common/errors.js";
import { childPointer } from "../../load/pointer.js";
import type { RefTarget, SourceDocument, SpecSet } from "../../load/loader.js";
import type { Degradation, DegradationKind, Model, SourceRef } from "../types.js";
import { compareStrings } from "../../common/order.js";
import { isSchemaObject, type Schema } from "./keywords.js";
import { hintForPointer, isInsideDefinition } from "./names.js";
import { TrackedMap, type RootRecorder } from "./incremental/recorder.js";
import type { FrameHook } from "./incremental/frames.js";
import type { HierarchyMember } from "./hierarchy.js";

/**
 * A schema and where it was written. `owner` is the pointer (in the same document) of the model definition that encloses
 * it: what `$recursiveRef: "#"` means.
 */
export interface At {
  doc: SourceDocument;
  pointer: string;
  schema: Schema;
  owner: string;
}

export class NormalizeContext {
  /** Models by id; while a root of the walk is recorded (incremental/), which ids it asked about and built. */
  readonly models = new TrackedMap<Model>("m");
  /** Set while the walk records one root's reads, models and reports (incremental/). */
  recorder: RootRecorder | undefined;
  /**
   * Set with `recorder`: the component schemas the root builds through a `$ref`, recorded or taken
   * from its previous record (incremental/frames.ts).
   */
  frames: FrameHook | undefined;
  /** The component schemas of discriminator hierarchies (hierarchy.ts), by id; undefined when the spec has none. */
  hierarchy: ReadonlyMap<string, HierarchyMember> | undefined;
  /** Called once for each document besides the root when a `$ref` first reaches it (hierarchy.ts scans its component schemas). */
  onDocument: ((doc: SourceDocument) => void) | undefined;
  private readonly seenDocuments = new Set<SourceDocument>();
  /** Ids whose model is being built: a reference back to one of them is recursion, kept as a ref. */
  readonly building = new Set<string>();
  private readonly reported = new Map<string, Degradation>();

  constructor(readonly specs: SpecSet) {}

  idOf(at: { doc: SourceDocument; pointer: string }): string {
    return this.specs.idOf(at.doc, at.pointer);
  }

  /**
   * `specs.resolve`, telling the recorder where the walk read. A reference resolves the same way
   * every time while the documents do not change (they do not while normalizing): each one written
   * in a document is resolved once (the same component is referred to from hundreds of places);
   * one that fails is not kept, so each use fails with its own location.
   */
  resolve(ref: string, doc: SourceDocument, container: object, at: string): RefTarget {
    let resolved = this.resolved.get(doc);
    if (!resolved) this.resolved.set(doc, (resolved = new Map()));
    let target = resolved.get(ref);
    if (!target) {
      resolved.set(ref, (target = this.specs.resolve(ref, doc, container, at)));
      if (target.doc !== this.specs.root && this.onDocument && !this.seenDocuments.has(target.doc)) {
        this.seenDocuments.add(target.doc);
        this.onDocument(target.doc);
      }
    }
    this.recorder?.read(target.doc, target.pointer);
    return { doc: target.doc, pointer: target.pointer, value: target.value };
  }

  private readonly resolved = new Map<SourceDocument, Map<string, RefTarget>>();

  /** `hintForPointer` of the schema at `pointer` in `doc`, worked out once per place (a fresh array each time). */
  hintFor(doc: SourceDocument, pointer: string): string[] {
    let hints = this.hints.get(doc);
    if (!hints) this.hints.set(doc, (hints = new Map()));
    let hint = hints.get(pointer);
    if (!hint) hints.set(pointer, (hint = hintForPointer(doc.value, doc.file, pointer, doc === this.specs.root)));
    return [...hint];
  }

  private readonly hints = new Map<SourceDocument, Map<string, string[]>>();

  /** `isInsideDefinition(pointer)`, worked out once per pointer (asked at every use of a reference). */
  insideDefinition(pointer: string): boolean {
    let inside = this.inside.get(pointer);
    if (inside === undefined) this.inside.set(pointer, (inside = isInsideDefinition(pointer)));
    return inside;
  }

  private readonly inside = new Map<string, boolean>();

  source(at: { doc: SourceDocument; pointer: string; schema: unknown }): SourceRef {
    return this.specs.locate(at.doc, at.schema, undefined, at.pointer);
  }

  /** The schema at `container[key]`, failing with a located error when it is not a schema object. */
  child(at: At, key: string | number, value: unknown, container: object = at.schema): At {
    const pointer = childPointer(at.pointer, key);
    if (typeof value === "boolean") {
      // JSON Schema boolean schemas: `true` accepts anything, `false` nothing.
      return { doc: at.doc, pointer, schema: value ? {} : { not: {} }, owner: at.owner };
    }
    if (!isSchemaObject(value)) {
      const loc = this.specs.locate(at.doc, container, String(key), pointer);
      throw new SpecError(
        loc,
        `a schema must be an object, found ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`,
      );
    }
    return { doc: at.doc, pointer, schema: value, owner: at.owner };
  }

  report(kind: DegradationKind, at: { doc: SourceDocument; pointer: string; schema: unknown }, message: string): void {
    const source = this.source(at);
    const degradation: Degradation = { kind, message, source };
    this.recorder?.reported(degradation);
    this.replay(degradation);
  }

  /** A degradation reported again (by a root whose models are reused): the first report of a place and message wins. */
  replay(d: Degradation): void {
    const key = `${d.source.file}#${d.source.pointer}|${d.message}`;
    if (!this.reported.has(key)) this.reported.set(key, d);
  }

  degradations(): Degradation[] {
    return [...this.reported.values()].sort(
      (a, b) =>
        compareStrings(a.source.file, b.source.file) ||
        compareStrings(a.source.pointer, b.source.pointer) ||
        compareStrings(a.message, b.message),
    );
  }

  /** An error about the schema at `at` (positioned at its `key` when given). */
  error(at: { doc: SourceDocument; pointer: string; schema: unknown }, key: string | undefined, message: string): SpecError {
    return new SpecError(this.specs.locate(at.doc, at.schema, key, at.pointer), message);
  }
}
