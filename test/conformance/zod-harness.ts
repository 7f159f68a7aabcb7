// The TypeScript conformance harness: the spec's models generated with zod validators, bundled
// (esbuild, zod included) and imported into this process; each example is parsed with its model's
// schema and re-encoded with JSON.stringify, as a TypeScript client would, and the results go to
// the shared judge like every other language's.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { z } from "zod";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { schemaNames } from "../../src/targets/typescript/zod/names.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import type { IrDocument } from "../../src/ir/types.js";
import { irOf, REPO, renderAsync, writeFiles } from "../helpers/generate.js";
import type { ConformanceCase, LanguageResult } from "./cases.js";

/**
 * Writes the spec's TypeScript output with validators into a new folder, with `node_modules/zod`
 * linked from this repository (so tsc and esbuild resolve it as a user's project would).
 */
export async function writeZodModels(spec: string, presence: PresencePolicy, options: Record<string, unknown> = {}, ir?: IrDocument): Promise<string> {
  const dir = writeFiles(await renderAsync(spec, "typescript", { options: { validators: "zod", ...options }, presence, ...(ir ? { ir } : {}) }));
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(path.join(REPO, "node_modules/zod"), path.join(dir, "node_modules/zod"), "dir");
  return dir;
}

/** The generated module (every schema by name), bundled into one ES module and imported. */
export async function importZodModels(dir: string): Promise<Record<string, z.ZodType>> {
  const outfile = path.join(dir, "bundle.mjs");
  await build({ entryPoints: [path.join(dir, "index.ts")], bundle: true, format: "esm", platform: "node", outfile, logLevel: "error" });
  return (await import(pathToFileURL(outfile).href)) as Record<string, z.ZodType>;
}

/** Parses and re-encodes every case with its model's schema. */
export function roundTrip(cases: ConformanceCase[], schemaOf: (modelId: string) => z.ZodType | undefined): LanguageResult[] {
  return cases.map((c): LanguageResult => {
    const schema = schemaOf(c.modelId);
    if (!schema) return { id: c.id, ok: false, error: `no schema for ${c.modelId}` };
    const parsed = schema.safeParse(c.json);
    if (!parsed.success) return { id: c.id, ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "/"}: ${i.message}`).join("; ") };
    return { id: c.id, ok: true, output: JSON.parse(JSON.stringify(parsed.data)) as unknown };
  });
}

/** The schema of each model id in the bundled module (generated from `ir`, by default the spec's). */
export function schemaLookup(spec: string, module: Record<string, z.ZodType>, ir: IrDocument = irOf(spec)): (modelId: string) => z.ZodType | undefined {
  const names = schemaNames(ir.models, assignNames(ir, tsNamingRules));
  return (id) => {
    const name = names.get(id);
    return name === undefined ? undefined : module[name];
  };
}
