// Mutated specs: random edits of real specs (a node deleted, a type swapped, a $ref broken, a value
// of the wrong kind, a YAML error) must end in valid output or in the one-line positioned error,
// never in an internal error (a stack trace) or a half-written output folder. A fixed seed and
// count here; `npm run fuzz -- --mutations N --seed S` tries more.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, SHARED } from "../helpers/generate.js";
import { tryMutants, type MutantOutcome } from "./run-mutants.js";

const BASES: { name: string; root: string; entry: string; count: number; typecheckEvery: number }[] = [
  { name: "spec/", root: path.join(REPO, "spec"), entry: "openapi.yaml", count: 30, typecheckEvery: 4 },
  { name: "petstore", root: path.join(REPO, "test/fixtures/petstore"), entry: "openapi.yaml", count: 30, typecheckEvery: 4 },
  { name: "openai-2023-11-28", root: path.join(SHARED, "specs/openai"), entry: "openai-2023-11-28.yaml", count: 8, typecheckEvery: 0 },
];

describe.each(BASES)("mutants of $name", (base) => {
  it(`${base.count} random edits end in valid output or a positioned error`, async () => {
    const outcomes: MutantOutcome[] = await tryMutants({ ...base, seed: 20261202 });
    const bad = outcomes.filter((o) => o.verdict === "bad");
    const errors = outcomes.filter((o) => o.verdict === "error").length;
    console.log(`mutants of ${base.name}: ${outcomes.length} tried, ${outcomes.length - errors - bad.length} generated, ${errors} positioned errors, ${bad.length} bad`);
    expect(bad.map((o) => `${o.description}\n  ${o.detail}`).join("\n")).toBe("");
    expect(errors, "some mutants must be rejected, or the mutations do nothing").toBeGreaterThan(0);
    expect(outcomes.length - errors, "some mutants must still generate").toBeGreaterThan(0);
  }, 300_000);
});
