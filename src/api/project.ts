// The options every library function shares: where the project is and which settings apply.
import path from "node:path";
import { configCandidates, loadConfig, parseConfig, type Config } from "../config.js";
import { TARGET_NAMES } from "../targets/registry.js";
import type { InputSet } from "./inputs.js";

/** A config as written in modelgen.config.json, for passing settings to the library directly. */
export interface ConfigObject {
  spec?: string;
  out?: string;
  lang?: string | string[];
  presence?: "lenient" | "strict";
  models?: { components?: boolean; operations?: boolean; parameters?: boolean; webhooks?: boolean };
  diff?: { severity?: Record<string, "breaking" | "warning" | "info"> };
  jobs?: ({ name?: string; spec: string; out: string } & Omit<ConfigObject, "spec" | "out" | "jobs" | "diff">)[];
  /** Per-target blocks: `typescript: { int64: "bigint" }`, `rust: { crateName: "x" }`, ... */
  [target: string]: unknown;
}

export interface ProjectOptions {
  /** The project folder: where the config is looked up and relative paths start (default: the process's). */
  cwd?: string;
  /**
   * A config file (relative to `cwd`), the settings themselves, or `false` for none. Default:
   * modelgen.config.json / .yaml / .yml, else the `modelgen` key of package.json.
   */
  config?: string | ConfigObject | false;
}

export interface Project {
  cwd: string;
  config: Config;
  /** The config file read, relative to cwd (absent when none was). */
  configFile?: string;
}

export function openProject(options: ProjectOptions, inputs?: InputSet): Project {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const given = options.config;
  if (given === false) return { cwd, config: parseConfig({}, "settings", TARGET_NAMES) };
  if (given !== undefined && typeof given === "object") return { cwd, config: parseConfig(given, "config", TARGET_NAMES) };
  // Recorded before reading, so a config that fails to parse is still watched for its fix.
  for (const file of configCandidates(cwd, given)) inputs?.addFile(file);
  const { config, file } = loadConfig(cwd, given, TARGET_NAMES);
  return file !== undefined ? { cwd, config, configFile: file } : { cwd, config };
}

/** A path as users see it in messages and file headers: relative to the project, with '/'. */
export function projectPath(cwd: string, absPath: string): string {
  return path.relative(cwd, absPath).split(path.sep).join("/") || ".";
}
