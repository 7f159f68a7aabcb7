// What the keywords of a schema object mean to the normalizer: which are structure, which are
// annotations, which are JSON Schema features the IR cannot express.
import type { Constraints, Docs, JsonValue } from "../types.js";

export type Schema = Record<string, unknown>;

export function isSchemaObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Keywords that only annotate: an allOf member made of these alone wraps nothing. */
const ANNOTATION_KEYS = new Set([
  "nullable", "description", "title", "default", "deprecated", "readOnly", "writeOnly",
  "example", "examples", "externalDocs", "xml", "$comment", "$id", "$schema", "$anchor", "$recursiveAnchor", "$dynamicAnchor",
]);

export function isAnnotationOnly(schema: Schema): boolean {
  return Object.keys(schema).every((k) => ANNOTATION_KEYS.has(k) || k.startsWith("x-"));
}

/** JSON Schema features with no IR counterpart; each use is reported. */
const UNSUPPORTED_KEYS = [
  "not", "if", "then", "else", "patternProperties", "propertyNames", "dependentSchemas", "dependentRequired",
  "prefixItems", "contains", "unevaluatedProperties", "unevaluatedItems", "contentSchema", "dependencies",
] as const;

const UNSUPPORTED = new Set<string>(UNSUPPORTED_KEYS);

/**
 * The unsupported keywords the schema has, in UNSUPPORTED_KEYS' order (the order they are reported
 * in). Asked of every schema: one pass over its few keys instead of fourteen lookups, which on
 * objects of many shapes each went through V8's slow generic path.
 */
export function unsupportedKeysOf(schema: Schema): readonly string[] {
  if (!hasAnyKey(schema, UNSUPPORTED)) return NONE;
  return UNSUPPORTED_KEYS.filter((key) => key in schema);
}

const NONE: readonly string[] = [];

/** Whether one of `keys` is a key of `schema` (own or inherited, as `in` sees them: plain objects inherit none). */
function hasAnyKey(schema: Schema, keys: ReadonlySet<string>): boolean {
  for (const key in schema) if (keys.has(key)) return true;
  return false;
}

/** Extensions the normalizer turns into IR concepts instead of passing them through. */
const CONSUMED_EXTENSIONS = new Set(["x-stainless-const", "x-enum-descriptions", "x-enumDescriptions", "x-enum-varnames", "x-enumNames"]);

export function docsOf(schema: Schema): Docs {
  const docs: Docs = {};
  if (typeof schema.title === "string") docs.title = schema.title;
  if (typeof schema.description === "string") docs.description = schema.description;
  if (schema.deprecated === true) docs.deprecated = true;
  if (schema.readOnly === true) docs.readOnly = true;
  if (schema.writeOnly === true) docs.writeOnly = true;
  let examples: JsonValue[] | undefined;
  if ("example" in schema) examples = [schema.example as JsonValue];
  if (Array.isArray(schema.examples)) (examples ??= []).push(...(schema.examples as JsonValue[]));
  if (examples?.length) docs.examples = examples;
  let extensions: Record<string, JsonValue> | undefined;
  // Every schema's keys are looked through, nearly always for none: no list of them is made, and
  // the prefix is two character codes (a schema is a plain object: `for in` gives its own keys).
  for (const key in schema) {
    if (key.charCodeAt(0) !== 120 || key.charCodeAt(1) !== 45 || CONSUMED_EXTENSIONS.has(key)) continue;
    (extensions ??= {})[key] = schema[key] as JsonValue;
  }
  if (extensions) docs.extensions = extensions;
  return docs;
}

/** Use-site docs win; the wrapped schema fills what the use site leaves out. */
export function mergeDocs(outer: Docs, inner: Docs): Docs {
  const merged: Docs = { ...inner, ...outer };
  if (inner.extensions || outer.extensions) merged.extensions = { ...inner.extensions, ...outer.extensions };
  const keys = Object.keys(merged) as (keyof Docs)[];
  for (let i = 0; i < keys.length; i++) if (merged[keys[i]!] === undefined) delete merged[keys[i]!];
  return merged;
}

const NUMERIC_CONSTRAINTS = [
  "minimum",
  "maximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
] as const;

const CONSTRAINT_KEYS = new Set<string>([...NUMERIC_CONSTRAINTS, "pattern", "uniqueItems", "exclusiveMinimum", "exclusiveMaximum"]);

/** Only constraints and annotations: narrows a value without saying what it is (an allOf member that refines another). */
export function isRefinementOnly(schema: Schema): boolean {
  return Object.keys(schema).every((k) => ANNOTATION_KEYS.has(k) || CONSTRAINT_KEYS.has(k) || k.startsWith("x-"));
}

export function constraintsOf(schema: Schema): Constraints | undefined {
  // Most schemas have none: one pass over their keys says so.
  if (!hasAnyKey(schema, CONSTRAINT_KEYS)) return undefined;
  const c: Constraints = {};
  for (let i = 0; i < NUMERIC_CONSTRAINTS.length; i++) {
    const key = NUMERIC_CONSTRAINTS[i]!;
    const v = schema[key];
    if (typeof v === "number") c[key] = v;
  }
  if (typeof schema.pattern === "string") c.pattern = schema.pattern;
  if (schema.uniqueItems === true) c.uniqueItems = true;
  exclusiveBound(schema, c, "exclusiveMinimum", "minimum");
  exclusiveBound(schema, c, "exclusiveMaximum", "maximum");
  return Object.keys(c).length ? c : undefined;
}

/** 3.0 writes exclusiveMinimum as a boolean beside minimum; 3.1 writes the bound itself. */
function exclusiveBound(schema: Schema, c: Constraints, ex: "exclusiveMinimum" | "exclusiveMaximum", bound: "minimum" | "maximum"): void {
  const v = schema[ex];
  if (typeof v === "number") c[ex] = v;
  else if (v === true && typeof c[bound] === "number") {
    c[ex] = c[bound];
    delete c[bound];
  }
}

/** Declared types as `typesOf` gives them. */
export interface DeclaredTypes {
  readonly types: readonly string[];
  readonly hasNull: boolean;
}

/**
 * Declared `type` as a list (3.1 arrays, 3.0 strings), with "null" split off. Asked several times of
 * every schema: a single type name (3.0's form, and most of 3.1's) or none gives a shared, frozen answer.
 */
export function typesOf(schema: Schema): DeclaredTypes {
  const raw = schema.type;
  if (raw === undefined) return NO_TYPES;
  if (typeof raw === "string") return ONE_TYPE.get(raw) ?? { types: [raw], hasNull: false };
  const list = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === "string") : typeof raw === "string" ? [raw] : [];
  return { types: list.filter((t) => t !== "null"), hasNull: list.includes("null") };
}

const NO_TYPES: DeclaredTypes = Object.freeze({ types: Object.freeze([]), hasNull: false });
const ONE_TYPE = new Map<string, DeclaredTypes>(
  ["string", "number", "integer", "boolean", "object", "array", "null"].map((t) => [
    t,
    Object.freeze({ types: Object.freeze(t === "null" ? [] : [t]), hasNull: t === "null" }),
  ]),
);

export function isNullSchema(schema: unknown): boolean {
  if (!isSchemaObject(schema)) return false;
  if (schema.type === "null") return true;
  if (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === "null") return true;
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null) return true;
  return "const" in schema && schema.const === null;
}
