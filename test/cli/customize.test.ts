// Customization end to end through the CLI: overlays (config and --overlay), renames, include and
// exclude, template overrides; each flows through generate, --check, ir and diff, and --check
// notices an edited overlay or template.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

const CLI = path.join(REPO, "dist/cli.js");

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function project(config: object, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-customize-"));
  cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
  writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ lang: ["typescript"], ...config }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const OVERLAY = `overlay: 1.0.0
info: { title: Fixes, version: "1" }
actions:
  - target: $.components.schemas.Run.properties.instructions
    update: { type: [string, "null"] }
  - target: $.components.schemas.Bag
    update: { deprecated: true }
  - target: $.components.schemas[?@.deprecated == true]
    remove: true
  - target: $.components.schemas.NoSuchSchema
    update: { description: never }
`;

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

describe("overlays", () => {
  it("apply in generate and ir; an action that matches nothing is a warning with file, line and target", () => {
    const dir = project({ overlays: ["fix.yaml"], exclude: [] }, { "fix.yaml": OVERLAY });
    const r = run(["generate"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: fix.yaml:10:5: overlay action 3 (target $.components.schemas.NoSuchSchema) matches nothing");
    expect(readFileSync(path.join(dir, "generated/typescript/Run.ts"), "utf8")).toMatch(/instructions: string \| null;/);
    expect(existsSync(path.join(dir, "generated/typescript/Bag.ts")), "a removed schema is not generated").toBe(false);
    const ir = run(["ir"], dir);
    expect(ir.stderr).toContain("matches nothing");
    expect((JSON.parse(ir.stdout) as { models: { id: string; source: { file: string } }[] }).models.some((m) => m.id === "#/components/schemas/Bag")).toBe(false);
  });

  it("--check notices an edited overlay", () => {
    const dir = project({ overlays: ["fix.yaml"] }, { "fix.yaml": OVERLAY });
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    expect(run(["generate", "--check"], dir).code).toBe(0);
    writeFileSync(path.join(dir, "fix.yaml"), OVERLAY.replace('update: { type: [string, "null"] }', "update: { description: Changed. }"));
    const check = run(["generate", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("stale changed generated/typescript/Run.ts");
  });

  it("--overlay on the command line, and a malformed overlay is a positioned error with exit 1", () => {
    const dir = project({}, { "fix.yaml": OVERLAY, "bad.yaml": "overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: $.x\n" });
    expect(run(["generate", "--quiet", "--overlay", "fix.yaml"], dir).code).toBe(0);
    expect(readFileSync(path.join(dir, "generated/typescript/Run.ts"), "utf8")).toMatch(/instructions: string \| null;/);
    const bad = run(["generate", "--overlay", "bad.yaml"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("bad.yaml:4:5 #/actions/0: an action needs `update` or `remove: true`\n");
  });

  it("diff gives both sides the same overlays", () => {
    const dir = project({ overlays: ["fix.yaml"] }, { "fix.yaml": OVERLAY });
    const r = run(["diff", "spec/openapi.yaml", "spec/openapi.yaml", "--format", "json"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { counts: { total: number } }).counts.total).toBe(0);
    const one = run(["diff", "spec/openapi.yaml", "spec/openapi.yaml", "--overlay", "extra.yaml"], dir);
    expect(one.code).toBe(1); // extra.yaml does not exist: an error, not a silent pass
    expect(one.stderr).toContain("extra.yaml: cannot read overlay: file not found");
  });
});

describe("renames, include and exclude", () => {
  it("rename a model and a field; the file and identifier change, the ids stay, and diff reports the rename", () => {
    const dir = project({ lang: ["rust"], rename: { models: { RunStep: "Step" }, fields: { "Run.created_at": "started" } } });
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    expect(existsSync(path.join(dir, "generated/rust/src/step.rs"))).toBe(true);
    const run_rs = readFileSync(path.join(dir, "generated/rust/src/run.rs"), "utf8");
    expect(run_rs).toContain('#[serde(rename = "created_at")]');
    expect(run_rs).toContain("pub started: i64,");
    const unknown = project({ rename: { models: { RunStp: "Step" } } });
    const r = run(["generate"], unknown);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rename.models: no model "RunStp" (closest: RunStep');
  });

  it("include generates only the closure; an exclude that leaves a dangling reference is an error naming both", () => {
    const dir = project({ include: ["RunStep"] });
    const r = run(["generate"], dir);
    expect(r.code, r.stderr).toBe(0);
    const files = readFileSync(path.join(dir, "generated/typescript/index.ts"), "utf8");
    expect(files).toContain("./RunStep.js");
    expect(files).not.toContain("./Run.js");
    const bad = run(["generate"], project({ exclude: ["RunStepUsage"] }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exclude: RunStep references RunStepUsage, which is excluded/);
  });
});

describe("template overrides", () => {
  it("a user's template replaces the built-in one, --check notices its edit, and a bad field names the template's file and line", () => {
    const dir = project({ templates: "tpl" }, { "tpl/typescript/index.hbs": "{{#each header}}\n// {{this}}\n{{/each}}\n// custom index\n{{#each modules}}\nexport type * from \"./{{this}}.js\";\n{{/each}}\n" });
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    expect(readFileSync(path.join(dir, "generated/typescript/index.ts"), "utf8")).toContain("// custom index");
    writeFileSync(path.join(dir, "tpl/typescript/index.hbs"), "{{#each modules}}\n{{this}}\n{{/each}}\n{{noSuchField}}\n");
    expect(run(["generate", "--check"], dir).code).toBe(1);
    const r = run(["generate"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tpl\/typescript\/index\.hbs:4:\d+: template error: "noSuchField" not defined in the view\n$/);
  });
});

describe("type mappings", () => {
  it("types (top level and per language) and map flow through generate; --check notices a changed setting; a typo in map names the closest model", () => {
    const config = { lang: ["rust", "elixir"], types: { unixtime: "native" }, rust: { types: { "date-time": "native" } }, map: { Metadata: { rust: "crate::extra::Metadata" } } };
    const dir = project(config);
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    const run_rs = readFileSync(path.join(dir, "generated/rust/src/run.rs"), "utf8");
    expect(run_rs).toContain('#[serde(with = "chrono::serde::ts_seconds")]\n    pub created_at: chrono::DateTime<chrono::Utc>,');
    expect(run_rs).toContain("pub metadata: Option<crate::extra::Metadata>,");
    expect(readFileSync(path.join(dir, "generated/rust/src/formats.rs"), "utf8")).toContain("pub when: Option<chrono::DateTime<chrono::Utc>>,");
    expect(readFileSync(path.join(dir, "generated/elixir/lib/runs_api/run.ex"), "utf8")).toContain("created_at: DateTime.t(),");
    expect(existsSync(path.join(dir, "generated/elixir/lib/runs_api/metadata.ex")), "mapped for rust only").toBe(true);
    expect(run(["generate", "--check"], dir).code).toBe(0);
    for (const change of [{ types: { unixtime: "wire" } }, { map: { Metadata: { rust: "crate::extra::Meta" } } }]) {
      writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ ...config, ...change }));
      expect(run(["generate", "--check"], dir).code, JSON.stringify(change)).toBe(1);
    }
    const typo = run(["generate"], project({ map: { Metadat: { typescript: "Record<string, string>" } } }));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('map: no model "Metadat" (closest: Metadata');
    const diff = run(["diff", "spec/openapi.yaml", "spec/openapi.yaml"], project({ map: { Metadat: { rust: "x::Y" } } }));
    expect(diff.code, "diff checks map against both sides").toBe(2);
  });
});
