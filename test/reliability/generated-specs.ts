// The specs a fuzz batch compiles: component sets drawn from the arbitrary with a seed (the same
// seed gives the same specs on any machine), and the minimal specs of failure classes found so far.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { packageRoot } from "../../src/render/templates.js";
import type { BatchSpec } from "./compile-batch.js";
import { componentSet, specText, type ComponentSet } from "./schema-arbitrary.js";

const FOUND_DIR = "test/reliability/found";

/** How a report names the n-th set of a seed, and the spec text it compiles. */
function generatedSpec(set: ComponentSet, index: number, seed: number): BatchSpec {
  return { label: `generated #${index} (seed ${seed})`, text: specText(set, `Fuzz ${index}`) };
}

export function generatedSpecs(seed: number, count: number): BatchSpec[] {
  return fc.sample(componentSet(), { seed, numRuns: count }).map((set, i) => generatedSpec(set, i, seed));
}

/** Every found/<class>.yaml, sorted by name. */
export function foundSpecs(): BatchSpec[] {
  const dir = path.join(packageRoot(), FOUND_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ({ label: `${FOUND_DIR}/${f}`, text: readFileSync(path.join(dir, f), "utf8") }));
}

/** Spec files named on a command line. */
export function specFiles(files: string[]): BatchSpec[] {
  return files.map((f) => ({ label: f, text: readFileSync(f, "utf8") }));
}
