// Validation constraints, keyword by keyword: stricter (or added) or looser (or removed).
import type { Constraints } from "../ir/types.js";

export interface ConstraintChange {
  keyword: keyof Constraints;
  direction: "tightened" | "loosened";
  before?: Constraints[keyof Constraints];
  after?: Constraints[keyof Constraints];
}

type Bound = "lower" | "upper";
const BOUNDS: Partial<Record<keyof Constraints, Bound>> = {
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

const ORDER: (keyof Constraints)[] = [
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
    const before = a?.[k];
    const after = b?.[k];
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
    else if (k === "multipleOf") out.push(change((before as number) % (after as number) === 0 ? "loosened" : "tightened"));
    else out.push(change("tightened")); // a changed pattern: values it accepted may fail now
  }
  return out;
}
