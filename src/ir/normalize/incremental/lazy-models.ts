// The models of a reused root, parsed when something first reads their content. After a one-schema
// change a regeneration takes ~2,700 models back from the previous run's records, and reads the
// content (fields, variants, docs, positions) of a few hundred: the files that render again, and the
// passes that look into particular models. Parsing all of them was ~30 ms of each regeneration and
// most of what its collector copied. So a record stores each model as a head (the keys nearly every
// pass reads: id, name words, kind, parent, origin, nullable), the order of all its keys, the facts
// the passes over every model need of its types (ir/type-facts.ts), and its content as JSON of its
// own. A model is made from its head with an accessor in place of each other key; the first read or
// write of any of them parses the content and puts every key back as a plain data property, in its
// order, so the model is then what parsing it whole gives (its JSON is the same bytes). finish()
// sets a parent or an origin on a waiting model in place (`withHeadKeys`), where it copies others.
import { ascii } from "../../../common/ascii-json.js";
import type { Model } from "../../types.js";
import { forgetTypeFacts, setTypeFacts, storedTypeFacts, typeFactsOf, type TypeFacts } from "../../type-facts.js";
import { placeModels, type Shift } from "./compact.js";

/** The keys a waiting model holds at once. */
const HEAD_KEYS: ReadonlySet<string> = new Set(["id", "nameHint", "kind", "parent", "origin", "nullable"]);

/** A model as a record stores it beside its content's JSON. */
export interface StoredHead {
  /** Every key of the model, in order, space-separated. */
  k: string;
  /** The values of its head keys. */
  h: Record<string, unknown>;
  /** How long its content's JSON is (the contents of a record's models are written one after another). */
  n: number;
  /** Its types' references and literal values, and a union's variants as JSON and their count (TypeFacts). */
  r: TypeFacts["refs"];
  l: TypeFacts["literals"];
  v?: string;
  c?: number;
  /** Where its fields that are parameters are sent (TypeFacts.sentIn), when any is. */
  p?: TypeFacts["sentIn"];
}

/** Where a waiting model's content is, where its positions go once parsed, and its facts (one object: ~2,700 a regeneration). */
interface Waiting extends TypeFacts {
  text: string;
  from: number;
  to: number;
  /** The id it was stored with, which its positions' pointers are made from (a rename may change the model's). */
  id: string;
  place?: { file: string; shift: Shift };
  /** The content parsed for a model that cannot take it back (see settle). */
  kept?: Record<string, unknown>;
}

/** A waiting model's record: its facts are (type-facts.ts keeps them on the model). */
function waitingOf(m: object): Waiting | undefined {
  return storedTypeFacts<Waiting>(m as Model);
}

/** The heads and the contents of `models` (as compactModels gives them) as a record stores them. */
export function storeModels(models: readonly Model[]): { heads: StoredHead[]; contents: string } {
  const heads: StoredHead[] = [];
  let contents = "";
  for (const m of models) {
    const keys: string[] = [];
    const head: Record<string, unknown> = {};
    const content: Record<string, unknown> = {};
    const from = m as unknown as Record<string, unknown>;
    for (const key of Object.keys(from)) {
      const value = from[key];
      // JSON leaves an undefined value out: so does the record.
      if (value === undefined) continue;
      keys.push(key);
      (HEAD_KEYS.has(key) ? head : content)[key] = value;
    }
    const text = ascii(JSON.stringify(content));
    const facts = typeFactsOf(m);
    const stored: StoredHead = { k: keys.join(" "), h: head, n: text.length, r: facts.refs, l: facts.literals };
    if (facts.variants !== undefined) Object.assign(stored, { v: facts.variants.json, c: facts.variants.count });
    if (facts.sentIn !== undefined) stored.p = facts.sentIn;
    heads.push(stored);
    contents += text;
  }
  return { heads, contents };
}

/**
 * The waiting models of a record whose heads parsed to `heads` and whose contents start at `from`
 * in `text` (positions left as stored until `placeWhenParsed`); throws when the heads are not a
 * record's.
 */
export function waitingModels(heads: unknown, text: string, from: number): Model[] {
  if (!Array.isArray(heads)) throw new Error("not a record's models");
  const models: Model[] = [];
  let at = from;
  for (const stored of heads as StoredHead[]) {
    const { k, h, n, r, l, v, c, p } = stored;
    const shaped = typeof k === "string" && typeof h === "object" && h !== null && typeof h.id === "string";
    const union = typeof v === "string" && Number.isInteger(c);
    if (!shaped || !Number.isInteger(n) || n < 0 || at + n > text.length || !Array.isArray(r) || !Array.isArray(l))
      throw new Error("not a record's model");
    if ((h.kind === "union") !== union || (p !== undefined && !Array.isArray(p))) throw new Error("not a record's model");
    const w: Waiting = { refs: r, literals: l, text, from: at, to: at + n, id: h.id as string };
    if (union) w.variants = { json: v, count: c! };
    if (p !== undefined) w.sentIn = p;
    // Its record first, so that settle takes every property off in the reverse order they came.
    const model: Record<string, unknown> = {};
    setTypeFacts(model as unknown as Model, w);
    for (const key of keysOf(k)) {
      if (!HEAD_KEYS.has(key)) Object.defineProperty(model, key, accessorOf(key));
      else if (Object.hasOwn(h, key)) model[key] = h[key];
      else throw new Error("not a record's model");
    }
    models.push(model as unknown as Model);
    at += n;
  }
  return models;
}

/** Each distinct key list once (a few dozen among ~2,700 models). */
const keyLists = new Map<string, string[]>();

function keysOf(k: string): string[] {
  let keys = keyLists.get(k);
  if (!keys) keyLists.set(k, (keys = k.split(" ")));
  return keys;
}

/** One accessor per key for every waiting model (found by `this`): models with the same keys share their shape. */
const accessors = new Map<string, PropertyDescriptor>();

function accessorOf(key: string): PropertyDescriptor {
  let accessor = accessors.get(key);
  if (!accessor) {
    accessor = {
      get(this: object) {
        const kept = settle(this);
        return (kept ?? (this as Record<string, unknown>))[key];
      },
      set(this: object, value: unknown) {
        const kept = settle(this);
        (kept ?? (this as Record<string, unknown>))[key] = value;
      },
      enumerable: true,
      configurable: true,
    };
    accessors.set(key, accessor);
  }
  return accessor;
}

function isAccessorOfKey(descriptor: PropertyDescriptor, key: string): boolean {
  return descriptor.get !== undefined && descriptor.get === accessors.get(key)?.get;
}

/**
 * Parses a waiting model's content into it (each key a data property again, in its order) and places
 * its positions. A model made non-extensible (frozen or sealed, say by a library's caller) cannot take
 * its keys back: it keeps waiting, and its accessors read and write the content parsed once, which
 * is returned.
 */
function settle(model: object): Record<string, unknown> | undefined {
  const w = waitingOf(model);
  if (!w) throw new Error("openapi-modelgen: a model taken back from the normalizer's record lost its content");
  if (w.kept) return w.kept;
  const content = JSON.parse(w.text.slice(w.from, w.to)) as Record<string, unknown>;
  if (!Object.isExtensible(model)) {
    const whole = { id: w.id, kind: (model as Model).kind, ...content };
    if (w.place && !placeModels([whole as Model], w.place.file, w.place.shift)) throw outsideWhatItRead();
    return (w.kept = whole);
  }
  const target = model as Record<string, unknown>;
  // Emptied from its last key back and filled again in order: the model ends as fast an object as one parsed whole.
  const keys = Object.keys(target);
  const values = keys.map((key) => {
    const d = Object.getOwnPropertyDescriptor(target, key)!;
    return isAccessorOfKey(d, key) ? content[key] : d.value;
  });
  for (let i = keys.length - 1; i >= 0; i--) delete target[keys[i]!];
  forgetTypeFacts(model as Model);
  for (let i = 0; i < keys.length; i++) target[keys[i]!] = values[i];
  if (w.place && !placeStoredAs(target as unknown as Model, w.id, w.place.file, w.place.shift)) throw outsideWhatItRead();
  return undefined;
}

function outsideWhatItRead(): Error {
  return new Error("openapi-modelgen: a model taken back from the normalizer's record has a position outside what it read");
}

/** placeModels for one model, its positions' pointers made from the id it was stored with. */
function placeStoredAs(m: Model, storedId: string, file: string, shift: Shift): boolean {
  const id = m.id;
  m.id = storedId;
  try {
    return placeModels([m], file, shift);
  } finally {
    m.id = id;
  }
}

/**
 * Makes `models`' positions whole and moved by `shift` when each is parsed (now, for one already
 * parsed): false, part done, when a parsed one's position has no shift. A waiting model's positions
 * all lie in the units its root read (the record's lines are relative to them), each of which the
 * caller has a shift for.
 */
export function placeWhenParsed(models: readonly Model[], file: string, shift: Shift): boolean {
  const place = { file, shift };
  for (const m of models) {
    const w = waitingOf(m);
    if (w) w.place = place;
    else if (!placeModels([m], file, shift)) return false;
  }
  return true;
}

/** Parses every waiting model of `models` (positions as stored, unless placeWhenParsed said where). */
export function settleAll(models: readonly Model[]): void {
  for (const m of models) if (waitingOf(m)) settle(m);
}

/**
 * `{ ...m, ...extra }` (extra: head keys such as a parent or an origin); for a waiting model, `m`
 * itself with them set, still waiting. That is safe because a waiting model is its run's alone: made
 * from the record's text for this run, and its record written back as that text (walk.ts), never
 * from the model. (A copy would have to make every accessor again: ~1,300 models a regeneration.)
 */
export function withHeadKeys<M extends Model>(m: M, extra: Partial<Pick<Model, "parent" | "origin">>): M {
  return waitingOf(m) ? Object.assign(m, extra) : { ...m, ...extra };
}

/** Whether `m` still waits for its content (what the tests count). */
export function isWaiting(m: Model): boolean {
  return waitingOf(m) !== undefined;
}
