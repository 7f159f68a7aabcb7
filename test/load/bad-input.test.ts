// Bad input: one clear located line, exit code 1 (2 for usage errors), no stack trace, and the
// previous generated/ left exactly as it was.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

const CLI = path.join(REPO, "dist/cli.js");
const BAD = path.join(REPO, "test/fixtures/bad");

function run(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(path.join(dir, p), "utf8");
    }
  };
  walk("");
  return out;
}

describe("bad input", () => {
  let out: string;
  let before: Record<string, string>;
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO });
    out = mkdtempSync(path.join(os.tmpdir(), "modelgen-bad-"));
    const ok = run(["generate", "--spec", "spec/openapi.yaml", "--out", out, "--lang", "typescript", "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
    before = snapshotDir(out);
  });

  it.each([
    { file: "malformed.yaml", want: /^malformed\.yaml:\d+:\d+: malformed YAML: / },
    { file: "malformed.json", want: /^malformed\.json:3:\d+: malformed JSON: / },
    { file: "not-openapi.yaml", want: /^not-openapi\.yaml:1:1 #: not an OpenAPI document: no `openapi` version field$/ },
    { file: "swagger2.yaml", want: /^swagger2\.yaml:1:\d+ #\/swagger: Swagger 2\.0 is not supported/ },
    { file: "unsupported-version.yaml", want: /^unsupported-version\.yaml:1:\d+ #\/openapi: unsupported OpenAPI version "4\.0\.0"/ },
    { file: "dangling-ref.yaml", want: /^dangling-ref\.yaml:10:\d+ #\/components\/schemas\/Run\/properties\/usage: \$ref "#\/components\/schemas\/Usage" does not resolve: nothing at dangling-ref\.yaml#\/components\/schemas\/Usage$/ },
    { file: "missing-file.yaml", want: /^missing-file\.yaml:10:\d+ #\/components\/schemas\/Run\/properties\/error: cannot read referenced file nowhere\.yaml: file not found$/ },
    { file: "ref-loop.yaml", want: /^ref-loop\.yaml:\d+:\d+ #\/components\/schemas\/[ABC]: \$ref chain loops back to #\/components\/schemas\/[ABC] without reaching a schema$/ },
    { file: "not-json-number.yaml", want: /^not-json-number\.yaml:8:\d+: `\.inf` reads as Infinity, a number JSON cannot hold: / },
    { file: "not-json-number.json", want: /^not-json-number\.json:5:\d+: `1e999` reads as Infinity, a number JSON cannot hold: / },
    { file: "schema-not-object.yaml", want: /^schema-not-object\.yaml:9:\d+ #\/components\/schemas\/Run\/properties\/id: a schema must be an object, found string$/ },
  ])("$file: one located line, exit 1, generated/ untouched", ({ file, want }) => {
    const r = run(["generate", "--spec", path.join("test/fixtures/bad", file), "--out", out, "--quiet"], REPO);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]!.replace(/^test\/fixtures\/bad\//, "")).toMatch(want);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotDir(out)).toEqual(before);
  });

  it("the ir command reports the same error", () => {
    const r = run(["ir", path.join(BAD, "dangling-ref.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dangling-ref\.yaml:10:\d+ #\/components\/schemas\/Run\/properties\/usage: /);
  });

  it.each([
    { args: ["frobnicate"], want: /unknown command "frobnicate"/ },
    { args: ["generate", "--nope"], want: /Unknown option '--nope'/ },
    { args: ["generate", "--lang", "cobol"], want: /unknown language "cobol"/ },
    { args: ["generate", "--presence", "maybe"], want: /presence must be "lenient", "strict", "tolerant", not "maybe"/ },
  ])("usage error $args exits 2", ({ args, want }) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(want);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a missing spec file is a located error", () => {
    const r = run(["generate", "--spec", "no/such/spec.yaml", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^spec\.yaml: cannot read spec: file not found$/);
  });
});
