// The `yaml` package (YAML config files, the overlays the examples command writes) took ~40 ms of
// every run's start-up, a sixth of `--version`, also when no YAML config exists: it loads on first use.
import { createRequire } from "node:module";
import type * as Yaml from "yaml";

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return loaded;
}
