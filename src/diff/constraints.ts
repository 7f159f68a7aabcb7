// Validation constraints, keyword by keyword: stricter (or added) or looser (or removed).
import type { Constraints } from "../ir/types.js";
import { isNumericBound } from "../ir/query.js";

/** A keyword's value; a bigint for a bound written with digits a double does not hold exactly (Constraints.exact). */
export type ConstraintValue = number | bigint | string | boolean;

export interface ConstraintChange {
  keyword: Keyword;
  direction: "tightened" | "loosened";
  before?: ConstraintValue;
  after?: ConstraintValue;
}

type Keyword = Exclude<keyof Constraints, "exact">;

type Bound = "lower" | "upper";
const BOUNDS: Partial<Record<Keyword, Bound>> = {
  minimum: "lower",
  exclusiveMinimum: "lower",
  minLength: "lower",
  minItems: "lower",
  minProperties: "lower",
  maximum: "upper",
  exclusiveMaximum: "upper",
  maxLength: "upper",
  maxItems: "upper",
  maxProperties: "upper",
};

const ORDER: Keyword[] = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
];

export function compareConstraints(a: Constraints | undefined, b: Constraints | undefined): ConstraintChange[] {
  const out: ConstraintChange[] = [];
  for (const k of ORDER) {
    let before = keywordValue(a, k);
    let after = keywordValue(b, k);
    if (typeof before === "bigint" || typeof after === "bigint") [before, after] = [asBigInt(before), asBigInt(after)];
    if (before === after || (k === "uniqueItems" && !before === !after)) continue;
    const change = (direction: ConstraintChange["direction"]): ConstraintChange => {
      const c: ConstraintChange = { keyword: k, direction };
      if (before !== undefined) c.before = before;
      if (after !== undefined) c.after = after;
      return c;
    };
    if (before === undefined || before === false) out.push(change("tightened"));
    else if (after === undefined || after === false) out.push(change("loosened"));
    else if (BOUNDS[k] === "lower") out.push(change((after as number) > (before as number) ? "tightened" : "loosened"));
    else if (BOUNDS[k] === "upper") out.push(change((after as number) < (before as number) ? "tightened" : "loosened"));
    else if (k === "multipleOf") out.push(change(divides(after as number | bigint, before as number | bigint) ? "loosened" : "tightened"));
    else out.push(change("tightened")); // a changed pattern: values it accepted may fail now
  }
  return out;
}

/** The keyword's value in `c`: a bound's exact digits as a bigint, so bounds beyond 2^53 compare as written. */
function keywordValue(c: Constraints | undefined, k: Keyword): ConstraintValue | undefined {
  const digits = isNumericBound(k) ? c?.exact?.[k] : undefined;
  return digits !== undefined ? BigInt(digits) : c?.[k];
}

/**
 * An integer bound as a bigint, to compare with one given by its digits: a number without digits
 * beside it stands for its own spelling (the normalizer keeps digits only where they differ from
 * it), so 9223372036854776000, not the double's exact 2^63.
 */
function asBigInt(v: ConstraintValue | undefined): ConstraintValue | undefined {
  if (typeof v !== "number" || !Number.isInteger(v)) return v;
  const spelled = String(v);
  return BigInt(/^-?\d+$/.test(spelled) ? spelled : v);
}

/** `divisor` divides `n` (every multiple of `n` is one of `divisor`): exactly when both are bigints. */
function divides(divisor: number | bigint, n: number | bigint): boolean {
  if (typeof divisor === "bigint" && typeof n === "bigint") return divisor !== 0n && n % divisor === 0n;
  return Number(n) % Number(divisor) === 0;
}

/** A keyword's value in a message: JSON (a pattern quoted), a bound's exact digits as written. */
export function constraintText(v: ConstraintValue): string {
  return typeof v === "bigint" ? String(v) : JSON.stringify(v);
}
