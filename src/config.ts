// Settings from modelgen.config.json / modelgen.config.yaml / package.json "modelgen", merged
// under the command line (flags win). Unknown keys are errors, so typos do not pass silently.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { UsageError } from "./load/errors.js";
import type { PresencePolicy } from "./targets/target.js";
import { CHECK_IDS, isCheckId, SEVERITIES, type CheckId, type Severity } from "./diff/checks.js";
import { ALL_MODELS, type ModelSwitches } from "./ir/normalize/operations.js";

export interface Config {
  spec: string;
  out: string;
  lang?: string[];
  presence: PresencePolicy;
  /** Per-target settings, keyed by target name. */
  targets: Record<string, Record<string, unknown>>;
  /** `diff: { severity: { <check id>: breaking|warning|info } }`: per-check severity for `diff`. */
  diff: { severity: Partial<Record<CheckId, Severity>> };
  /** `models: { components, operations, parameters, webhooks }`: which classes of models are built (all by default). */
  models: ModelSwitches;
}

export const DEFAULT_SPEC = "spec/openapi.yaml";
const CONFIG_FILES = ["modelgen.config.json", "modelgen.config.yaml", "modelgen.config.yml"];
const TOP_KEYS = new Set(["spec", "out", "lang", "presence", "diff", "models"]);

export function loadConfig(cwd: string, explicit: string | undefined, targetNames: string[]): { config: Config; file?: string } {
  const found = explicit ? path.resolve(cwd, explicit) : CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => existsSync(f));
  let raw: Record<string, unknown> = {};
  let file: string | undefined;
  if (found) {
    if (!existsSync(found)) throw new UsageError(`config file not found: ${explicit}`);
    const text = readFileSync(found, "utf8");
    raw = asRecord(found.endsWith(".json") ? JSON.parse(text) : parseYaml(text), found);
    file = path.relative(cwd, found);
  } else if (existsSync(path.join(cwd, "package.json"))) {
    const pkg = JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")) as Record<string, unknown>;
    if (pkg.modelgen !== undefined) {
      raw = asRecord(pkg.modelgen, "package.json#modelgen");
      file = "package.json";
    }
  }
  const config: Config = { spec: DEFAULT_SPEC, out: "generated", presence: "lenient", targets: {}, diff: { severity: {} }, models: { ...ALL_MODELS } };
  for (const [key, value] of Object.entries(raw)) {
    if (targetNames.includes(key)) config.targets[key] = asRecord(value, `${file}: ${key}`);
    else if (!TOP_KEYS.has(key)) throw new UsageError(`${file}: unknown setting "${key}" (known: ${[...TOP_KEYS, ...targetNames].join(", ")})`);
  }
  if (typeof raw.spec === "string") config.spec = raw.spec;
  if (typeof raw.out === "string") config.out = raw.out;
  if (raw.lang !== undefined) config.lang = parseLangs(raw.lang, targetNames);
  if (raw.presence !== undefined) config.presence = parsePresence(raw.presence);
  if (raw.diff !== undefined) config.diff = parseDiffSettings(raw.diff, `${file}: diff`);
  if (raw.models !== undefined) config.models = parseModelSwitches(raw.models, `${file}: models`);
  return file ? { config, file } : { config };
}

export function parseLangs(value: unknown, targetNames: string[]): string[] {
  const list = Array.isArray(value) ? value.map(String) : String(value).split(",").map((s) => s.trim()).filter(Boolean);
  for (const l of list) if (!targetNames.includes(l)) throw new UsageError(`unknown language "${l}" (known: ${targetNames.join(", ")})`);
  return [...new Set(list)];
}

export function parsePresence(value: unknown): PresencePolicy {
  if (value === "lenient" || value === "strict") return value;
  throw new UsageError(`presence must be "lenient" or "strict", not ${JSON.stringify(value)}`);
}

/** `diff: { severity: { "enum-value-added": "info" } }`; unknown keys, check ids and levels are errors. */
export function parseDiffSettings(value: unknown, where: string): Config["diff"] {
  const raw = asRecord(value, where);
  for (const key of Object.keys(raw)) if (key !== "severity") throw new UsageError(`${where}: unknown setting "${key}" (known: severity)`);
  const severity: Partial<Record<CheckId, Severity>> = {};
  if (raw.severity !== undefined) {
    for (const [check, level] of Object.entries(asRecord(raw.severity, `${where}.severity`))) {
      if (!isCheckId(check)) throw new UsageError(`${where}.severity: unknown check "${check}" (known: ${CHECK_IDS.join(", ")})`);
      if (!SEVERITIES.includes(level as Severity)) throw new UsageError(`${where}.severity.${check}: must be one of ${SEVERITIES.join(", ")}, not ${JSON.stringify(level)}`);
      severity[check] = level as Severity;
    }
  }
  return { severity };
}

/** `models: { operations: false }`: each key one of the switches, each value a boolean; unset keys stay on. */
export function parseModelSwitches(value: unknown, where: string): ModelSwitches {
  const raw = asRecord(value, where);
  const switches: ModelSwitches = { ...ALL_MODELS };
  const known = Object.keys(ALL_MODELS) as (keyof ModelSwitches)[];
  for (const [key, on] of Object.entries(raw)) {
    if (!known.includes(key as keyof ModelSwitches)) throw new UsageError(`${where}: unknown setting "${key}" (known: ${known.join(", ")})`);
    if (typeof on !== "boolean") throw new UsageError(`${where}.${key}: must be true or false, not ${JSON.stringify(on)}`);
    switches[key as keyof ModelSwitches] = on;
  }
  return switches;
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new UsageError(`${where}: expected a mapping of settings`);
  return value as Record<string, unknown>;
}
