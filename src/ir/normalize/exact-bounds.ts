// Bounds that are integers beyond 2^53 keep the digits the spec wrote (Constraints.exact): the
// readers give the nearest double, and int64's bounds are common in real specs.
import type { Constraints, NumericBound } from "../types.js";
import { NUMERIC_BOUNDS } from "../query.js";
import type { At, NormalizeContext } from "./context.js";

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
