// Union schemas: a tagged union is a z.discriminatedUnion (through openTags when open); a variant
// zod cannot read its tag from goes behind a tagged(...) guard; an untagged union (or a tagged one
// where some variant is left with no tag of its own) is a z.union in the other languages' order.
import { describe, expect, it } from "vitest";
import { unionSchema, type UnionContext } from "../../../src/targets/typescript/zod/unions.js";
import { flat } from "../../../src/targets/typescript/zod/print.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, Model, TypeExpr, UnionModel } from "../../../src/ir/types.js";
import type { PresencePolicy } from "../../../src/targets/target.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const literal = (value: string): TypeExpr => ({ kind: "literal", value });
const str: TypeExpr = { kind: "primitive", type: "string" };
const ref = (target: string): TypeExpr => ({ kind: "ref", target });
const field = (name: string, type: TypeExpr, required = true): Field => ({ name, type, required, docs: {}, source });
const object = (id: string, ...fields: Field[]): Model => ({ id, kind: "object", fields, nameHint: [id], docs: {}, source });

const models = indexModels([
  object("Cat", field("type", literal("cat")), field("name", str)),
  object("Dog", field("type", literal("dog"))),
  object("Loose", field("type", literal("loose"), false)),
  object("Either", field("type", ref("Kind"))),
  { id: "Kind", kind: "enum", valueType: "string", members: [{ value: "a" }, { value: "b" }], nameHint: ["Kind"], docs: {}, source },
]);

const tagged = (...variants: [string, string[]][]): UnionModel => ({
  id: "Pet",
  kind: "union",
  combinator: "oneOf",
  discriminator: { property: "type", origin: "declared" },
  variants: variants.map(([target, tags]) => ({ type: ref(target), tags })),
  nameHint: ["Pet"],
  docs: {},
  source,
});

interface Setting {
  openUnions?: boolean;
  openEnums?: boolean;
  presence?: PresencePolicy;
  annotated?: string[];
  lazy?: string[];
}

function schemaOf(m: UnionModel, s: Setting = {}): string {
  const ctx: UnionContext = {
    models,
    schemaName: (id) => `${id}Schema`,
    from: m.id,
    isLazy: (_from, to) => (s.lazy ?? []).includes(to),
    int64: "number",
    openEnums: s.openEnums ?? false,
    onRef: () => {},
    onUncheckedPattern: () => {},
    openUnions: s.openUnions ?? false,
    presence: s.presence ?? "lenient",
    annotated: new Set(s.annotated ?? []),
  };
  return flat(unionSchema(m, ctx));
}

describe("unionSchema", () => {
  const pet = tagged(["Cat", ["cat"]], ["Dog", ["dog"]]);
  it.each<{ name: string; union: UnionModel; setting?: Setting; want: string }>([
    { name: "closed, each variant reads its own tag", union: pet, want: 'z.discriminatedUnion("type", [CatSchema, DogSchema])' },
    { name: "open: through openTags", union: pet, setting: { openUnions: true }, want: 'openTags(z.discriminatedUnion("type", [CatSchema, DogSchema]))' },
    {
      name: "tolerant presence: every variant guarded",
      union: pet,
      setting: { presence: "tolerant" },
      want: 'z.discriminatedUnion("type", [tagged("type", ["cat"], CatSchema), tagged("type", ["dog"], DogSchema)])',
    },
    {
      name: "a variant declared later is lazy and guarded",
      union: pet,
      setting: { lazy: ["Dog"] },
      want: 'z.discriminatedUnion("type", [CatSchema, tagged("type", ["dog"], z.lazy(() => DogSchema))])',
    },
    {
      name: "an annotated variant is guarded",
      union: pet,
      setting: { annotated: ["Cat"] },
      want: 'z.discriminatedUnion("type", [tagged("type", ["cat"], CatSchema), DogSchema])',
    },
    {
      name: "an optional tag field is guarded",
      union: tagged(["Cat", ["cat"]], ["Loose", ["loose"]]),
      want: 'z.discriminatedUnion("type", [CatSchema, tagged("type", ["loose"], LooseSchema)])',
    },
    {
      name: "a tag field of a closed enum holding exactly the tags reads its own",
      union: tagged(["Either", ["a", "b"]], ["Cat", ["cat"]]),
      want: 'z.discriminatedUnion("type", [EitherSchema, CatSchema])',
    },
    {
      name: "an open enum tag field accepts any string: guarded",
      union: tagged(["Either", ["a", "b"]], ["Cat", ["cat"]]),
      setting: { openEnums: true },
      want: 'z.discriminatedUnion("type", [tagged("type", ["a", "b"], EitherSchema), CatSchema])',
    },
    {
      name: "a tag field holding more than the variant's tags: guarded",
      union: tagged(["Either", ["a"]], ["Cat", ["cat"]]),
      want: 'z.discriminatedUnion("type", [tagged("type", ["a"], EitherSchema), CatSchema])',
    },
    {
      name: "a tag two variants claim goes to the first; one left with none makes the union untagged",
      union: tagged(["Cat", ["cat"]], ["Dog", ["cat"]]),
      want: "z.union([CatSchema, DogSchema])",
    },
    {
      name: "an untagged union in the other languages' order, duplicates dropped",
      union: { ...tagged(), discriminator: undefined, variants: [{ type: str }, { type: literal("none") }, { type: str }] } as UnionModel,
      want: 'z.union([z.literal("none"), z.string()])',
    },
  ])("$name", ({ union, setting, want }) => {
    expect(schemaOf(union, setting)).toBe(want);
  });
});
