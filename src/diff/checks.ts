// The catalog of checks `diff` reports: one id per kind of change, its default severity when no
// target language breaks, and a line for the docs. Ids are what the config's `diff.severity` keys on.

export type Severity = "breaking" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["breaking", "warning", "info"];

export const CHECKS = {
  "model-added": { base: "info", about: "a model was added" },
  "model-removed": { base: "breaking", about: "a model is no longer generated" },
  "model-renamed": { base: "warning", about: "a model has the same shape under a new name" },
  "model-kind-changed": { base: "warning", about: "a model changed kind (object, enum, union, alias)" },
  "required-field-added": { base: "warning", about: "a required field was added" },
  "optional-field-added": { base: "info", about: "an optional field was added" },
  "required-field-removed": { base: "warning", about: "a required field was removed" },
  "optional-field-removed": { base: "warning", about: "an optional field was removed" },
  "field-became-required": { base: "warning", about: "an optional field became required" },
  "field-became-optional": { base: "warning", about: "a required field became optional" },
  "type-changed": { base: "warning", about: "a type changed to one that neither contains the other" },
  "type-widened": { base: "warning", about: "a type now accepts more values" },
  "type-narrowed": { base: "warning", about: "a type now accepts fewer values" },
  "nullable-gained": { base: "warning", about: "a type now admits null" },
  "nullable-lost": { base: "warning", about: "a type no longer admits null" },
  "enum-value-added": { base: "warning", about: "an enum value was added" },
  "enum-value-removed": { base: "warning", about: "an enum value was removed" },
  "literal-changed": { base: "warning", about: "a constant value changed" },
  "constraint-tightened": { base: "warning", about: "a validation constraint got stricter (or was added)" },
  "constraint-loosened": { base: "info", about: "a validation constraint got looser (or was removed)" },
  "default-changed": { base: "warning", about: "a default value was added, removed or changed" },
  deprecated: { base: "info", about: "a model or field became deprecated" },
  undeprecated: { base: "info", about: "a model or field is no longer deprecated" },
  "union-variant-added": { base: "warning", about: "a union gained a variant" },
  "union-variant-removed": { base: "warning", about: "a union lost a variant" },
  "additional-properties-added": { base: "info", about: "an object now allows extra keys" },
  "additional-properties-removed": { base: "warning", about: "an object no longer allows extra keys" },
} as const satisfies Record<string, { base: Severity; about: string }>;

export type CheckId = keyof typeof CHECKS;
export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

export function isCheckId(s: string): s is CheckId {
  return Object.hasOwn(CHECKS, s);
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
