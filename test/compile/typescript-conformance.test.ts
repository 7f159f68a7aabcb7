// The TypeScript half of the conformance suite: every example response the judge finds true to
// the spec (strict presence: TypeScript types have no lenient reading of a missing field) becomes
// a typed fixture, `export const e001 = {...} satisfies Model`, and the fixture must compile
// under tsc --strict against the generated models. An example that does not compile although
// the judge accepts it means our generator is wrong.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { indexModels } from "../../src/ir/query.js";
import { irOf, renderAsync, REPO, SHARED, writeFiles } from "../helpers/generate.js";
import { conformanceCases } from "../conformance/cases.js";
import { projectExample } from "../conformance/project.js";
import { validate } from "../conformance/validate.js";
import { formatDiagnostics, typecheck } from "./tsc.js";

const SPECS = ["openai-2024-06-24.yaml", "openai-2026-08-21.yaml"];

describe.each(SPECS)("%s example responses as typed TypeScript fixtures", (file) => {
  it("compile wherever the judge finds the example true to the spec", async () => {
    const spec = path.join(SHARED, "specs/openai", file);
    const ir = irOf(spec);
    const models = indexModels(ir.models);
    const names = assignNames(ir, tsNamingRules);
    const dir = writeFiles(await renderAsync(spec, "typescript"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');

    const lines = ['import type * as M from "./index.js";', ""];
    const placed: { id: string; operation: string; from: number; to: number; type: string; json: unknown }[] = [];
    const contradicting: { id: string; operation: string; pointer: string; reason: string }[] = [];
    const cases = conformanceCases(spec);
    for (const c of cases) {
      const problems = validate(c.json, { kind: "ref", target: c.modelId }, models, "strict");
      if (problems.length) {
        contradicting.push({ id: c.id, operation: c.operation, ...problems[0]! });
        continue;
      }
      const literal = JSON.stringify(projectExample(c.json, { kind: "ref", target: c.modelId }, models, "strict"), null, 2);
      const from = lines.length + 1;
      lines.push(`// ${c.operation}`, `export const ${c.id} = ${literal} satisfies M.${names.type(c.modelId)};`, "");
      placed.push({ id: c.id, operation: c.operation, from, to: lines.length, type: names.type(c.modelId), json: JSON.parse(literal) });
    }
    writeFileSync(path.join(dir, "conformance.ts"), lines.join("\n"));
    const diags = typecheck([path.join(dir, "conformance.ts")]);
    const wrong = diags.map((d) => ({ ...d, example: placed.find((p) => d.line >= p.from && d.line <= p.to) }));

    const summary = `typescript ${file} (strict): ${cases.length} tried, ${placed.length} typed and compiled, ${contradicting.length} contradict the spec, ${new Set(wrong.map((w) => w.example?.id)).size} generator wrong`;
    console.log(summary);
    const report = [`# typescript: ${file} (strict)`, "", summary, "", "| example | operation | pointer | reason | verdict |", "|---|---|---|---|---|",
      ...contradicting.map((c) => `| ${c.id} | ${c.operation} | ${c.pointer} | ${c.reason} | example contradicts the spec |`),
      ...wrong.map((w) => `| ${w.example?.id ?? "?"} | ${w.example?.operation ?? ""} | line ${w.line} | ${w.message.split("\n")[0]} | our generator is wrong |`), ""].join("\n");
    mkdirSync(path.join(REPO, "conformance-report"), { recursive: true });
    // `typescript-<spec>-<policy>.md` is the zod round trip's report (typescript-zod-conformance.test.ts).
    writeFileSync(path.join(REPO, "conformance-report", `typescript-fixtures-${file.replace(/\.yaml$/, "")}-strict.md`), report);

    expect(placed.length, "some examples are typed").toBeGreaterThan(20);
    expect(diags, `examples the judge accepts must compile (our generator is wrong):\n${formatDiagnostics(diags)}`).toEqual([]);

    // The fixture can fail: the same example with a string field turned into a number does not compile.
    const victim = placed.find((p) => Object.values(p.json as object).some((v) => typeof v === "string"))!;
    const key = Object.entries(victim.json as object).find(([, v]) => typeof v === "string")![0];
    writeFileSync(path.join(dir, "broken.ts"), `import type * as M from "./index.js";\nimport { ${victim.id} } from "./conformance.js";\nexport const broken = { ...${victim.id}, ${JSON.stringify(key)}: 12345 } satisfies M.${victim.type};\n`);
    expect(typecheck([path.join(dir, "broken.ts")]).length, `${victim.id} with ${key}: 12345`).toBeGreaterThan(0);
  }, 300_000);
});
