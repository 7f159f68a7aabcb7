// The settings file as data: one JSON Schema (2020-12) for every setting, validated by Ajv with one
// error format (`<file>: <path.of.key>: <message>`), and published as modelgen.config.schema.json
// so editors complete and check it (`"$schema": "./node_modules/openapi-modelgen/modelgen.config.schema.json"`).
// Each target declares its own options (Target.optionsSchema); the schema composes them.
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject } from "ajv/dist/2020.js";

// Loaded when settings are first checked, not at every start (Ajv's load is start-up time).
const require = createRequire(import.meta.url);
import { UsageError } from "./common/errors.js";
import { TARGETS } from "./targets/registry.js";
import { CHECK_IDS, SEVERITIES } from "./diff/checks.js";

type Schema = Record<string, unknown>;

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
    ...Object.fromEntries(
      TARGETS.map((t) => [t.name, { ...(t.optionsSchema ?? { type: "object" }), description: `Options of the ${t.name} target.` }]),
    ),
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

let compiled: ReturnType<Ajv2020["compile"]> | undefined;

/** Checks settings against the schema; the first problems become one UsageError naming the file and key path. */
export function validateConfig(raw: unknown, where: string): void {
  if (!compiled) {
    const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 };
    compiled = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(configSchema());
  }
  if (compiled(raw)) return;
  const lines = describeErrors(compiled.errors ?? []);
  throw new UsageError(
    `${where}: ${lines[0]}${lines.length > 1 ? ` (and ${lines.length - 1} more: ${lines.slice(1, 3).join("; ")})` : ""}`,
  );
}

function describeErrors(errors: ErrorObject[]): string[] {
  // `oneOf` reports each failed branch; its own error says enough.
  // A bad key under `propertyNames` also fails the key's own enum: the propertyNames error says it better.
  const useful = errors.filter(
    (e) =>
      !e.schemaPath.includes("/propertyNames/") &&
      !errors.some((o) => o !== e && o.keyword === "oneOf" && e.schemaPath.startsWith(o.schemaPath.replace(/\/oneOf$/, "/oneOf/"))),
  );
  const lines = useful.map((e) => {
    const at = keyPath(e.instancePath);
    switch (e.keyword) {
      case "additionalProperties": {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((k) => k !== "$schema");
        return `${at ? `${at}: ` : ""}unknown setting "${key}"${known.length ? ` (known: ${known.join(", ")})` : ""}`;
      }
      case "required":
        return `${at || "settings"}: "${(e.params as { missingProperty: string }).missingProperty}" is required`;
      case "enum":
        return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
      case "propertyNames": {
        const allowed = ((e.parentSchema as { propertyNames?: { enum?: unknown[] } } | undefined)?.propertyNames?.enum ?? []).map(String);
        const key = (e.params as { propertyName: string }).propertyName;
        return `${at}: unknown key "${key}"${allowed.length ? ` (known: ${allowed.join(", ")})` : ""}`;
      }
      default:
        return `${at || "settings"}: ${e.message ?? "is not valid"}`;
    }
  });
  return [...new Set(lines.filter((l) => !/must match "then" schema|property name must be valid/.test(l)))];
}

/** `/rust/crateName` -> `rust.crateName`; `/jobs/0/spec` -> `jobs[0].spec`. */
function keyPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((out, t) => (/^\d+$/.test(t) ? `${out}[${t}]` : out ? `${out}.${t}` : t), "");
}
