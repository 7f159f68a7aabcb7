// The previous generation's IR snapshot read model by model, from its text: `generate` writes it as
// `JSON.stringify(snapshot, null, 2)` (src/emit/manifest.ts), so each model is one element of the
// `models` array between a line `    {` and a line `    }` (every line inside is indented deeper, and
// no JSON string holds a newline). After a one-schema change all but a few models have the same
// text on both sides: those are known equal by comparing their texts, and only the others (and the
// models a diff asks about) are parsed. Parsing the whole ~3 MB snapshot, restoring every model and
// comparing every model as objects was ~40 ms of each regeneration on the OpenAI spec.
import type { ModelIndex } from "../ir/query.js";
import type { Docs, Field, Model, SourceRef } from "../ir/types.js";
import type { DiffInput } from "./change.js";
import { jsonEqual } from "./unchanged.js";

const MODELS_OPEN = '\n  "models": [\n';
const MODELS_CLOSE = "\n  ]\n}";
const ELEMENT_OPEN = "    {\n";
const ELEMENT_CLOSE = "\n    }";
const ID_LINE = '    {\n      "id": "';

/**
 * A value that JSON writes as `null` (null, NaN, an infinity, undefined in an array) as the
 * pretty-printed text shows it; also matches some strings (then the model is compared as objects).
 */
const NULL_VALUE = /(?:: |\n *)null[,\n]/;

/**
 * Whether `text` holds a NULL_VALUE. The regular expression is tried only on a text holding `null,`
 * or `null\n` (it cannot match without one): a fifth of the models of the 3 MB spec say `"nullable"`,
 * and scanning each of those with the expression was ~12 M of sameAsPrevious' ~69 M instructions.
 */
export function holdsNull(text: string): boolean {
  return text.includes("null") && (text.includes("null,") || text.includes("null\n")) && NULL_VALUE.test(text);
}

/**
 * The text of each element of a snapshot's `models` array and the text before the array, when
 * `text` is laid out as `JSON.stringify(snapshot, null, 2)` writes it (`models` the last key, each
 * element an object on several lines); else undefined.
 */
export function cutSnapshot(text: string): { head: string; models: string[] } | undefined {
  const open = text.indexOf(MODELS_OPEN);
  if (open === -1) return undefined;
  const end = text.endsWith(`${MODELS_CLOSE}\n`) ? text.length - MODELS_CLOSE.length - 1 : text.length - MODELS_CLOSE.length;
  if (!text.startsWith(MODELS_CLOSE, end)) return undefined;
  const models: string[] = [];
  for (let at = open + MODELS_OPEN.length; ;) {
    if (!text.startsWith(ELEMENT_OPEN, at)) return undefined;
    const close = text.indexOf(ELEMENT_CLOSE, at);
    if (close === -1 || close >= end) return undefined;
    const stop = close + ELEMENT_CLOSE.length;
    models.push(text.slice(at, stop));
    if (stop === end) break;
    if (!text.startsWith(",\n", stop)) return undefined;
    at = stop + 2;
  }
  return { head: text.slice(0, open), models };
}

/** A model element's id when it is the element's first key, as `compactModel` writes it (else undefined). */
function idOf(element: string): string | undefined {
  if (!element.startsWith(ID_LINE)) return undefined;
  const lineEnd = element.indexOf("\n", ID_LINE.length);
  if (lineEnd === -1 || element[lineEnd - 1] !== "," || element[lineEnd - 2] !== '"') return undefined;
  const literal = element.slice(ID_LINE.length - 1, lineEnd - 1);
  if (!literal.includes("\\")) return literal.slice(1, -1);
  const id: unknown = JSON.parse(literal);
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
  const head: unknown = JSON.parse(`${cut.head.slice(0, -1)}\n}`);
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
   * `sameSnapshots` says): see sameAs. `currentText` is `JSON.stringify({ ..., models: current }, null, 2)`;
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
