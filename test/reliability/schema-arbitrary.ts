// Random, valid OpenAPI 3.0 and 3.1 component sets built from every construct the IR knows:
// objects, every null idiom, enums of each scalar type with odd values, const unions with and
// without titles, tagged and untagged unions, allOf merges, maps, arrays, recursion through each
// of them, and names that collide after casing or are reserved in some target language.
// The pieces live in arbitrary/; this file puts a set together and keeps it valid.
import fc from "fast-check";
import { stringify } from "yaml";
import { MODEL_NAME_GROUPS, PLAIN_MODEL_NAMES, RESERVED_MODEL_NAMES } from "./arbitrary/names.js";
import { nullable, NULL_IDIOMS, type Schema, type Version } from "./arbitrary/null-idioms.js";
import { allOfMerge, constUnion, distinct, enumSchema, escapePointer, objectSchema, pick, untaggedUnion, useSite, type Ctx } from "./arbitrary/schemas.js";
import { taggedUnion } from "./arbitrary/tagged.js";
import { breakBareCycles } from "./arbitrary/cycles.js";

export type { Version } from "./arbitrary/null-idioms.js";

export interface ComponentSet {
  version: Version;
  schemas: Record<string, Schema>;
}

/** Component names: often a group that collides after casing, plus reserved and plain ones. */
function modelNames(): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.option(fc.constantFrom(...MODEL_NAME_GROUPS).chain((g) => fc.subarray([...g], { minLength: 2 })), { nil: [] as string[], freq: 2 }),
      distinct(pick([...RESERVED_MODEL_NAMES, ...PLAIN_MODEL_NAMES]), 1, 6),
    )
    .map(([group, others]) => [...new Set([...group, ...others])]);
}

/** One component's schema: any construct, recursion through each allowed. */
function componentBody(ctx: Ctx): fc.Arbitrary<Schema> {
  return fc.oneof(
    { weight: 4, arbitrary: objectSchema(ctx, 2) },
    { weight: 2, arbitrary: enumSchema(ctx) },
    { weight: 2, arbitrary: constUnion(ctx) },
    { weight: 2, arbitrary: untaggedUnion(ctx, 1) },
    { weight: 2, arbitrary: allOfMerge(ctx, 1) },
    // Aliases: arrays, maps, primitives, references (a chain of them ends: see cycles.ts).
    { weight: 3, arbitrary: useSite(ctx, 2) },
    { weight: 1, arbitrary: fc.tuple(objectSchema(ctx, 1), fc.nat(NULL_IDIOMS * 2)).map(([s, i]) => nullable(s, ctx.version, i)) },
  );
}

export function componentSet(): fc.Arbitrary<ComponentSet> {
  return fc
    .tuple(pick(["3.0.3", "3.1.0"] as const), modelNames(), fc.nat(999))
    .chain(([version, names, salt]) => {
      const ctx: Ctx = { version, names };
      return fc.tuple(
        fc.constant(version),
        fc.constant(names),
        fc.array(componentBody(ctx), { minLength: names.length, maxLength: names.length }),
        fc.option(taggedUnion(ctx, salt), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
      );
    })
    .map(([version, names, bodies, tagged, collide, point]) => {
      const schemas: Record<string, Schema> = Object.fromEntries(names.map((n, i) => [n, bodies[i]!]));
      if (tagged) Object.assign(schemas, tagged);
      if (collide) addHoistedNameCollision(schemas);
      if (point) addPointerIntoProperty(schemas);
      return { version, schemas: breakBareCycles(schemas) };
    });
}

/** The first property of a component object, and its schema (for the extras below). */
function firstProperty(schemas: Record<string, Schema>, inline: boolean): { model: string; property: string; schema: Schema } | undefined {
  for (const [model, s] of Object.entries(schemas)) {
    const properties = s.properties as Record<string, Schema> | undefined;
    for (const [property, schema] of Object.entries(properties ?? {})) {
      if (!inline || schema.type === "object" || Array.isArray(schema.enum) || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return { model, property, schema };
    }
  }
  return undefined;
}

/** A component named like a hoisted inline model (`Pet` + `owner` and a component `Pet_owner`). */
function addHoistedNameCollision(schemas: Record<string, Schema>): void {
  const found = firstProperty(schemas, true);
  const name = found && `${found.model}_${found.property}`;
  if (name && /^[A-Za-z0-9._-]+$/.test(name) && !(name in schemas)) schemas[name] = { type: "object", properties: { id: { type: "string" } } };
}

/** A reference into another component's property (`#/components/schemas/Pet/properties/owner`), as OpenAI's specs write them. */
function addPointerIntoProperty(schemas: Record<string, Schema>): void {
  const found = firstProperty(schemas, false);
  if (!found) return;
  schemas.Pointer = { type: "object", properties: { inner: { $ref: `#/components/schemas/${escapePointer(found.model)}/properties/${escapePointer(found.property)}` } } };
}

/** The spec document for a component set. */
export function specText(set: ComponentSet, title = "Fuzz API"): string {
  return stringify({ openapi: set.version, info: { title, version: "1.0.0" }, paths: {}, components: { schemas: set.schemas } }, { aliasDuplicateObjects: false, lineWidth: 0 });
}
