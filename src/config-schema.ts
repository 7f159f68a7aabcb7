// The settings file as data: one JSON Schema (2020-12) for every setting, validated by Ajv with one
// error format (`<file>: <path.of.key>: <message>`), and published as modelgen.config.schema.json
// so editors complete and check it (`"$schema": "./node_modules/openapi-modelgen/modelgen.config.schema.json"`).
// Each target declares its own options (Target.optionsSchema); the schema composes them.
import {
  checkAgainst,
  compileSchema,
  USER_TYPE_STRING,
  withTypesOption,
  type Schema,
  type ValidateFunction,
} from "./targets/common/options-schema.js";
import { TARGETS } from "./targets/registry.js";
import { CHECK_IDS, SEVERITIES } from "./diff/checks.js";
import { MAPPABLE_FORMATS } from "./ir/customize/formats.js";
import type { Target } from "./targets/target.js";

const stringList = { type: "array", items: { type: "string", minLength: 1 } };

/** Settings that shape the models, allowed at the top level and in each job. */
function modelSettings(): Record<string, Schema> {
  const langs = TARGETS.map((t) => t.name);
  return {
    spec: { type: "string", minLength: 1, description: "The OpenAPI document to read (default spec/openapi.yaml)." },
    out: { type: "string", minLength: 1, description: "Output folder; each language writes <out>/<lang>/ (default generated)." },
    lang: {
      description: "Languages to generate (default: all).",
      oneOf: [
        { type: "array", items: { enum: langs }, uniqueItems: true },
        { type: "string", pattern: `^(${langs.join("|")})(\\s*,\\s*(${langs.join("|")}))*$` },
      ],
    },
    presence: { enum: ["lenient", "strict", "tolerant"], description: "How decoders treat absent required fields (default lenient)." },
    models: {
      type: "object",
      description: "Which classes of models are built; each off switch removes that class only.",
      properties: Object.fromEntries(["components", "operations", "parameters", "webhooks"].map((k) => [k, { type: "boolean" }])),
      additionalProperties: false,
    },
    overlays: { ...stringList, description: "OpenAPI Overlay 1.0 documents applied, in order, before normalizing." },
    rename: {
      type: "object",
      properties: {
        models: {
          type: "object",
          additionalProperties: { type: "string", minLength: 1 },
          description: "Model name (as generated without settings) -> new name.",
        },
        fields: {
          type: "object",
          additionalProperties: { type: "string", minLength: 1 },
          description: '"Model.field" -> new identifier (the wire name stays).',
        },
      },
      additionalProperties: false,
    },
    include: { ...stringList, description: "Model names (globs), tag:<name>, path:<glob>: only these and what they reference." },
    exclude: { ...stringList, description: "Model names (globs), tag:<name>, path:<glob> left out." },
    templates: { type: "string", minLength: 1, description: "A folder whose templates override the built-in ones of the same path." },
    types: {
      type: "object",
      description:
        "Per format: wire (the JSON type, default) or native (each language's own type, " +
        "e.g. chrono::DateTime<Utc>, java.time.OffsetDateTime, DateTime.t()).",
      propertyNames: { enum: [...MAPPABLE_FORMATS] },
      additionalProperties: { enum: ["native", "wire"] },
    },
    map: {
      type: "object",
      description:
        "Model name (as generated without settings) -> a type of yours per language, " +
        "used for every reference; the model is not generated there.",
      additionalProperties: {
        type: "object",
        properties: Object.fromEntries(TARGETS.map((t) => [t.name, userTypeSchema(t)])),
        additionalProperties: false,
        minProperties: 1,
      },
    },
    ...Object.fromEntries(TARGETS.map((t) => [t.name, { ...targetOptionsSchema(t), description: `Options of the ${t.name} target.` }])),
  };
}

export function configSchema(): Schema {
  const settings = modelSettings();
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "openapi-modelgen settings",
    type: "object",
    properties: {
      $schema: { type: "string" },
      ...settings,
      diff: {
        type: "object",
        properties: {
          severity: { type: "object", propertyNames: { enum: [...CHECK_IDS] }, additionalProperties: { enum: [...SEVERITIES] } },
        },
        additionalProperties: false,
      },
      jobs: {
        type: "array",
        minItems: 1,
        description: "Several specs in one config: each job has its own spec, out and settings.",
        items: {
          type: "object",
          properties: { name: { type: "string", minLength: 1 }, ...settings },
          required: ["spec"],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}

/**
 * Every schema a run validates settings against: the settings file's and each target's options
 * (validateOptions). scripts/build.mjs compiles these ahead (precompiled-validators.ts).
 */
export function settingsSchemas(): Schema[] {
  return [configSchema(), ...TARGETS.map((t) => targetOptionsSchema(t))];
}

let compiled: ValidateFunction | undefined;

/** Checks settings against the schema; the first problems become one UsageError naming the file and key path. */
export function validateConfig(raw: unknown, where: string): void {
  // No settings at all (no config file) cannot be wrong: skip compiling the schema, ~0.1 s of a run
  // that finds everything up to date (test/config/schema.test.ts checks the schema accepts `{}`).
  if (isEmptyObject(raw)) return;
  compiled ??= compileSchema(configSchema());
  checkAgainst(compiled, raw, where);
}

/** How a target names a type the user supplies (a string unless it says otherwise). */
function userTypeSchema(t: Pick<Target, "userTypeSchema">): Schema {
  return t.userTypeSchema ?? USER_TYPE_STRING;
}

/** A target's options as validated: its own schema plus the `types` option every target has. */
function targetOptionsSchema(t: Pick<Target, "optionsSchema" | "userTypeSchema">): Schema {
  return withTypesOption(t.optionsSchema, userTypeSchema(t));
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
