// TypeScript in the round-trip conformance: with `validators: zod`, every example response the
// specs pair with a model is parsed with that model's schema and re-encoded with JSON.stringify
// (zod-harness.ts), then judged and compared like the other languages' (absent and null kept
// apart, as Rust's and Scala's models keep them). Under each presence policy the numbers are the
// other languages' numbers for the same policy, example for example: the zod schemas read what
// their models read (open enums and tags, a null in an optional field read as absent).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexModels } from "../../src/ir/query.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import { irOf, REPO, SHARED } from "../helpers/generate.js";
import { conformanceCases } from "../conformance/cases.js";
import { judgeResults, summaryLine, writeReport } from "../conformance/report.js";
import { summaryRow, writeSummaryRows } from "../conformance/summary-rows.js";
import { tolerantFailures } from "../conformance/tolerant.js";
import { importZodModels, roundTrip, schemaLookup, writeZodModels } from "../conformance/zod-harness.js";

/**
 * Round-tripped examples per spec and policy: the other languages' numbers for the same policy,
 * which TypeScript's must equal (each language runs the policies its suite runs). Under strict
 * the schemas read four examples more than the typed fixtures of typescript-conformance.test.ts
 * compile (152): a null in an optional field reads as absent when parsing, as in every language,
 * while a type does not admit it.
 */
const EXPECTED: Record<string, Record<PresencePolicy, { roundTripped: number; others: string }>> = {
  "openai-2024-06-24.yaml": {
    lenient: { roundTripped: 31, others: "Rust, Scala and Elixir 31" },
    strict: { roundTripped: 25, others: "Elixir 25" },
    tolerant: { roundTripped: 48, others: "every example; the other languages run tolerant on 2026-08-21" },
  },
  "openai-2026-08-21.yaml": {
    lenient: { roundTripped: 173, others: "Rust, Scala and Elixir 173" },
    strict: { roundTripped: 156, others: "Elixir 156" },
    tolerant: { roundTripped: 230, others: "Rust, Scala and Elixir 230" },
  },
};

const POLICIES: PresencePolicy[] = ["lenient", "strict", "tolerant"];

describe.each(Object.keys(EXPECTED))("%s example responses parsed by the zod schemas", (file) => {
  it.each(POLICIES)("presence %s: round trips as many as the other languages, the generator never wrong", async (presence) => {
    const spec = path.join(SHARED, "specs/openai", file);
    const module = await importZodModels(await writeZodModels(spec, presence));
    const cases = conformanceCases(spec);
    const models = indexModels(irOf(spec).models);
    const report = judgeResults("typescript", file, cases, roundTrip(cases, schemaLookup(spec, module)), models, presence, { keepsAbsentApartFromNull: true });
    writeReport(report, REPO);
    writeSummaryRows(REPO, [summaryRow(report)]);
    const expected = EXPECTED[file]![presence];
    console.log(`${summaryLine(report)} (${expected.others})`);

    const wrong = report.outcomes.filter((o) => o.verdict === "our generator is wrong");
    expect(wrong.map((o) => `${o.id} ${o.operation} ${o.pointer ?? ""}: ${o.reason ?? ""}`).join("\n"), "examples the judge accepts must round-trip (our generator is wrong)").toBe("");
    expect(report.tried, "examples tried").toBeGreaterThan(20);
    expect(report.roundTripped, `round-tripped, as ${expected.others}`).toBe(expected.roundTripped);
    if (presence === "tolerant") {
      // What still fails must break the spec's types, as in the other languages.
      const unexplained = tolerantFailures(cases, report.outcomes, models).filter((f) => f.contradictions.length === 0);
      expect(unexplained.map((f) => f.outcome.id)).toEqual([]);
      expect(report.roundTripped / report.tried).toBeGreaterThanOrEqual(0.95);
    }
  }, 600_000);
});
