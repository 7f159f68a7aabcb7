// The previous generation's IR snapshot read model by model, from its text: `generate` writes it
// with its head on the first line and then one model a line (snapshotText in src/diff/snapshot.ts;
// JSON holds no line break inside a string). After a one-schema change all but a few models have
// the same text on both sides: those are known equal by comparing their texts, and only the others
// (and the models a diff asks about) are parsed. Parsing the whole snapshot, restoring every model
// and comparing every model as objects was ~40 ms of each regeneration on the OpenAI spec. A
// snapshot laid out otherwise (an earlier release wrote indented JSON) is parsed whole.
import type { ModelIndex } from "../ir/query.js";
import type { Docs, Field, Model, SourceRef } from "../ir/types.js";
import type { DiffInput } from "./change.js";
import { jsonEqual } from "./unchanged.js";

/** The end of the head line: the `models` key and the array's opening. */
const MODELS_OPEN = '"models":[';
/** The last line: the array's and the snapshot's closing. */
const MODELS_CLOSE = "]}";
const ID_OPEN = '{"id":"';

/**
 * A value that JSON writes as `null` (null, NaN, an infinity, undefined in an array) as an element's
 * text shows it; also matches some strings (then the model is compared as objects).
 */
const NULL_VALUE = /[:[,]null[,\]}]/;

/**
 * Whether `text` holds a NULL_VALUE. The regular expression is tried only on a text holding `null`
 * (it cannot match without one): a fifth of the models of the 3 MB spec say `"nullable"`, so that
 * alone does not rule it out.
 */
export function holdsNull(text: string): boolean {
  return text.includes("null") && NULL_VALUE.test(text);
}

/**
 * The text of each element of a snapshot's `models` array (each line between the first and the
 * last, without its comma) and the head line before the array's opening, when `text` is laid out as
 * snapshotText writes it with at least one model; else undefined.
 */
export function cutSnapshot(text: string): { head: string; models: string[] } | undefined {
  // The head line first: a text laid out otherwise is not cut into its lines at all.
  const headEnd = text.indexOf("\n");
  if (headEnd === -1 || !text.startsWith(MODELS_OPEN, headEnd - MODELS_OPEN.length)) return undefined;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const last = lines.length - 1;
  if (last < 2 || lines[last] !== MODELS_CLOSE) return undefined;
  const models: string[] = [];
  for (let i = 1; i < last; i++) {
    const line = lines[i]!;
    // Every element line but the last ends with its comma.
    const comma = i < last - 1;
    const end = comma ? line.length - 1 : line.length;
    const closed = line.charCodeAt(end - 1) === CLOSE_BRACE && (!comma || line.charCodeAt(end) === COMMA);
    if (line.charCodeAt(0) !== OPEN_BRACE || !closed) return undefined;
    models.push(comma ? line.slice(0, end) : line);
  }
  return { head: lines[0]!.slice(0, -MODELS_OPEN.length), models };
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;

/** A model element's id when it is the element's first key, as `compactModel` writes it (else undefined). */
function idOf(element: string): string | undefined {
  if (!element.startsWith(ID_OPEN)) return undefined;
  const close = element.indexOf('"', ID_OPEN.length);
  if (close === -1) return undefined;
  const literal = element.slice(ID_OPEN.length, close);
  // An id holding a quote or a backslash is written with escapes: the element tells it when parsed.
  if (!literal.includes("\\")) return element.charCodeAt(close + 1) === COMMA ? literal : undefined;
  const id: unknown = (JSON.parse(element) as { id?: unknown }).id;
  return typeof id === "string" ? id : undefined;
}

/**
 * A snapshot file's text as the diff reads it: a SnapshotText when it is laid out as `generate`
 * writes it, with every model's id first and no id twice (each model is parsed only when asked
 * for); else the whole text parsed (throws when it is not JSON, as JSON.parse does).
 */
export function readSnapshotText(text: string): unknown {
  const cut = cutSnapshot(text);
  if (cut === undefined || !cut.head.endsWith(",")) return JSON.parse(text);
  const byId = new Map<string, string>();
  for (const element of cut.models) {
    const id = idOf(element);
    if (id === undefined || byId.has(id)) return JSON.parse(text);
    byId.set(id, element);
  }
  const head: unknown = JSON.parse(`${cut.head.slice(0, -1)}}`);
  return new SnapshotText(head as Record<string, unknown>, byId);
}

export class SnapshotText {
  /** Parsed model elements by id. */
  private readonly values = new Map<string, unknown>();
  /** An element did not parse: the snapshot is not read (as when the whole text does not parse). */
  broken = false;

  constructor(
    /** The snapshot's other keys (`snapshotVersion`, `spec`). */
    readonly head: Record<string, unknown>,
    /** Each model element's text by id, in the file's order. */
    private readonly byId: Map<string, string>,
  ) {}

  /** The parsed model of `id` (which the snapshot holds). */
  value(id: string): unknown {
    let v = this.values.get(id);
    if (v === undefined) {
      v = JSON.parse(this.byId.get(id)!) as unknown;
      this.values.set(id, v);
    }
    return v;
  }

  /** The text of the element of `id`, as the file holds it (undefined when the snapshot has no such model). */
  element(id: string): string | undefined {
    return this.byId.get(id);
  }

  /** Every model parsed, in the file's order. */
  models(): unknown[] {
    return [...this.byId.keys()].map((id) => this.value(id));
  }

  /**
   * Ids of the current models equal to the previous one of their id as JSON would write them (what
   * `sameSnapshots` says): see sameAs. `currentText` is the current snapshot's text (snapshotText);
   * an element that is not JSON marks the snapshot broken (undefined).
   */
  same(current: readonly unknown[], currentText: string): Set<string> | undefined {
    const texts = cutSnapshot(currentText)?.models;
    const same = new Set<string>();
    try {
      current.forEach((m, i) => {
        const id = (m as { id: string }).id;
        if (this.sameAs(id, texts?.length === current.length ? texts[i] : undefined, m)) same.add(id);
      });
      this.parseAllBut(same);
    } catch {
      this.broken = true;
      return undefined;
    }
    return same;
  }

  /**
   * Whether the current model of `id`, written as the element `text` and compacted as `model`, equals
   * the previous one: equal texts without a null value (one may hide NaN or undefined), or equal
   * objects (the element is then parsed). False when this snapshot has no such model; throws when its
   * element is not JSON.
   */
  sameAs(id: string, text: string | undefined, model: unknown): boolean {
    const before = this.byId.get(id);
    if (before === undefined) return false;
    return (before === text && !holdsNull(text)) || jsonEqual(this.value(id), model);
  }

  /**
   * Parses every element whose id is not in `same`: a model that is no more is parsed when it is
   * reported, so every element is JSON or the snapshot is not read (throws when one is not).
   */
  parseAllBut(same: ReadonlySet<string>): void {
    for (const id of this.byId.keys()) if (!same.has(id)) this.value(id);
  }

  /** The diff's input: models restored when the diff asks for them. */
  diffInput(): DiffInput {
    const index = new LazyModels(this.byId, (id) => restoreModel(this.value(id) as Record<string, unknown>));
    return {
      spec: this.head.spec as DiffInput["spec"],
      get models(): Model[] {
        return [...index.values()];
      },
      index,
    };
  }
}

/** The models of a snapshot by id, each restored when first asked for. */
class LazyModels implements ModelIndex {
  private readonly restored = new Map<string, Model>();

  constructor(
    private readonly ids: ReadonlyMap<string, unknown>,
    private readonly restore: (id: string) => Model,
  ) {}

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get(id: string): Model | undefined {
    if (!this.ids.has(id)) return undefined;
    let m = this.restored.get(id);
    if (m === undefined) {
      m = this.restore(id);
      this.restored.set(id, m);
    }
    return m;
  }

  keys(): MapIterator<string> {
    return this.ids.keys();
  }

  *values(): MapIterator<Model> {
    for (const id of this.ids.keys()) yield this.get(id)!;
  }

  *entries(): MapIterator<[string, Model]> {
    for (const id of this.ids.keys()) yield [id, this.get(id)!];
  }

  [Symbol.iterator](): MapIterator<[string, Model]> {
    return this.entries();
  }

  forEach(f: (value: Model, key: string, map: ReadonlyMap<string, Model>) => void): void {
    for (const [id, m] of this.entries()) f(m, id, this);
  }
}

/** A snapshot's model in the shape the diff reads (sources and descriptions are empty). */
export function restoreModel(raw: Record<string, unknown>): Model {
  const source = (pointer: string): SourceRef => ({ file: "", line: 0, col: 0, pointer });
  const m = { ...raw, docs: (raw.docs as Docs | undefined) ?? {}, source: source(String(raw.id)) } as unknown as Model;
  if (m.kind === "object")
    m.fields = (raw.fields as Field[]).map((f) => ({ ...f, docs: f.docs ?? {}, source: source(`${m.id}/properties/${f.name}`) }));
  return m;
}
