// The settings file's schema: one error format with the path of the bad key, and the published
// modelgen.config.schema.json is exactly the schema the tool validates with.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema, validateConfig } from "../../src/config-schema.js";
import { REPO } from "../helpers/generate.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import { TARGETS } from "../../src/targets/registry.js";

describe("validateConfig", () => {
  it.each([
    [{ spec: "api.yaml", out: "gen", lang: ["rust", "scala"], presence: "tolerant", models: { webhooks: false } }],
    [{ lang: "rust, typescript", overlays: ["fix.yaml"], rename: { models: { A: "B" }, fields: { "A.b": "c" } }, include: ["Run*", "tag:runs"], templates: "tpl" }],
    [{ diff: { severity: { "enum-value-added": "info" } }, jobs: [{ name: "a", spec: "a.yaml", out: "gen/a" }] }],
    [{ $schema: "./modelgen.config.schema.json" }],
    [{ types: { "date-time": "native", unixtime: "wire" }, rust: { types: { date: "time::Date" } }, typescript: { types: { uuid: { from: "./ids.js", name: "Uuid" } } } }],
    [{ map: { Metadata: { rust: "crate::extra::Metadata", scala: "com.acme.Metadata", elixir: "Acme.Metadata", typescript: { from: "./extra.js", name: "Metadata" } } } }],
    [{ jobs: [{ spec: "a.yaml", types: { uuid: "native" }, map: { A: { rust: "x::A" } } }] }],
    [{ rust: { crateName: "runs", crateVersion: "1.2.3-beta.1", openEnums: false } }],
  ])("accepts %j", (settings) => {
    expect(() => validateConfig(settings, "modelgen.config.json")).not.toThrow();
  });

  it.each([
    [{ langs: "rust" }, 'modelgen.config.json: unknown setting "langs"'],
    [{ presence: "loose" }, 'modelgen.config.json: presence: must be one of "lenient", "strict", "tolerant"'],
    [{ lang: ["rust", "cobol"] }, "modelgen.config.json: lang: must match exactly one schema in oneOf"],
    [{ models: { operation: false } }, 'modelgen.config.json: models: unknown setting "operation"'],
    [{ models: { operations: "no" } }, "modelgen.config.json: models.operations: must be boolean"],
    [{ rename: { models: { A: 3 } } }, "modelgen.config.json: rename.models.A: must be string"],
    [{ include: "Run*" }, "modelgen.config.json: include: must be array"],
    [{ diff: { severity: { "no-such-check": "info" } } }, 'modelgen.config.json: diff.severity: unknown key "no-such-check"'],
    [{ jobs: [{ out: "x" }] }, 'modelgen.config.json: jobs[0]: "spec" is required'],
    [{ overlays: "fix.yaml" }, "modelgen.config.json: overlays: must be array"],
    [{ scala: { unknownEnumValues: "drop" } }, 'modelgen.config.json: scala.unknownEnumValues: must be one of "keep", "reject"'],
    [{ types: { datetime: "native" } }, 'modelgen.config.json: types: unknown key "datetime" (known: date-time, date, unixtime, uuid)'],
    [{ types: { date: "chrono::NaiveDate" } }, 'modelgen.config.json: types.date: must be one of "native", "wire"'],
    [{ rust: { types: { uuid: { from: "x", name: "Y" } } } }, "modelgen.config.json: rust.types.uuid: must be string"],
    [{ map: { Metadata: { cobol: "X" } } }, 'modelgen.config.json: map.Metadata: unknown setting "cobol" (known: typescript, rust, elixir, scala)'],
    [{ map: { Metadata: {} } }, "modelgen.config.json: map.Metadata: must NOT have fewer than 1 properties"],
    [{ map: { Metadata: { typescript: { from: "./x.js" } } } }, "modelgen.config.json: map.Metadata.typescript: must match exactly one schema in oneOf"],
    [{ rust: { crateVersion: "v1" } }, "modelgen.config.json: rust.crateVersion: must match pattern"],
    [{ rust: { openUnion: false } }, 'modelgen.config.json: rust: unknown setting "openUnion" (known: crateName, crateVersion, openEnums, openUnions, types)'],
  ])("rejects %j", (settings, message) => {
    expect(() => validateConfig(settings, "modelgen.config.json")).toThrow(message);
  });
});

it("modelgen.config.schema.json is the schema the tool validates with", () => {
  const file = path.join(REPO, "modelgen.config.schema.json");
  if (process.env.UPDATE_SCHEMA === "1") writeFileSync(file, JSON.stringify(configSchema(), null, 2) + "\n");
  expect(readFileSync(file, "utf8"), "regenerate: UPDATE_SCHEMA=1 npx vitest run test/config/schema.test.ts").toBe(JSON.stringify(configSchema(), null, 2) + "\n");
});

describe("no settings cannot be wrong (validateConfig and validateOptions skip compiling for them)", () => {
  const schema = configSchema() as { properties: Record<string, object> };
  const ajv = new Ajv2020({ strict: false });
  it.each([
    { name: "the settings file", given: schema as object },
    ...TARGETS.map((t) => ({ name: `${t.name}'s options`, given: schema.properties[t.name]! })),
  ])("$name accept {}", ({ given }) => {
    expect(ajv.validate(given, {})).toBe(true);
  });
});
