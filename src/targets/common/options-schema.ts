// One validator and one error format for every setting: the settings file (config-schema.ts) and
// each target's options, wherever they come from (a config file, the library API, a test), are
// checked by Ajv against JSON Schemas and reported as `<where>: <path.of.key>: <message>`.
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { UsageError } from "../../common/errors.js";
import { MAPPABLE_FORMATS } from "../../ir/customize/formats.js";
import { AJV_OPTIONS, precompiledValidator } from "./precompiled-validators.js";

export type Schema = Record<string, unknown>;
export type { ValidateFunction };

// Loaded when settings are first checked, not at module load (Ajv's load is start-up time).
const require = createRequire(import.meta.url);

/** The schema's validator: the one compiled at build time when there is one (precompiled-validators.ts), else compiled now. */
export function compileSchema(schema: Schema): ValidateFunction {
  const precompiled = precompiledValidator(schema);
  if (precompiled) return precompiled;
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 };
  return new Ajv({ ...AJV_OPTIONS }).compile(schema);
}

/** Runs a compiled schema; the first problems become one UsageError naming `where` and the key path. */
export function checkAgainst(validate: ValidateFunction, value: unknown, where: string): void {
  if (validate(value)) return;
  const lines = describeErrors(validate.errors ?? []);
  throw new UsageError(
    `${where}: ${lines[0]}${lines.length > 1 ? ` (and ${lines.length - 1} more: ${lines.slice(1, 3).join("; ")})` : ""}`,
  );
}

/** How a language names a type the user supplies: a string such as `crate::extra::Metadata` unless the target says otherwise. */
export const USER_TYPE_STRING: Schema = { type: "string", minLength: 1 };

/**
 * `types: { date-time: native }` in a target's options: per format, `wire` (the JSON type, the
 * default), `native` (the language's own type) or the user's type, whose codec the user supplies.
 */
function typesOptionSchema(userType: Schema): Schema {
  return {
    type: "object",
    description: "Per format: wire (the JSON type, default), native (this language's own type) or a type of yours whose codec you supply.",
    propertyNames: { enum: [...MAPPABLE_FORMATS] },
    additionalProperties: userType,
  };
}

/** A target's options schema with the `types` option every target has. */
export function withTypesOption(optionsSchema: Schema | undefined, userType: Schema = USER_TYPE_STRING): Schema {
  const base = optionsSchema ?? { type: "object" };
  return { ...base, properties: { ...((base.properties as Schema | undefined) ?? {}), types: typesOptionSchema(userType) } };
}

const compiledOptions = new Map<Schema, ValidateFunction>();

/**
 * Checks one target's options against its schema: the one check of options, whether they come
 * from a settings file (already checked there as part of the whole file) or the library API.
 */
export function validateOptions(target: string, schema: Schema, options: Record<string, unknown>): void {
  // No options cannot be wrong (no target's schema requires a key; test/config/schema.test.ts checks
  // each accepts `{}`): skip compiling its schema at every start.
  if (Object.keys(options).length === 0) return;
  let validate = compiledOptions.get(schema);
  if (!validate) compiledOptions.set(schema, (validate = compileSchema(schema)));
  checkAgainst(validate, options, target);
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
