// The one naming pass of a target: model names (global or nested in their parent), field names
// per model, enum member names per enum, variant names per union. Each scope hands out names in
// a fixed order (components before hoisted models, then by id), so the result is deterministic.
import type { IrDocument, Model, TypeExpr } from "../ir/types.js";
import { indexModels, modelPositions } from "../ir/query.js";
import { NameScope } from "./scope.js";
import { hintWords, splitWords } from "./words.js";
import { MAX_TYPE_NAME_BYTES, withinBytes } from "./name-length.js";

export interface NamingRules {
  /** Identifier of a model (or union variant) from its words. */
  typeName(words: readonly string[]): string;
  /** Hoisted models live inside their parent (TS namespace, Scala companion, Elixir submodule). */
  nestTypes: boolean;
  reservedTypeNames: ReadonlySet<string>;
  fieldName(wire: string): string;
  /**
   * Fields are written as their wire names (TypeScript interfaces are the JSON's shape), so a
   * user's field rename (`Field.identifier`) does not apply.
   */
  fieldsAreWireNames?: boolean;
  reservedFieldNames: ReadonlySet<string>;
  memberName(value: string | number | boolean): string;
  /** Members are written as their values (Elixir atoms), so a name the spec gives a value is not used. */
  membersAreValues?: boolean;
  reservedMemberNames: ReadonlySet<string>;
  /** What a reserved candidate becomes (e.g. `type` -> `r#type`); the scope still dedupes it. */
  escapeReserved(candidate: string, kind: "type" | "field" | "member"): string;
  /**
   * Enum members compare case-insensitively: each is a class file where a case-folding file
   * system holds one of `FieldOfficer` and `Fieldofficer` (Scala's case objects). Fields are
   * methods and compare exactly.
   */
  caseInsensitiveMembers?: boolean;
  /**
   * A nested name may equal a top-level one. Only for languages that always refer to types by
   * their full path (Elixir modules); elsewhere the nested name would shadow the top-level type.
   */
  nestedMayRepeatTopLevel?: boolean;
  /**
   * The most UTF-8 bytes of a nested type's path (its names from the outermost model down, joined
   * by dots), where the language limits the full name (an Elixir module is an atom: 255 characters
   * with `Elixir.` and the namespace). A nested name is cut to the room its parent's path leaves
   * (name-length.ts), to no less than MIN_NESTED_BYTES.
   */
  maxPathBytes?: number;
}

/** The least a nested name is cut to, however long its parent's path: a few characters and the hash. */
const MIN_NESTED_BYTES = 12;

export interface NameTable {
  /** The model's own identifier (local to its parent when types nest). */
  type(id: string): string;
  /** Identifiers from the outermost model down to this one (one entry unless types nest); shared, not to be changed. */
  path(id: string): readonly string[];
  field(modelId: string, wire: string): string;
  member(modelId: string, value: string | number | boolean): string;
  variant(modelId: string, index: number): string;
}

/**
 * The names that depend on other models: each model's own type name and each union's variant
 * names, by position in `ir.models` (null for a model that is no union). Plain data, so a later run
 * with the same naming inputs can use it again instead of naming every model (src/emit/reuse.ts).
 */
export interface TypeNames {
  types: string[];
  variants: (string[] | null)[];
}

/** Names every model; `typeNames` (from `typeNamesOf` with the same IR and rules, maybe on an earlier run) skips that part. */
export function assignNames(ir: IrDocument, rules: NamingRules, typeNames: TypeNames = typeNamesOf(ir, rules)): NameTable {
  const byId = indexModels(ir.models);
  // A model's type name by its place in the list (the place of its id's last model, as a Map would hold it).
  const places = modelPositions(ir.models);
  const typeOf = (id: string): string | undefined => {
    const i = places.get(id);
    return i === undefined ? undefined : typeNames.types[i];
  };
  const variants = new Map<string, string[]>();
  ir.models.forEach((m, i) => {
    const names = typeNames.variants[i];
    if (names) variants.set(m.id, names);
  });
  // A model's field and member names follow from its own fields or members and the rules alone
  // (each model is its own scope): they are worked out when first asked for, so a regeneration
  // that keeps most models' files (src/emit/reuse.ts) never names their fields.
  // One lookup per use (null: the model has none), not a `has` and a `get`.
  const fields = new Map<string, Map<string, string> | null>();
  const fieldsOf = (id: string): Map<string, string> | null => {
    let names = fields.get(id);
    if (names === undefined) fields.set(id, (names = fieldNames(byId.get(id), rules)));
    return names;
  };
  const members = new Map<string, Map<MemberValue, string> | null>();
  const membersOf = (id: string): Map<MemberValue, string> | null => {
    let names = members.get(id);
    if (names === undefined) members.set(id, (names = memberNames(byId.get(id), rules)));
    return names;
  };

  // Lookups are made per field and per use of a type, thousands per language: the message of a
  // missing name is built only when one is missing.
  const missing = (what: string): never => {
    throw new Error(`naming: no name for ${what}`);
  };
  // Asked for at every use of a type (thousands per language): each model's path is built once.
  const paths = new Map<string, readonly string[]>();
  const path = (id: string): readonly string[] => {
    let known = paths.get(id);
    if (known === undefined) {
      const m = byId.get(id) ?? missing(`model ${id}`);
      const own = typeOf(id) ?? missing(`model ${id}`);
      paths.set(id, (known = rules.nestTypes && m.parent ? [...path(m.parent), own] : [own]));
    }
    return known;
  };
  return {
    type: (id) => typeOf(id) ?? missing(`model ${id}`),
    path,
    field: (modelId, wire) => fieldsOf(modelId)?.get(wire) ?? missing(`field ${wire} of ${modelId}`),
    member: (modelId, value) => membersOf(modelId)?.get(value) ?? missing(`member ${String(value)} of ${modelId}`),
    variant: (modelId, index) => variants.get(modelId)?.[index] ?? missing(`variant ${index} of ${modelId}`),
  };
}

/**
 * Type and variant names. What they are worked out from (naming-inputs.ts hashes exactly this, so
 * keep the two in step): the models' order, ids, parents, origins (priority), name hints and
 * kinds, and each union's variants (tags and types); the rules.
 */
export function typeNamesOf(ir: IrDocument, rules: NamingRules): TypeNames {
  const byId = indexModels(ir.models);
  const types = new Map<string, string>();
  const childScopes = new Map<string, NameScope>();
  const global = new NameScope(rules.reservedTypeNames, true);
  const claimType = (scope: NameScope, words: readonly string[], room = MAX_TYPE_NAME_BYTES) => {
    const candidate = withinBytes(rules.typeName(words.length ? words : ["Model"]), room);
    return scope.claim(
      scope.isFree(candidate) || !rules.reservedTypeNames.has(candidate) ? candidate : rules.escapeReserved(candidate, "type"),
    );
  };
  // Component schemas claim global names first, then the other components, then operation models,
  // and hoisted models last: a component keeps its name and the operation model yields.
  const byPriority = (list: Model[]) => {
    const tiers: Model[][] = [[], [], []];
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      tiers[namingPriority(m)]!.push(m);
    }
    return tiers.flat();
  };
  const topLevel = [
    ...byPriority(ir.models.filter((m) => !m.parent)),
    ...(rules.nestTypes ? [] : byPriority(ir.models.filter((m) => m.parent))),
  ];
  for (let i = 0; i < topLevel.length; i++) {
    const m = topLevel[i]!;
    types.set(m.id, claimType(global, ownWords(m)));
  }
  // A nested name never repeats a top-level one: inside a namespace or companion it would shadow
  // the top-level type for every reference written there.
  const nestedReserved = rules.nestedMayRepeatTopLevel ? rules.reservedTypeNames : new Set([...rules.reservedTypeNames, ...types.values()]);
  const nested = rules.nestTypes ? ir.models.filter((m) => m.parent) : [];
  const pathBytes = rules.maxPathBytes === undefined ? undefined : pathLengths(types, byId);
  // A nested name's room depends on its parent's path: parents first (a stable sort keeps each scope's order).
  if (pathBytes) sortByDepth(nested, byId);
  for (let i = 0; i < nested.length; i++) {
    const m = nested[i]!;
    const parent = m.parent!;
    let scope = childScopes.get(parent);
    if (!scope) childScopes.set(parent, (scope = new NameScope(nestedReserved, true)));
    const left = pathBytes ? rules.maxPathBytes! - pathBytes(parent) - 1 : undefined;
    const room = left === undefined ? undefined : Math.max(MIN_NESTED_BYTES, Math.min(MAX_TYPE_NAME_BYTES, left));
    types.set(m.id, claimType(scope, nestedWords(m, byId.get(parent)), room));
  }
  const variants = ir.models.map((m) => {
    if (m.kind !== "union") return null;
    const scope = new NameScope(rules.reservedTypeNames, true);
    return m.variants.map((v) => claimType(scope, variantWords(v.subtype ? undefined : v.tags, v.type, byId, types)));
  });
  return { types: ir.models.map((m) => types.get(m.id)!), variants };
}

/** The UTF-8 bytes of each named model's dotted path (`Run.LastError`), from the names given so far. */
function pathLengths(types: ReadonlyMap<string, string>, byId: ReadonlyMap<string, Model>): (id: string) => number {
  const known = new Map<string, number>();
  const of = (id: string): number => {
    let bytes = known.get(id);
    if (bytes === undefined) {
      const parent = byId.get(id)?.parent;
      const own = Buffer.byteLength(types.get(id) ?? "");
      known.set(id, (bytes = parent === undefined ? own : of(parent) + 1 + own));
    }
    return bytes;
  };
  return of;
}

/** Sorts models by how many parents they have, keeping the order of those with as many. */
function sortByDepth(models: Model[], byId: ReadonlyMap<string, Model>): void {
  const depth = new Map<Model, number>();
  const depthOf = (m: Model): number => {
    let d = depth.get(m);
    if (d === undefined) {
      const parent = m.parent === undefined ? undefined : byId.get(m.parent);
      depth.set(m, (d = parent === undefined || parent === m ? 0 : depthOf(parent) + 1));
    }
    return d;
  };
  models.sort((a, b) => depthOf(a) - depthOf(b));
}

/** An object's field names, by wire name (null for any other model). */
function fieldNames(m: Model | undefined, rules: NamingRules): Map<string, string> | null {
  if (m?.kind !== "object") return null;
  const scope = new NameScope(rules.reservedFieldNames);
  const names = new Map<string, string>();
  const known = candidates(fieldCandidates, rules);
  for (let i = 0; i < m.fields.length; i++) {
    const f = m.fields[i]!;
    const candidate = fieldCandidate(known, rules, rules.fieldsAreWireNames ? f.name : (f.identifier ?? f.name));
    names.set(f.name, scope.claim(rules.reservedFieldNames.has(candidate) ? rules.escapeReserved(candidate, "field") : candidate));
  }
  return names;
}

/**
 * `rules.fieldName` and `rules.memberName` of each spec name, per rules and thread. Objects repeat
 * their field names (7,730 fields with 782 distinct names in the 2026-08-21 OpenAI spec), and each
 * name's words and case are worked out once instead of per field. Bounded, for a long `--watch`.
 */
const fieldCandidates = new WeakMap<NamingRules, Map<string, string>>();
const memberCandidates = new WeakMap<NamingRules, Map<MemberValue, string>>();
const CANDIDATES_LIMIT = 100_000;

function fieldCandidate(names: Map<string, string>, rules: NamingRules, name: string): string {
  let candidate = names.get(name);
  if (candidate === undefined) names.set(name, (candidate = rules.fieldName(name)));
  return candidate;
}

function memberCandidate(names: Map<MemberValue, string>, rules: NamingRules, value: MemberValue): string {
  let candidate = names.get(value);
  if (candidate === undefined) names.set(value, (candidate = rules.memberName(value)));
  return candidate;
}

function candidates<K>(known: WeakMap<NamingRules, Map<K, string>>, rules: NamingRules): Map<K, string> {
  let names = known.get(rules);
  if (!names || names.size >= CANDIDATES_LIMIT) known.set(rules, (names = new Map()));
  return names;
}

/** An enum's member names, by value (null for any other model). */
function memberNames(m: Model | undefined, rules: NamingRules): Map<MemberValue, string> | null {
  if (m?.kind !== "enum") return null;
  const scope = new NameScope(rules.reservedMemberNames, rules.caseInsensitiveMembers);
  const names = new Map<MemberValue, string>();
  const known = candidates(memberCandidates, rules);
  for (let i = 0; i < m.members.length; i++) {
    const member = m.members[i]!;
    // The name the spec gives a value (a title, x-enum-varnames) wins, where members have names of their own;
    // else the value as the spec wrote it (its digits beyond 2^53, which the double spells otherwise).
    const named = rules.membersAreValues ? member.value : (member.name ?? member.exact ?? member.value);
    const candidate = memberCandidate(known, rules, named);
    names.set(member.value, scope.claim(rules.reservedMemberNames.has(candidate) ? rules.escapeReserved(candidate, "member") : candidate));
  }
  return names;
}

/** 0: schemas (components and other files), 1: the inline schemas of other components, 2: operation models. */
function namingPriority(m: Model): number {
  if (m.origin === "operation" || m.origin === "parameters" || m.origin === "webhook") return 2;
  if (m.origin === "file" || !m.id.startsWith("#/components/") || m.id.startsWith("#/components/schemas/")) return 0;
  return 1;
}

/**
 * A member's value, itself the key of its name: a Map tells `1` from `"1"` and `true` from
 * `"true"` and takes -0 as 0 and NaN as NaN (SameValueZero), the same keys as a text of type and
 * value, without building that text per lookup.
 */
type MemberValue = string | number | boolean;

/**
 * The words a model is named from do not depend on the language: worked out once per model and
 * thread (every language of the thread names the same models), kept per model object.
 */
const ownWordsOf = new WeakMap<Model, readonly string[]>();
/** Per model: the parent its words were worked out under (an IR without that parent names it afresh). */
const nestedWordsOf = new WeakMap<Model, { parent: Model | undefined; words: readonly string[] }>();

/** A top-level model's words: its whole hint. */
function ownWords(m: Model): readonly string[] {
  let words = ownWordsOf.get(m);
  if (words === undefined) ownWordsOf.set(m, (words = hintWords(m.nameHint)));
  return words;
}

/** A nested model's own words: its hint minus the parent's hint prefix. */
function nestedWords(m: Model, parent: Model | undefined): readonly string[] {
  const known = nestedWordsOf.get(m);
  if (known !== undefined && known.parent === parent) return known.words;
  const ph = parent?.nameHint ?? [];
  const isPrefix = ph.length < m.nameHint.length && ph.every((w, i) => m.nameHint[i] === w);
  const words = hintWords(isPrefix ? m.nameHint.slice(ph.length) : m.nameHint.slice(-1));
  nestedWordsOf.set(m, { parent, words });
  return words;
}

/**
 * A variant is named by its one tag, else by the model it references (also when several tags
 * select it: `Comparison`, not its first operator `Eq`; and always for a subtype: its tags are
 * passed as none), else by its kind.
 */
function variantWords(tags: string[] | undefined, t: TypeExpr, byId: ReadonlyMap<string, Model>, types: Map<string, string>): string[] {
  if (tags?.length === 1 || (tags?.length && t.kind !== "ref")) return splitWords(tags[0]!);
  switch (t.kind) {
    case "ref": {
      const target = byId.get(t.target);
      return target ? splitWords(types.get(target.id) ?? target.nameHint.at(-1) ?? "Model") : ["Model"];
    }
    case "primitive":
      return [t.type === "integer" ? "Integer" : t.type === "number" ? "Number" : t.type === "boolean" ? "Boolean" : "String"];
    case "literal":
      return splitWords(String(t.value));
    case "array":
      return ["Array"];
    case "map":
      return ["Map"];
    case "unknown":
      return ["Value"];
  }
}
