// Integers beyond 2^53 keep the digits the spec wrote (int64's bounds, an int64 enum, const or
// default): the readers give the nearest double, whose spelling is another number
// (9223372036854775807 reads as 9223372036854775808). Bounds keep them in `Constraints.exact`, a
// literal and an enum member in `exact`, a default in `defaultExact`: what targets print where the
// spec's number is quoted (docs), and where the language holds such an integer exactly (Elixir's
// integers, Rust's i64 and u64, Scala's Long).
import type { Constraints, JsonValue, NumericBound } from "../types.js";
import { NUMERIC_BOUNDS } from "../query.js";
import type { SourceDocument } from "../../load/loader.js";
import type { At, NormalizeContext } from "./context.js";
import type { Schema } from "./keywords.js";

/** Sets `c.exact` for each bound of `c` (made from `at.schema`) that a double holds only approximately. */
export function addExactBounds(n: NormalizeContext, at: At, c: Constraints): void {
  for (const bound of NUMERIC_BOUNDS) {
    const value = c[bound];
    if (value === undefined) continue;
    // Undefined unless the value is such an integer and the text there spells other digits for it.
    const digits = n.specs.integerText(at.doc, at.schema, writtenAs(at.schema, bound, value), value);
    if (digits !== undefined) (c.exact ??= {})[bound] = digits;
  }
}

/** The key the bound's value was written under: 3.0's `exclusiveMinimum: true` takes `minimum`'s value (keywords.ts). */
function writtenAs(schema: At["schema"], bound: NumericBound, value: number): string {
  if (schema[bound] === value) return bound;
  return bound === "exclusiveMinimum" ? "minimum" : bound === "exclusiveMaximum" ? "maximum" : bound;
}

/** What holds a default (a use site, a field, a model). */
interface DefaultHolder {
  default?: JsonValue;
  defaultExact?: string;
}

/** Sets `to.default` from `s.default` (written in `doc`), and its digits when they are needed; `to` has no default yet. */
export function setDefault(n: NormalizeContext, doc: SourceDocument, s: Schema, to: DefaultHolder): void {
  const value = s.default as JsonValue;
  to.default = value;
  const digits = n.specs.integerText(doc, s, "default", value);
  if (digits !== undefined) to.defaultExact = digits;
}

/** Copies a default and its digits from one holder to another (a use site to its field or model). */
export function copyDefault(from: DefaultHolder, to: DefaultHolder): void {
  if (from.default === undefined) return;
  to.default = from.default;
  if (from.defaultExact !== undefined) to.defaultExact = from.defaultExact;
}

/**
 * The digits of the single value a schema allows (literalOf in build-enum.ts: `const`, else the one
 * value of `enum`), when it is an integer a double does not hold exactly.
 */
export function literalDigits(n: NormalizeContext, doc: SourceDocument, s: Schema, value: unknown): string | undefined {
  if (typeof value !== "number") return undefined;
  if ("const" in s && s.const === value) return n.specs.integerText(doc, s, "const", value);
  if (!Array.isArray(s.enum)) return undefined;
  return n.specs.integerItems(doc, s.enum)?.[s.enum.indexOf(value)];
}
