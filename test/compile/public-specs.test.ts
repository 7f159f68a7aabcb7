// ReadMe's example specs (@readme/oas-examples, pinned): OpenAPI 3.0 and 3.1, JSON and YAML, one
// feature each (callbacks, circular references, discriminators, polymorphism, parameter styles,
// webhooks, ...), written by others, as the public specs users bring are. Each generates in all
// four languages, or fails with the positioned "no models" error when it defines no model, and the
// TypeScript of all of them passes tsc --strict in one program (each spec in a folder of its own).
// The README's "Public specs" tells of the larger run this stands for.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { irOf, renderAsync, writeFiles } from "../helpers/generate.js";
import { SpecError } from "../../src/common/errors.js";
import { TARGETS } from "../../src/targets/registry.js";
import { formatDiagnostics, typecheck } from "./tsc.js";

const EXAMPLES = path.dirname(createRequire(import.meta.url).resolve("@readme/oas-examples/package.json"));

function specsUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return specsUnder(file);
      return /\.(json|ya?ml)$/.test(name) ? [file] : [];
    });
}

const SPECS = ["3.0", "3.1"].flatMap((version) => specsUnder(path.join(EXAMPLES, version)));
const label = (spec: string) => path.relative(EXAMPLES, spec).split(path.sep).join("/");

// Security schemes, servers and status codes only: nothing to make a model of.
const NO_MODELS = [
  "3.0/json/http-status-codes.json",
  "3.0/json/openapi-workshop/post.json",
  "3.0/json/openapi-workshop/title.json",
  "3.0/json/security-multiple.json",
  "3.0/json/security.json",
  "3.0/json/server-path-level.json",
  "3.0/json/server-variables.json",
  "3.0/yaml/http-status-codes.yaml",
  "3.0/yaml/security-multiple.yaml",
  "3.0/yaml/security.yaml",
  "3.0/yaml/server-path-level.yaml",
  "3.0/yaml/server-variables.yaml",
  "3.1/json/security.json",
  "3.1/yaml/security.yaml",
];

/** The spec's IR, or the message of the SpecError it fails with (any other error is a bug). */
function outcome(spec: string): { ok: true } | { ok: false; message: string } {
  try {
    irOf(spec);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { ok: false, message: error.message };
  }
}

describe("ReadMe's example specs", () => {
  it("are there: 3.0 and 3.1, JSON and YAML", () => {
    expect(SPECS.length).toBeGreaterThan(100);
    expect(SPECS.filter((s) => s.endsWith(".yaml")).length).toBeGreaterThan(40);
    expect(SPECS.filter((s) => label(s).startsWith("3.1/")).length).toBeGreaterThan(20);
  });

  it("generate in every language, or fail with the positioned no-models error", async () => {
    const failed: string[] = [];
    for (const spec of SPECS) {
      const result = outcome(spec);
      if (!result.ok) {
        expect(result.message, label(spec)).toMatch(/^[\w.-]+:\d+:\d+ #\/\S*: no models: /);
        failed.push(label(spec));
        continue;
      }
      for (const target of TARGETS) expect((await renderAsync(spec, target.name)).length, `${label(spec)} ${target.name}`).toBeGreaterThan(0);
    }
    expect(failed).toEqual(NO_MODELS);
  }, 300_000);

  it("pass tsc --strict, every spec's TypeScript in one program", async () => {
    const roots: string[] = [];
    for (const spec of SPECS.filter((s) => !NO_MODELS.includes(label(s)))) {
      const dir = writeFiles(await renderAsync(spec, "typescript"));
      writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
      roots.push(...readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f)));
    }
    const diags = typecheck(roots);
    expect(diags, formatDiagnostics(diags)).toEqual([]);
  }, 300_000);
});
