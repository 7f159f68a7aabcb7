// docs/ci.md's workflow, run: every `run:` step but `npm ci` (the package is linked instead), in
// order, with bash as GitHub runs it, in a shallow clone of a temporary repository (the checkout a
// pull request gets), with a stand-in `gh` that records the comment. The `${{ }}` values come from
// a table of what GitHub would pass; one the table does not know fails the test, so the recipe
// and this test cannot drift apart.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";
import { buildBundles, edit, runCli, tempProject } from "../api/fixture-project.js";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  if?: string;
  "continue-on-error"?: boolean;
}

const GITHUB: Record<string, string> = {
  "github.base_ref": "main",
  "github.token": "test-token",
  "github.repository": "acme/api",
  "github.event.pull_request.number": "7",
  "github.server_url": "https://github.com",
  "github.run_id": "42",
};
const RUN_URL = "https://github.com/acme/api/actions/runs/42";

function workflowSteps(): Step[] {
  const doc = readFileSync(path.join(REPO, "docs/ci.md"), "utf8");
  const block = /```yaml\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error("docs/ci.md has no yaml block");
  const workflow = parseYaml(block[1]!) as { on: unknown; jobs: Record<string, { steps: Step[] }> };
  expect(Object.keys(workflow.on as object)).toEqual(["pull_request"]);
  const jobs = Object.values(workflow.jobs);
  expect(jobs).toHaveLength(1);
  return jobs[0]!.steps;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * A repository whose main branch holds `spec/` and its generated models, and a pull request
 * (`change` applied on a branch); returns a depth-1 clone of that branch, as actions/checkout
 * leaves it (no origin/main), with the package linked where `npm ci` would install it.
 */
function pullRequestCheckout(setUp: (dir: string) => void, change: (dir: string) => void): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-ci-"));
  const origin = path.join(root, "origin.git");
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", origin]);
  const work = tempProject("modelgen-ci-work-");
  writeFileSync(path.join(work, ".gitignore"), "node_modules/\nmodelgen-*.md\n");
  writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "api", private: true, devDependencies: { "openapi-modelgen": "*" } }));
  writeFileSync(path.join(work, "modelgen.config.json"), JSON.stringify({ lang: ["typescript"] }));
  setUp(work);
  expect(runCli(["generate", "--quiet"], work).code).toBe(0);
  git(work, "init", "-q", "-b", "main");
  git(work, "add", ".");
  git(work, "commit", "-q", "-m", "base");
  git(work, "remote", "add", "origin", `file://${origin}`);
  git(work, "push", "-q", "origin", "main");
  git(work, "checkout", "-q", "-b", "feature");
  change(work);
  git(work, "add", ".");
  git(work, "commit", "-q", "-m", "change");
  git(work, "push", "-q", "origin", "feature");
  const checkout = path.join(root, "checkout");
  git(root, "clone", "-q", "--depth", "1", "--branch", "feature", `file://${origin}`, checkout);
  mkdirSync(path.join(checkout, "node_modules/.bin"), { recursive: true });
  symlinkSync(REPO, path.join(checkout, "node_modules/openapi-modelgen"));
  symlinkSync("../openapi-modelgen/bin/openapi-modelgen.cjs", path.join(checkout, "node_modules/.bin/openapi-modelgen"));
  return checkout;
}

interface StepRun {
  name: string;
  code: number;
  output: string;
  summary: string;
}

/** Runs the workflow's steps as a runner would: in order, stopping at the first failure not allowed to fail. */
function runWorkflow(steps: Step[], checkout: string) {
  const root = path.dirname(checkout);
  const stubs = path.join(root, "stubs");
  const ghLog = path.join(root, "gh-log");
  mkdirSync(stubs, { recursive: true });
  mkdirSync(ghLog, { recursive: true });
  // The stand-in gh: records its arguments, the comment body and the environment it was given.
  writeFileSync(
    path.join(stubs, "gh"),
    `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > "${ghLog}/args"\nprintf '%s %s\\n' "$GH_TOKEN" "$GH_REPO" > "${ghLog}/env"\nwhile [ $# -gt 0 ]; do if [ "$1" = "--body-file" ]; then cp "$2" "${ghLog}/body"; fi; shift; done\n`,
  );
  chmodSync(path.join(stubs, "gh"), 0o755);
  const outputs: Record<string, Record<string, string>> = {};
  const resolve = (value: string) =>
    value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
      const known = step ? outputs[step[1]!]?.[step[2]!] : GITHUB[expr];
      if (known === undefined) throw new Error(`the test does not know \${{ ${expr} }}: add it to GITHUB`);
      return known;
    });
  const ran: StepRun[] = [];
  const skipped: string[] = [];
  let failed: string | undefined;
  steps.forEach((step, i) => {
    if (failed !== undefined) return;
    if (step.uses !== undefined || step.run === "npm ci") {
      skipped.push(step.uses ?? "npm ci");
      return;
    }
    expect(step.if, "the recipe's steps run unconditionally").toBeUndefined();
    expect(step.run, `step ${step.name}: values reach scripts through env, never inline`).not.toContain("${{");
    const script = path.join(root, `step-${i}.sh`);
    const output = path.join(root, `step-${i}.output`);
    const summary = path.join(root, `step-${i}.summary`);
    writeFileSync(script, step.run!);
    writeFileSync(output, "");
    writeFileSync(summary, "");
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PATH: `${stubs}:${process.env.PATH}`,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      // npx finds the linked package; never ask the registry.
      npm_config_offline: "true",
      npm_config_update_notifier: "false",
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = resolve(String(v));
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: checkout, env, encoding: "utf8" });
    if (step.id) outputs[step.id] = Object.fromEntries(readFileSync(output, "utf8").split("\n").filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    ran.push({ name: step.name ?? step.run!, code: r.status ?? -1, output: r.stdout + r.stderr, summary: readFileSync(summary, "utf8") });
    if (r.status !== 0 && !step["continue-on-error"]) failed = step.name;
  });
  const read = (f: string) => (existsSync(path.join(ghLog, f)) ? readFileSync(path.join(ghLog, f), "utf8") : undefined);
  return { ran, skipped, failed, gh: { args: read("args")?.trim().split("\n"), body: read("body"), env: read("env")?.trim() } };
}

const stepNamed = (ran: StepRun[], name: string) => {
  const s = ran.find((r) => r.name === name);
  if (!s) throw new Error(`step "${name}" did not run; ran: ${ran.map((r) => r.name).join(", ")}`);
  return s;
};

beforeAll(buildBundles);

describe("docs/ci.md", () => {
  const steps = workflowSteps();

  it("a small breaking change: the report in the summary and the comment, then the job fails on it", () => {
    const checkout = pullRequestCheckout(
      () => {},
      (dir) => {
        edit(path.join(dir, "spec/schemas/common.yaml"), "      required: [code, message, param, type]\n", "      required: [code, message, param, type, retry_after]\n");
        edit(path.join(dir, "spec/schemas/common.yaml"), "        message:\n", "        retry_after:\n          type: integer\n        message:\n");
        expect(runCli(["generate", "--quiet"], dir).code).toBe(0);
      },
    );
    expect(git(checkout, "branch", "-r"), "a depth-1 checkout has no origin/main").not.toContain("origin/main");
    const job = runWorkflow(steps, checkout);
    expect(job.skipped).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "npm ci"]);
    const diffStep = stepNamed(job.ran, "Model changes against the base branch");
    expect(diffStep.code, diffStep.output).toBe(0);
    expect(diffStep.summary).toMatch(/^### Model changes: origin\/main:spec\/openapi\.yaml \(Runs API 1\.0\.0\) → spec\/openapi\.yaml/);
    expect(diffStep.summary).toContain("| **ErrorBody** | `retry_after` | required field added: integer");
    expect(job.gh.args).toEqual(["pr", "comment", "7", "--edit-last", "--create-if-none", "--body-file", "modelgen-comment.md"]);
    expect(job.gh.env).toBe("test-token acme/api");
    expect(job.gh.body, "the whole report fits a comment").toBe(diffStep.summary);
    expect(stepNamed(job.ran, "Generated files are up to date").code).toBe(0);
    expect(job.failed, "the breaking change fails the job, after the report is posted").toBe("No breaking model changes");
    expect(stepNamed(job.ran, "No breaking model changes").code).toBe(1);
  }, 60_000);

  it("a report over 65,536 characters: counts and a link in the comment, all of it in the summary; stale models fail the check", () => {
    const schemas = (type: string) =>
      Array.from({ length: 300 }, (_, i) => `    Model${i}:\n      type: object\n      required: [a, b, c]\n      properties:\n        a: { type: ${type} }\n        b: { type: ${type} }\n        c: { type: ${type} }\n`).join("");
    const spec = (type: string) => `openapi: 3.1.0\ninfo: { title: Big, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n${schemas(type)}`;
    const checkout = pullRequestCheckout(
      (dir) => writeFileSync(path.join(dir, "spec/openapi.yaml"), spec("string")),
      // Not regenerated: the check must catch it.
      (dir) => writeFileSync(path.join(dir, "spec/openapi.yaml"), spec("integer")),
    );
    const job = runWorkflow(steps, checkout);
    const report = stepNamed(job.ran, "Model changes against the base branch").summary;
    expect(report.length).toBeGreaterThan(65_536);
    expect(report).toContain("| **Model299** |");
    const body = job.gh.body!;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.split("\n").slice(0, 3)).toEqual(report.split("\n").slice(0, 3));
    expect(body).toContain("**900 changes: 900 breaking, 0 warning, 0 info**");
    expect(body).toContain(`[job summary](${RUN_URL})`);
    const check = stepNamed(job.ran, "Generated files are up to date");
    expect(check.code).toBe(1);
    expect(check.output).toContain("generated files are stale");
    expect(job.failed).toBe("Generated files are up to date");
  }, 60_000);
});
