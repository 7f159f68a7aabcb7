// Unions: oneOf/anyOf branches (null branches are nullability, not variants), and their tag:
// declared by a discriminator or inferred from a literal property every branch carries.
import { compareStrings } from "../../common/order.js";
import type { Model, UnionModel, UnionVariant } from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import { isNullSchema, isSchemaObject, typesOf, type Schema } from "./keywords.js";
import { variantWord } from "./names.js";
import { followRef, objectView, tagValuesOf, type ObjectView } from "./object-view.js";
import { childAt, shapeOf, typeOf } from "./schema-to-type.js";
import { mappingRef } from "./hierarchy.js";

type Common = Omit<Model, "kind">;

export interface Branch {
  keyword: "oneOf" | "anyOf";
  index: number;
  value: unknown;
}

/** The schema's oneOf and anyOf members, in that order (a shared empty list when it has neither, as most schemas). */
export function unionBranches(s: Schema): readonly Branch[] {
  if (!Array.isArray(s.oneOf) && !Array.isArray(s.anyOf)) return NO_BRANCHES;
  const out: Branch[] = [];
  const add = (keyword: "oneOf" | "anyOf") => {
    const list = s[keyword];
    if (Array.isArray(list)) list.forEach((value, index) => void out.push({ keyword, index, value }));
  };
  add("oneOf");
  add("anyOf");
  return out;
}

const NO_BRANCHES: readonly Branch[] = Object.freeze([]);

/** Property names worth trying as an inferred tag, most conventional first. */
const PREFERRED_TAGS = ["type", "object", "kind", "event", "role"];

export function buildUnion(n: NormalizeContext, at: At, common: Common, hint: string[]): UnionModel {
  const s = at.schema;
  const branches = unionBranches(s).filter((b) => !isNullSchema(b.value));
  const combinator = Array.isArray(s.oneOf) ? "oneOf" : "anyOf";
  if (branches.length === 0) {
    // `type: [string, integer]` with no branches: a union of primitives.
    return { ...common, kind: "union", combinator, variants: primitiveVariants(s) };
  }
  const branchAts = branches.map((b) => childAt(n, at, b.keyword, b.index, b.value));
  const views = branchAts.map((b) => objectViewIfObject(n, b));
  const declared = isSchemaObject(s.discriminator) && typeof s.discriminator.propertyName === "string" ? s.discriminator : undefined;
  const tagProperty = declared ? (declared.propertyName as string) : inferTag(n, views);
  const tags = tagProperty ? branchAts.map((b, i) => tagsOf(n, at, b, views[i], tagProperty, declared?.mapping)) : undefined;
  const variants: UnionVariant[] = branchAts.map((b, i) => {
    const word = variantWord(b.schema, branches[i]!.index, tagProperty);
    const variant: UnionVariant = { type: typeOf(n, b, [...hint, word]).type };
    const t = tags?.[i];
    if (t?.length) variant.tags = t;
    return variant;
  });
  const union: UnionModel = { ...common, kind: "union", combinator, variants };
  if (tagProperty) {
    const complete = variants.every((v) => v.tags?.length);
    if (complete) union.discriminator = { property: tagProperty, origin: declared ? "declared" : "inferred" };
    else
      n.report(
        "unresolved-discriminator",
        at,
        `discriminator "${tagProperty}" has no value for some branches; the union is treated as untagged`,
      );
  }
  return union;
}

function primitiveVariants(s: Schema): UnionVariant[] {
  return typesOf(s).types.map((type) => {
    if (type === "string" || type === "integer" || type === "number" || type === "boolean") return { type: { kind: "primitive", type } };
    if (type === "array") return { type: { kind: "array", items: { kind: "unknown" } } };
    return { type: { kind: "map", values: { kind: "unknown" } } };
  });
}

function objectViewIfObject(n: NormalizeContext, at: At): ObjectView | undefined {
  const target = followRef(n, at).at;
  return shapeOf(target.schema) === "object" ? objectView(n, target, []) : undefined;
}

/** A property every branch requires, with literal values that never overlap between branches. */
function inferTag(n: NormalizeContext, views: (ObjectView | undefined)[]): string | undefined {
  if (views.length < 2 || views.some((v) => v === undefined)) return undefined;
  const all = views as ObjectView[];
  const candidates = [...all[0]!.properties.keys()].filter((name) => all.every((v) => v.properties.has(name) && v.required.has(name)));
  candidates.sort((a, b) => rank(a) - rank(b) || compareStrings(a, b));
  for (const name of candidates) {
    const seen = new Set<string>();
    let ok = true;
    for (const v of all) {
      const values = tagValuesOf(n, v.properties.get(name)!.at);
      if (!values) {
        ok = false;
        break;
      }
      for (const value of values) {
        const key = String(value);
        if (seen.has(key)) ok = false;
        seen.add(key);
      }
      if (!ok) break;
    }
    if (ok) return name;
  }
  return undefined;
}

function rank(name: string): number {
  const i = PREFERRED_TAGS.indexOf(name);
  return i === -1 ? PREFERRED_TAGS.length : i;
}

function tagsOf(n: NormalizeContext, unionAt: At, branch: At, view: ObjectView | undefined, property: string, mapping: unknown): string[] {
  const target = followRef(n, branch);
  if (isSchemaObject(mapping) && target.id) {
    const fromMapping = Object.entries(mapping)
      .filter(([, ref]) => typeof ref === "string" && mappingTargetId(n, unionAt, ref) === target.id)
      .map(([value]) => value);
    if (fromMapping.length) return fromMapping;
  }
  const entry = view?.properties.get(property);
  const values = entry ? tagValuesOf(n, entry.at) : undefined;
  if (values) return values.map(String);
  // A branch that is itself a union is selected by any of its own branches' tags.
  const nested = nestedUnionTags(n, target.at, property, new Set([n.idOf(target.at)]));
  if (nested.length) return nested;
  // OpenAPI's implicit mapping: the schema name of a referenced component.
  const m = target.id ? /^#\/components\/schemas\/([^/]+)$/.exec(target.id) : null;
  return m ? [m[1]!] : [];
}

/** The tag values of every object branch of a union (recursively), for `property`. */
function nestedUnionTags(n: NormalizeContext, at: At, property: string, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const b of unionBranches(at.schema)) {
    if (isNullSchema(b.value) || !isSchemaObject(b.value)) continue;
    const branch = followRef(n, childAt(n, at, b.keyword, b.index, b.value)).at;
    const id = n.idOf(branch);
    if (seen.has(id)) continue;
    seen.add(id);
    const view = objectViewIfObject(n, branch);
    const entry = view?.properties.get(property);
    const values = entry ? tagValuesOf(n, entry.at) : undefined;
    if (values) out.push(...values.map(String));
    else out.push(...nestedUnionTags(n, branch, property, seen));
  }
  return [...new Set(out)];
}

function mappingTargetId(n: NormalizeContext, at: At, ref: string): string | undefined {
  const full = mappingRef(ref);
  try {
    const target = n.resolve(full, at.doc, at.schema, at.pointer);
    return n.specs.idOf(target.doc, target.pointer);
  } catch {
    n.report("unresolved-discriminator", at, `discriminator mapping "${ref}" does not resolve`);
    return undefined;
  }
}
