// Test helper: run the real pipeline for one spec and some targets, into a temporary folder
// (or only in memory), so compile checks and goldens see exactly what users get.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIr, headerLines, readSpecIr, type IrShape } from "../../src/pipeline.js";
import { mappedIn } from "../../src/ir/customize/model-map.js";
import type { TargetContext } from "../../src/targets/target.js";
import { TARGETS } from "../../src/targets/registry.js";
import { loadTemplates } from "../../src/render/templates.js";
import type { OutputFile, PresencePolicy } from "../../src/targets/target.js";
import type { IrDocument } from "../../src/ir/types.js";
import type { NormalizeOptions } from "../../src/ir/normalize/index.js";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const SHARED = path.resolve(REPO, "../shared");
export const OPENAI_SPECS = [
  "openai-2023-11-28.yaml",
  "openai-2024-03-29.yaml",
  "openai-2024-06-24.yaml",
  "openai-2024-12-18.yaml",
  "openai-2025-04-29.yaml",
  "openai-2026-05-13.yaml",
  "openai-2026-07-15.yaml",
  "openai-2026-08-21.yaml",
].map((f) => path.join(SHARED, "specs/openai", f));

const irCache = new Map<string, IrDocument>();

/** The IR of a spec (with normalize options, e.g. model switches), parsed once per test process. */
export function irOf(spec: string, options: NormalizeOptions = {}): IrDocument {
  const key = Object.keys(options).length ? `${spec}|${JSON.stringify(options)}` : spec;
  let ir = irCache.get(key);
  if (!ir) irCache.set(key, (ir = buildIr(spec, options)));
  return ir;
}

/** `ir` with every model's and field's source position undefined (what the render worker is sent: src/threads/ir-transfer.ts). */
export function withoutPositions(ir: IrDocument): IrDocument {
  return {
    ...ir,
    models: ir.models.map((m) =>
      m.kind === "object" ? { ...m, source: undefined, fields: m.fields.map((f) => ({ ...f, source: undefined })) } : { ...m, source: undefined },
    ),
  } as unknown as IrDocument;
}

export interface RenderOptions {
  options?: Record<string, unknown>;
  presence?: PresencePolicy;
  /** The IR to render instead of the spec's own (one shaped by overlays or a selection of models). */
  ir?: IrDocument;
}

function run(spec: string, lang: string, opts: RenderOptions): OutputFile[] | Promise<OutputFile[]> {
  const target = TARGETS.find((t) => t.name === lang);
  if (!target) throw new Error(`no target ${lang}`);
  const ir = opts.ir ?? irOf(spec);
  const label = path.relative(REPO, spec).split(path.sep).join("/");
  return target.generate({ ir, templates: loadTemplates(lang), header: headerLines(ir, label), options: opts.options ?? {}, presence: opts.presence ?? "lenient" });
}

/** One target's files for a spec, in memory (for targets whose generate is synchronous). */
export function render(spec: string, lang: string, opts: RenderOptions = {}): OutputFile[] {
  const out = run(spec, lang, opts);
  if (out instanceof Promise) throw new Error(`target ${lang} renders asynchronously: use renderAsync`);
  return out;
}

/** One target's files for a spec, in memory (any target). */
export async function renderAsync(spec: string, lang: string, opts: RenderOptions = {}): Promise<OutputFile[]> {
  return run(spec, lang, opts);
}

/**
 * One target's files for a spec under IR settings (overlays, renames, include, `map`) as the
 * pipeline renders them, in memory: `mapped` reaches the target as it does from `generate`.
 */
export async function renderShaped(spec: string, lang: string, shape: Partial<IrShape>, opts: RenderOptions = {}): Promise<OutputFile[]> {
  const target = TARGETS.find((t) => t.name === lang);
  if (!target) throw new Error(`no target ${lang}`);
  const { ir, mapped } = readSpecIr(spec, shape);
  const label = path.relative(REPO, spec).split(path.sep).join("/");
  const ctx: TargetContext = { ir, templates: loadTemplates(lang), header: headerLines(ir, label), options: opts.options ?? {}, presence: opts.presence ?? "lenient", mapped: mappedIn(ir, mapped, lang) as TargetContext["mapped"] };
  return target.generate(ctx);
}

/** Writes files under `dir` (created when missing); returns `dir`. */
export function writeFiles(files: OutputFile[], dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-"))): string {
  for (const f of files) {
    const p = path.join(dir, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
  }
  return dir;
}

/**
 * The fixtures under test/fixtures: every `<name>.yaml`, and every folder holding a multi-file
 * spec (`<name>/openapi.yaml`), sorted by name.
 */
export function fixtureSpecs(): { name: string; spec: string }[] {
  const dir = path.join(REPO, "test/fixtures");
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      if (e.isFile() && e.name.endsWith(".yaml")) return [{ name: e.name.replace(/\.yaml$/, ""), spec: path.join(dir, e.name) }];
      if (e.isDirectory() && existsSync(path.join(dir, e.name, "openapi.yaml"))) return [{ name: e.name, spec: path.join(dir, e.name, "openapi.yaml") }];
      return [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
