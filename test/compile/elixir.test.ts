// The Elixir output is a mix project that compiles with --warnings-as-errors for spec/ and all
// eight OpenAI specs, passes `dialyzer -Wunknown` (every remote type resolves) for spec/ and the
// fixtures, is `mix format` clean, and round-trips real-shaped payloads in ExUnit (test/hosts/elixir/:
// Run and RunStep of spec/, OpenAI's RunObject and RunStepObject, the petstore fixture's operation
// models with its `Operations` index, the failure-classes, formats and inheritance fixtures). spec/ is built three times in
// one project: as it is (open enums and unions, lenient presence), closed (`openEnums: false,
// openUnions: false`, as `RunsApi.Closed`) and under tolerant presence (as `RunsApi.Tolerant`).
// For the 2024-06-24 and 2026-08-21 specs it also runs the conformance suite (issues 9 and 14):
// every example response of the spec, decoded and re-encoded in the compiled project, judged in
// test/conformance/, under lenient presence, strict presence (a build of only the models the
// examples use), for 2026-08-21, tolerant presence (the whole spec), and lenient under the overlay
// `examples` learned from the same spec (the models the examples use).
// Builds happen in temporary folders; every step prints how long it took.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { haveToolchain } from "../helpers/toolchain.js";
import { fixtureSpecs, OPENAI_SPECS, REPO, irOf, renderAsync, writeFiles } from "../helpers/generate.js";
import { indexModels } from "../../src/ir/query.js";
import { buildIr } from "../../src/pipeline.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import { conformanceCases } from "../conformance/cases.js";
import type { LanguageReport } from "../conformance/report.js";
import { tolerantFailures } from "../conformance/tolerant.js";
import { expectEveryExampleRoundTripped, LEARNED_POLICY, learnedIr } from "../conformance/learned.js";
import type { IrDocument } from "../../src/ir/types.js";
import { validate } from "../conformance/validate.js";
import { CUSTOMIZED_BUILDS, PAYLOADS } from "./customized/settings.js";
import { copyFileSync } from "node:fs";
import { conformance, readByElixirModels, pairedModelKeys, type CompiledModels } from "./elixir-conformance.js";
import {
  GENERATED,
  HOST,
  TEN_MINUTES,
  buildPlt,
  compileAndTest,
  dialyzer,
  expectTestsPassed,
  head,
  jiffyInstalled,
  listFiles,
  project,
  renderBuild,
  run,
  suiteFiles,
  type Run,
} from "./elixir-host.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const ROUND_TRIP_OPENAI = ["openai-2024-06-24.yaml", "openai-2026-08-21.yaml"];
const TOLERANT_OPENAI = "openai-2026-08-21.yaml";
/** Examples that omit a required field at any depth (test/conformance/judge.test.ts has the same counts). */
const EXPECTED_OMITTING: Record<string, number> = { "openai-2024-06-24.yaml": 23, "openai-2026-08-21.yaml": 67 };
/** Issue 14: under tolerant presence at least this share of the paired examples round-trips. */
const TOLERANT_TARGET = 0.95;

const HAVE_ELIXIR = haveToolchain("Elixir", ["elixir", "mix", "erl", "dialyzer"]) && jiffyInstalled();

describe.skipIf(!HAVE_ELIXIR)("Elixir: spec/openapi.yaml", () => {
  let dir = "";
  let testRun: Run;

  beforeAll(async () => {
    // One project, one compile: the default build, a closed one and a tolerant one side by side.
    ({ dir } = await project(
      [
        { spec: SPEC },
        { spec: SPEC, options: { namespace: "RunsApi.Closed", openEnums: false, openUnions: false } },
        { spec: SPEC, options: { namespace: "RunsApi.Tolerant" }, presence: "tolerant" },
      ],
      "runs_api",
    ));
    testRun = compileAndTest(dir, "runs_api");
    console.log(`elixir spec/: mix compile + test ${testRun.seconds.toFixed(1)} s (${/\d+ tests?, \d+ failures?/.exec(testRun.output)?.[0] ?? "no ExUnit summary"})`);
  }, TEN_MINUTES);

  it("compiles with --warnings-as-errors and round-trips Run and RunStep in ExUnit (open, closed and tolerant)", () => {
    expectTestsPassed(testRun);
  });

  it("is clean under dialyzer -Wunknown (and the check is not vacuous)", () => {
    expect(testRun.status, head(testRun.output)).toBe(0);
    const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-dialyzer-"));
    const plt = buildPlt();
    const ebin = path.join(dir, "_build/test/lib/runs_api/ebin");
    const clean = dialyzer(plt, ebin);
    console.log(`elixir spec/: dialyzer ${clean.seconds.toFixed(1)} s`);
    expect(clean.status, head(clean.output)).toBe(0);
    expect(clean.output).toContain("passed successfully");

    // Negative control: a module naming a type that does not exist must fail the same check.
    const bad = path.join(work, "bad");
    mkdirSync(path.join(bad, "ebin"), { recursive: true });
    writeFileSync(path.join(bad, "bad.ex"), "defmodule RunsApi.Bad do\n  @type t :: RunsApi.DoesNotExist.t()\nend\n");
    const compiled = run("elixirc", ["-o", "ebin", "bad.ex"], bad);
    expect(compiled.status, compiled.output).toBe(0);
    const caught = dialyzer(plt, path.join(bad, "ebin"));
    expect(caught.status).toBe(2);
    expect(caught.output).toContain("RunsApi.DoesNotExist");
  }, TEN_MINUTES);

  it("is mix format clean", () => {
    const r = run("mix", ["format", "--check-formatted", ...GENERATED], dir);
    expect(r.status, head(r.output)).toBe(0);
  });
});

describe.skipIf(!HAVE_ELIXIR)("Elixir: test/fixtures/petstore (operation models)", () => {
  it("round-trips a request and a response body in ExUnit, and its Operations index names their modules", async () => {
    const { dir } = await project([{ spec: path.join(REPO, "test/fixtures/petstore/openapi.yaml") }], "petstore");
    const r = compileAndTest(dir, "petstore");
    console.log(`elixir petstore: mix compile + test ${r.seconds.toFixed(1)} s`);
    expectTestsPassed(r);
  }, TEN_MINUTES);
});

describe.skipIf(!HAVE_ELIXIR)("Elixir: test/fixtures", () => {
  /** Every fixture compiled by one elixirc run into one ebin (each fixture has its own root namespace). */
  let fixtures: Promise<{ work: string; sources: string[]; compiled: Run }> | undefined;
  function builtFixtures(): Promise<{ work: string; sources: string[]; compiled: Run }> {
    fixtures ??= (async () => {
      const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-elixir-fixtures-"));
      const sources: string[] = [];
      for (const fixture of fixtureSpecs()) {
        const dir = writeFiles(await renderAsync(fixture.spec, "elixir"), path.join(work, fixture.name));
        sources.push(...listFiles(dir).filter((f) => f.endsWith(".ex")));
      }
      // failure-classes once more with `rename.fields`, under its own namespace: the round trip
      // below checks that a renamed struct key keeps its wire name as the JSON key.
      const renamed = writeFiles(await renderBuild(renamedFailureClasses()), path.join(work, "failure-classes-renamed"));
      sources.push(...listFiles(renamed).filter((f) => f.endsWith(".ex")));
      mkdirSync(path.join(work, "ebin"));
      const compiled = run("elixirc", ["--warnings-as-errors", "-o", "ebin", ...sources], work);
      console.log(`elixir fixtures: ${sources.length} files, elixirc ${compiled.seconds.toFixed(1)} s`);
      return { work, sources, compiled };
    })();
    return fixtures;
  }

  it("every fixture's output compiles with --warnings-as-errors, passes dialyzer -Wunknown and is formatted", async () => {
    const { work, sources, compiled } = await builtFixtures();
    expect(compiled.status, head(compiled.output)).toBe(0);
    const checked = dialyzer(buildPlt(), path.join(work, "ebin"));
    expect(checked.status, head(checked.output)).toBe(0);
    const formatted = run("mix", ["format", "--check-formatted", ...sources], work);
    expect(formatted.status, head(formatted.output)).toBe(0);
  }, TEN_MINUTES);

  it("failure-classes: recursive shapes, enum atoms, nullable aliases and renamed fields round-trip in ExUnit", async () => {
    const { work, compiled } = await builtFixtures();
    expect(compiled.status, head(compiled.output)).toBe(0);
    // ExUnit as a script against the fixtures' ebin: no mix project to build for this suite.
    const r = run("elixir", ["-pa", "ebin", "-r", path.join(HOST, "test_helper.exs"), ...suiteFiles("failure_classes")], work, {
      MODELGEN_FIXTURES: path.join(HOST, "fixtures", "failure_classes"),
    });
    console.log(`elixir failure-classes: ExUnit ${r.seconds.toFixed(1)} s`);
    expectTestsPassed(r);
  }, TEN_MINUTES);

  it("formats: integers beyond 2^53 (fields, a const, an enum) keep every digit through a round trip in ExUnit", async () => {
    const { work, compiled } = await builtFixtures();
    expect(compiled.status, head(compiled.output)).toBe(0);
    const r = run("elixir", ["-pa", "ebin", "-r", path.join(HOST, "test_helper.exs"), ...suiteFiles("formats")], work, {
      MODELGEN_FIXTURES: path.join(HOST, "fixtures", "formats"),
    });
    console.log(`elixir formats: ExUnit ${r.seconds.toFixed(1)} s`);
    expectTestsPassed(r);
  }, TEN_MINUTES);

  it("inheritance: each subtype of a type with a discriminator decodes as its own struct and round-trips in ExUnit", async () => {
    const { work, compiled } = await builtFixtures();
    expect(compiled.status, head(compiled.output)).toBe(0);
    const r = run("elixir", ["-pa", "ebin", "-r", path.join(HOST, "test_helper.exs"), ...suiteFiles("inheritance")], work, {
      MODELGEN_FIXTURES: path.join(HOST, "fixtures", "inheritance"),
    });
    console.log(`elixir inheritance: ExUnit ${r.seconds.toFixed(1)} s`);
    expectTestsPassed(r);
  }, TEN_MINUTES);
});

/** The failure-classes fixture with two fields renamed (`rename.fields`), as `FailureClasses.Renamed`. */
function renamedFailureClasses() {
  const spec = path.join(REPO, "test/fixtures/failure-classes.yaml");
  const ir = buildIr(spec, { rename: { fields: { "Holder.metadata": "labels", "Holder.json": "payload" } } });
  return { spec, ir, options: { namespace: "FailureClasses.Renamed" } };
}

describe.skipIf(!HAVE_ELIXIR)("Elixir: OpenAI specs", () => {
  const specOf = (file: string) => OPENAI_SPECS.find((s) => path.basename(s) === file)!;
  const NAMESPACE = "OpenAI";

  /** One compiled project per round-trip spec, shared by its ExUnit round trips and its conformance run. */
  const builds = new Map<string, Promise<CompiledModels>>();
  function built(file: string): Promise<CompiledModels> {
    let b = builds.get(file);
    if (!b) {
      const spec = specOf(file);
      b = project([{ spec, options: { namespace: NAMESPACE } }], "openai").then(({ dir, modules }) => {
        const r = compileAndTest(dir, file.replace(/\.yaml$/, ""));
        console.log(`elixir ${file}: ${modules} modules, mix compile + test ${r.seconds.toFixed(1)} s`);
        return { spec, ir: irOf(spec), namespace: NAMESPACE, dir, build: r, presence: "lenient" as const };
      });
      builds.set(file, b);
    }
    return b;
  }

  /**
   * A project of another presence policy, compiled without tests. `onlyExamples`: only the models
   * the examples are paired with and what they reference (the conformance run needs no more, and
   * the build takes a third of the time).
   */
  async function builtWith(file: string, presence: PresencePolicy, onlyExamples: boolean): Promise<CompiledModels> {
    const spec = specOf(file);
    return compiled(spec, onlyExamples ? buildIr(spec, { include: pairedModelKeys(spec, irOf(spec)) }) : irOf(spec), presence);
  }

  /** A project of `ir`, compiled without tests. */
  async function compiled(spec: string, ir: IrDocument, presence: PresencePolicy, policy?: string): Promise<CompiledModels> {
    const { dir, modules } = await project([{ spec, ir, options: { namespace: NAMESPACE }, presence }]);
    const build = run("mix", ["compile", "--warnings-as-errors"], dir, { MIX_ENV: "test" });
    console.log(`elixir ${path.basename(spec)} (${policy ?? presence}): ${modules} modules, mix compile ${build.seconds.toFixed(1)} s`);
    expect(build.status, head(build.output)).toBe(0);
    return { spec, ir, namespace: NAMESPACE, dir, build, presence, ...(policy ? { policy } : {}) };
  }

  it.each(ROUND_TRIP_OPENAI)(
    "%s: compiles with --warnings-as-errors and round-trips RunObject and RunStepObject in ExUnit",
    async (file) => {
      const { dir, build } = await built(file);
      expectTestsPassed(build);
      if (file === ROUND_TRIP_OPENAI[1]) {
        const format = run("mix", ["format", "--check-formatted", ...GENERATED], dir);
        expect(format.status, head(format.output)).toBe(0);
      }
    },
    TEN_MINUTES,
  );

  // Issue 9: the spec's own example responses, decoded with the generated modules and re-encoded,
  // then judged by the language-independent judge; the report goes to conformance-report/.
  const lenientReports = new Map<string, LanguageReport>();

  it.each(ROUND_TRIP_OPENAI)(
    "%s: the spec's example responses decode and re-encode (conformance, presence lenient)",
    async (file) => {
      lenientReports.set(file, conformance(await built(file)).report);
    },
    TEN_MINUTES,
  );

  // Strict presence names exactly the examples that omit a required field: the examples that fail
  // under strict but not under lenient are the ones the judge finds omitting a required nullable
  // field and otherwise true to the spec, and every example the judge finds omitting a required
  // field fails under strict.
  it.each(ROUND_TRIP_OPENAI)(
    "%s: strict presence names exactly the examples that omit a required field",
    async (file) => {
      const strict = conformance(await builtWith(file, "strict", true)).report;
      const lenient = lenientReports.get(file) ?? conformance(await built(file)).report;

      const spec = specOf(file);
      const models = indexModels(irOf(spec).models);
      const cases = conformanceCases(spec);
      const omits = (presence: PresencePolicy) =>
        cases.filter((c) => validate(c.json, { kind: "ref", target: c.modelId }, models, presence).some((p) => p.reason === "required field is missing")).map((c) => c.id);
      const failed = (r: LanguageReport) => new Set(r.outcomes.filter((o) => !o.decoded).map((o) => o.id));
      const strictFailed = failed(strict);
      const lenientFailed = failed(lenient);
      const onlyStrict = [...strictFailed].filter((id) => !lenientFailed.has(id)).sort();
      // The judge counts unlisted values and tags and nulls in optional fields against the spec; the
      // Elixir models read them (open enums and unions, optional fields).
      const cleanUnderLenient = new Set(
        cases.filter((c) => validate(c.json, { kind: "ref", target: c.modelId }, models, "lenient").every((p) => readByElixirModels(p, models))).map((c) => c.id),
      );
      expect(onlyStrict.length, "some examples fail only under strict presence").toBeGreaterThan(0);
      expect(onlyStrict).toEqual(omits("strict").filter((id) => cleanUnderLenient.has(id)).sort());
      expect(omits("strict").filter((id) => !strictFailed.has(id)), "examples omitting a required field that strict decoded").toEqual([]);
      expect(omits("strict").length).toBe(EXPECTED_OMITTING[file]);
    },
    TEN_MINUTES,
  );

  // Issue 14: tolerant presence reads every example whose values have the spec's types; what
  // still fails must break a type, a constant, an enum value's JSON type or a tag, each listed.
  it(
    `${TOLERANT_OPENAI}: tolerant presence round-trips at least 95% of the examples; each other one contradicts the spec's types`,
    async () => {
      const tolerant = await builtWith(TOLERANT_OPENAI, "tolerant", false);
      const { report, cases } = conformance(tolerant);
      const failures = tolerantFailures(cases, report.outcomes, indexModels(tolerant.ir.models));
      console.log(failures.map(({ outcome, contradictions }) => `  ${outcome.id} ${outcome.operation}: ${contradictions.map((p) => `${p.pointer || "/"} ${p.reason}`).join("; ")}`).join("\n"));
      const unexplained = failures.filter((f) => f.contradictions.length === 0).map((f) => `${f.outcome.id} ${f.outcome.operation}: ${f.outcome.reason ?? ""}`);
      expect(unexplained.join("\n"), "tolerant failures without a type contradiction").toBe("");
      expect(report.roundTripped / report.tried).toBeGreaterThanOrEqual(TOLERANT_TARGET);
      const format = run("mix", ["format", "--check-formatted", ...GENERATED], tolerant.dir);
      expect(format.status, head(format.output)).toBe(0);
    },
    TEN_MINUTES,
  );

  // Issue 14: lenient under the overlay `examples` learned from the same spec (only the paired
  // models and their closure): the spec agrees with its examples, so every one must round-trip.
  it.each(ROUND_TRIP_OPENAI)(
    "%s: every example response round-trips under the overlay learned from it (conformance, lenient+learned-overlay)",
    async (file) => {
      const spec = specOf(file);
      const { report } = conformance(await compiled(spec, learnedIr(spec), "lenient", LEARNED_POLICY));
      expectEveryExampleRoundTripped(report);
    },
    TEN_MINUTES,
  );

  it.each(OPENAI_SPECS.map((s) => path.basename(s)).filter((f) => !ROUND_TRIP_OPENAI.includes(f)))(
    "%s: compiles with mix compile --warnings-as-errors",
    async (file) => {
      const { dir, modules } = await project([{ spec: specOf(file) }]);
      const r = run("mix", ["compile", "--warnings-as-errors"], dir);
      console.log(`elixir ${file}: ${modules} modules, mix compile ${r.seconds.toFixed(1)} s`);
      expect(r.status, head(r.output)).toBe(0);
    },
    TEN_MINUTES,
  );
});

describe.skipIf(!HAVE_ELIXIR)("Elixir: issue 13's customized generations (types native, map, overlay, rename, include)", () => {
  const NAMESPACES = { native_spec: "Native.RunsApi", customized_openai: "Custom.OpenAI", run_only: "RunOnly.OpenAI" } as const;

  it("compile with --warnings-as-errors in one project, are mix format clean, and round-trip formats and a Run in ExUnit", async () => {
    const builds = CUSTOMIZED_BUILDS.map((b) => ({ spec: b.spec, shape: b.shape, options: { ...b.options, namespace: NAMESPACES[b.name] } }));
    const { dir, modules } = await project(builds, "customized");
    // The user's type the mapped builds name, beside the models.
    mkdirSync(path.join(dir, "lib/acme"), { recursive: true });
    copyFileSync(path.join(HOST, "user/metadata.ex"), path.join(dir, "lib/acme/metadata.ex"));
    const r = run("mix", ["do", "compile", "--warnings-as-errors", "+", "test", "--warnings-as-errors"], dir, { MIX_ENV: "test", MODELGEN_FIXTURES: PAYLOADS });
    console.log(`elixir customized: ${modules} modules, mix compile + test ${r.seconds.toFixed(1)} s`);
    expectTestsPassed(r);
    const format = run("mix", ["format", "--check-formatted", ...GENERATED], dir);
    expect(format.status, head(format.output)).toBe(0);
  }, TEN_MINUTES);
});
