// Union schemas. A tagged union (a declared or inferred discriminator) is a `z.discriminatedUnion`
// on its tag; open (the default), it goes through `openTags`, which passes an object whose tag it
// does not list unchanged, as Rust keeps it in `Unknown`. A variant is given to the discriminated
// union as its own schema where zod can read the tag from it (an object schema declared earlier,
// not annotated, whose tag field is required and holds exactly the variant's tags); otherwise
// (a variant declared later, recursive, a union of its own, or a tag field that is optional or
// says something else) behind a guard that checks the tag and hands the whole object on:
// `tagged("type", ["a"], VariantSchema)` (zod-support.ts). A tag two variants claim goes
// to the first, as the judge and the other languages read it.
//
// An untagged union is `z.union` of its variants in the order the other languages try them
// (../../common/untagged-order.ts).
import type { ModelIndex } from "../../../ir/query.js";
import type { TypeExpr, UnionModel, UnionVariant } from "../../../ir/types.js";
import type { PresencePolicy } from "../../target.js";
import { stringLiteral } from "../naming.js";
import { array, helper, text, zod, type ZodExpr } from "./expr.js";
import { decodeOrder } from "../../common/untagged-order.js";
import { typeSchema, type ZodTypeContext } from "./types.js";
import { flat } from "./print.js";

export interface UnionContext extends ZodTypeContext {
  openUnions: boolean;
  presence: PresencePolicy;
  /** Schemas declared `z.ZodType<Model>` (zod cannot read a tag through the annotation). */
  annotated: ReadonlySet<string>;
}

export function unionSchema(m: UnionModel, ctx: UnionContext): ZodExpr {
  const tagged = m.discriminator ? taggedOptions(m, m.discriminator.property, ctx) : undefined;
  if (!tagged) {
    // A binary string is a string (or a Blob) to zod, not an array.
    const order = decodeOrder(m.variants.map((v) => v.type), ctx.models, { openEnums: ctx.openEnums, bytesAreArrays: false });
    return zod("union", array(dedupe(order.map((i) => typeSchema(m.variants[i]!.type, ctx)))));
  }
  const union = zod("discriminatedUnion", text(stringLiteral(m.discriminator!.property)), array(tagged));
  return ctx.openUnions ? helper("openTags", union) : union;
}

/** The options of the discriminated union, or undefined when some variant is left with no tag of its own. */
function taggedOptions(m: UnionModel, property: string, ctx: UnionContext): ZodExpr[] | undefined {
  const claimed = new Set<string>();
  const options: ZodExpr[] = [];
  for (const v of m.variants) {
    const tags = (v.tags ?? []).filter((t) => !claimed.has(t));
    if (tags.length === 0) return undefined;
    for (const t of tags) claimed.add(t);
    options.push(readsOwnTag(v, tags, property, ctx) ? typeSchema(v.type, ctx) : guarded(property, tags, typeSchema(v.type, ctx)));
  }
  return options;
}

/** `tagged("type", ["a"], variant)`: zod reads the tag from the helper's guard. */
function guarded(property: string, tags: string[], variant: ZodExpr): ZodExpr {
  return helper("tagged", text(stringLiteral(property)), array(tags.map((t) => text(stringLiteral(t)))), variant);
}

/** Can zod read this variant's tag from its own schema (an object declared earlier whose tag field holds exactly these tags)? */
function readsOwnTag(v: UnionVariant, tags: string[], property: string, ctx: UnionContext): boolean {
  const t = v.type;
  if (t.kind !== "ref" || t.nullable || ctx.presence === "tolerant") return false;
  const target = ctx.models.get(t.target);
  if (target?.kind !== "object" || target.nullable || ctx.annotated.has(target.id) || ctx.isLazy(ctx.from, target.id)) return false;
  const field = target.fields.find((f) => f.name === property);
  if (!field?.required || field.type.nullable) return false;
  const values = tagValues(field.type, ctx.models, ctx.openEnums);
  return values !== undefined && values.length === tags.length && tags.every((tag) => values.includes(tag));
}

/** The string values a tag field's schema allows: a string literal, or a string enum. */
function tagValues(t: TypeExpr, models: ModelIndex, openEnums: boolean): string[] | undefined {
  if (t.kind === "literal") return typeof t.value === "string" ? [t.value] : undefined;
  // An open enum (`openEnum`) accepts any string: zod cannot read the tags from it.
  if (t.kind !== "ref" || openEnums) return undefined;
  const m = models.get(t.target);
  if (m?.kind !== "enum" || !m.members.every((x) => typeof x.value === "string")) return undefined;
  return m.members.map((x) => x.value as string);
}

/** The same schema twice in a union adds nothing (a spec may list a variant twice). */
function dedupe(options: ZodExpr[]): ZodExpr[] {
  const seen = new Set<string>();
  return options.filter((o) => {
    const key = flat(o);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
