// Questions targets (and diff) ask about IR types, answered once here so every target agrees.
import type { Constraints, EnumModel, JsonValue, Model, NumericBound, ParameterLocation, TypeExpr, WireValue } from "./types.js";

export type ModelIndex = ReadonlyMap<string, Model>;

/**
 * Model id -> model (of an id written twice, the last, as a Map made from the list holds it), made
 * once per models array and thread: every language's target and names ask for it, and a Map of
 * ~2,700 pairs made per caller was ~0.5 ms each, a dozen times a run. Like the unit keys and the
 * naming hash, it is kept per array: an IR given other models is indexed afresh.
 */
export function indexModels(models: readonly Model[]): ModelIndex {
  return byIdOnce(indexes, models, (m) => m);
}

const indexes = new WeakMap<readonly Model[], ModelIndex>();

/** Model id -> its place in `models` (of an id written twice, the last), once per models array as indexModels. */
export function modelPositions(models: readonly Model[]): ReadonlyMap<string, number> {
  return byIdOnce(positions, models, (_, i) => i);
}

const positions = new WeakMap<readonly Model[], ReadonlyMap<string, number>>();

/** Model id -> `value` of its model (the last of an id), made once per models array and kept in `made`. */
function byIdOnce<T>(made: WeakMap<readonly Model[], ReadonlyMap<string, T>>, models: readonly Model[], value: (m: Model, i: number) => T) {
  let map = made.get(models);
  if (map === undefined) {
    const built = new Map<string, T>();
    for (let i = 0; i < models.length; i++) built.set(models[i]!.id, value(models[i]!, i));
    made.set(models, (map = built));
  }
  return map;
}

/** Unix timestamps in seconds: 64-bit integers in every target (never 32-bit). */
export function isUnixTime(format: string | undefined): boolean {
  return format === "unixtime" || format === "unix-time";
}

/** Does the type accept null, looking through aliases (`type RunStepUsage = Usage | null`)? */
// `seen` (the aliases already followed, against a cycle) is made at the first alias only: these two
// are asked per field by every target, and a Set made per call (a default parameter is evaluated
// even for a type that is no reference) was a good part of their time and of the garbage.
export function acceptsNull(t: TypeExpr, models: ModelIndex, seen?: Set<string>): boolean {
  if (t.nullable) return true;
  if (t.kind === "unknown") return true;
  if (t.kind !== "ref" || seen?.has(t.target)) return false;
  const m = models.get(t.target);
  if (!m) return false;
  if (m.nullable) return true;
  if (m.kind !== "alias") return false;
  (seen ??= new Set()).add(t.target);
  return acceptsNull(m.type, models, seen);
}

/** Follows alias models to the type they stand for. */
export function unalias(t: TypeExpr, models: ModelIndex, seen?: Set<string>): TypeExpr {
  if (t.kind !== "ref" || seen?.has(t.target)) return t;
  const m = models.get(t.target);
  if (m?.kind !== "alias") return t;
  (seen ??= new Set()).add(t.target);
  const inner = unalias(m.type, models, seen);
  return t.nullable ? { ...inner, nullable: true } : inner;
}

/** Every NumericBound once: a record, so that the compiler names one left out. */
const BOUNDS: Record<NumericBound, true> = {
  minimum: true,
  maximum: true,
  exclusiveMinimum: true,
  exclusiveMaximum: true,
  multipleOf: true,
};

/** The constraints whose value may carry the spec's digits (Constraints.exact). */
export const NUMERIC_BOUNDS = Object.keys(BOUNDS) as readonly NumericBound[];

export function isNumericBound(keyword: string): keyword is NumericBound {
  return Object.hasOwn(BOUNDS, keyword);
}

/** A bound as the spec wrote it: its exact digits when a double does not hold it (Constraints.exact), else its number. */
export function boundText(c: Constraints, bound: NumericBound): string | undefined {
  const value = c[bound];
  return value === undefined ? undefined : (c.exact?.[bound] ?? String(value));
}

/** The integers each integer format holds; an integer without one of these formats is taken as int64. */
const INT64: readonly [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];
const INTEGER_RANGES: Record<string, readonly [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: INT64,
  uint64: [0n, 2n ** 64n - 1n],
};

/** The least and greatest integer of a format (int64's for any other format, or none). */
export function integerRange(format: string | undefined): readonly [bigint, bigint] {
  return format !== undefined && Object.hasOwn(INTEGER_RANGES, format) ? INTEGER_RANGES[format]! : INT64;
}

/** `n` is an integer of the format (`int64`: what a Rust i64 or a Scala Long holds). */
export function inIntegerRange(n: bigint, format: string): boolean {
  const [least, greatest] = integerRange(format);
  return n >= least && n <= greatest;
}

/** A default as the spec wrote it, in JSON: its exact digits when a double does not hold it (Field.defaultExact). */
export function defaultText(holder: { default?: JsonValue; defaultExact?: string }): string | undefined {
  return holder.default === undefined ? undefined : (holder.defaultExact ?? JSON.stringify(holder.default));
}

/** A literal's or an enum member's value as the spec wrote it, in JSON: its exact digits when a double does not hold it. */
export function literalText(v: WireValue): string {
  return v.exact ?? JSON.stringify(v.value);
}

/** Constraints in words, for doc comments in every language. */
export function describeConstraints(c: Constraints | undefined): string[] {
  if (!c) return [];
  const out: string[] = [];
  if (c.minimum !== undefined) out.push(`minimum: ${boundText(c, "minimum")}`);
  if (c.exclusiveMinimum !== undefined) out.push(`exclusive minimum: ${boundText(c, "exclusiveMinimum")}`);
  if (c.maximum !== undefined) out.push(`maximum: ${boundText(c, "maximum")}`);
  if (c.exclusiveMaximum !== undefined) out.push(`exclusive maximum: ${boundText(c, "exclusiveMaximum")}`);
  if (c.multipleOf !== undefined) out.push(`multiple of: ${boundText(c, "multipleOf")}`);
  if (c.minLength !== undefined) out.push(`min length: ${c.minLength}`);
  if (c.maxLength !== undefined) out.push(`max length: ${c.maxLength}`);
  if (c.pattern !== undefined) out.push(`pattern: \`${c.pattern}\``);
  if (c.minItems !== undefined) out.push(`min items: ${c.minItems}`);
  if (c.maxItems !== undefined) out.push(`max items: ${c.maxItems}`);
  if (c.uniqueItems) out.push("items are unique");
  if (c.minProperties !== undefined) out.push(`min properties: ${c.minProperties}`);
  if (c.maxProperties !== undefined) out.push(`max properties: ${c.maxProperties}`);
  return out;
}

/**
 * An enum hoisted from an inline schema (it has a parent). Targets whose languages can spell a set
 * of values inline (TypeScript's union of literals, Elixir's union of atoms) write it where it is
 * used instead of declaring it.
 */
export function isInlineEnum(m: Model | undefined): m is EnumModel {
  return m?.kind === "enum" && m.parent !== undefined;
}

/** Hoisted models by the id of the model that contains them, in IR order. */
export function childrenByParent(models: Model[]): Map<string, Model[]> {
  const children = new Map<string, Model[]>();
  for (let i = 0; i < models.length; i++) {
    const m = models[i]!;
    if (!m.parent) continue;
    const list = children.get(m.parent);
    if (list) list.push(m);
    else children.set(m.parent, [m]);
  }
  return children;
}

/** Where an operation parameter is sent, in words for doc comments: "Query parameter (style: form, explode: false)." */
export function describeParameter(p: ParameterLocation | undefined): string | undefined {
  if (!p) return undefined;
  const where = { path: "Path", query: "Query", header: "Header", cookie: "Cookie" }[p.in];
  const how = [p.style !== undefined ? `style: ${p.style}` : "", p.explode !== undefined ? `explode: ${p.explode}` : ""]
    .filter(Boolean)
    .join(", ");
  return `${where} parameter${how ? ` (${how})` : ""}.`;
}

/** The top-level model that (transitively) contains this one. */
export function ownerOf(id: string, models: ModelIndex): Model | undefined {
  let m = models.get(id);
  // Most models have no parent: no set for them (this runs for every reference a file renders).
  if (!m?.parent) return m;
  const seen = new Set<string>();
  while (m?.parent && !seen.has(m.id)) {
    seen.add(m.id);
    const up = models.get(m.parent);
    if (!up) break;
    m = up;
  }
  return m;
}
