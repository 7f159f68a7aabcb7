// Generated schemas: random, valid OpenAPI 3.0 and 3.1 component sets (schema-arbitrary.ts), a
// fixed seed and count, must normalize, render and compile in all four languages; so must the
// minimal specs of every failure class found so far (found/*.yaml). Everything is compiled in one
// batch: one toolchain run per language (compile-batch.ts). `npm run fuzz -- --runs N --seed S`
// tries more sets and shrinks a failure.
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { haveToolchain } from "../helpers/toolchain.js";
import { COMPILERS, compileBatch, describeProblem, LANGS, type BatchReport, type Lang } from "./compile-batch.js";
import { foundSpecs, generatedSpecs } from "./generated-specs.js";
import { classes } from "./problem-signature.js";

const SEED = 20261202;
/** Sets per CI run: the four compiles of this many take 2 to 3 minutes on 2 cores (less when the machine is otherwise idle). */
const COUNT = 100;

/** Languages whose toolchain is here; outside CI a missing one is skipped, under CI=true it throws. */
const AVAILABLE = new Set<Lang>(LANGS.filter((l) => COMPILERS[l].commands.length === 0 || haveToolchain(l, COMPILERS[l].commands)));

describe(`generated component sets (seed ${SEED}, ${COUNT} sets) and found failure classes`, () => {
  const generated = generatedSpecs(SEED, COUNT);
  const found = foundSpecs();
  let report: BatchReport;

  beforeAll(async () => {
    report = await compileBatch([...generated, ...found], { langs: LANGS.filter((l) => AVAILABLE.has(l)), work: path.join(os.tmpdir(), "modelgen-generated-schemas") });
    const failed = (from: number, to: number) => new Set(report.problems.filter((p) => p.set >= from && p.set < to).map((p) => p.set)).size;
    console.log(
      [
        `generated schemas: ${generated.length} sets (seed ${SEED}) + ${found.length} found specs, ${report.models} models`,
        ...report.languages.map((l) => `  ${l.lang}: ${l.compiled} sets compiled in ${l.seconds.toFixed(1)} s (${l.rounds} build${l.rounds === 1 ? "" : "s"}), ${l.failed} failed`),
        `  failing: ${failed(0, generated.length)} of ${generated.length} generated sets, ${failed(generated.length, Infinity)} of ${found.length} found specs`,
        ...classes(report.problems).map((c) => `    ${c.signature} (${c.sets.length}: ${c.sets.map((i) => report.specs[i]!.label).slice(0, 4).join(", ")})`),
      ].join("\n"),
    );
  }, 1_800_000);

  /** The problems of one language (or the IR) within the generated sets or the found specs, as a person reads them. */
  const problems = (lang: Lang | "ir", which: "generated" | "found") =>
    report.problems
      .filter((p) => p.lang === lang && (which === "generated" ? p.set < generated.length : p.set >= generated.length))
      .map((p) => describeProblem(p, report.specs[p.set]!))
      .join("\n\n");

  it("every generated set is a valid spec and normalizes without an internal error", () => {
    expect(problems("ir", "generated"), "a SpecError here means the arbitrary makes invalid specs").toBe("");
    expect(problems("ir", "found")).toBe("");
    expect(report.models).toBeGreaterThan(COUNT * 3);
  });

  describe.each(LANGS)("%s", (lang) => {
    it.skipIf(!AVAILABLE.has(lang))("every generated set renders and compiles", () => {
      const summary = report.languages.find((l) => l.lang === lang)!;
      expect(problems(lang, "generated")).toBe("");
      expect(summary.unattributed, "toolchain output that names no set").toBe("");
    });

    it.skipIf(!AVAILABLE.has(lang))("every found failure class (test/reliability/found) renders and compiles", () => {
      expect(problems(lang, "found")).toBe("");
    });
  });
});
