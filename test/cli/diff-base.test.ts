// `diff --base <git-ref>`: the spec as it is at a ref (every file of a multi-file spec, read from
// git, no checkout) against the working tree, from the CLI and the library, in a temporary repository.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diff, loadIr, SpecError, UsageError } from "../../src/index.js";
import { REPO } from "../helpers/generate.js";
import { buildBundles, edit, runCli, tempProject } from "../api/fixture-project.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
}

/**
 * main: spec/ as in this repository. The working tree (branch feature, one commit plus an
 * uncommitted edit): a required field added in a referenced file, and a new referenced file.
 */
function repository(): string {
  const dir = tempProject("modelgen-base-");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "checkout", "-q", "-b", "feature");
  edit(path.join(dir, "spec/schemas/common.yaml"), "      required: [code, message, param, type]\n", "      required: [code, message, param, type, retry_after]\n");
  edit(path.join(dir, "spec/schemas/common.yaml"), "        message:\n", "        retry_after:\n          type: integer\n        message:\n");
  git(dir, "commit", "-q", "-am", "retry_after");
  // Not committed: the working tree is what is compared.
  writeFileSync(path.join(dir, "spec/schemas/quota.yaml"), "type: object\nproperties:\n  limit: { type: integer }\n");
  edit(path.join(dir, "spec/openapi.yaml"), "    SharedError:\n", '    Limits:\n      type: object\n      properties:\n        quota: { $ref: "./schemas/quota.yaml" }\n    SharedError:\n');
  return dir;
}

beforeAll(buildBundles);

describe("diff --base (CLI)", () => {
  it("compares a multi-file spec at a ref with the working tree, without a checkout", () => {
    const dir = repository();
    const head = git(dir, "rev-parse", "HEAD");
    const status = git(dir, "status", "--porcelain");
    const r = runCli(["diff", "--base", "main", "--format", "markdown", "--fail-on", "breaking"], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^### Model changes: main:spec\/openapi\.yaml \(Runs API 1\.0\.0\) → spec\/openapi\.yaml \(Runs API 1\.0\.0\)\n/);
    expect(r.stdout).toContain("| **ErrorBody** | `retry_after` | required field added: integer <sub>required-field-added</sub> | breaking |");
    expect(r.stdout).toMatch(/<summary>Added models \(2\)<\/summary>\n\n`Limits`, `quota`/);
    expect(git(dir, "rev-parse", "HEAD"), "HEAD stays").toBe(head);
    expect(git(dir, "status", "--porcelain"), "the working tree stays").toBe(status);

    // From a subfolder, with the spec named: the same comparison.
    const sub = runCli(["diff", "--base", "main", "openapi.yaml", "--format", "json"], path.join(dir, "spec"));
    expect(sub.code, sub.stderr).toBe(0);
    const json = JSON.parse(sub.stdout);
    expect(json.old.file).toBe("main:spec/openapi.yaml");
    expect(json.counts).toMatchObject({ breaking: 1, modelsAdded: 2 });

    // Against the feature commit, only the uncommitted edit is left.
    const committed = runCli(["diff", "--base", "feature", "--fail-on", "breaking"], dir);
    expect(committed.code, committed.stderr).toBe(0);
    expect(committed.stdout).toContain("models: 2 added, 0 removed, 0 renamed, 0 changed");
  });

  it("says which ref a spec error is in, and rejects an unknown ref", () => {
    const dir = repository();
    git(dir, "checkout", "-q", "-b", "broken", "main");
    writeFileSync(path.join(dir, "spec/schemas/function.yaml"), "type: object\nproperties: [\n");
    git(dir, "commit", "-q", "-am", "broken");
    git(dir, "checkout", "-q", "feature");
    const r = runCli(["diff", "--base", "broken"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^broken:spec\/schemas\/function\.yaml:\d+:\d+: malformed YAML/);
    const unknown = runCli(["diff", "--base", "origin/nope"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown git ref "origin/nope"');
    expect(runCli(["diff", "--base", "main", "a.yaml", "b.yaml"], dir).code).toBe(2);
  });

  it("with jobs in the config, compares each job's spec (or those --job names)", () => {
    const dir = repository();
    mkdirSync(path.join(dir, "apis"));
    cpSync(path.join(REPO, "test/fixtures/enums.yaml"), path.join(dir, "apis/enums.yaml"));
    git(dir, "add", "apis");
    git(dir, "commit", "-q", "-m", "enums");
    edit(path.join(dir, "apis/enums.yaml"), "enum: [queued, in_progress, completed]", "enum: [queued, in_progress, completed, cancelled]");
    writeFileSync(path.join(dir, "modelgen.config.yaml"), "jobs:\n  - { name: runs, spec: spec/openapi.yaml, out: gen/runs }\n  - { name: enums, spec: apis/enums.yaml, out: gen/enums }\n");
    const r = runCli(["diff", "--base", "HEAD", "--format", "markdown"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("### Model changes: HEAD:spec/openapi.yaml");
    expect(r.stdout).toContain("### Model changes: HEAD:apis/enums.yaml");
    expect(r.stdout).toContain('value added: "cancelled"');
    const one = runCli(["diff", "--base", "HEAD", "--job", "enums"], dir);
    expect(one.stdout).toContain("HEAD:apis/enums.yaml");
    expect(one.stdout).not.toContain("spec/openapi.yaml");
  });
});

describe("diff and loadIr at a ref (library)", () => {
  it("reads every file of the spec at the ref", async () => {
    const dir = repository();
    const atMain = await loadIr({ cwd: dir, ref: "main" });
    expect(atMain.label).toBe("main:spec/openapi.yaml");
    expect(atMain.specFiles.map((f) => path.basename(f)).sort()).toEqual(["common.yaml", "function.yaml", "openapi.yaml"]);
    expect(atMain.models.some((m) => m.id.startsWith("schemas/quota.yaml"))).toBe(false);
    const here = await loadIr({ cwd: dir });
    expect(here.models.some((m) => m.id.startsWith("schemas/quota.yaml"))).toBe(true);

    const outcome = await diff({ cwd: dir, base: "main" });
    expect(outcome.worst).toBe("breaking");
    expect(outcome.comparisons.map((c) => [c.oldLabel, c.newLabel])).toEqual([["main:spec/openapi.yaml", "spec/openapi.yaml"]]);
    await expect(diff({ cwd: dir, base: "nope" })).rejects.toThrow(UsageError);
    await expect(loadIr({ cwd: dir, ref: "main", spec: "spec/missing.yaml" })).rejects.toThrow(SpecError);
  });
});
