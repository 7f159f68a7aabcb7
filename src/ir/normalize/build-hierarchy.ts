// The models of a hierarchy's members (hierarchy.ts). A type that others extend is a union tagged
// by the discriminator: its variants are what extends it directly (each a union again when
// extended further) and, when the type is concrete itself (it has a tag value), its own object,
// hoisted under it as `Base` (TypeScript's `Polygon.Base`, Rust's `PolygonBase`). A type nothing
// extends is its object. Each object's tag property is the literal of its tag, when it has one, so
// every language checks it and TypeScript narrows a union of them on it (added, required, where no
// schema declares it: the value carries it).
import type { Field, Model, ObjectModel, UnionModel, UnionVariant } from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import type { HierarchyMember } from "./hierarchy.js";
import { buildObject } from "./build-object.js";
import { defineModel } from "./schema-to-type.js";

type Common = Omit<Model, "kind">;

/** The pointer step under a concrete extended type's id that names its own object. */
const OWN_OBJECT = "x-modelgen-base";

export function buildMember(n: NormalizeContext, at: At, common: Common, hint: string[], member: HierarchyMember): Model {
  if (member.children.length === 0) return withTag(n, at, buildObject(n, at, common, hint), member);
  const variants: UnionVariant[] = [];
  if (member.tags.length) {
    const ownId = `${common.id}/${OWN_OBJECT}`;
    if (!n.models.has(ownId)) {
      const own = buildObject(n, at, { ...common, id: ownId, nameHint: [...hint, "base"] }, hint);
      n.models.set(ownId, withTag(n, at, own, member));
    }
    variants.push({ type: { kind: "ref", target: ownId }, tags: member.tags, subtype: true });
  }
  for (const child of member.children) {
    const childMember = n.hierarchy!.get(child.id)!;
    const target = defineModel(n, child.at, n.hintFor(child.at.doc, child.at.pointer));
    variants.push({ type: { kind: "ref", target }, tags: childMember.subtreeTags, subtype: true });
  }
  const union: UnionModel = {
    ...common,
    kind: "union",
    combinator: "oneOf",
    variants,
    discriminator: { property: member.property, origin: "declared" },
  };
  return union;
}

/** The object with its tag property typed as its one tag value (or added as a string when no schema declares it). */
function withTag(n: NormalizeContext, at: At, model: ObjectModel, member: HierarchyMember): ObjectModel {
  const i = model.fields.findIndex((f) => f.name === member.property);
  const tag = member.tags.length === 1 ? member.tags[0]! : undefined;
  if (i === -1) {
    const field: Field = {
      name: member.property,
      type: tag === undefined ? { kind: "primitive", type: "string" } : { kind: "literal", value: tag },
      required: true,
      docs: {},
      source: n.source(at),
    };
    return { ...model, fields: [...model.fields, field] };
  }
  if (tag === undefined) return model;
  const fields = model.fields.slice();
  fields[i] = { ...fields[i]!, type: { kind: "literal", value: tag } };
  return { ...model, fields };
}
