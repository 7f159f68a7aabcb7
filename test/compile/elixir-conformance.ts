// The conformance suite (test/conformance/) in a compiled Elixir project: the spec's example
// responses decoded and re-encoded by test/hosts/elixir/conformance/harness.exs, judged by the
// language-independent judge, reported in conformance-report/ (a report per spec and policy, and
// rows of summary.json). A failure the judge cannot explain ("our generator is wrong") fails.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { REPO } from "../helpers/generate.js";
import { assignNames } from "../../src/naming/assign.js";
import { indexModels, type ModelIndex } from "../../src/ir/query.js";
import { elixirNamingRules } from "../../src/targets/elixir/naming.js";
import { moduleName, unknownValueTypes } from "../../src/targets/elixir/types.js";
import type { IrDocument, SourceRef } from "../../src/ir/types.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import { conformanceCases, readResults, writeCases, type ConformanceCase } from "../conformance/cases.js";
import { judgeResults, summaryLine, writePolicyReport, type LanguageReport } from "../conformance/report.js";
import { summaryRow, writeSummaryRows } from "../conformance/summary-rows.js";
import type { Problem } from "../conformance/validate.js";
import { HOST, head, run, type Run } from "./elixir-host.js";

export interface CompiledModels {
  /** The spec file the examples come from. */
  spec: string;
  /** The IR the project was generated from (module names come from its naming pass). */
  ir: IrDocument;
  namespace: string;
  /** The compiled mix project. */
  dir: string;
  build: Run;
  presence: PresencePolicy;
  /** How reports and summary rows name the policy when it is more than the presence policy (`lenient+learned-overlay`). */
  policy?: string;
}

/** The model names (`nameHint` keys, as `include` takes them) of every model an example is paired with. */
export function pairedModelKeys(spec: string, ir: IrDocument): string[] {
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  return [...new Set(conformanceCases(spec).map((c) => byId.get(c.modelId)!.nameHint.join(".")))].sort();
}

/** Runs the harness in a compiled project and judges its results; fails on any "our generator is wrong". */
export function conformance(m: CompiledModels): { report: LanguageReport; cases: ConformanceCase[] } {
  const file = path.basename(m.spec);
  const models = indexModels(m.ir.models);
  const naming = { names: assignNames(m.ir, elixirNamingRules), namespace: m.namespace };
  const cases = conformanceCases(m.spec);
  const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-elixir-conformance-"));
  const casesFile = path.join(work, "cases.json");
  const resultsFile = path.join(work, "results.json");
  writeCases(casesFile, cases, (id) => moduleName(id, naming));

  const r = run("mix", ["run", "--no-compile", path.join(HOST, "conformance/harness.exs")], m.dir, {
    MIX_ENV: "test",
    MODELGEN_CASES: casesFile,
    MODELGEN_RESULTS: resultsFile,
    // The harness reports failures with the codec's own message (JSON path and value).
    MODELGEN_CODEC: `${m.namespace}.Codec`,
  });
  console.log(`elixir ${file}: conformance harness (${m.policy ?? m.presence}) ${r.seconds.toFixed(1)} s`);
  expect(r.status, `${head(r.output)}${m.build.status ? `\n(the build failed)\n${head(m.build.output)}` : ""}`).toBe(0);

  const report = judgeResults("elixir", file, cases, readResults(resultsFile), models, m.presence, { keepsAbsentApartFromNull: false });
  const policy = m.policy ?? m.presence;
  writePolicyReport(report, policy, REPO);
  writeSummaryRows(REPO, [{ ...summaryRow(report), policy }]);
  console.log(`${summaryLine(report)}${m.policy ? ` [${m.policy}]` : ""}`);
  expect(report.tried).toBeGreaterThan(0);
  const wrong = report.outcomes.filter((o) => o.verdict === "our generator is wrong");
  expect(wrong.map((o) => `${o.id} ${o.operation} ${o.pointer ?? "/"}: ${o.reason}`).join("\n")).toBe("");
  return { report, cases };
}

/**
 * A problem the judge finds that the Elixir models read all the same, by default: an unlisted tag
 * that is a string or an unlisted enum value of the enum's JSON type (open unions and enums), and
 * `null` in an optional field (read as absent). The judge keeps to the spec, so these count as
 * contradictions there.
 */
export function readByElixirModels(p: Problem, models: ModelIndex): boolean {
  const fix = p.fix;
  const same = (a: SourceRef, b: SourceRef) => a.file === b.file && a.pointer === b.pointer;
  switch (fix?.kind) {
    case "tag":
      return true;
    case "enum-value": {
      const m = [...models.values()].find((x) => same(x.source, fix.model));
      return m?.kind === "enum" && unknownValueTypes(m).some((t) => t === jsonTypeOf(fix.value) || (t === "number" && typeof fix.value === "number"));
    }
    case "nullable": {
      // The fix points at the field's own schema when the null is the field's value (not an item of it).
      const field = [...models.values()].flatMap((m) => (m.kind === "object" ? m.fields : [])).find((f) => same(f.source, fix.schema));
      return field !== undefined && !field.required;
    }
    default:
      return false;
  }
}

function jsonTypeOf(v: string | number | boolean): string {
  return typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;
}
