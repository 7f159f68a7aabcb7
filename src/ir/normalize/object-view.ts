// The properties an object schema ends up with once $refs and allOf members are merged:
// what both object models and tag inference for unions need to see.
import { lookupPointer } from "../../load/pointer.js";
import type { At, NormalizeContext } from "./context.js";
import { isAnnotationOnly, isSchemaObject, typesOf, type Schema } from "./keywords.js";
import { literalOf } from "./build-enum.js";
import { shapeOf } from "./schema-to-type.js";

export interface PropertyEntry {
  at: At;
  /** Name words of the schema that declares the property (hoisted inline types extend it). */
  hint: string[];
}

export interface ObjectView {
  properties: Map<string, PropertyEntry>;
  required: Set<string>;
  additional?: { at: At; hint: string[] } | true | false;
  /** Ids of referenced models whose properties were merged in. */
  mergedFrom: string[];
  /** Why a member could not be merged (the IR has no intersection with non-objects). */
  problems: { at: At; message: string }[];
}

/** Follows a plain `$ref` (siblings ignored) or `$recursiveRef: "#"` to the schema it names. */
export function followRef(n: NormalizeContext, at: At): { at: At; id?: string } {
  const ref = at.schema.$ref;
  if (typeof ref !== "string") {
    const recursive = at.schema.$recursiveRef ?? at.schema.$dynamicRef;
    if (recursive !== "#") return { at };
    const owner = lookupPointer(at.doc.value, at.owner);
    const schema = owner.found && isSchemaObject(owner.value) ? owner.value : {};
    return { at: { doc: at.doc, pointer: at.owner, schema, owner: at.owner }, id: n.specs.idOf(at.doc, at.owner) };
  }
  const target = n.resolve(ref, at.doc, at.schema, at.pointer);
  const schema = isSchemaObject(target.value) ? target.value : {};
  const next: At = { doc: target.doc, pointer: target.pointer, schema, owner: target.pointer };
  return { at: next, id: n.specs.idOf(target.doc, target.pointer) };
}

export function objectView(n: NormalizeContext, at: At, hint: string[], visiting = new Set<string>()): ObjectView {
  const view: ObjectView = { properties: new Map(), required: new Set(), mergedFrom: [], problems: [] };
  collect(n, at, hint, view, visiting, true);
  return view;
}

function collect(n: NormalizeContext, at: At, hint: string[], view: ObjectView, visiting: Set<string>, top: boolean): void {
  const id = n.idOf(at);
  if (visiting.has(id)) {
    view.problems.push({ at, message: `allOf includes itself through ${id}` });
    return;
  }
  visiting.add(id);
  const s = at.schema;
  if (typeof s.$ref === "string") {
    const target = followRef(n, at);
    if (target.id && top === false) view.mergedFrom.push(target.id);
    collect(n, target.at, n.hintFor(target.at.doc, target.at.pointer), view, visiting, false);
    visiting.delete(id);
    return;
  }
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach((member, i) => {
      if (!isSchemaObject(member)) return;
      const memberAt: At = { doc: at.doc, pointer: `${at.pointer}/allOf/${i}`, schema: member, owner: at.owner };
      if (isAnnotationOnly(member)) return;
      const resolved = followRef(n, memberAt).at.schema;
      const shape = shapeOf(resolved);
      const { types } = typesOf(resolved);
      if (shape !== "object" && !(shape === "inline" && (types.length === 0 || types[0] === "object"))) {
        view.problems.push({
          at: memberAt,
          message:
            `allOf member is ${shape === "inline" ? `a ${types[0] ?? "schema"}` : `${shape === "enum" ? "an" : "a"} ${shape}`}` +
            `, not an object; its constraints are not merged`,
        });
        return;
      }
      collect(n, memberAt, hint, view, visiting, false);
    });
  }
  if (isSchemaObject(s.properties)) {
    const propsAt: At = { ...at, pointer: `${at.pointer}/properties` };
    const props = s.properties;
    // Keys and an index, not `for (const [name, value] of Object.entries(...))`: this runs for every
    // property of the spec, mostly in V8's interpreter (jit-settings.ts), where the entries' arrays
    // and their destructuring through the iterator protocol cost several times the loop itself.
    const names = Object.keys(props);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const propAt = n.child(propsAt, name, props[name], props);
      const existing = view.properties.get(name);
      if (existing && isAnnotationOnly(propAt.schema)) continue;
      if (existing && conflicts(existing.at.schema, propAt.schema)) {
        view.problems.push({
          at: propAt,
          message: `property "${name}" is declared with different types by allOf members; the later declaration wins`,
        });
      }
      view.properties.set(name, { at: propAt, hint });
    }
  }
  const required = s.required;
  if (Array.isArray(required)) {
    for (let i = 0; i < required.length; i++) if (typeof required[i] === "string") view.required.add(required[i]);
  }
  const ap = s.additionalProperties;
  if (ap === true || ap === false) view.additional = ap;
  else if (isSchemaObject(ap)) view.additional = { at: n.child(at, "additionalProperties", ap), hint };
  visiting.delete(id);
}

function conflicts(a: Schema, b: Schema): boolean {
  const ta = typesOf(a).types.join(",");
  const tb = typesOf(b).types.join(",");
  return ta !== "" && tb !== "" && ta !== tb;
}

/** The values a property allows when it is a literal or a small enum (for union tags). */
export function tagValuesOf(n: NormalizeContext, at: At): (string | number | boolean)[] | undefined {
  let cur = followRef(n, at).at;
  // A lone-member allOf wrapper around the literal.
  if (Array.isArray(cur.schema.allOf) && cur.schema.allOf.length === 1 && isSchemaObject(cur.schema.allOf[0])) {
    cur = followRef(n, { ...cur, pointer: `${cur.pointer}/allOf/0`, schema: cur.schema.allOf[0] }).at;
  }
  const single = literalOf(cur.schema);
  if (single !== undefined) return [single];
  if (Array.isArray(cur.schema.enum)) {
    const values = cur.schema.enum.filter((v): v is string | number | boolean => v !== null && typeof v !== "object");
    return values.length ? values : undefined;
  }
  return undefined;
}
