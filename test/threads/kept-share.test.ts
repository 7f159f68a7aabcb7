// The share of a regeneration's rendering its previous run spares, known before it renders
// (threads/kept-share.ts): the models whose snapshot is unchanged, in the folders whose shared basis
// (emit/reuse.ts: settings, templates, file header, the spec's info, the operations) is the previous
// run's. A spec update that changes the version renders every file again, so it must not be taken
// for a one-schema change and rendered on one thread.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FolderReuse, previousSharedBasis, sharedBasis } from "../../src/emit/reuse.js";
import type { IrDocument } from "../../src/ir/types.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { keptShareOf } from "../../src/threads/kept-share.js";
import { KEPT_SHARE_FOR_ONE_THREAD } from "../../src/threads/render-all.js";
import { irOf, REPO } from "../helpers/generate.js";
import { tempFolders } from "../helpers/temp-folders.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const folder = tempFolders("kept-share-");

/** Writes into `dir` the units file a run over `ir` under `runBasis` leaves (every model rendered). */
function unitsFile(dir: string, ir: IrDocument, runBasis: string): string {
  const reuse = new FolderReuse(dir, runBasis);
  const units = reuse.start(ir, reuse.names(ir, tsNamingRules));
  for (const m of ir.models) units.unit(m.id, () => ({ files: [{ path: `${m.id.split("/").pop()}.ts`, contents: m.id }] }));
  const text = reuse.output()[0]!.contents;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, ".modelgen-units.json"), text);
  return text;
}

describe("the shared basis a units file records", () => {
  const ir = irOf(SPEC);

  it("is read back from the file's first bytes", () => {
    const dir = folder();
    const text = unitsFile(dir, ir, "run basis");
    expect(previousSharedBasis(dir)).toBe(sharedBasis("run basis", ir));
    expect(text.startsWith(`{"basis":"`)).toBe(true);
    expect(text.slice(0, 160)).toContain(`"shared":"${sharedBasis("run basis", ir)}"`);
  });

  it.each([
    ["no units file", undefined],
    ["a units file of an earlier release (no shared basis)", `{"basis":"${"a".repeat(64)}","units":{\n}}\n`],
    ["a damaged head", `{"basis":"${"a".repeat(64)}","shared":"xyz"}`],
    ["an empty file", ""],
  ])("is unknown for %s", (_, text) => {
    const dir = folder();
    if (text !== undefined) writeFileSync(path.join(dir, ".modelgen-units.json"), text);
    expect(previousSharedBasis(dir)).toBeUndefined();
  });

  it.each<[string, boolean, (ir: IrDocument) => IrDocument, string]>([
    ["nothing changed", true, (d) => d, "run basis"],
    ["the run's basis changed (a setting, a template, the file header)", false, (d) => d, "another run basis"],
    ["the spec's version changed", false, (d) => ({ ...d, spec: { ...d.spec, version: "9.9.9" } }), "run basis"],
    ["an operation changed", false, (d) => ({ ...d, operations: (d.operations ?? []).slice(1) }), "run basis"],
    ["a model changed (models have keys of their own)", true, (d) => ({ ...d, models: d.models.slice(1) }), "run basis"],
  ])("after %s: the same is %s", (_, same, edit, runBasis) => {
    expect(ir.operations?.length).toBeGreaterThan(0);
    expect(sharedBasis(runBasis, edit(ir)) === sharedBasis("run basis", ir)).toBe(same);
  });
});

describe("keptShareOf", () => {
  const ir = irOf(SPEC);
  const all = new Set(ir.models.map((m) => m.id));
  const half = new Set(ir.models.slice(0, Math.floor(ir.models.length / 2)).map((m) => m.id));
  const share = half.size / ir.models.length;
  const LANGS = ["typescript", "rust", "elixir", "scala"];

  /** A job per language whose folder holds a units file written under `written` (none: no file). */
  const jobs = (root: string, written: Record<string, string | undefined>, runBasis = "run basis") =>
    Object.entries(written).map(([target, basis]) => {
      const dir = path.join(root, target);
      mkdirSync(dir, { recursive: true });
      if (basis !== undefined) unitsFile(dir, ir, basis);
      return { target, dir, renderBasis: runBasis };
    });
  const every = (basis: string | undefined) => Object.fromEntries(LANGS.map((l) => [l, basis]));

  it("is undefined without a previous snapshot, and the unchanged models' share when every basis is the same", () => {
    const root = folder();
    const same = jobs(root, every("run basis"));
    expect(keptShareOf(ir, same, undefined)).toBeUndefined();
    expect(keptShareOf(ir, same, all)).toBe(1);
    expect(keptShareOf(ir, same, half)).toBeCloseTo(share);
  });

  it("is 0 when every folder's shared basis changed (a spec update with a new version), whatever models stayed the same", () => {
    expect(keptShareOf(ir, jobs(folder(), every("before")), all)).toBe(0);
  });

  it("is below the one-thread threshold when two folders' bases changed: each renders everything, on a thread of its own", () => {
    const root = folder();
    const two = jobs(root, { typescript: "before", rust: "before", elixir: "run basis", scala: "run basis" });
    // Rust, the heavier of the two, is left out; TypeScript keeps nothing, Elixir and Scala keep everything.
    expect(keptShareOf(ir, two, all)).toBeCloseTo((0.9 + 1.1) / (0.6 + 0.9 + 1.1));
    expect(keptShareOf(ir, two, all)).toBeLessThan(KEPT_SHARE_FOR_ONE_THREAD);
  });

  it("leaves out the one language that renders everything (its options changed): the others keep theirs", () => {
    const root = folder();
    expect(keptShareOf(ir, jobs(root, { typescript: "before", rust: "run basis", elixir: "run basis", scala: "run basis" }), all)).toBe(1);
    // Of two languages, the one that keeps its files decides.
    expect(keptShareOf(ir, jobs(folder(), { typescript: "run basis", rust: "before" }), all)).toBe(1);
  });

  it("takes a folder whose units file does not say as unchanged (as before the shared basis was recorded)", () => {
    const root = folder();
    expect(keptShareOf(ir, jobs(root, { ...every("run basis"), typescript: undefined }), all)).toBe(1);
  });
});
