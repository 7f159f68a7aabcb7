// Random, valid OpenAPI 3.0 and 3.1 component sets built from every construct the IR knows:
// objects, every null idiom, enums of each scalar type with odd values, const unions with and
// without titles, tagged and untagged unions, allOf merges, maps, arrays, recursion through each
// of them, and names that collide after casing or are reserved in some target language.
import fc from "fast-check";
import { stringify } from "yaml";

export type Version = "3.0.3" | "3.1.0";
type Schema = Record<string, unknown>;

/** Component names: plain, colliding after casing, reserved in TS/Rust/Elixir/Scala, shadowing std types. */
const MODEL_NAMES = [
  "Pet", "pet", "PET", "Owner", "a-b", "A_B", "AB", "Type", "type", "Self", "self", "Object", "Option", "String",
  "Map", "List", "Enum", "Default", "Match", "Case", "End", "Module", "Struct", "Some", "None", "Result", "Box",
  "Vec", "Int", "Long", "Unit", "Nil", "Kernel", "fn", "def", "class", "new", "Union", "Value", "Json", "Codec",
  "1stThing", "Item", "item_list", "ItemList", "Error", "Nullable", "Absent", "Unknown",
];

/** Property names: ordinary, reserved somewhere, colliding after casing, odd characters. */
const PROPERTY_NAMES = [
  "id", "name", "type", "class", "self", "end", "do", "fn", "match", "object", "default", "x", "X", "a.b",
  "1st", "with space", "camelCase", "camel_case", "CamelCase", "__proto__", "constructor", "nil", "true", "struct",
  "value", "values", "kind", "ref", "impl", "override", "yield", "when", "in", "else", "Some", "None", "@type",
];

const STRING_VALUES = ["", "a-b", "A_B", "a_b", "1st", "with space", "null", "true", "Ünï", "a.b/c", "ok", "OK", "+1", "-1", "_"];
const INTEGER_VALUES = [-1, 0, 1, 2, 7, 42, 1099511627776];
const NUMBER_VALUES = [0.5, -1.5, 2, 1e10, 3.25];

const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);
const distinct = <T>(arb: fc.Arbitrary<T>, min: number, max: number) => fc.uniqueArray(arb, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) });

/** A null idiom around `schema`, written as the version allows. */
function nullable(schema: Schema, version: Version, idiom: number): Schema {
  if (version === "3.0.3") {
    if (typeof schema.$ref === "string") return idiom % 2 === 0 ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
    return { ...schema, nullable: true };
  }
  if (typeof schema.type === "string" && idiom % 3 === 0) return { ...schema, type: [schema.type, "null"] };
  return idiom % 2 === 0 ? { anyOf: [schema, { type: "null" }] } : { oneOf: [schema, { type: "null" }] };
}

interface Ctx {
  version: Version;
  names: string[];
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function primitive(): fc.Arbitrary<Schema> {
  return fc.oneof(
    fc.record({ type: fc.constant("string"), format: pick([undefined, "date-time", "date", "uuid", "uri", "byte", "email", "custom-format"]) }),
    fc.record({ type: fc.constant("integer"), format: pick([undefined, "int32", "int64", "unixtime"]), minimum: pick([undefined, 0, -5]) }),
    fc.record({ type: fc.constant("number"), format: pick([undefined, "float", "double"]) }),
    fc.constant({ type: "boolean" }),
    fc.constant({}),
  ).map(dropUndefined);
}

function enumSchema(): fc.Arbitrary<Schema> {
  return fc.oneof(
    distinct(pick(STRING_VALUES), 2, 5).map((values) => ({ type: "string", enum: values })),
    distinct(pick(INTEGER_VALUES), 2, 4).map((values) => ({ type: "integer", enum: values })),
    distinct(pick(NUMBER_VALUES), 2, 3).map((values) => ({ type: "number", enum: values })),
    fc.constant({ type: "boolean", enum: [true, false] }),
  );
}

/** `oneOf` of consts, with titles (the values' names) or without; x-enum-varnames sometimes. */
function constUnion(): fc.Arbitrary<Schema> {
  return fc.oneof(
    fc.tuple(distinct(pick(INTEGER_VALUES), 2, 4), fc.boolean()).map(([values, titled]) => ({
      type: "integer",
      oneOf: values.map((v, i) => (titled ? { title: ["ALPHA", "BETA", "GAMMA", "DELTA"][i], const: v } : { const: v })),
    })),
    fc.tuple(distinct(pick(STRING_VALUES), 2, 4), fc.boolean()).map(([values, titled]) => ({
      type: "string",
      oneOf: values.map((v, i) => (titled ? { title: ["First", "Second", "Third", "Fourth"][i], const: v } : { const: v })),
    })),
    distinct(pick(STRING_VALUES), 2, 4).map((values) => ({ type: "string", enum: values, "x-enum-varnames": values.map((_, i) => `Name${i}`) })),
  );
}

/** A type at a use site: a primitive, a reference (recursion included), an array, a map, an inline object or enum. */
function useSite(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  const leaves: fc.Arbitrary<Schema>[] = [primitive(), pick(ctx.names).map(ref)];
  if (depth <= 0) return fc.oneof(...leaves);
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...leaves) },
    { weight: 1, arbitrary: useSite(ctx, depth - 1).map((items) => ({ type: "array", items })) },
    { weight: 1, arbitrary: useSite(ctx, depth - 1).map((values) => ({ type: "object", additionalProperties: values })) },
    { weight: 1, arbitrary: objectSchema(ctx, depth - 1) },
    { weight: 1, arbitrary: enumSchema() },
    { weight: 1, arbitrary: fc.tuple(useSite(ctx, depth - 1), fc.nat(5)).map(([s, idiom]) => nullable(s, ctx.version, idiom)) },
    { weight: 1, arbitrary: fc.tuple(pick(STRING_VALUES), fc.boolean()).map(([v, stainless]) => (stainless ? { type: "string", enum: [v], "x-stainless-const": true } : { type: "string", const: v })) },
  );
}

function objectSchema(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  return fc
    .tuple(
      distinct(pick(PROPERTY_NAMES), 0, 5),
      fc.array(useSite(ctx, depth), { minLength: 5, maxLength: 5 }),
      fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      fc.oneof(fc.constant(undefined), fc.constant(false), useSite(ctx, 0)),
      pick([undefined, "An object.", "Described *with* `markdown` and a */ comment end."]),
    )
    .map(([props, types, required, extra, description]) => {
      const s: Schema = { type: "object", properties: Object.fromEntries(props.map((p, i) => [p, types[i]!])) };
      const req = props.filter((_, i) => required[i]);
      if (req.length) s.required = req;
      if (extra !== undefined) s.additionalProperties = extra;
      if (description) s.description = description;
      return s;
    });
}

/** An untagged union of distinct shapes; anyOf or oneOf. */
function untaggedUnion(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  return fc
    .tuple(fc.array(useSite(ctx, depth), { minLength: 2, maxLength: 4 }), fc.boolean())
    .map(([branches, any]) => ({ [any ? "anyOf" : "oneOf"]: uniqueBy(branches) }))
    .filter((s) => (Object.values(s)[0] as Schema[]).length >= 2);
}

function allOfMerge(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  return fc.tuple(pick(ctx.names), objectSchema(ctx, depth)).map(([base, extra]) => ({ allOf: [ref(base), extra] }));
}

/** A component set: ordinary schemas, plus tagged unions over object variants made for them. */
export function componentSet(): fc.Arbitrary<{ version: Version; schemas: Record<string, Schema> }> {
  return fc
    .tuple(pick(["3.0.3", "3.1.0"] as const), distinct(pick(MODEL_NAMES), 2, 7), fc.nat(1000))
    .chain(([version, names, salt]) => {
      const ctx: Ctx = { version, names };
      const kinds = fc.oneof(
        { weight: 4, arbitrary: objectSchema(ctx, 2) },
        { weight: 2, arbitrary: enumSchema() },
        { weight: 2, arbitrary: constUnion() },
        { weight: 2, arbitrary: untaggedUnion(ctx, 1) },
        { weight: 1, arbitrary: allOfMerge(ctx, 1) },
        // A component that is only a (nullable) reference would make `A = B`, `B = A` chains, which no schema ends.
        { weight: 2, arbitrary: useSite(ctx, 2).filter((x) => !isReferenceOnly(x)) },
        { weight: 1, arbitrary: fc.tuple(objectSchema(ctx, 1), fc.nat(5)).map(([s, i]) => nullable(s, version, i)) },
      );
      return fc.tuple(fc.constant(version), fc.constant(names), fc.array(kinds, { minLength: names.length, maxLength: names.length }), taggedUnion(ctx, salt));
    })
    .map(([version, names, bodies, tagged]) => {
      const schemas: Record<string, Schema> = Object.fromEntries(names.map((n, i) => [n, bodies[i]!]));
      if (tagged) Object.assign(schemas, tagged);
      return { version, schemas: breakAllOfCycles(schemas) };
    });
}

/** Object variants that each require a `kind` of their own value, and a union over them (declared discriminator or inferred). */
function taggedUnion(ctx: Ctx, salt: number): fc.Arbitrary<Record<string, Schema> | undefined> {
  return fc.option(
    fc.tuple(distinct(pick(STRING_VALUES.filter((v) => v !== "")), 2, 3), fc.boolean(), fc.boolean(), objectSchema(ctx, 1)).map(([tags, declared, mapped, extra]) => {
      const out: Record<string, Schema> = {};
      const variantNames = tags.map((_, i) => `Variant${salt}x${i}`);
      tags.forEach((tag, i) => {
        out[variantNames[i]!] = {
          type: "object",
          required: ["kind", ...((extra.required as string[] | undefined) ?? []).filter((r) => r !== "kind")],
          properties: { ...(extra.properties as Schema), kind: { type: "string", enum: [tag] } },
        };
      });
      const union: Schema = { oneOf: variantNames.map(ref) };
      if (declared) union.discriminator = mapped ? { propertyName: "kind", mapping: Object.fromEntries(tags.map((t, i) => [t, ref(variantNames[i]!).$ref])) } : { propertyName: "kind" };
      out[`Tagged${salt}`] = union;
      return out;
    }),
    { nil: undefined },
  );
}

/** `allOf: [$ref X]` where X (transitively) merges this schema back is not a valid spec: drop such members. */
function breakAllOfCycles(schemas: Record<string, Schema>): Record<string, Schema> {
  const target = (s: Schema) => (Array.isArray(s.allOf) ? (s.allOf as Schema[]).map((m) => m.$ref).filter((r): r is string => typeof r === "string") : []);
  const nameOf = (r: string) => decodeURIComponent(r.replace("#/components/schemas/", "").replace(/~1/g, "/"));
  for (const name of Object.keys(schemas)) {
    const seen = new Set<string>();
    const walk = (n: string): boolean => {
      if (n === name && seen.size) return true;
      if (seen.has(n)) return false;
      seen.add(n);
      const s = schemas[n];
      return s ? target(s).some((r) => walk(nameOf(r))) : false;
    };
    if (walk(name)) {
      const s = schemas[name]!;
      schemas[name] = { ...s, allOf: (s.allOf as Schema[]).filter((m) => typeof m.$ref !== "string") };
    }
  }
  return schemas;
}

function isReferenceOnly(s: Schema): boolean {
  if (typeof s.$ref === "string") return true;
  const members = [s.allOf, s.anyOf, s.oneOf].find(Array.isArray) as Schema[] | undefined;
  return members !== undefined && members.every((m) => isReferenceOnly(m) || m.type === "null");
}

function uniqueBy(list: Schema[]): Schema[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = JSON.stringify(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dropUndefined(s: Record<string, unknown>): Schema {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
}

/** The spec document for a component set. */
export function specText(set: { version: Version; schemas: Record<string, Schema> }, title = "Fuzz API"): string {
  return stringify({ openapi: set.version, info: { title, version: "1.0.0" }, paths: {}, components: { schemas: set.schemas } }, { aliasDuplicateObjects: false });
}
