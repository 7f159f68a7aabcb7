// The judge's view of `presence: tolerant`: every field of every object may be absent or null, so
// an example can break the spec under tolerant presence only by a value of the wrong type, an
// unlisted constant, enum value or tag, or a null where no field is (an array item, a map value).
// Judging an example against these relaxed models leaves exactly those type contradictions.
import type { ModelIndex } from "../../src/ir/query.js";
import type { Model } from "../../src/ir/types.js";
import type { ConformanceCase } from "./cases.js";
import type { CaseOutcome } from "./report.js";
import { validate, type Problem } from "./validate.js";

/** The models with every object field optional and nullable. */
export function tolerantModels(models: ModelIndex): ModelIndex {
  return new Map(
    [...models].map(([id, m]): [string, Model] => [id, m.kind === "object" ? { ...m, fields: m.fields.map((f) => ({ ...f, required: false, type: { ...f.type, nullable: true } })) } : m]),
  );
}

/** Where an example breaks the spec even under tolerant presence (empty: it does not). */
export function typeContradictions(c: ConformanceCase, relaxed: ModelIndex): Problem[] {
  return validate(c.json, { kind: "ref", target: c.modelId }, relaxed, "lenient");
}

/**
 * A tolerant run's failures, each with its type contradictions: a failure without one is the
 * generator's fault (tolerant presence should have read it).
 */
export function tolerantFailures(cases: ConformanceCase[], outcomes: CaseOutcome[], models: ModelIndex): { outcome: CaseOutcome; contradictions: Problem[] }[] {
  const relaxed = tolerantModels(models);
  const byId = new Map(cases.map((c) => [c.id, c]));
  return outcomes.filter((o) => o.verdict !== "round-tripped").map((outcome) => ({ outcome, contradictions: typeContradictions(byId.get(outcome.id)!, relaxed) }));
}
