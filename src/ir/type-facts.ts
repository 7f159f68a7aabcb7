// What the passes over every model of a regeneration read of a model's types, known without its
// types: the models it references, the literal values it uses, a union's variants (and of an
// operation's parameters model, where its parameters are sent). A model the
// normalizer takes back from a previous run's record is parsed only when something reads its
// content (normalize/incremental/lazy-models.ts); its record stores these facts beside it, so the
// passes that visit every model (the unit keys' graph, the spreading of null to references, the
// naming inputs, the Rust literals) do not parse the ~80% of models a one-schema change leaves
// alone. A model whose content is in place has no facts: its types are walked.
import type { LiteralType, Model, ObjectModel, ParameterLocation, TypeExpr, UnionModel } from "./types.js";
import { someTypeOfModel } from "./walk.js";

export interface TypeFacts {
  /** The target of every reference among the model's types, in someTypeOfModel's order, repeats kept. */
  refs: string[];
  /** The value of every literal type among them, in the same order, repeats kept (with its digits beyond 2^53, `exact`). */
  literals: StoredLiteral[];
  /** A union's variants as JSON and how many they are (the naming inputs hash them: naming/naming-inputs.ts). */
  variants?: { json: string; count: number };
  /** Where an object's fields that are parameters are sent (`parameter.in`), each once, in field order; absent when none is. */
  sentIn?: ParameterLocation["in"][];
}

/**
 * Kept on the model under a symbol, not enumerable (no key list, copy, JSON or structured clone sees
 * it), rather than in a WeakMap: every pass over the models asks it of each (~14,000 lookups a
 * regeneration), and a WeakMap first gives each fresh model an identity hash.
 */
const FACTS = Symbol("type facts");

type WithFacts = { [FACTS]?: TypeFacts };

/** A literal's value as a record stores it: the value itself, or with the spec's digits when it has them. */
type StoredLiteral = LiteralType["value"] | { value: number; exact: string };

/**
 * Says what `m`'s types hold until its content is in place (`forgetTypeFacts`). Only the lazy
 * models (normalize/incremental/lazy-models.ts) set facts; theirs carry what else they keep.
 */
export function setTypeFacts(m: Model, facts: TypeFacts): void {
  Object.defineProperty(m, FACTS, { value: facts, writable: true, enumerable: false, configurable: true });
}

export function forgetTypeFacts(m: Model): void {
  delete (m as WithFacts)[FACTS];
}

/** The facts stored for `m`, when its content is not in place. */
export function storedTypeFacts<T extends TypeFacts = TypeFacts>(m: Model): T | undefined {
  return (m as WithFacts)[FACTS] as T | undefined;
}

/** Works the facts out from the model's types (what a record stores). */
export function typeFactsOf(m: Model): TypeFacts {
  const refs: string[] = [];
  const literals: StoredLiteral[] = [];
  someTypeOfModel(m, (t: TypeExpr) => {
    if (t.kind === "ref") refs.push(t.target);
    else if (t.kind === "literal") literals.push(t.exact === undefined ? t.value : { value: t.value as number, exact: t.exact });
    return false;
  });
  if (m.kind === "object") {
    const sentIn = sentInOf(m);
    return sentIn.length ? { refs, literals, sentIn } : { refs, literals };
  }
  if (m.kind !== "union") return { refs, literals };
  return { refs, literals, variants: { json: JSON.stringify(m.variants), count: m.variants.length } };
}

function sentInOf(m: ObjectModel): ParameterLocation["in"][] {
  const sentIn: ParameterLocation["in"][] = [];
  for (let i = 0; i < m.fields.length; i++) {
    const where = m.fields[i]!.parameter?.in;
    if (where !== undefined && !sentIn.includes(where)) sentIn.push(where);
  }
  return sentIn;
}

/**
 * Where the fields of an object that are an operation's parameters are sent (each place once, in
 * field order): Rust's operation docs say it of every operation, and a regeneration would parse the
 * ~300 parameter models of the 3 MB OpenAI spec for it.
 */
export function parameterPlaces(m: Model): readonly ParameterLocation["in"][] {
  const facts = (m as WithFacts)[FACTS];
  if (facts) return facts.sentIn ?? [];
  return m.kind === "object" ? sentInOf(m) : [];
}

/** A union's variants as JSON. */
export function variantsText(m: UnionModel): string {
  return (m as WithFacts)[FACTS]?.variants?.json ?? JSON.stringify(m.variants);
}

/** How many variants a union has. */
export function variantCount(m: UnionModel): number {
  return (m as WithFacts)[FACTS]?.variants?.count ?? m.variants.length;
}

/**
 * A function that calls `visit` with the target of every reference among a model's types
 * (someTypeOfModel's order, repeats kept). Made once per pass over the models: a call per model
 * allocates nothing (a cold run walks every model's types).
 */
export function refTargetVisitor(visit: (target: string) => void): (m: Model) => void {
  const test = (t: TypeExpr): boolean => {
    if (t.kind === "ref") visit(t.target);
    return false;
  };
  return (m) => {
    const facts = (m as WithFacts)[FACTS];
    if (!facts) return void someTypeOfModel(m, test);
    const refs = facts.refs;
    for (let i = 0; i < refs.length; i++) visit(refs[i]!);
  };
}

/** As refTargetVisitor, for the value of every literal type among a model's types, with its digits beyond 2^53 when it has them. */
export function literalVisitor(visit: (value: LiteralType["value"], exact: string | undefined) => void): (m: Model) => void {
  const test = (t: TypeExpr): boolean => {
    if (t.kind === "literal") visit(t.value, t.exact);
    return false;
  };
  return (m) => {
    const facts = (m as WithFacts)[FACTS];
    if (!facts) return void someTypeOfModel(m, test);
    const items = facts.literals;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (typeof item === "object") visit(item.value, item.exact);
      else visit(item, undefined);
    }
  };
}
