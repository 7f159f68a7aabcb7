// Settings from modelgen.config.json / modelgen.config.yaml / package.json "modelgen" (or an object
// handed to the library API), merged under the command line (flags win). Unknown keys are errors,
// so typos do not pass silently.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileText } from "./common/text-encodings.js";
import type { parse } from "yaml";
import { lazyPackage } from "./common/lazy-package.js";
import { UsageError } from "./common/errors.js";
import type { PresencePolicy } from "./targets/target.js";
import { CHECK_IDS, isCheckId, SEVERITIES, type CheckId, type Severity } from "./diff/checks.js";
import { ALL_MODELS, type ModelSwitches } from "./ir/normalize/operations.js";
import type { RenameSettings } from "./ir/customize/rename.js";
import { validateConfig } from "./config-schema.js";
import type { MappableFormat } from "./ir/customize/formats.js";
import type { ModelMapSetting } from "./ir/customize/model-map.js";

/** Only a YAML config file needs the YAML parser. */
const yaml = lazyPackage<{ parse: typeof parse }>("yaml");

/** `types: { date-time: native, unixtime: native }`: per format, each language's own type or the wire type (the default). */
export type TypesSetting = Partial<Record<MappableFormat, "native" | "wire">>;

/** What one generation reads: one spec into one output folder. */
export interface Settings {
  spec: string;
  out: string;
  lang?: string[];
  presence: PresencePolicy;
  /** Per-target settings, keyed by target name. */
  targets: Record<string, Record<string, unknown>>;
  /** `models: { components, operations, parameters, webhooks }`: which classes of models are built (all by default). */
  models: ModelSwitches;
  /** OpenAPI Overlay 1.0 files applied in order before normalizing (as written: relative to the project). */
  overlays: string[];
  /** `rename: { models: { Old: New }, fields: { "Model.field": identifier } }`. */
  rename: RenameSettings;
  /** Model names (globs), `tag:<name>`, `path:<glob>`: only these and what they reference (all when empty). */
  include: string[];
  exclude: string[];
  /** A folder of templates overriding the built-in ones of the same relative path. */
  templates?: string;
  /** Formats mapped to each language's own types; a language's `types` option overrides it format by format. */
  types: TypesSetting;
  /** `map: { Metadata: { rust: "crate::extra::Metadata", ... } }`: models replaced by the user's types. */
  map: ModelMapSetting;
}

/** One entry of `jobs`: its own spec; `out` and other settings default to the top level's. */
export interface JobConfig extends Settings {
  /** `name`, else the spec as written; `--job <name>` picks jobs by it. */
  name: string;
}

export interface Config extends Settings {
  /** `diff: { severity: { <check id>: breaking|warning|info } }`: per-check severity for `diff`. */
  diff: { severity: Partial<Record<CheckId, Severity>> };
  /** `jobs: [{ spec, out, lang, ...settings }]`: several specs in one config (absent: the top level is the one job). */
  jobs?: JobConfig[];
}

const DEFAULT_SPEC = "spec/openapi.yaml";
const CONFIG_FILES = ["modelgen.config.json", "modelgen.config.yaml", "modelgen.config.yml"];
const SETTING_KEYS = ["lang", "presence", "models", "overlays", "rename", "include", "exclude", "templates", "types", "map"];
const TOP_KEYS = new Set(["$schema", "spec", "out", "diff", "jobs", ...SETTING_KEYS]);
const JOB_KEYS = new Set(["name", "spec", "out", ...SETTING_KEYS]);

/**
 * The files the config lookup reads or would read (absolute): the explicit file, else every
 * candidate name and package.json, so a watcher also notices a config file being created.
 */
export function configCandidates(cwd: string, explicit: string | undefined): string[] {
  if (explicit) return [path.resolve(cwd, explicit)];
  return [...CONFIG_FILES, "package.json"].map((f) => path.join(cwd, f));
}

export function loadConfig(cwd: string, explicit: string | undefined, targetNames: string[]): { config: Config; file?: string } {
  const found = explicit ? path.resolve(cwd, explicit) : CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => existsSync(f));
  if (found) {
    if (!existsSync(found)) throw new UsageError(`config file not found: ${explicit}`);
    const file = path.relative(cwd, found);
    return { config: parseConfig(readConfigFile(found, file), file, targetNames), file };
  }
  if (existsSync(path.join(cwd, "package.json"))) {
    const pkg = parseText(fileText(readFileSync(path.join(cwd, "package.json"))), "package.json", true) as Record<string, unknown>;
    if (pkg.modelgen !== undefined)
      return { config: parseConfig(asRecord(pkg.modelgen, "package.json#modelgen"), "package.json", targetNames), file: "package.json" };
  }
  return { config: parseConfig({}, "settings", targetNames) };
}

function readConfigFile(absPath: string, label: string): Record<string, unknown> {
  // Decoded as a spec file is (a BOM, which JSON.parse refuses, dropped; UTF-16 from Windows PowerShell).
  return asRecord(parseText(fileText(readFileSync(absPath)), label, absPath.endsWith(".json")), label);
}

/** A malformed config file is the user's to fix: one line naming it, not an internal error. */
function parseText(text: string, label: string, json: boolean): unknown {
  try {
    return json ? JSON.parse(text) : yaml().parse(text);
  } catch (e) {
    throw new UsageError(`${label}: malformed ${json ? "JSON" : "YAML"}: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** Settings as written (a config file's contents, or an object given to the library); `where` names them in errors. */
export function parseConfig(raw: Record<string, unknown>, where: string, targetNames: string[]): Config {
  // One schema checks every setting's shape with one message format; the parsing below adds the rules a schema cannot say.
  validateConfig(raw, where);
  const known = [...TOP_KEYS, ...targetNames];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) throw new UsageError(`${where}: unknown setting "${key}" (known: ${known.join(", ")})`);
  }
  const base: Settings = {
    spec: DEFAULT_SPEC,
    out: "generated",
    presence: "lenient",
    targets: {},
    models: { ...ALL_MODELS },
    overlays: [],
    rename: {},
    include: [],
    exclude: [],
    types: {},
    map: {},
  };
  const config: Config = { ...parseSettings(raw, where, targetNames, base), diff: { severity: {} } };
  if (raw.diff !== undefined) config.diff = parseDiffSettings(raw.diff, `${where}: diff`);
  if (raw.jobs !== undefined) {
    // `out` may stay a default for the jobs; a top-level spec would be read by none of them.
    if (raw.spec !== undefined) throw new UsageError(`${where}: "spec" belongs in each job when "jobs" is set`);
    config.jobs = parseJobs(raw.jobs, `${where}: jobs`, targetNames, config);
  }
  return config;
}

/** The settings of one generation; unset ones come from `base` (per-target blocks merged key by key). */
function parseSettings(raw: Record<string, unknown>, where: string, targetNames: string[], base: Settings): Settings {
  const settings: Settings = { ...base, targets: { ...base.targets }, models: { ...base.models } };
  for (const name of targetNames) {
    if (raw[name] !== undefined) settings.targets[name] = { ...base.targets[name], ...asRecord(raw[name], `${where}: ${name}`) };
  }
  if (raw.spec !== undefined) settings.spec = asString(raw.spec, `${where}: spec`);
  if (raw.out !== undefined) settings.out = asString(raw.out, `${where}: out`);
  if (raw.lang !== undefined) settings.lang = parseLangs(raw.lang, targetNames);
  if (raw.presence !== undefined) settings.presence = parsePresence(raw.presence);
  if (raw.models !== undefined) settings.models = parseModelSwitches(raw.models, `${where}: models`, base.models);
  // Shapes are checked by the schema (validateConfig) before any of this runs.
  if (raw.overlays !== undefined) settings.overlays = raw.overlays as string[];
  if (raw.rename !== undefined) settings.rename = raw.rename as RenameSettings;
  if (raw.include !== undefined) settings.include = raw.include as string[];
  if (raw.exclude !== undefined) settings.exclude = raw.exclude as string[];
  if (raw.templates !== undefined) settings.templates = asString(raw.templates, `${where}: templates`);
  if (raw.types !== undefined) settings.types = raw.types as TypesSetting;
  if (raw.map !== undefined) settings.map = raw.map as ModelMapSetting;
  return settings;
}

function parseJobs(value: unknown, where: string, targetNames: string[], defaults: Settings): JobConfig[] {
  if (!Array.isArray(value) || value.length === 0) throw new UsageError(`${where}: expected a list of jobs, each { spec, out, ... }`);
  const jobs = value.map((entry, i) => {
    const at = `${where}[${i}]`;
    const raw = asRecord(entry, at);
    const known = [...JOB_KEYS, ...targetNames];
    for (const key of Object.keys(raw)) {
      if (!known.includes(key)) throw new UsageError(`${at}: unknown setting "${key}" (known: ${known.join(", ")})`);
    }
    if (raw.spec === undefined) throw new UsageError(`${at}: "spec" is required`);
    const settings = parseSettings(raw, at, targetNames, defaults);
    return { name: raw.name !== undefined ? asString(raw.name, `${at}: name`) : settings.spec, ...settings };
  });
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name)) throw new UsageError(`${where}: two jobs are named "${job.name}"; give each a distinct "name"`);
    seen.add(job.name);
  }
  return jobs;
}

/**
 * Each target's options as the target reads them: the top-level `types` is the default of every
 * language's own `types` option, which overrides it format by format. Options stay as written when
 * `types` is unset, so settings without it fingerprint as before.
 */
export function targetOptionsOf(
  settings: Pick<Settings, "targets" | "types">,
  targetNames: readonly string[],
): Record<string, Record<string, unknown>> {
  if (Object.keys(settings.types).length === 0) return settings.targets;
  const out: Record<string, Record<string, unknown>> = { ...settings.targets };
  for (const name of targetNames) {
    const own = out[name] ?? {};
    out[name] = { ...own, types: { ...settings.types, ...((own.types as Record<string, unknown> | undefined) ?? {}) } };
  }
  return out;
}

export function parseLangs(value: unknown, targetNames: string[]): string[] {
  const list = Array.isArray(value)
    ? value.map(String)
    : String(value)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
  for (const l of list) if (!targetNames.includes(l)) throw new UsageError(`unknown language "${l}" (known: ${targetNames.join(", ")})`);
  return [...new Set(list)];
}

const PRESENCE: readonly PresencePolicy[] = ["lenient", "strict", "tolerant"];

export function parsePresence(value: unknown): PresencePolicy {
  if (PRESENCE.includes(value as PresencePolicy)) return value as PresencePolicy;
  throw new UsageError(`presence must be ${PRESENCE.map((p) => `"${p}"`).join(", ")}, not ${JSON.stringify(value)}`);
}

/** `diff: { severity: { "enum-value-added": "info" } }`; unknown keys, check ids and levels are errors. */
function parseDiffSettings(value: unknown, where: string): Config["diff"] {
  const raw = asRecord(value, where);
  for (const key of Object.keys(raw)) if (key !== "severity") throw new UsageError(`${where}: unknown setting "${key}" (known: severity)`);
  const severity: Partial<Record<CheckId, Severity>> = {};
  if (raw.severity !== undefined) {
    for (const [check, level] of Object.entries(asRecord(raw.severity, `${where}.severity`))) {
      if (!isCheckId(check)) throw new UsageError(`${where}.severity: unknown check "${check}" (known: ${CHECK_IDS.join(", ")})`);
      if (!SEVERITIES.includes(level as Severity))
        throw new UsageError(`${where}.severity.${check}: must be one of ${SEVERITIES.join(", ")}, not ${JSON.stringify(level)}`);
      severity[check] = level as Severity;
    }
  }
  return { severity };
}

/** `models: { operations: false }`: each key one of the switches, each value a boolean; unset keys keep `base`. */
function parseModelSwitches(value: unknown, where: string, base: ModelSwitches = ALL_MODELS): ModelSwitches {
  const raw = asRecord(value, where);
  const switches: ModelSwitches = { ...base };
  const known = Object.keys(ALL_MODELS) as (keyof ModelSwitches)[];
  for (const [key, on] of Object.entries(raw)) {
    if (!known.includes(key as keyof ModelSwitches))
      throw new UsageError(`${where}: unknown setting "${key}" (known: ${known.join(", ")})`);
    if (typeof on !== "boolean") throw new UsageError(`${where}.${key}: must be true or false, not ${JSON.stringify(on)}`);
    switches[key as keyof ModelSwitches] = on;
  }
  return switches;
}

function asString(value: unknown, where: string): string {
  if (typeof value !== "string" || value === "") throw new UsageError(`${where}: expected a path, not ${JSON.stringify(value)}`);
  return value;
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new UsageError(`${where}: expected a mapping of settings`);
  return value as Record<string, unknown>;
}
