// The Scala output compiles with the real Scala 3 compiler through Maven (warnings are errors) and
// round-trips real-shaped JSON under JUnit. Two Maven runs: the generated module for spec/ with its
// own pom.xml, and the host project (test/hosts/scala) compiling spec/ (lenient, strict and
// tolerant), the 2024-06-24 and 2026-08-21 OpenAI specs (2026-08-21 also tolerant, and both again
// with the overlay `examples` learns from them) and every golden fixture together, each in its own
// package, then running the round-trip tests. One compiler run for all: JVM start and JIT warm-up
// are paid once.
// The same Maven run is the conformance harness (issue 9): ConformanceTest decodes and re-encodes
// the example responses of the two OpenAI specs with the generated models, through a type dispatch
// this test writes per package from the IR; the results are judged and reported by test/conformance/.
// The packages that exist only for the conformance harness (tolerant, learned overlay) are
// generated with `include` = the models the examples pair with, so only their closure is compiled.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureSpecs, irOf, OPENAI_SPECS, REPO, render, writeFiles } from "../helpers/generate.js";
import { haveToolchain, withToolPaths } from "../helpers/toolchain.js";
import type { RenderOptions } from "../helpers/generate.js";
import type { OutputFile } from "../../src/targets/target.js";
import type { IrDocument } from "../../src/ir/types.js";
import { headerLines, readSpecIr, type IrShape, type SpecIr } from "../../src/pipeline.js";
import { mappedIn } from "../../src/ir/customize/model-map.js";
import { CUSTOMIZED_BUILDS, PAYLOADS } from "./customized/settings.js";
import { loadTemplates } from "../../src/render/templates.js";
import { assignNames } from "../../src/naming/assign.js";
import { indexModels } from "../../src/ir/query.js";
import { scalaTarget } from "../../src/targets/scala/index.js";
import { packageName, scalaNamingRules, scalaString } from "../../src/targets/scala/naming.js";
import { nestedCodec } from "../../src/targets/scala/codecs.js";
import { conformanceCases, pairedModelIds, readResults, writeCases } from "../conformance/cases.js";
import { judgeResults, summaryLine, writePolicyReport } from "../conformance/report.js";
import { summaryRow, writeSummaryRows } from "../conformance/summary-rows.js";
import { tolerantFailures } from "../conformance/tolerant.js";
import { expectEveryExampleRoundTripped, LEARNED_POLICY, learnedOverlay, pairedModelPatterns } from "../conformance/learned.js";

const HOST = path.join(REPO, "test/hosts/scala");
const SPEC = path.join(REPO, "spec/openapi.yaml");
const openai = (date: string) => OPENAI_SPECS.find((s) => s.endsWith(`openai-${date}.yaml`))!;

/** One package the host compiles: a spec, the generation options, and what else shapes its IR. */
interface HostSource {
  spec: string;
  opts: RenderOptions;
  /**
   * Overlays and `include` for the pipeline (readSpecIr), asked for when the IR is first needed (a
   * learned overlay is learned then); absent: the spec's whole IR.
   */
  shape?: () => Partial<IrShape>;
  /** How the conformance report and summary row name the policy (default: the presence policy). */
  policy?: string;
}

/** A package for the conformance harness only: the spec's paired models and their closure, under the learned overlay. */
const withLearnedOverlay = (date: string, pkg: string): HostSource => ({
  spec: openai(date),
  opts: { options: { package: pkg } },
  shape: () => ({ overlays: [learnedOverlay(openai(date))], include: pairedModelPatterns(openai(date)) }),
  policy: LEARNED_POLICY,
});

/** What the host compiles: spec and generation options (the package keeps them apart). */
const HOST_SOURCES: HostSource[] = [
  { spec: SPEC, opts: { options: { package: "runsapi.models" } } },
  { spec: SPEC, opts: { options: { package: "runsapi.strict", unknownEnumValues: "reject", unknownUnionTags: "reject" }, presence: "strict" } },
  { spec: SPEC, opts: { options: { package: "runsapi.tolerant" }, presence: "tolerant" } },
  { spec: openai("2024-06-24"), opts: { options: { package: "openai.v20240624" } } },
  { spec: openai("2026-08-21"), opts: { options: { package: "openai.v20260821" } } },
  // Issue 14's target: how many of the spec's examples round-trip when no field is insisted on
  // (only the closure of the paired models: the numbers are those of the whole spec's package).
  { spec: openai("2026-08-21"), opts: { options: { package: "openai.tolerant" }, presence: "tolerant" }, shape: () => ({ include: pairedModelPatterns(openai("2026-08-21")) }) },
  // Issue 14, lenient with the overlay learned from the same spec: every paired example round-trips.
  withLearnedOverlay("2024-06-24", "openai.learned20240624"),
  withLearnedOverlay("2026-08-21", "openai.learned20260821"),
  // Issue 13's customized generations (types native, map, overlay, rename, include): CustomizedTest.
  ...CUSTOMIZED_BUILDS.map((b): HostSource => ({ spec: b.spec, opts: { options: { ...b.options, package: `custom.${b.name.replace(/_/g, "")}` } }, shape: () => b.shape })),
  // A fixture's name without what a package segment cannot hold (`failure-classes` -> `fixtures.failureclasses`).
  ...fixtureSpecs().map((f): HostSource => ({ spec: f.spec, opts: { options: { package: `fixtures.${f.name.replace(/[^a-z0-9_]/g, "")}` } } })),
];

/** The packages whose specs' example responses ConformanceTest decodes (the OpenAI ones above). */
const CONFORMANCE = HOST_SOURCES.filter((s) => String(s.opts.options?.package).startsWith("openai."));

const shapedIrs = new Map<HostSource, SpecIr>();

/** The IR a package is generated from, with the `map` setting resolved (readSpecIr). */
function shapedFor(source: HostSource): SpecIr {
  let read = shapedIrs.get(source);
  if (!read) shapedIrs.set(source, (read = readSpecIr(source.spec, source.shape?.() ?? {})));
  return read;
}

/** The IR a package is generated from. */
function irFor(source: HostSource): IrDocument {
  return source.shape ? shapedFor(source).ir : irOf(source.spec);
}

/** A package's files, rendered by the Scala target as the pipeline would (test/helpers/generate.ts). */
function renderSource(source: HostSource): OutputFile[] {
  if (!source.shape) return render(source.spec, "scala", source.opts);
  const { ir, mapped } = shapedFor(source);
  const label = path.relative(REPO, source.spec).split(path.sep).join("/");
  const files = scalaTarget.generate({
    ir,
    templates: loadTemplates("scala"),
    header: headerLines(ir, label),
    options: source.opts.options ?? {},
    presence: source.opts.presence ?? "lenient",
    mapped: mappedIn(ir, mapped, "scala") as Record<string, string>,
  });
  if (files instanceof Promise) throw new Error("the Scala target renders synchronously");
  return files;
}

/** A package's name, as the Scala target decides it from the options the host passes. */
const packageOf = (source: HostSource) => packageName(source.opts.options?.package, irFor(source).spec.title);

/** A model's type name in its package as the Scala target names it (`RunObject`, `Run.LastError`). */
function scalaTypeNames(source: HostSource): (modelId: string) => string {
  const ir = irFor(source);
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
  for (const source of CONFORMANCE) {
    const ir = irFor(source);
    const pkg = packageOf(source);
    const names = assignNames(ir, scalaNamingRules);
    const ctx = { models: indexModels(ir.models), names, root: `_root_.${pkg}`, shadowed: new Set<string>(), use: () => {} };
    const typeName = scalaTypeNames(source);
    const rows = pairedModelIds(conformanceCases(source.spec), ir).map(
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
  for (const source of HOST_SOURCES) writeFiles(renderSource(source).filter((f) => f.path.startsWith("src/")), dir);
  writeFiles(conformanceDispatch(), dir);
  cpSync(PAYLOADS, path.join(dir, "src/test/resources/customized"), { recursive: true });
  // The user's type the customized packages map Metadata to (com.acme.Metadata).
  cpSync(path.join(HOST, "user"), path.join(dir, "src/main/scala"), { recursive: true });
  const conformanceDir = path.join(dir, "conformance");
  mkdirSync(conformanceDir);
  for (const source of CONFORMANCE) writeCases(path.join(conformanceDir, `${packageOf(source)}.cases.json`), conformanceCases(source.spec), scalaTypeNames(source));
  const shaped = HOST_SOURCES.filter((s) => s.shape).map((s) => `${packageOf(s)} ${irFor(s).models.length} of ${irOf(s.spec).models.length}`);
  console.log(`scala: models compiled for the conformance-only packages (the paired models' closure): ${shaped.join(", ")}`);
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

  it.each(CONFORMANCE.map((source) => [path.basename(source.spec), source.policy ?? source.opts.presence ?? "lenient", source] as const))(
    "decodes and re-encodes %s's example responses (conformance, %s)",
    (file, policy, source) => {
      // The host's Maven run (shared with the test above) wrote the results.
      const { run, conformanceDir } = runHost();
      expect(run.code, problems(run.output)).toBe(0);
      const presence = source.opts.presence ?? "lenient";
      const cases = conformanceCases(source.spec);
      const models = indexModels(irFor(source).models);
      const report = judgeResults("scala", file, cases, readResults(path.join(conformanceDir, `${packageOf(source)}.results.json`)), models, presence, { keepsAbsentApartFromNull: true });
      const written = writePolicyReport(report, policy, REPO);
      writeSummaryRows(REPO, [{ ...summaryRow(report), policy }]);
      console.log(`${summaryLine(report)}${source.policy ? ` [${source.policy}]` : ""}\n  report: ${path.relative(REPO, written)}`);
      const wrong = report.outcomes.filter((o) => o.verdict === "our generator is wrong");
      expect(wrong.map((o) => `${o.id} ${o.operation} ${o.pointer ?? ""}: ${o.reason ?? ""}`).join("\n"), "examples the Scala generator gets wrong").toBe("");
      if (presence === "tolerant") {
        // Tolerant presence reads every absent or null field: what still fails must break the spec's types.
        const failures = tolerantFailures(cases, report.outcomes, models);
        console.log(failures.map(({ outcome, contradictions }) => `  ${outcome.id} ${outcome.operation}: ${contradictions.map((p) => `${p.pointer || "/"} ${p.reason}`).join("; ")}`).join("\n"));
        const unexplained = failures.filter((f) => f.contradictions.length === 0).map((f) => `${f.outcome.id} ${f.outcome.operation}: ${f.outcome.reason ?? ""}`);
        expect(unexplained.join("\n"), "tolerant failures without a type contradiction").toBe("");
      }
      // The overlay makes the spec agree with its examples: every paired example must round-trip.
      if (source.policy === LEARNED_POLICY) expectEveryExampleRoundTripped(report);
    },
    1_200_000,
  );
});
