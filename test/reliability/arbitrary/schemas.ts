// Arbitraries for single schemas: primitives, literals, enums (each scalar type, odd values, value
// names, null), const unions (titled or not), use-site types (arrays, maps, inline objects and
// unions, null idioms, references that make recursion through each), objects and allOf merges.
import fc from "fast-check";
import { PLAIN_PROPERTY_NAMES, ODD_PROPERTY_NAMES, PROPERTY_NAME_GROUPS } from "./names.js";
import { nullable, NULL_IDIOMS, type Schema, type Version } from "./null-idioms.js";
import { BRANCH_TITLES, DESCRIPTIONS, INTEGER_VALUES, NUMBER_VALUES, STRING_VALUES, VALUE_NAMES } from "./values.js";

export interface Ctx {
  version: Version;
  /** The component names a reference may point at (itself included: recursion). */
  names: string[];
}

export const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);
export const distinct = <T>(arb: fc.Arbitrary<T>, min: number, max: number) => fc.uniqueArray(arb, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) });
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${escapePointer(name)}` });

/** A JSON pointer token (RFC 6901), percent-encoded where a URI fragment needs it. */
export function escapePointer(name: string): string {
  return encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"));
}

function withoutUndefined(s: Record<string, unknown>): Schema {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
}

/** A single allowed value, as the version writes it. */
export function literal(ctx: Ctx, value: string | number | boolean, style: number): Schema {
  const type = typeof value === "string" ? "string" : typeof value === "boolean" ? "boolean" : Number.isInteger(value) ? "integer" : "number";
  if (style % 3 === 0 && typeof value === "string") return { type, enum: [value], "x-stainless-const": true };
  if (ctx.version === "3.1.0" && style % 3 === 1) return { type, const: value };
  return { type, enum: [value] };
}

function primitive(ctx: Ctx): fc.Arbitrary<Schema> {
  const scalars = [
    fc.record({
      type: fc.constant("string"),
      format: pick([undefined, "date-time", "date", "uuid", "uri", "byte", "binary", "email", "int64", "decimal", "custom-format"]),
      pattern: pick([undefined, undefined, undefined, "^[a-z]+$", "a*/b", '"#{x}"\\d']),
      default: pick([undefined, undefined, "", "*/", "#{x}"]),
      maxLength: pick([undefined, undefined, 0, 64]),
    }),
    fc.record({ type: fc.constant("integer"), format: pick([undefined, "int32", "int64", "uint64", "unixtime"]), minimum: pick([undefined, 0, -5]), default: pick([undefined, 0, 7]) }),
    fc.record({ type: fc.constant("number"), format: pick([undefined, "float", "double"]), maximum: pick([undefined, 1.5]), multipleOf: pick([undefined, 0.01]) }),
    fc.record({ type: fc.constant("boolean"), default: pick([undefined, true]) }),
    fc.constant({}),
    fc.constant({ description: "Any JSON value." }),
  ];
  // 3.1: several types in one schema, a union of primitives (`null` among them or not).
  if (ctx.version === "3.1.0") scalars.push(distinct(pick(["string", "integer", "number", "boolean", "null"]), 2, 3).map((type) => ({ type })));
  return fc
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Scala interpolation in an example, written literally on purpose
    .tuple(fc.oneof(...scalars), pick([undefined, undefined, undefined, "*/ #{x} ${x}", "a\"b"]))
    .map(([s, example]) => {
      const out = withoutUndefined(s);
      // An example holding comment and interpolation delimiters, where the version puts examples.
      if (example !== undefined) Object.assign(out, ctx.version === "3.0.3" ? { example } : { examples: [example] });
      return out;
    });
}

/** An enum of one scalar type (or mixed), sometimes named per value, sometimes admitting null. */
export function enumSchema(ctx: Ctx): fc.Arbitrary<Schema> {
  const valued = fc.oneof(
    distinct(pick(STRING_VALUES), 2, 5).map((values) => ({ type: "string", enum: values as unknown[] })),
    distinct(pick(INTEGER_VALUES), 2, 4).map((values) => ({ type: "integer", enum: values as unknown[] })),
    distinct(pick(NUMBER_VALUES), 2, 3).map((values) => ({ type: "number", enum: values as unknown[] })),
    fc.constant({ type: "boolean", enum: [true, false] as unknown[] }),
    // No `type`: the values decide (a mixed enum).
    distinct(fc.oneof(pick(STRING_VALUES), pick(INTEGER_VALUES), fc.boolean()), 2, 4).map((values) => ({ enum: values as unknown[] })),
  );
  return fc
    .tuple(valued, fc.nat(5), fc.nat(NULL_IDIOMS), distinct(pick(VALUE_NAMES), 5, 5), pick([undefined, ...DESCRIPTIONS]))
    .map(([base, naming, nulls, names, description]) => {
      const s: Schema = { ...base };
      const values = base.enum;
      // Value names: x-enum-varnames (OpenAPI Generator), x-enumNames (NSwag), descriptions beside them.
      if (naming === 1) s["x-enum-varnames"] = values.map((_, i) => names[i]);
      if (naming === 2) s["x-enumNames"] = values.map((_, i) => names[i]);
      if (naming === 3) s["x-enum-descriptions"] = values.map((v) => `The value ${JSON.stringify(v)}.`);
      if (description) s.description = description;
      if (nulls % 3 !== 0) return s;
      // Null admitted: listed among the values, with the version's way of saying the type allows it.
      const withNull = { ...s, enum: [...values, null] };
      if (ctx.version === "3.0.3") return { ...withNull, nullable: true };
      return typeof s.type === "string" && nulls % 2 === 0 ? { ...withNull, type: [s.type, "null"] } : withNull;
    });
}

/** `oneOf`/`anyOf` of single values: titled (the values' names, some colliding after casing) or not. */
export function constUnion(ctx: Ctx): fc.Arbitrary<Schema> {
  const values: fc.Arbitrary<(string | number | boolean)[]> = fc.oneof(distinct(pick(INTEGER_VALUES), 2, 4), distinct(pick(STRING_VALUES), 2, 4), distinct(pick(NUMBER_VALUES), 2, 3), fc.constant<(string | number | boolean)[]>([true, false]));
  return fc
    .tuple(values, fc.boolean(), distinct(pick(VALUE_NAMES), 4, 4), fc.boolean(), fc.boolean(), fc.nat(2), fc.boolean())
    .map(([vals, titled, titles, any, typed, style, withNull]) => {
      const branches: Schema[] = vals.map((v, i) => {
        const b = literal(ctx, v, style === 0 ? 1 : style);
        delete b["x-stainless-const"];
        if (!typed) delete b.type;
        return titled ? { title: titles[i], ...b } : b;
      });
      // 3.0 has no null type: the union itself says `nullable`.
      if (withNull && ctx.version === "3.1.0") branches.push({ type: "null" });
      const s: Schema = { [any ? "anyOf" : "oneOf"]: branches };
      if (withNull && ctx.version === "3.0.3") s.nullable = true;
      const first = vals[0]!;
      if (typed) s.type = typeof first === "string" ? "string" : typeof first === "boolean" ? "boolean" : vals.every((v) => Number.isInteger(v)) ? "integer" : "number";
      return s;
    });
}

/** A type at a use site: a primitive, a literal, a reference (recursion included), an array, a map, an inline object, enum or union, or a null idiom around one. */
export function useSite(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  const leaves = fc.oneof(
    { weight: 3, arbitrary: primitive(ctx) },
    { weight: 4, arbitrary: pick(ctx.names).map(ref) },
    { weight: 1, arbitrary: fc.tuple(pick(STRING_VALUES), fc.nat(2)).map(([v, style]) => literal(ctx, v, style)) },
  );
  if (depth <= 0) return leaves;
  const inner = useSite(ctx, depth - 1);
  return fc.oneof(
    { weight: 6, arbitrary: leaves },
    { weight: 2, arbitrary: inner.map((items) => ({ type: "array", items })) },
    { weight: 2, arbitrary: inner.map((values) => ({ type: "object", additionalProperties: values })) },
    { weight: 1, arbitrary: objectSchema(ctx, depth - 1) },
    { weight: 1, arbitrary: enumSchema(ctx) },
    { weight: 1, arbitrary: constUnion(ctx) },
    { weight: 1, arbitrary: untaggedUnion(ctx, depth - 1) },
    { weight: 2, arbitrary: fc.tuple(inner, fc.nat(NULL_IDIOMS * 2)).map(([s, idiom]) => nullable(s, ctx.version, idiom)) },
  );
}

/** Property names for one object: often a group that collides after casing, plus odd and plain ones. */
function propertyNames(): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.option(fc.constantFrom(...PROPERTY_NAME_GROUPS).chain((g) => fc.subarray([...g], { minLength: 2 })), { nil: [] as string[], freq: 3 }), distinct(pick([...ODD_PROPERTY_NAMES, ...PLAIN_PROPERTY_NAMES]), 0, 5))
    .map(([group, others]) => [...new Set([...group, ...others])]);
}

export function objectSchema(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  return fc
    .tuple(
      propertyNames(),
      fc.array(useSite(ctx, depth), { minLength: 9, maxLength: 9 }),
      fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, fc.constant(false), fc.constant(true), useSite(ctx, 0)),
      pick([undefined, undefined, ...DESCRIPTIONS]),
      fc.nat(7),
      pick([undefined, undefined, undefined, ...BRANCH_TITLES]),
    )
    .map(([props, types, required, extra, description, flags, title]) => {
      const properties = Object.fromEntries(props.map((p, i) => [p, types[i % types.length]!]));
      const s: Schema = { type: "object", properties };
      const req = props.filter((_, i) => required[i % required.length]);
      if (req.length) s.required = req;
      // A required property the spec never declares (real specs do this; the IR types it as unknown).
      if (flags === 0) s.required = [...req, "undeclared"];
      if (flags === 1 && props.length) properties[props[0]!] = { ...(properties[props[0]!] as Schema), readOnly: true, deprecated: true };
      if (extra !== undefined) s.additionalProperties = extra;
      if (description) s.description = description;
      if (title !== undefined) s.title = title;
      return s;
    });
}

/** An untagged union of distinct shapes; anyOf or oneOf. */
export function untaggedUnion(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  return fc
    .tuple(fc.array(useSite(ctx, depth), { minLength: 2, maxLength: 4 }), fc.boolean(), fc.option(distinct(pick(BRANCH_TITLES), 4, 4), { nil: undefined, freq: 3 }))
    .map(([branches, any, titles]) => {
      // Titles name the hoisted branches (`Pet`, `pet`: one name after casing; `Option`: reserved).
      const titled = titles ? branches.map((b, i) => (typeof b.$ref === "string" ? b : { title: titles[i], ...b })) : branches;
      return { [any ? "anyOf" : "oneOf"]: uniqueByJson(titled) };
    })
    .filter((s) => (Object.values(s)[0] as Schema[]).length >= 2);
}

/** allOf merges: a reference plus an object, two objects, two references; some made nullable. */
export function allOfMerge(ctx: Ctx, depth: number): fc.Arbitrary<Schema> {
  return fc
    .tuple(pick(ctx.names), pick(ctx.names), objectSchema(ctx, depth), objectSchema(ctx, depth), fc.nat(3), fc.nat(NULL_IDIOMS * 2))
    .map(([a, b, x, y, shape, idiom]) => {
      const members = [[ref(a), x], [x, y], [ref(a), ref(b)], [ref(a), x, { required: Object.keys(y.properties as Schema).slice(0, 1) }]][shape]!;
      const merged: Schema = { allOf: uniqueByJson(members) };
      return idiom % 3 === 0 ? nullable(merged, ctx.version, idiom) : merged;
    });
}

function uniqueByJson(list: Schema[]): Schema[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = JSON.stringify(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
