// Start-up cost: the `yaml` package loads only when a YAML file is read (a YAML config here), not
// on every run. Each case runs the built CLI and reports whether Node loaded anything from
// node_modules/yaml by the time the process exits.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

const CLI = path.join(REPO, "dist/cli.js");

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

/** Runs the CLI in-process under a small wrapper that prints, at exit, whether `yaml` was loaded. */
function loadsYaml(args: string[], cwd: string): { loaded: boolean; status: number | null; stderr: string } {
  const probe = `
    import { createRequire } from "node:module";
    const require = createRequire(import.meta.url);
    process.on("exit", () => process.stdout.write("\\nYAML:" + Object.keys(require.cache).some((k) => k.includes("/node_modules/yaml/"))));
    process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(args)}];
    await import(${JSON.stringify(CLI)});
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { cwd, encoding: "utf8" });
  return { loaded: /YAML:true$/.test(r.stdout), status: r.status, stderr: r.stderr };
}

function project(config?: { file: string; text: string }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-startup-"));
  cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
  if (config) writeFileSync(path.join(dir, config.file), config.text);
  return dir;
}

describe("the yaml package", () => {
  it.each([
    { name: "--version", args: ["--version"], want: false },
    { name: "generate with no config file", args: ["generate", "--quiet", "--lang", "typescript"], want: false },
    {
      name: "generate with a JSON config",
      args: ["generate", "--quiet"],
      config: { file: "modelgen.config.json", text: '{ "lang": ["typescript"] }' },
      want: false,
    },
    {
      name: "generate with a YAML config",
      args: ["generate", "--quiet"],
      config: { file: "modelgen.config.yaml", text: "lang: [typescript]\n" },
      want: true,
    },
  ])("$name: loaded $want", ({ args, config, want }) => {
    const r = loadsYaml(args, project(config));
    expect(r.status, r.stderr).toBe(0);
    expect(r.loaded).toBe(want);
  });
});
