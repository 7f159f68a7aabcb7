// The Rust target works out which references need a Box (recursion.ts) only when a model renders:
// a regeneration that keeps every model's file does not analyze the model graph at all.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { renderTarget } from "../../../src/render/render-target.js";
import { assignNames } from "../../../src/naming/assign.js";
import type { Reuse } from "../../../src/targets/common/units.js";
import { irOf, REPO } from "../../helpers/generate.js";

const analyses = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../../src/targets/rust/recursion.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/targets/rust/recursion.js")>();
  return {
    ...actual,
    analyzeRecursion: (...args: Parameters<typeof actual.analyzeRecursion>) => {
      analyses.count++;
      return actual.analyzeRecursion(...args);
    },
  };
});

/** A previous run that keeps every model's files (here none) and renders every other file. */
const keepsEveryModel: Reuse = {
  names: (ir, rules) => assignNames(ir, rules),
  start: () => ({ unit: () => ({ files: [] }), file: (_path, _inputs, render) => render() }),
};

describe("the Rust target's recursion analysis", () => {
  const ir = irOf(path.join(REPO, "spec/openapi.yaml"));
  const settings = { header: [], presence: "lenient" as const, targetOptions: {} };

  it("is not made when every model is kept", async () => {
    analyses.count = 0;
    await renderTarget("rust", ir, settings, keepsEveryModel);
    expect(analyses.count).toBe(0);
  });

  it("is made once when models render", async () => {
    analyses.count = 0;
    const files = await renderTarget("rust", ir, settings);
    expect(files.length).toBeGreaterThan(10);
    expect(analyses.count).toBe(1);
  });
});
