// Polymorphism by inheritance, OpenAPI's own example of a discriminator: a component schema
// declares `discriminator` without oneOf/anyOf (`Pet`), and other component schemas extend it
// through `allOf: [{$ref: Pet}, ...]` (`Cat`, `Dog`). A value of type Pet is then one of its
// subtypes, told apart by the tag property; read as a plain Pet, a Dog would lose every field Pet
// does not declare. Found once per run, before the walk (the schemas that extend a type are not
// reachable from it); the normalizer then builds each such type as a tagged union of what
// extends it (build-hierarchy.ts).
import type { SourceDocument } from "../../load/loader.js";
import { childPointer } from "../../load/pointer.js";
import type { At, NormalizeContext } from "./context.js";
import { isSchemaObject, type Schema } from "./keywords.js";
import { tagValuesOf } from "./object-view.js";
import { unionBranches } from "./build-union.js";
import { shapeOf } from "./schema-to-type.js";

/** A component schema of a hierarchy: the type that declares the discriminator, or one extending it. */
export interface HierarchyMember {
  /** The tag property (the nearest declared discriminator's, this schema's own first). */
  property: string;
  /**
   * The tag values that mean exactly this schema: the discriminator mapping's, else Azure's
   * `x-ms-discriminator-value`, else a literal the schema gives the tag property, else (for a
   * schema that extends another) its component name, OpenAPI's implicit mapping. None for a
   * declaring type given no value: it is abstract, only its subtypes occur.
   */
  tags: string[];
  /** The schemas extending this one directly (an `allOf` member refers to it), in the documents' order. */
  children: { id: string; at: At }[];
  /** The tags of this schema and of everything extending it, directly or not: what selects it in its parent's union. */
  subtreeTags: string[];
}

interface Entry {
  at: At;
  id: string;
  name: string;
  parents: string[];
}

/**
 * Sets `n.hierarchy` from the documents loaded now, and again whenever a `$ref` first reaches
 * another file (the walk reaches a file's schemas only through such a `$ref`, so its hierarchies
 * are known before any of them is built). Finding them may load a file itself: found again then.
 */
export function trackHierarchies(n: NormalizeContext): void {
  let finding = false;
  let stale = false;
  const find = () => {
    if (finding) {
      stale = true;
      return;
    }
    finding = true;
    try {
      do {
        stale = false;
        n.hierarchy = findHierarchies(n);
      } while (stale);
    } finally {
      finding = false;
    }
  };
  find();
  n.onDocument = find;
}

/** The hierarchies of the loaded documents' component schemas, by id; undefined when there are none (most specs). */
function findHierarchies(n: NormalizeContext): Map<string, HierarchyMember> | undefined {
  const entries = componentSchemas(n);
  const declaring = entries.filter((e) => isDeclaring(e.at.schema));
  if (declaring.length === 0) return undefined;
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const e of entries) e.parents = extendedIds(n, e.at, byId);
  const members = new Set<string>();
  const children = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const p of e.parents) {
      const list = children.get(p);
      if (list) list.push(e);
      else children.set(p, [e]);
    }
  }
  const visit = (e: Entry) => {
    if (members.has(e.id) || !isObjectLike(e.at.schema)) return;
    members.add(e.id);
    for (const c of children.get(e.id) ?? []) visit(c);
  };
  for (const d of declaring) if (children.get(d.id)?.length) visit(d);
  if (members.size === 0) return undefined;
  for (const d of declaring) if (members.has(d.id)) reportUnresolvedMapping(n, d.at);
  const out = new Map<string, HierarchyMember>();
  for (const e of entries) {
    if (!members.has(e.id)) continue;
    const ancestors = ancestorsOf(e, byId, members);
    const property = ancestors.map((a) => declaredProperty(a.at.schema)).find((p) => p !== undefined)!;
    const isRoot = !e.parents.some((p) => members.has(p));
    // A schema that extends one of its own subtypes (an allOf cycle, reported where it is merged) is not a subtype of it too.
    const kids = (children.get(e.id) ?? []).filter((c) => members.has(c.id) && !ancestors.includes(c));
    const tags = tagsOf(n, e, ancestors, property, isRoot);
    out.set(e.id, { property, tags, children: kids.map((c) => ({ id: c.id, at: c.at })), subtreeTags: [] });
  }
  out.forEach((m, id) => void (m.subtreeTags = subtreeTags(id, out, new Set())));
  return out;
}

/** A text that changes whenever the hierarchies do: part of what decides the IR besides each schema's own text (incremental/walk.ts). */
export function hierarchyKey(h: ReadonlyMap<string, HierarchyMember>): string {
  const parts: unknown[] = [];
  h.forEach((m, id) => void parts.push([id, m.property, m.tags, m.children.map((c) => c.id)]));
  return JSON.stringify(parts);
}

/** A schema declaring a discriminator without oneOf/anyOf: the type a hierarchy starts from, when something extends it. */
function isDeclaring(s: Schema): boolean {
  return declaredProperty(s) !== undefined && unionBranches(s).length === 0;
}

function schemasOf(doc: SourceDocument): Record<string, unknown> | undefined {
  const root = doc.value;
  const components = isSchemaObject(root) && isSchemaObject(root.components) ? root.components : undefined;
  return components && isSchemaObject(components.schemas) ? components.schemas : undefined;
}

/** Every loaded document's component schemas; none when no schema declares a discriminator (most specs: one look at each). */
function componentSchemas(n: NormalizeContext): Entry[] {
  const out: Entry[] = [];
  const docs = n.specs.documents();
  const any = docs.some((doc) => {
    const schemas = schemasOf(doc);
    return schemas !== undefined && Object.values(schemas).some((s) => isSchemaObject(s) && isDeclaring(s));
  });
  if (!any) return out;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const schemas = schemasOf(doc);
    if (!schemas) continue;
    const schemasAt: At = { doc, pointer: "/components/schemas", schema: schemas, owner: "" };
    const names = Object.keys(schemas);
    for (let i = 0; i < names.length; i++) {
      const value = schemas[names[i]!];
      if (!isSchemaObject(value)) continue;
      const at = n.child(schemasAt, names[i]!, value);
      out.push({ at: { ...at, owner: at.pointer }, id: n.idOf(at), name: names[i]!, parents: [] });
    }
  }
  return out;
}

function declaredProperty(s: Schema): string | undefined {
  const d = s.discriminator;
  return isSchemaObject(d) && typeof d.propertyName === "string" && d.propertyName !== "" ? d.propertyName : undefined;
}

/** Objects only: an enum or a union that names a parent in allOf is not a subtype the union can hold. */
function isObjectLike(s: Schema): boolean {
  const shape = shapeOf(s);
  return shape === "object" || (shape === "inline" && Array.isArray(s.allOf));
}

/** The component schemas `at` extends: its allOf members that are a `$ref` to one. */
function extendedIds(n: NormalizeContext, at: At, byId: ReadonlyMap<string, Entry>): string[] {
  const allOf = at.schema.allOf;
  if (!Array.isArray(allOf)) return [];
  const out: string[] = [];
  for (let i = 0; i < allOf.length; i++) {
    const m = allOf[i];
    if (!isSchemaObject(m) || typeof m.$ref !== "string") continue;
    const id = targetId(n, m.$ref, at.doc, allOf, `${at.pointer}/allOf/${i}`);
    if (id !== undefined && byId.has(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The id a `$ref` or a mapping value names; undefined when it does not resolve (the walk reports that where it reads it). */
function targetId(n: NormalizeContext, ref: string, doc: SourceDocument, container: object, pointer: string): string | undefined {
  try {
    const target = n.resolve(ref, doc, container, pointer);
    return n.specs.idOf(target.doc, target.pointer);
  } catch {
    return undefined;
  }
}

/** The entry and the members it extends, nearest first (breadth-first, each once). */
function ancestorsOf(e: Entry, byId: ReadonlyMap<string, Entry>, members: ReadonlySet<string>): Entry[] {
  const out = [e];
  for (let i = 0; i < out.length; i++) {
    for (const p of out[i]!.parents) {
      const parent = byId.get(p);
      if (parent && members.has(p) && !out.includes(parent)) out.push(parent);
    }
  }
  return out;
}

function tagsOf(n: NormalizeContext, e: Entry, ancestors: Entry[], property: string, isRoot: boolean): string[] {
  const mapped: string[] = [];
  for (const a of ancestors) {
    const mapping = isSchemaObject(a.at.schema.discriminator) ? a.at.schema.discriminator.mapping : undefined;
    if (!isSchemaObject(mapping)) continue;
    for (const [value, ref] of Object.entries(mapping)) {
      if (typeof ref !== "string" || mapped.includes(value)) continue;
      if (targetId(n, mappingRef(ref), a.at.doc, mapping, `${a.at.pointer}/discriminator/mapping`) === e.id) mapped.push(value);
    }
  }
  if (mapped.length) return mapped;
  const vendor = e.at.schema["x-ms-discriminator-value"];
  if (typeof vendor === "string" && vendor !== "") return [vendor];
  const own = ownLiterals(n, e.at, property);
  if (own.length) return own;
  return isRoot ? [] : [e.name];
}

/** A mapping value that names no schema selects nothing: reported at the mapping, as for a oneOf's (build-union.ts). */
function reportUnresolvedMapping(n: NormalizeContext, at: At): void {
  const mapping = isSchemaObject(at.schema.discriminator) ? at.schema.discriminator.mapping : undefined;
  if (!isSchemaObject(mapping)) return;
  const pointer = `${at.pointer}/discriminator/mapping`;
  for (const [value, ref] of Object.entries(mapping)) {
    if (typeof ref === "string" && targetId(n, mappingRef(ref), at.doc, mapping, pointer) !== undefined) continue;
    n.report("unresolved-discriminator", { doc: at.doc, pointer, schema: mapping }, `discriminator mapping "${value}" does not resolve`);
  }
}

/** A mapping value is a `$ref` when it looks like one, else a component name (which may contain dots). */
export function mappingRef(ref: string): string {
  return ref.startsWith("#") || ref.includes("/") || /\.(ya?ml|json)(#|$)/i.test(ref) ? ref : `#/components/schemas/${ref}`;
}

/** The values the schema itself (or an inline allOf member) gives the tag property: a const's or an enum's, as for a oneOf branch. */
function ownLiterals(n: NormalizeContext, at: At, property: string): string[] {
  const allOf = Array.isArray(at.schema.allOf) ? at.schema.allOf : [];
  const places: At[] = [at];
  for (let i = 0; i < allOf.length; i++) {
    const m = allOf[i];
    if (isSchemaObject(m)) places.push({ ...at, pointer: childPointer(childPointer(at.pointer, "allOf"), i), schema: m });
  }
  for (const place of places) {
    const props = place.schema.properties;
    const p = isSchemaObject(props) ? props[property] : undefined;
    if (!isSchemaObject(p)) continue;
    const values = tagValuesOf(n, { ...place, pointer: childPointer(childPointer(place.pointer, "properties"), property), schema: p });
    if (values) return values.map(String);
  }
  return [];
}

function subtreeTags(id: string, h: ReadonlyMap<string, HierarchyMember>, seen: Set<string>): string[] {
  const m = h.get(id);
  if (!m || seen.has(id)) return [];
  seen.add(id);
  const out = [...m.tags];
  for (const c of m.children) {
    for (const tag of subtreeTags(c.id, h, seen)) if (!out.includes(tag)) out.push(tag);
  }
  return out;
}
