// Issue 14's "lenient + learned overlay" runs, shared by every language's conformance suite: the
// overlay `openapi-modelgen examples` learns from a spec's own examples, and the IR the generators
// are given under it, holding only the models the examples pair with and their closure (the
// numbers are those of the whole spec; the build is a fraction of it).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { runExamples } from "../../src/commands/examples.js";
import { modelKey } from "../../src/ir/customize/model-keys.js";
import { readSpecIr } from "../../src/pipeline.js";
import type { IrDocument } from "../../src/ir/types.js";
import { irOf, REPO } from "../helpers/generate.js";
import { conformanceCases, pairedModelIds } from "./cases.js";
import type { LanguageReport } from "./report.js";

/** How the reports and summary rows name the policy of these runs. */
export const LEARNED_POLICY = "lenient+learned-overlay";

/** `include` patterns naming exactly the models the spec's examples pair with (glob characters escaped). */
export function pairedModelPatterns(spec: string): string[] {
  const ir = irOf(spec);
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  return pairedModelIds(conformanceCases(spec), ir).map((id) => modelKey(byId.get(id)!).replace(/[*?[\]{}()!+@\\]/g, "\\$&"));
}

/** Runs `work` with stdout captured (the examples command prints its report there). */
function capturingStdout(work: () => void): string {
  const write = process.stdout.write.bind(process.stdout);
  let out = "";
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    work();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

const learned = new Map<string, string>();

/**
 * The overlay `openapi-modelgen examples` learns from a spec's own examples, as a file. 2026-08-21's
 * is committed (docs/; test/examples/learn.test.ts checks it is what the command writes); the others
 * are learned here, in-process, into a temporary folder (also the command's cwd: no settings file).
 */
export function learnedOverlay(spec: string): string {
  if (path.basename(spec) === "openai-2026-08-21.yaml") return path.join(REPO, "docs/overlay-learned-2026-08-21.yaml");
  let file = learned.get(spec);
  if (!file) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-learned-"));
    const target = path.join(dir, `learned-${path.basename(spec)}`);
    const report = capturingStdout(() => expect(runExamples([spec, "--overlay", target], dir)).toBe(0));
    console.log(`learned from ${path.basename(spec)}: ${report.split("\n")[0]}; ${report.trim().split("\n").at(-1)}`);
    learned.set(spec, (file = target));
  }
  return file;
}

const learnedIrs = new Map<string, IrDocument>();

/** The spec's IR under its learned overlay, holding the paired models and their closure. */
export function learnedIr(spec: string): IrDocument {
  let ir = learnedIrs.get(spec);
  if (!ir) learnedIrs.set(spec, (ir = readSpecIr(spec, { overlays: [learnedOverlay(spec)], include: pairedModelPatterns(spec) }).ir));
  return ir;
}

/** Fails with every example that did not round-trip (under the learned overlay, every one must). */
export function expectEveryExampleRoundTripped(report: LanguageReport): void {
  const failed = report.outcomes.filter((o) => o.verdict !== "round-tripped").map((o) => `${o.id} ${o.operation} ${o.pointer ?? ""}: ${o.reason ?? ""}`);
  expect(failed.join("\n"), "examples that did not round-trip with the learned overlay").toBe("");
  expect(report.roundTripped).toBe(report.tried);
}
