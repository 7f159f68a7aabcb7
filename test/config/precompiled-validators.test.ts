// The settings validators compiled at build time (dist/validators.precompiled.cjs, written by
// scripts/build.mjs; the test command builds first): one per settings schema, giving exactly the
// verdicts and errors of the validator Ajv compiles at run time, and the built CLI uses them
// instead of compiling (Ajv's compiler is never loaded).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { settingsSchemas } from "../../src/config-schema.js";
import {
  AJV_OPTIONS,
  loadPrecompiledValidators,
  PRECOMPILED_VALIDATORS_FILE,
  precompiledValidator,
  validatorKey,
} from "../../src/targets/common/precompiled-validators.js";
import { REPO } from "../helpers/generate.js";

const BUILT = path.join(REPO, "dist", PRECOMPILED_VALIDATORS_FILE);
const CLI = path.join(REPO, "dist/cli.js");

const SETTINGS: unknown[] = [
  {},
  { spec: "api.yaml", out: "gen", lang: ["rust", "scala"], presence: "tolerant", models: { webhooks: false } },
  { lang: "rust, typescript", include: ["Run*", "tag:runs"], exclude: ["path:/admin/**"] },
  { jobs: [{ name: "a", spec: "a.yaml", out: "gen/a", types: { uuid: "native" } }] },
  { typescript: { int64: "bigint", validators: "zod", types: { uuid: { from: "./ids.js", name: "Uuid" } } } },
  { rust: { crateName: "runs", crateVersion: "1.2.3", openEnums: false }, elixir: { namespace: "Acme" }, scala: { package: "com.acme" } },
  { langs: "rust" },
  { presence: "loose", include: "Run*" },
  { lang: ["rust", "cobol"] },
  { jobs: [{ out: "x" }] },
  { diff: { severity: { "no-such-check": "info" } } },
  { types: { datetime: "native" } },
  { typescript: { bogus: 1, int64: "long" }, rust: { types: { uuid: { from: "x", name: "Y" } } } },
  { map: { Metadata: { cobol: "X" } } },
  { scala: { unknownEnumValues: "drop" }, elixir: [] },
];

describe("validators compiled at build time", () => {
  const table = loadPrecompiledValidators(BUILT);
  const compiler = new Ajv2020({ ...AJV_OPTIONS });

  it("has one for every settings schema, under its key", () => {
    const schemas = settingsSchemas();
    expect(schemas.length).toBeGreaterThan(1);
    for (const schema of schemas) expect(typeof table[validatorKey(schema)], validatorKey(schema)).toBe("function");
    expect(new Set(Object.keys(table))).toEqual(new Set(schemas.map(validatorKey)));
  });

  it("finds none for a schema it was not built from (then the schema is compiled at run time)", () => {
    const [config] = settingsSchemas();
    expect(precompiledValidator({ ...config, title: "changed since the build" })).toBeUndefined();
    expect(precompiledValidator(config!)).toBeTypeOf("function");
    expect(precompiledValidator(config!)).toBe(table[validatorKey(config!)]);
  });

  it.each(settingsSchemas().map((schema, i) => [i, schema] as const))("schema %i: the same verdict and errors as Ajv's run-time compile", (_i, schema) => {
    const built = precompiledValidator(schema)!;
    const compiled = compiler.compile(schema);
    for (const settings of SETTINGS) {
      const options = settings as Record<string, unknown>;
      // The config schema checks the whole file; a target's schema checks that target's block.
      for (const value of [settings, ...Object.values(options).filter((v) => typeof v === "object")]) {
        expect(built(value)).toBe(compiled(value));
        expect(built.errors ?? null).toEqual(compiled.errors ?? null);
      }
    }
  });
});

describe("the built CLI", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "precompiled-validators-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI on our spec with `settings`, and tells which modules Node was asked for (NODE_DEBUG=module). */
  const run = (settings: object) => {
    const config = path.join(dir, "modelgen.config.json");
    writeFileSync(config, JSON.stringify(settings));
    const out = path.join(dir, "out");
    const r = spawnSync("node", [CLI, "generate", "--dry-run", "--quiet", "--config", config, "--spec", path.join(REPO, "spec/openapi.yaml"), "--out", out], {
      encoding: "utf8",
      env: { ...process.env, NODE_DEBUG: "module" },
    });
    const lines = r.stderr.split("\n");
    return {
      status: r.status,
      ajvCompiler: lines.some((l) => l.includes('looking for "ajv/dist/2020.js"')),
      // What the built validators require: proof that the debug lines are read as Node writes them, and that the file was loaded.
      ajvRuntime: lines.some((l) => l.includes('looking for "ajv/dist/runtime/')),
      message: lines.filter((l) => l.startsWith("openapi-modelgen:")).join("\n"),
    };
  };

  it("checks settings for every target without loading Ajv's compiler", () => {
    const r = run({ include: ["*"], typescript: { int64: "bigint" }, rust: { openEnums: true }, elixir: { openEnums: true }, scala: { unknownEnumValues: "keep" } });
    expect(r.message).toBe("");
    expect(r.status).toBe(0);
    expect(r.ajvRuntime).toBe(true);
    expect(r.ajvCompiler).toBe(false);
  });

  it("reports a bad setting as the run-time compiled validator does", () => {
    const r = run({ typescript: { bogus: 1 } });
    expect(r.status).toBe(2);
    expect(r.ajvRuntime).toBe(true);
    expect(r.ajvCompiler).toBe(false);
    expect(r.message).toMatch(/modelgen\.config\.json: typescript: unknown setting "bogus" \(known: int64, /);
  });
});
