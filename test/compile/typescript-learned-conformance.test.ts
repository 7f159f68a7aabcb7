// Issue 14 in TypeScript: under the overlay `openapi-modelgen examples` learned from the same spec
// (test/conformance/learned.ts: lenient presence, only the paired models and their closure), every
// paired example response parses with its model's zod schema and re-encodes unchanged (the row
// `typescript / lenient+learned-overlay` of summary.json), and type-checks: each example as the
// program holds it once parsed (`export const e001 = {...} satisfies Model`, an absent required
// nullable field read as null as in every language, keys the model does not declare dropped as
// in typescript-conformance.test.ts) compiles under tsc --strict against the
// generated interfaces. One generated project per spec serves both checks.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignNames } from "../../src/naming/assign.js";
import { indexModels } from "../../src/ir/query.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { REPO, SHARED } from "../helpers/generate.js";
import { conformanceCases } from "../conformance/cases.js";
import { projectExample } from "../conformance/project.js";
import { expectEveryExampleRoundTripped, LEARNED_POLICY, learnedIr } from "../conformance/learned.js";
import { judgeResults, summaryLine, writePolicyReport } from "../conformance/report.js";
import { summaryRow, writeSummaryRows } from "../conformance/summary-rows.js";
import { importZodModels, roundTrip, schemaLookup, writeZodModels } from "../conformance/zod-harness.js";
import { formatDiagnostics, typecheck } from "./tsc.js";

const SPECS = ["openai-2024-06-24.yaml", "openai-2026-08-21.yaml"];

describe.each(SPECS)("%s under the overlay learned from its examples (TypeScript)", (file) => {
  it("every paired example parses with zod, round-trips and type-checks as its model under tsc --strict", async () => {
    const started = Date.now();
    const spec = path.join(SHARED, "specs/openai", file);
    const ir = learnedIr(spec);
    const models = indexModels(ir.models);
    const dir = await writeZodModels(spec, "lenient", {}, ir);
    const cases = conformanceCases(spec);
    const results = roundTrip(cases, schemaLookup(spec, await importZodModels(dir), ir));
    const report = judgeResults("typescript", file, cases, results, models, "lenient", { keepsAbsentApartFromNull: true });
    writePolicyReport(report, LEARNED_POLICY, REPO);
    writeSummaryRows(REPO, [{ ...summaryRow(report), policy: LEARNED_POLICY }]);
    expect(report.outcomes.filter((o) => o.verdict === "our generator is wrong").map((o) => `${o.id}: ${o.reason ?? ""}`)).toEqual([]);
    expectEveryExampleRoundTripped(report);

    // Each parsed example as a typed constant of its model.
    const names = assignNames(ir, tsNamingRules);
    const lines = ['import type * as M from "./index.js";', ""];
    const placed: { id: string; from: number; to: number; type: string; json: unknown }[] = [];
    for (const c of cases) {
      // Keys the model does not declare dropped: an object literal would reject them as excess properties.
      const parsed = projectExample(results.find((r) => r.id === c.id)!.output, { kind: "ref", target: c.modelId }, models, "lenient");
      const from = lines.length + 1;
      lines.push(`// ${c.operation}`, `export const ${c.id} = ${JSON.stringify(parsed, null, 2)} satisfies M.${names.type(c.modelId)};`, "");
      placed.push({ id: c.id, from, to: lines.length, type: names.type(c.modelId), json: parsed });
    }
    writeFileSync(path.join(dir, "conformance.ts"), lines.join("\n"));
    // The check can fail: the same example with a string field turned into a number does not
    // compile (checked in the same program: one tsc run, the zod types are costly to check).
    const victim = placed.find((p) => Object.values(p.json as object).some((v) => typeof v === "string"))!;
    const key = Object.entries(victim.json as object).find(([, v]) => typeof v === "string")![0];
    writeFileSync(path.join(dir, "broken.ts"), `import type * as M from "./index.js";\nimport { ${victim.id} } from "./conformance.js";\nexport const broken = { ...${victim.id}, ${JSON.stringify(key)}: 12345 } satisfies M.${victim.type};\n`);
    const all = typecheck([path.join(dir, "conformance.ts"), path.join(dir, "broken.ts")]);
    const diags = all.filter((d) => d.file !== "broken.ts");
    const failing = new Set(diags.map((d) => placed.find((p) => d.line >= p.from && d.line <= p.to)?.id ?? "?"));
    console.log(`${summaryLine(report)} [${LEARNED_POLICY}]; ${placed.length - failing.size} of ${cases.length} type-check (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    expect(placed.length).toBe(cases.length);
    expect(diags, `parsed examples that do not type-check as their model:\n${formatDiagnostics(diags)}`).toEqual([]);
    expect(all.filter((d) => d.file === "broken.ts").length, `${victim.id} with ${key}: 12345`).toBeGreaterThan(0);
  }, 600_000);
});
