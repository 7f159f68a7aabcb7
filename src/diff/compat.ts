// Per-language traits come from each target's optional `compat` (src/targets/target.ts); nothing
// here knows a language. A target that declares nothing is judged conservatively.
import type { Target, TargetCompat } from "../targets/target.js";
import type { Rule, Verdict } from "./change.js";

export const CONSERVATIVE_COMPAT: Readonly<TargetCompat> = {
  enumUnknownFallback: false,
  unionUnknownTagFallback: false,
  uncheckedDecoding: false,
  ignoresUnknownFields: false,
  numbersShareOneType: false,
  integerFormatsShareOneType: false,
  stringFormatsShareOneType: false,
  optionalFieldAcceptsNull: false,
  checksConstraints: true,
};

/** A target's traits with its options applied; traits it does not declare take the conservative value. */
export function compatOf(target: Pick<Target, "compat">, options: Record<string, unknown> = {}): TargetCompat {
  const declared = typeof target.compat === "function" ? target.compat(options) : (target.compat ?? {});
  return { ...CONSERVATIVE_COMPAT, ...declared };
}

export function verdictOf(rule: Rule, compat: TargetCompat): Verdict {
  if (rule === "breaking" || rule === "safe") return rule;
  if ("safeIf" in rule) return rule.safeIf.some((t) => compat[t]) ? "safe" : "breaking";
  return rule.breakingIf.some((t) => compat[t]) ? "breaking" : "safe";
}

/** The languages a diff is judged for, with their traits. */
export interface Judges {
  names: string[];
  compat: Record<string, TargetCompat>;
}

export function judgesFor(
  targets: readonly Pick<Target, "name" | "compat">[],
  options: Record<string, Record<string, unknown>> = {},
): Judges {
  const compat: Record<string, TargetCompat> = {};
  for (const t of targets) compat[t.name] = compatOf(t, options[t.name]);
  return { names: targets.map((t) => t.name), compat };
}
