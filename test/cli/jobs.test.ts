// Two specs in one config (`jobs`): generate and --check run every job (or those --job names), and
// the summary names each.
import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";
import { buildBundles, edit, runCli, tempProject } from "../api/fixture-project.js";

beforeAll(buildBundles);

it("generates, checks and summarizes two jobs of one config", () => {
  const dir = tempProject("modelgen-jobs-");
  cpSync(path.join(REPO, "test/fixtures/enums.yaml"), path.join(dir, "enums.yaml"));
  const config = {
    lang: ["typescript"],
    jobs: [
      { name: "runs", spec: "spec/openapi.yaml", out: "gen/runs" },
      { name: "enums", spec: "enums.yaml", out: "gen/enums", lang: ["typescript", "rust"] },
    ],
  };
  writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify(config));

  const first = runCli(["generate"], dir);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toMatch(/^generated in \d+\.\d+s: runs \(typescript: \d+ models, \d+ added, 0 changed, 0 deleted\), enums \(typescript: \d+ models, \d+ added, 0 changed, 0 deleted; rust: \d+ models, \d+ added, 0 changed, 0 deleted\)$/m);
  expect(first.stderr).toMatch(/^\[runs\] \d+ models: /m);
  expect(first.stderr).toMatch(/^\[enums\] \d+ models: /m);
  expect(readdirSync(path.join(dir, "gen/runs"))).toEqual(["typescript"]);
  expect(readdirSync(path.join(dir, "gen/enums")).sort()).toEqual(["rust", "typescript"]);
  expect(existsSync(path.join(dir, "gen/runs/typescript/Run.ts"))).toBe(true);

  const fresh = runCli(["generate", "--check"], dir);
  expect(fresh.code, fresh.stdout + fresh.stderr).toBe(0);
  expect(fresh.stderr).toMatch(/checked in \d+\.\d+s: runs \(typescript: up to date\), enums \(typescript: up to date; rust: up to date\)/);

  // One job's spec changes: --check fails and lists only that job's files.
  edit(path.join(dir, "spec/openapi.yaml"), "    Anything:\n      description: Any JSON value.\n", "");
  const stale = runCli(["generate", "--check"], dir);
  expect(stale.code).toBe(1);
  expect(stale.stdout).toContain("stale deleted gen/runs/typescript/Anything.ts");
  expect(stale.stdout).not.toContain("gen/enums");
  expect(runCli(["generate", "--check", "--job", "enums"], dir).code, "--job picks the job that is fresh").toBe(0);

  const only = runCli(["generate", "--job", "runs"], dir);
  expect(only.stderr).toMatch(/generated in \d+\.\d+s: runs \(typescript: \d+ models, 0 added, \d+ changed, 1 deleted\)$/m);
  expect(only.stderr).not.toContain("enums (");
  expect(runCli(["generate", "--check"], dir).code).toBe(0);

  const unknown = runCli(["generate", "--job", "pets"], dir);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toBe('openapi-modelgen: unknown job "pets" (known: runs, enums)\n');
});
