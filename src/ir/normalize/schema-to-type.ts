// The heart of the normalizer: one schema in, one TypeExpr out. Null idioms and annotation
// wrappers are peeled off here; objects, enums and unions become named models (hoisted when
// inline) and are referred to by id.
import type { Docs, JsonValue, LiteralType, Model, TypeExpr } from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import type { SourceDocument } from "../../load/loader.js";
import {
  constraintsOf,
  docsOf,
  isAnnotationOnly,
  isNullSchema,
  isRefinementOnly,
  isSchemaObject,
  mergeDocs,
  typesOf,
  unsupportedKeysOf,
  type Schema,
} from "./keywords.js";
import { buildObject } from "./build-object.js";
import { followRef } from "./object-view.js";
import { buildEnum, constBranches, isScalar, isScalarEnum, literalOf } from "./build-enum.js";
import { buildUnion, unionBranches } from "./build-union.js";
import { addExactBounds, copyDefault, literalDigits, setDefault } from "./exact-digits.js";
import { buildMember } from "./build-hierarchy.js";

/** A type as used at one place, with the docs and default that belong to that place. */
export interface UseSite {
  type: TypeExpr;
  docs: Docs;
  default?: JsonValue;
  defaultExact?: string;
}

type Shape = "object" | "enum" | "union" | "inline";

/** Does this schema define a named model (object, enum, union) or an inline type? */
export function shapeOf(schema: Schema): Shape {
  const { types } = typesOf(schema);
  if (isScalarEnum(schema)) return "enum";
  if (constBranches(schema)) return "enum";
  const branches = unionBranches(schema);
  if (branches.length >= 2 && branches.filter((b) => !isNullSchema(b.value)).length >= 2 && !isRequiredOnlyUnion(schema)) return "union";
  if (types.length >= 2) return "union";
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0 && !isRefWrapper(schema)) return "object";
  if (isSchemaObject(schema.properties) && (types.length === 0 || types[0] === "object")) return "object";
  if (types[0] === "object" && (schema.additionalProperties === false || (Array.isArray(schema.required) && schema.required.length > 0)))
    return "object";
  return "inline";
}

/** `allOf` around one `$ref` (plus annotation members) and nothing else: the reference with annotations. */
function isRefWrapper(schema: Schema): boolean {
  if (!Array.isArray(schema.allOf) || "properties" in schema || "additionalProperties" in schema) return false;
  const structural = schema.allOf.filter((m) => !(isSchemaObject(m) && isAnnotationOnly(m)));
  return structural.length === 1 && isSchemaObject(structural[0]) && typeof structural[0].$ref === "string";
}

/** `oneOf: [{required: [a]}, {required: [b]}]` beside properties: a presence rule, not a union. */
export function isRequiredOnlyUnion(schema: Schema): boolean {
  const branches = [...(Array.isArray(schema.oneOf) ? schema.oneOf : []), ...(Array.isArray(schema.anyOf) ? schema.anyOf : [])];
  return (
    branches.length > 0 &&
    branches.every((b) => isSchemaObject(b) && Object.keys(b).every((k) => k === "required" || k === "description" || k === "title"))
  );
}

export function typeOf(n: NormalizeContext, at: At, hint: string[]): UseSite {
  const s = at.schema;
  reportUnsupported(n, at);

  const ref = refOf(s);
  if (ref !== undefined) return refUse(n, at, ref);

  // anyOf/oneOf with null branches: the other branch, nullable. Its docs belong to the use site.
  const branches = unionBranches(s);
  const nonNull = branches.filter((b) => !isNullSchema(b.value));
  // A lone branch (`oneOf: [X]`) wraps X the same way, null or not.
  if (nonNull.length === 1 && isWrapperOnly(s, ["anyOf", "oneOf"])) {
    const only = nonNull[0]!;
    const inner = typeOf(n, childAt(n, at, only.keyword, only.index, only.value), hint);
    return withOuter(n, at.doc, inner, s, branches.length > nonNull.length);
  }
  // allOf of one schema (often a lone $ref) and members that annotate or refine it: that schema.
  if (Array.isArray(s.allOf) && isWrapperOnly(s, ["allOf"])) {
    const refined = refinedMember(n, at, s.allOf);
    if (refined >= 0) return refinedUse(n, at, s.allOf, refined, hint);
  }

  const nullable = isOwnNullable(s);
  const docs = docsOf(s);
  const base: UseSite = { type: inlineOrRef(n, at, hint), docs };
  if ("default" in s) setDefault(n, at.doc, s, base);
  if (nullable) base.type = { ...base.type, nullable: true };
  return base;
}

/**
 * The one member of an allOf that says what the value is, when every other member only annotates
 * it (docs, nullability), or also narrows it (constraints) and it is not an object: AWS's specs
 * write fields as `allOf: [{$ref: __string}, {pattern, description}]`. Its index, else -1 (an allOf
 * of objects is merged into one object model: object-view.ts).
 */
function refinedMember(n: NormalizeContext, at: At, members: unknown[]): number {
  let found = -1;
  let constrained = false;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (isSchemaObject(m) && isAnnotationOnly(m)) continue;
    if (isSchemaObject(m) && isRefinementOnly(m)) {
      constrained = true;
      continue;
    }
    if (found !== -1) return -1;
    found = i;
  }
  return found !== -1 && (!constrained || isScalarOrList(n, at, members, found)) ? found : -1;
}

/** allOf member `index`, its `$ref`s followed, is a string, number, boolean or list (not an object, enum or union). */
function isScalarOrList(n: NormalizeContext, at: At, members: unknown[], index: number): boolean {
  // Anything but a schema object is no such type (object-view.ts passes over it; typeOf reports it).
  if (!isSchemaObject(members[index])) return false;
  let cur = childAt(n, at, "allOf", index, members[index]);
  for (let hops = 0; typeof cur.schema.$ref === "string" && hops < 32; hops++) cur = followRef(n, cur).at;
  if (literalOf(cur.schema) !== undefined || shapeOf(cur.schema) !== "inline") return false;
  const type = typesOf(cur.schema).types[0];
  return type === "string" || type === "integer" || type === "number" || type === "boolean" || type === "array";
}

/** The refined member's type, with the other members' docs, nullability and constraints (refinedMember). */
function refinedUse(n: NormalizeContext, at: At, members: unknown[], index: number, hint: string[]): UseSite {
  const inner = typeOf(n, childAt(n, at, "allOf", index, members[index]), hint);
  let use = withOuter(n, at.doc, inner, at.schema, at.schema.nullable === true);
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (i === index || !isSchemaObject(m)) continue;
    use = withOuter(n, at.doc, use, m, m.nullable === true);
    const constraints = constraintsOf(m);
    if (!constraints) continue;
    // A named model's constraints are its own: a use cannot narrow the type it names.
    if (use.type.kind === "ref") {
      n.report("ignored-keyword", childAt(n, at, "allOf", i, m), "constraints beside a `$ref` in allOf are not represented");
      continue;
    }
    use.type = { ...use.type, constraints: { ...use.type.constraints, ...constraints } };
  }
  return use;
}

/** The non-null part of a schema: a model reference (hoisting it) or an inline type. */
function inlineOrRef(n: NormalizeContext, at: At, hint: string[]): TypeExpr {
  const s = at.schema;
  const literal = literalOf(s);
  if (literal !== undefined) {
    const type: LiteralType = { kind: "literal", value: literal };
    const exact = literalDigits(n, at.doc, s, literal);
    if (exact !== undefined) type.exact = exact;
    if (typeof s.format === "string") type.format = s.format;
    return type;
  }
  if (shapeOf(s) !== "inline") return { kind: "ref", target: defineModel(n, at, hint) };
  return inlineType(n, at, hint);
}

function inlineType(n: NormalizeContext, at: At, hint: string[]): TypeExpr {
  const s = at.schema;
  const { types } = typesOf(s);
  const constraints = constraintsOf(s);
  if (constraints) addExactBounds(n, at, constraints);
  const withConstraints = <T extends TypeExpr>(t: T): T => (constraints ? { ...t, constraints } : t);
  const type = types[0] ?? (s.items !== undefined ? "array" : s.additionalProperties !== undefined ? "object" : undefined);
  switch (type) {
    case "string":
    case "integer":
    case "number":
    case "boolean": {
      const t: TypeExpr = { kind: "primitive", type };
      if (typeof s.format === "string") t.format = s.format;
      else if (type === "integer" && isDescribedAsUnixTime(s)) Object.assign(t, { format: "unixtime", formatInferred: true });
      return withConstraints(t);
    }
    case "array": {
      if (s.items === undefined) return withConstraints({ kind: "array", items: { kind: "unknown" } });
      const items = typeOf(n, childAt(n, at, "items", undefined, s.items), [...hint, "item"]);
      return withConstraints({ kind: "array", items: items.type });
    }
    case "object": {
      const ap = s.additionalProperties;
      if (ap === undefined || ap === true) return withConstraints({ kind: "map", values: { kind: "unknown" } });
      const values = typeOf(n, childAt(n, at, "additionalProperties", undefined, ap), [...hint, "value"]);
      return withConstraints({ kind: "map", values: values.type });
    }
    case undefined:
      return withConstraints({ kind: "unknown" });
    default:
      n.report("became-unknown", at, `unknown type "${type}"`);
      return { kind: "unknown" };
  }
}

/** Older specs describe timestamps only in words; the format keeps them 64-bit and documented in every target. */
function isDescribedAsUnixTime(s: Schema): boolean {
  return typeof s.description === "string" && /\bunix timestamp\b/i.test(s.description);
}

/**
 * The model for the schema at `at`, building it on first use. Components and $ref targets
 * start here; so do inline objects, enums and unions, hoisted under their own pointer.
 */
export function defineModel(n: NormalizeContext, at: At, hint: string[]): string {
  const id = n.idOf(at);
  if (n.models.has(id)) return id;
  if (n.building.has(id)) {
    n.recorder?.cycled(id);
    return id;
  }
  // A component schema reached through a `$ref` while the walk records: taken whole from the previous record, or recorded as a frame.
  const frame = n.frames?.enter(id, at);
  if (frame === "adopted") return id;
  n.building.add(id);
  const model = buildModel(n, at, id, hint);
  n.building.delete(id);
  n.models.set(id, model);
  if (frame) n.frames!.exit();
  return id;
}

function buildModel(n: NormalizeContext, at: At, id: string, hint: string[]): Model {
  const member = n.hierarchy?.get(id);
  if (member) {
    reportUnsupported(n, at);
    const common = { id, nameHint: hint, docs: docsOf(at.schema), source: n.source(at) };
    return withNullable(buildMember(n, at, common, hint, member), isOwnNullable(at.schema));
  }
  // `X: anyOf [{...inline...}, {type: null}]` (or `oneOf: [{...}]`): X is the inline schema,
  // nullable when a null branch is there (one model, not two).
  const wrapped = wrappedInline(n, at);
  if (wrapped) {
    const inner = buildModel(n, wrapped.at, id, hint);
    const m = { ...inner, docs: mergeDocs(docsOf(at.schema), inner.docs), source: n.source(at) };
    return wrapped.nullable ? { ...m, nullable: true } : m;
  }
  const s = at.schema;
  const common = { id, nameHint: hint, docs: docsOf(s), source: n.source(at) };
  const withDefault = <M extends Model>(m: M): M => {
    if (!("default" in s)) return m;
    const withIt = { ...m };
    setDefault(n, at.doc, s, withIt);
    return withIt;
  };
  const literal = literalOf(s);
  const shape = literal !== undefined || isRefinedScalar(n, at) ? "inline" : shapeOf(s);
  const nullable = isOwnNullable(s);
  // An inline shape is typed through typeOf, which reports.
  if (shape !== "inline") reportUnsupported(n, at);
  switch (shape) {
    case "object":
      return withNullable(withDefault(buildObject(n, at, common, hint)), nullable);
    case "enum":
      return withNullable(withDefault(buildEnum(n, at, common)), nullable);
    case "union":
      return withNullable(withDefault(buildUnion(n, at, common, hint)), nullable);
    case "inline": {
      // Aliases: the use-site view of the schema becomes the model (wrappers peeled, nulls kept).
      const use = typeOf(n, at, hint);
      const m: Model = { ...common, kind: "alias", type: use.type, docs: use.docs };
      copyDefault(use, m);
      return m;
    }
  }
}

/** An allOf that annotates or refines a string, a number or a list (refinedMember) is that type, named: an alias, not an object. */
function isRefinedScalar(n: NormalizeContext, at: At): boolean {
  const s = at.schema;
  if (!Array.isArray(s.allOf) || !isWrapperOnly(s, ["allOf"])) return false;
  const i = refinedMember(n, at, s.allOf);
  return i >= 0 && isScalarOrList(n, at, s.allOf, i);
}

function wrappedInline(n: NormalizeContext, at: At): { at: At; nullable: boolean } | undefined {
  const s = at.schema;
  const branches = unionBranches(s);
  const nonNull = branches.filter((b) => !isNullSchema(b.value));
  if (nonNull.length !== 1 || !isWrapperOnly(s, ["anyOf", "oneOf"])) return undefined;
  const only = nonNull[0]!;
  if (
    !isSchemaObject(only.value) ||
    refOf(only.value) !== undefined ||
    literalOf(only.value) !== undefined ||
    shapeOf(only.value) === "inline"
  )
    return undefined;
  return { at: childAt(n, at, only.keyword, only.index, only.value), nullable: branches.length > 1 };
}

/** Null spelled on the schema itself: `nullable`, a "null" type, null in `enum`, a null union branch. */
function isOwnNullable(s: Schema): boolean {
  return (
    s.nullable === true ||
    typesOf(s).hasNull ||
    (Array.isArray(s.enum) && s.enum.includes(null)) ||
    unionBranches(s).some((b) => isNullSchema(b.value))
  );
}

function withNullable<M extends Model>(m: M, nullable: boolean): M {
  return nullable ? { ...m, nullable: true } : m;
}

/** Child schema under `keyword` (or `keyword/index`). */
export function childAt(n: NormalizeContext, at: At, keyword: string, index: number | undefined, value: unknown): At {
  if (index === undefined) return n.child(at, keyword, value);
  return n.child({ ...at, pointer: `${at.pointer}/${keyword}` }, index, value, at.schema[keyword] as object);
}

function refOf(s: Schema): { keyword: string; value: string } | undefined {
  // Three property reads, not a loop over a list made per call: this runs for every schema.
  const ref = s.$ref;
  if (typeof ref === "string") return { keyword: "$ref", value: ref };
  const recursive = s.$recursiveRef;
  if (typeof recursive === "string") return { keyword: "$recursiveRef", value: recursive };
  const dynamic = s.$dynamicRef;
  if (typeof dynamic === "string") return { keyword: "$dynamicRef", value: dynamic };
  return undefined;
}

/** A $ref use: the referenced model, plus sibling annotations (nullable, description, default). */
function refUse(n: NormalizeContext, at: At, ref: { keyword: string; value: string }): UseSite {
  const s = at.schema;
  let targetId: string;
  if (ref.keyword !== "$ref" && ref.value === "#") {
    // OpenAI writes `$recursiveRef: "#"` for "the schema being defined": the enclosing model.
    targetId = n.idOf({ doc: at.doc, pointer: at.owner });
  } else {
    const target = n.resolve(ref.value, at.doc, s, at.pointer);
    if (!isSchemaObject(target.value) && typeof target.value !== "boolean") {
      throw n.error(
        at,
        ref.keyword,
        `$ref "${ref.value}" points at ${Array.isArray(target.value) ? "an array" : typeof target.value}, not a schema`,
      );
    }
    const schema = typeof target.value === "boolean" ? (target.value ? {} : { not: {} }) : target.value;
    const targetAt: At = { doc: target.doc, pointer: target.pointer, schema, owner: target.pointer };
    checkRefChain(n, targetAt);
    const hint = n.hintFor(target.doc, target.pointer);
    // A pointer into a definition at a null wrapper around an inline model (`Holder/properties/status`
    // holding `oneOf: [{enum}, null]`) means the type written there: the branch's model, nullable,
    // as the enclosing schema's own use sees it. Defining the wrapper as a model of its own would
    // give two models of one schema, the branch's hoisted under the wrapper's (where Scala cannot
    // nest it when the wrapper is an enum).
    if (n.insideDefinition(target.pointer) && wrappedInline(n, targetAt)) return withOuter(n, at.doc, typeOf(n, targetAt, hint), s, false);
    targetId = defineModel(n, targetAt, hint);
  }
  const use: UseSite = { type: { kind: "ref", target: targetId }, docs: docsOf(s) };
  if (s.nullable === true) use.type.nullable = true;
  if ("default" in s) setDefault(n, at.doc, s, use);
  return use;
}

/** A chain of schemas that are nothing but $refs and loops back has no schema in it: an error. */
function checkRefChain(n: NormalizeContext, start: At): void {
  // Most targets are schemas, not a `$ref` again: nothing to follow (the loop below would return at once).
  if (typeof start.schema.$ref !== "string") return;
  const seen = new Set<string>([n.idOf(start)]);
  let cur = start;
  for (;;) {
    const next = cur.schema.$ref;
    if (typeof next !== "string" || Object.keys(cur.schema).some((k) => k !== "$ref" && !k.startsWith("x-"))) return;
    const target = n.resolve(next, cur.doc, cur.schema, cur.pointer);
    if (!isSchemaObject(target.value)) return;
    const id = n.specs.idOf(target.doc, target.pointer);
    if (seen.has(id)) throw n.error(cur, "$ref", `$ref chain loops back to ${id} without reaching a schema`);
    seen.add(id);
    cur = { doc: target.doc, pointer: target.pointer, schema: target.value, owner: target.pointer };
  }
}

/** True when the schema has nothing but the given combinators and annotations. */
function isWrapperOnly(s: Schema, combinators: string[]): boolean {
  // `type: object` beside an allOf of one $ref restates what the reference already says.
  const restatesType = (k: string) => k === "type" && (s.type === "null" || (s.type === "object" && combinators.includes("allOf")));
  return Object.keys(s).every(
    (k) => combinators.includes(k) || k === "discriminator" || isAnnotationOnly({ [k]: s[k] }) || restatesType(k),
  );
}

/** Outer annotations over an inner use: outer docs and default win, nullability accumulates. */
function withOuter(n: NormalizeContext, doc: SourceDocument, inner: UseSite, outer: Schema, nullable: boolean): UseSite {
  const use: UseSite = { type: inner.type, docs: mergeDocs(docsOf(outer), inner.docs) };
  if ("default" in outer) setDefault(n, doc, outer, use);
  else copyDefault(inner, use);
  if (nullable || outer.nullable === true) use.type = { ...use.type, nullable: true };
  return use;
}

/**
 * What of the schema the IR does not hold: its unsupported keywords, and an `enum` that lists a
 * list or an object (isScalarEnum). Asked of every use (typeOf) and every model built without one
 * (buildModel: a component object, enum or union); a place and message is reported once.
 */
function reportUnsupported(n: NormalizeContext, at: At): void {
  const s = at.schema;
  const keys = unsupportedKeysOf(s);
  for (let i = 0; i < keys.length; i++) n.report("unsupported-keyword", at, `\`${keys[i]}\` is not represented in the IR and is ignored`);
  if (Array.isArray(s.enum) && s.enum.some((v) => v !== null && !isScalar(v)))
    n.report("ignored-keyword", at, "`enum` lists a value that is not a string, number or boolean; the schema is typed without it");
}
