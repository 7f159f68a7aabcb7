// The settings validators Ajv compiled at build time: scripts/build.mjs writes them, as Ajv's
// standalone code, to dist/validators.precompiled.cjs beside the bundles. Compiling the settings
// file's schema at run time took ~0.15 s of every run with a config file (more than a whole
// up-to-date run); loading the compiled code takes ~8 ms. Each validator is keyed by a hash of its schema and
// Ajv's options, so a schema that changed since the build (or a run from source, with no file)
// finds none and is compiled as before: the same checks and errors either way (tested).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { sha256 } from "../../common/hash.js";
import type { Schema } from "./options-schema.js";

/** The options every settings validator is compiled with, at build time and at run time alike. */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/** The file's name, beside the bundle that loads it. */
export const PRECOMPILED_VALIDATORS_FILE = "validators.precompiled.cjs";

/** The name a schema's validator is exported under: a hash of the schema and the options it is compiled with. */
export function validatorKey(schema: Schema): string {
  return `v${sha256(JSON.stringify([AJV_OPTIONS, schema])).slice(0, 40)}`;
}

type Table = Readonly<Record<string, ValidateFunction | undefined>>;

let table: Table | undefined;

/** The validators in `file` (absent: none). Loaded once; tests point it at the built file. */
export function loadPrecompiledValidators(file = fileURLToPath(new URL(`./${PRECOMPILED_VALIDATORS_FILE}`, import.meta.url))): Table {
  // The standalone code requires Ajv's small runtime helpers, resolved from the file's own folder.
  table = existsSync(file) ? (createRequire(file)(file) as Table) : {};
  return table;
}

/** The validator compiled at build time for exactly this schema, if any. */
export function precompiledValidator(schema: Schema): ValidateFunction | undefined {
  const validators = table ?? loadPrecompiledValidators();
  const key = validatorKey(schema);
  return Object.hasOwn(validators, key) ? validators[key] : undefined;
}
