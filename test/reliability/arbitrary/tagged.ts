// Tagged unions over object variants made for them: the tag declared by a `discriminator` (with a
// mapping to full references, to bare schema names, or none) or inferred (every variant requires
// the tag property with its own value); variants written whole or as `allOf` of a shared base.
import fc from "fast-check";
import { nullable, type Schema } from "./null-idioms.js";
import { distinct, literal, objectSchema, pick, ref, type Ctx } from "./schemas.js";
import { STRING_VALUES } from "./values.js";

const TAG_PROPERTIES = ["kind", "type", "@type", "object"];
type Declared = "none" | "plain" | "mapping-refs" | "mapping-names" | "mapping-partial";

/** The union, its variants, their base when they share one, and an object that uses the union. */
export function taggedUnion(ctx: Ctx, salt: number): fc.Arbitrary<Record<string, Schema>> {
  return fc
    .tuple(
      distinct(pick(STRING_VALUES.filter((v) => v !== "")), 2, 3),
      pick(TAG_PROPERTIES),
      pick<Declared>(["none", "plain", "mapping-refs", "mapping-names", "mapping-partial"]),
      fc.boolean(),
      fc.boolean(),
      objectSchema(ctx, 1),
      fc.nat(2),
      fc.nat(3),
    )
    .map(([tags, tagProperty, declared, withBase, any, extra, style, recursion]) => {
      const out: Record<string, Schema> = {};
      const names = tags.map((_, i) => `Variant${salt}x${i}`);
      const base = `Base${salt}`;
      const tagged = `Tagged${salt}`;
      const extraProperties = { ...(extra.properties as Schema) };
      delete extraProperties[tagProperty];
      // Recursion through the union: a variant holds more of the union (a list, an optional parent, a map).
      if (recursion === 1) extraProperties.children = { type: "array", items: ref(tagged) };
      if (recursion === 2) extraProperties.parent = nullable(ref(tagged), ctx.version, salt);
      if (recursion === 3) extraProperties.byKey = { type: "object", additionalProperties: ref(tagged) };
      const extraRequired = ((extra.required as string[] | undefined) ?? []).filter((r) => r !== tagProperty);
      if (withBase) {
        // The base declares the tag as a plain string; each variant narrows it to its value.
        out[base] = { type: "object", required: [tagProperty, ...extraRequired], properties: { [tagProperty]: { type: "string" }, ...extraProperties } };
      }
      tags.forEach((tag, i) => {
        const own: Schema = { type: "object", required: [tagProperty], properties: { [tagProperty]: literal(ctx, tag, style) } };
        out[names[i]!] = withBase
          ? { allOf: [ref(base), own] }
          : { type: "object", required: [tagProperty, ...extraRequired], properties: { ...extraProperties, [tagProperty]: literal(ctx, tag, style) } };
      });
      const union: Schema = { [any ? "anyOf" : "oneOf"]: names.map(ref) };
      if (declared !== "none") union.discriminator = { propertyName: tagProperty };
      if (declared === "mapping-refs") (union.discriminator as Schema).mapping = Object.fromEntries(tags.map((t, i) => [t, ref(names[i]!).$ref]));
      if (declared === "mapping-names") (union.discriminator as Schema).mapping = Object.fromEntries(tags.map((t, i) => [t, names[i]!]));
      // Only the first tag mapped: the others come from the variants' own values.
      if (declared === "mapping-partial") (union.discriminator as Schema).mapping = { [tags[0]!]: ref(names[0]!).$ref };
      out[tagged] = union;
      out[`Uses${salt}`] = {
        type: "object",
        required: ["one"],
        properties: {
          one: ref(tagged),
          many: { type: "array", items: ref(tagged) },
          byName: { type: "object", additionalProperties: ref(tagged) },
          maybe: nullable(ref(tagged), ctx.version, salt),
          // The same union written inline at a use site.
          inline: { ...union },
        },
      };
      return out;
    });
}
