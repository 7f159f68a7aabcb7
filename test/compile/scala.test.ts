// The Scala output compiles with the real Scala 3 compiler through Maven (warnings are errors) and
// round-trips real-shaped JSON under JUnit. Two Maven runs: the generated module for spec/ with its
// own pom.xml, and the host project (test/hosts/scala) compiling spec/ (lenient, strict and
// tolerant), the 2024-06-24 and 2026-08-21 OpenAI specs (the latter also tolerant) and every golden fixture together, each in its own
// package, then running the round-trip tests. One compiler run for all: JVM start and JIT warm-up
// are paid once.
// The same Maven run is the conformance harness (issue 9): ConformanceTest decodes and re-encodes
// the example responses of the two OpenAI specs with the generated models, through a type dispatch
// this test writes per package from the IR; the results are judged and reported by test/conformance/.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureSpecs, irOf, OPENAI_SPECS, REPO, render, writeFiles } from "../helpers/generate.js";
import { haveToolchain, withToolPaths } from "../helpers/toolchain.js";
import type { RenderOptions } from "../helpers/generate.js";
import type { OutputFile } from "../../src/targets/target.js";
import { assignNames } from "../../src/naming/assign.js";
import { indexModels } from "../../src/ir/query.js";
import { packageName, scalaNamingRules, scalaString } from "../../src/targets/scala/naming.js";
import { nestedCodec } from "../../src/targets/scala/codecs.js";
import { conformanceCases, pairedModelIds, readResults, writeCases } from "../conformance/cases.js";
import { judgeResults, summaryLine, writeReport } from "../conformance/report.js";
import { summaryRow, writeSummaryRows } from "../conformance/summary-rows.js";
import { tolerantFailures } from "../conformance/tolerant.js";

const HOST = path.join(REPO, "test/hosts/scala");
const SPEC = path.join(REPO, "spec/openapi.yaml");
const openai = (date: string) => OPENAI_SPECS.find((s) => s.endsWith(`openai-${date}.yaml`))!;


/** What the host compiles: spec and generation options (the package keeps them apart). */
const HOST_SOURCES: [string, RenderOptions][] = [
  [SPEC, { options: { package: "runsapi.models" } }],
  [SPEC, { options: { package: "runsapi.strict", unknownEnumValues: "reject", unknownUnionTags: "reject" }, presence: "strict" }],
  [SPEC, { options: { package: "runsapi.tolerant" }, presence: "tolerant" }],
  [openai("2024-06-24"), { options: { package: "openai.v20240624" } }],
  [openai("2026-08-21"), { options: { package: "openai.v20260821" } }],
  // Issue 14's target: how many of the spec's examples round-trip when no field is insisted on.
  [openai("2026-08-21"), { options: { package: "openai.tolerant" }, presence: "tolerant" }],
  // A fixture's name without what a package segment cannot hold (`failure-classes` -> `fixtures.failureclasses`).
  ...fixtureSpecs().map((f): [string, RenderOptions] => [f.spec, { options: { package: `fixtures.${f.name.replace(/[^a-z0-9_]/g, "")}` } }]),
];

/** The packages whose specs' example responses ConformanceTest decodes (the OpenAI ones above). */
const CONFORMANCE = HOST_SOURCES.filter(([, opts]) => String(opts.options?.package).startsWith("openai."));

/** A spec's package, as the Scala target decides it from the options the host passes. */
const packageOf = (spec: string, opts: RenderOptions) => packageName(opts.options?.package, irOf(spec).spec.title);

/** A model's type name in its package as the Scala target names it (`RunObject`, `Run.LastError`). */
function scalaTypeNames(spec: string): (modelId: string) => string {
  const ir = irOf(spec);
  const names = assignNames(ir, scalaNamingRules);
  const known = new Set(ir.models.map((m) => m.id));
  return (id) => (known.has(id) ? names.path(id).join(".") : `(no model ${id})`);
}

/**
 * The conformance harness's type dispatch, generated into the host copy (not committed): per
 * package, an object mapping each type name an example pairs with to a round trip through the
 * codec the Scala target reads that type with (`nestedCodec`, so an alias or a nullable model reads
 * as it does in a field); and `modelgen.host.ConformanceDispatch` listing the packages.
 */
function conformanceDispatch(): OutputFile[] {
  const files: OutputFile[] = [];
  const entries: string[] = [];
  for (const [spec, opts] of CONFORMANCE) {
    const ir = irOf(spec);
    const pkg = packageOf(spec, opts);
    const names = assignNames(ir, scalaNamingRules);
    const ctx = { models: indexModels(ir.models), names, root: `_root_.${pkg}`, shadowed: new Set<string>(), use: () => {} };
    const typeName = scalaTypeNames(spec);
    const rows = pairedModelIds(conformanceCases(spec), ir).map(
      (id) => `    ${scalaString(typeName(id))} -> _root_.modelgen.host.Conformance.roundTrip(${nestedCodec({ kind: "ref", target: id }, ctx)}),`,
    );
    files.push({
      path: `src/test/scala/${pkg.split(".").join("/")}/ConformanceCodecs.scala`,
      contents: [
        "// Written by test/compile/scala.test.ts for ConformanceTest: do not edit.",
        `package ${pkg}`,
        "",
        "object ConformanceCodecs {",
        "  val byName: _root_.scala.collection.immutable.Map[String, _root_.modelgen.host.Conformance.RoundTrip] = _root_.scala.collection.immutable.Map(",
        ...rows,
        "  )",
        "}",
        "",
      ].join("\n"),
    });
    entries.push(`    ${scalaString(pkg)} -> _root_.${pkg}.ConformanceCodecs.byName,`);
  }
  files.push({
    path: "src/test/scala/modelgen/host/ConformanceDispatch.scala",
    contents: [
      "// Written by test/compile/scala.test.ts for ConformanceTest: do not edit.",
      "package modelgen.host",
      "",
      "object ConformanceDispatch {",
      "  val packages: Map[String, Map[String, Conformance.RoundTrip]] = Map(",
      ...entries,
      "  )",
      "}",
      "",
    ].join("\n"),
  });
  return files;
}

interface MavenRun {
  code: number;
  output: string;
  seconds: number;
}

function mvn(cwd: string, args: string[], extraEnv: Record<string, string> = {}): MavenRun {
  const started = Date.now();
  const r = spawnSync("mvn", ["-B", "-ntp", ...args], { cwd, env: { ...withToolPaths(), ...extraEnv }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? 1, output: `${r.stdout ?? ""}${r.stderr ?? ""}`, seconds: (Date.now() - started) / 1000 };
}

/** Offline first (no network once Maven Central's artifacts are local); online only to fetch what is missing. */
function maven(cwd: string, args: string[], extraEnv: Record<string, string> = {}): MavenRun {
  const offline = mvn(cwd, ["-o", ...args], extraEnv);
  if (offline.code === 0 || !/offline mode|has not been downloaded|Cannot access .* in offline/i.test(offline.output)) return offline;
  return mvn(cwd, args, extraEnv);
}

interface HostRun {
  run: MavenRun;
  /** Where ConformanceTest read `<package>.cases.json` and wrote `<package>.results.json`. */
  conformanceDir: string;
}

let hostRun: HostRun | undefined;

/**
 * The host's one Maven run (compile everything, JUnit round trips, conformance harness), done once
 * for every test that needs it.
 */
function runHost(): HostRun {
  if (hostRun) return hostRun;
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-scala-host-"));
  for (const entry of ["pom.xml", ".mvn", "src"]) cpSync(path.join(HOST, entry), path.join(dir, entry), { recursive: true });
  for (const [spec, opts] of HOST_SOURCES) writeFiles(render(spec, "scala", opts).filter((f) => f.path.startsWith("src/")), dir);
  writeFiles(conformanceDispatch(), dir);
  const conformanceDir = path.join(dir, "conformance");
  mkdirSync(conformanceDir);
  for (const [spec, opts] of CONFORMANCE) writeCases(path.join(conformanceDir, `${packageOf(spec, opts)}.cases.json`), conformanceCases(spec), scalaTypeNames(spec));
  return (hostRun = { run: maven(dir, ["test"], { CONFORMANCE_DIR: conformanceDir }), conformanceDir });
}

/** The compiler's and Maven's complaints, for the assertion message. */
function problems(output: string, max = 60): string {
  const lines = output.split("\n").filter((l) => /^\[(ERROR|WARNING)\]/.test(l) || /(Error|Warning):/.test(l));
  return lines.slice(0, max).join("\n") || output.slice(-4000);
}

/** Compiler warnings left in a successful build (with -Werror there should be none). */
function compilerWarnings(output: string): string[] {
  return output.split("\n").filter((l) => /\[WARNING\].*(Warning:|warning)/i.test(l) && !/platform encoding/.test(l));
}

describe.skipIf(!haveToolchain("scala", ["java", "mvn"]))("scala: Scala 3 compiles the output and round-trips JSON", () => {
  it("the generated Maven module for spec/ builds with its own pom.xml", () => {
    const dir = writeFiles(render(SPEC, "scala"));
    const run = maven(dir, ["-q", "compile"]);
    console.log(`scala: generated module for spec/ compiled in ${run.seconds.toFixed(1)} s`);
    expect(run.code, problems(run.output)).toBe(0);
    expect(compilerWarnings(run.output), "compiler warnings").toEqual([]);
  }, 600_000);

  it("spec/ (lenient, strict and tolerant) and the 2024-06-24 and 2026-08-21 OpenAI specs compile and pass the JUnit round trips", () => {
    const { run } = runHost();
    const summary = run.output.split("\n").filter((l) => /Tests run:|BUILD|Total time/.test(l) && !/ -- in /.test(l));
    console.log(`scala: host compile + JUnit in ${run.seconds.toFixed(1)} s\n${summary.join("\n")}`);
    expect(run.code, problems(run.output)).toBe(0);
    expect(compilerWarnings(run.output), "compiler warnings").toEqual([]);
    const totals = [...run.output.matchAll(/^\[INFO\] Tests run: (\d+), Failures: (\d+), Errors: (\d+)/gm)].at(-1);
    expect(Number(totals?.[1] ?? 0), "JUnit ran no test").toBeGreaterThanOrEqual(30);
  }, 1_200_000);

  it.each(CONFORMANCE.map(([spec, opts]) => [path.basename(spec), opts.presence ?? "lenient", spec, opts] as const))(
    "decodes and re-encodes %s's example responses (conformance, %s)",
    (file, presence, spec, opts) => {
      // The host's Maven run (shared with the test above) wrote the results.
      const { run, conformanceDir } = runHost();
      expect(run.code, problems(run.output)).toBe(0);
      const cases = conformanceCases(spec);
      const models = indexModels(irOf(spec).models);
      const report = judgeResults("scala", file, cases, readResults(path.join(conformanceDir, `${packageOf(spec, opts)}.results.json`)), models, presence, { keepsAbsentApartFromNull: true });
      const written = writeReport(report, REPO);
      writeSummaryRows(REPO, [summaryRow(report)]);
      console.log(`${summaryLine(report)}\n  report: ${path.relative(REPO, written)}`);
      const wrong = report.outcomes.filter((o) => o.verdict === "our generator is wrong");
      expect(wrong.map((o) => `${o.id} ${o.operation} ${o.pointer ?? ""}: ${o.reason ?? ""}`).join("\n"), "examples the Scala generator gets wrong").toBe("");
      if (presence === "tolerant") {
        // Tolerant presence reads every absent or null field: what still fails must break the spec's types.
        const failures = tolerantFailures(cases, report.outcomes, models);
        console.log(failures.map(({ outcome, contradictions }) => `  ${outcome.id} ${outcome.operation}: ${contradictions.map((p) => `${p.pointer || "/"} ${p.reason}`).join("; ")}`).join("\n"));
        const unexplained = failures.filter((f) => f.contradictions.length === 0).map((f) => `${f.outcome.id} ${f.outcome.operation}: ${f.outcome.reason ?? ""}`);
        expect(unexplained.join("\n"), "tolerant failures without a type contradiction").toBe("");
      }
    },
    1_200_000,
  );
});
