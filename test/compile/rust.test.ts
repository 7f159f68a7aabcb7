// The Rust output compiles with warnings denied for spec/, every OpenAI spec and every fixture,
// is rustfmt-clean, and round-trips real-shaped payloads (cargo test in test/hosts/rust).
// Conformance (issue 9): the example responses of two OpenAI specs are decoded and re-encoded by
// tests/conformance.rs, and the results judged and reported by test/conformance/; 2026-08-21's
// also under `presence: tolerant` (issue 14), from a crate generated with that policy, and both
// under the overlay `examples` learned from them (crates `*_learned`, only the paired models and
// their closure; every paired example must round-trip).
//
// The host crate is copied to a work folder under the OS temp dir and the generated crates are
// written into its gen/ folder (there and for the host's own files, only files whose contents
// changed are rewritten, so a second run recompiles nothing that did not change). One cargo
// target dir under the temp dir is shared by every run, so serde is built once. Cargo.lock comes
// from the repo and `--locked` keeps it authoritative.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSpecs, irOf, OPENAI_SPECS, REPO, renderAsync, renderShaped, SHARED, writeFiles, type RenderOptions } from "../helpers/generate.js";
import { CUSTOMIZED_OPENAI, NATIVE_SPEC, PAYLOADS, RUN_ONLY, type CustomizedBuild } from "./customized/settings.js";
import { hasCommand, haveToolchain, IN_CI, withToolPaths } from "../helpers/toolchain.js";
import type { OutputFile, PresencePolicy } from "../../src/targets/target.js";
import { assignNames } from "../../src/naming/assign.js";
import { rustNamingRules } from "../../src/targets/rust/naming.js";
import { indexModels } from "../../src/ir/query.js";
import { conformanceCases, pairedModelIds, readResults, writeCases } from "../conformance/cases.js";
import { judgeResults, summaryLine, writePolicyReport } from "../conformance/report.js";
import { expectEveryExampleRoundTripped, LEARNED_POLICY, learnedIr } from "../conformance/learned.js";
import { summaryRow, writeSummaryRows } from "../conformance/summary-rows.js";
import { tolerantFailures } from "../conformance/tolerant.js";

const HOST = path.join(REPO, "test/hosts/rust");
const WORK = path.join(os.tmpdir(), "modelgen-rust-host");
const FIXTURE_WORK = path.join(os.tmpdir(), "modelgen-rust-fixtures");
const TARGET_DIR = path.join(os.tmpdir(), "modelgen-cargo-target");
// Every crate in the host's workspace: these names and versions are in the committed Cargo.lock.
const SPEC = path.join(REPO, "spec/openapi.yaml");
const openaiCrate = (spec: string) => `openai_${path.basename(spec, ".yaml").slice("openai-".length).replace(/-/g, "_")}`;
const LEARNED_SPECS = ["openai-2024-06-24.yaml", "openai-2026-08-21.yaml"].map((f) => path.join(SHARED, "specs/openai", f));
/** Issue 13's customized generations as crates; a build that maps Metadata gets the user's type as src/extra.rs. */
const customized = (name: string, build: CustomizedBuild) => ({ name, spec: build.spec, opts: { options: build.options }, build });
const CRATES: { name: string; spec: string; opts: RenderOptions; learned?: boolean; build?: CustomizedBuild }[] = [
  { name: "runs_api", spec: SPEC, opts: {} },
  { name: "runs_api_strict", spec: SPEC, opts: { presence: "strict", options: { openEnums: false } } },
  ...OPENAI_SPECS.map((spec) => ({ name: openaiCrate(spec), spec, opts: {} })),
  // Operation models and the operation index: tests/petstore.rs round-trips them.
  { name: "petstore", spec: path.join(REPO, "test/fixtures/petstore/openapi.yaml"), opts: {} },
  // Recursive aliases, enums named by the spec, nullable aliases: tests/failure_classes.rs and
  // tests/recursive_aliases.rs round-trip them (issue 16).
  { name: "failure_classes", spec: path.join(REPO, "test/fixtures/failure-classes.yaml"), opts: {} },
  // Integers beyond 2^53 in fields, consts and enums: tests/formats.rs round-trips them.
  { name: "formats", spec: path.join(REPO, "test/fixtures/formats.yaml"), opts: {} },
  // Subtypes extending a type with a discriminator: tests/inheritance.rs round-trips them.
  { name: "inheritance", spec: path.join(REPO, "test/fixtures/inheritance.yaml"), opts: {} },
  { name: "recursive_aliases", spec: path.join(HOST, "specs/recursive-aliases.yaml"), opts: {} },
  // presence: tolerant (issue 14): tests/runs_api_tolerant.rs, and the conformance examples.
  { name: "runs_api_tolerant", spec: SPEC, opts: { presence: "tolerant" } },
  { name: "openai_2026_08_21_tolerant", spec: OPENAI_SPECS[7]!, opts: { presence: "tolerant" } },
  // Lenient under the overlay `examples` learned from the same spec (issue 14): only the paired
  // models and their closure (test/conformance/learned.ts), every example must round-trip.
  ...LEARNED_SPECS.map((spec) => ({ name: `${openaiCrate(spec)}_learned`, spec, opts: {}, learned: true })),
  // Issue 13: types native, map, overlay, rename, include (tests/customized.rs round-trips the first two).
  customized("runs_api_native", NATIVE_SPEC),
  customized("openai_customized", CUSTOMIZED_OPENAI),
  customized("openai_run_only", RUN_ONLY),
];
/** The crates the round-trip tests depend on: `cargo test` builds (and so compile-checks) them. */
const TESTED = [
  ...["runs_api", "runs_api_strict", "runs_api_tolerant", "openai_2024_06_24", "openai_2026_08_21", "openai_2026_08_21_tolerant", "petstore", "failure_classes", "recursive_aliases", "formats", "inheritance"],
  ...["runs_api_native", "openai_customized"],
  ...CRATES.filter((c) => c.learned).map((c) => c.name),
];
/**
 * The example responses the conformance harness (tests/conformance.rs) decodes: a spec, the crate
 * generated from it, its presence policy, and the policy's name in reports when it is more than that.
 */
interface ConformanceRun {
  spec: string;
  krate: string;
  presence: PresencePolicy;
  policy?: string;
}
const CONFORMANCE: ConformanceRun[] = [
  ...LEARNED_SPECS.map((spec) => ({ spec, krate: openaiCrate(spec), presence: "lenient" as const })),
  { spec: OPENAI_SPECS[7]!, krate: "openai_2026_08_21_tolerant", presence: "tolerant" },
  ...LEARNED_SPECS.map((spec) => ({ spec, krate: `${openaiCrate(spec)}_learned`, presence: "lenient" as const, policy: LEARNED_POLICY })),
];

/** The IR a crate is generated from: the spec's, or under its learned overlay. */
const irOfCrate = (krate: string, spec: string) => (CRATES.find((c) => c.name === krate)?.learned ? learnedIr(spec) : irOf(spec));

// No incremental caches: the generated crates are rebuilt whole or not at all, and the caches of
// crates this size cost time and gigabytes.
const env = () => ({ ...withToolPaths(), CARGO_TARGET_DIR: TARGET_DIR, RUSTFLAGS: "-D warnings", CARGO_INCREMENTAL: "0", CARGO_TERM_COLOR: "never" });

/** Writes the files a generated crate needs, leaving unchanged files (and their mtimes) alone. */
function syncCrate(dir: string, files: OutputFile[]): void {
  const wanted = new Set(files.map((f) => f.path));
  for (const f of files) {
    const p = path.join(dir, f.path);
    if (existsSync(p) && readFileSync(p, "utf8") === f.contents) continue;
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
  }
  const src = path.join(dir, "src");
  if (existsSync(src)) for (const f of readdirSync(src)) if (!wanted.has(`src/${f}`)) rmSync(path.join(src, f));
}

/**
 * Copies a file or folder of the host, rewriting only files whose contents differ: an unchanged
 * test keeps its mtime, so cargo does not rebuild it. Files the host no longer has are removed.
 */
function syncHost(from: string, to: string): void {
  if (statSync(from).isDirectory()) {
    if (existsSync(to) && !statSync(to).isDirectory()) rmSync(to);
    mkdirSync(to, { recursive: true });
    const entries = new Set(readdirSync(from));
    for (const e of readdirSync(to)) if (!entries.has(e)) rmSync(path.join(to, e), { recursive: true, force: true });
    for (const e of entries) syncHost(path.join(from, e), path.join(to, e));
    return;
  }
  if (existsSync(to) && statSync(to).isDirectory()) rmSync(to, { recursive: true });
  const data = readFileSync(from);
  if (!existsSync(to) || !readFileSync(to).equals(data)) writeFileSync(to, data);
}

async function renderCrate(name: string, spec: string, opts: RenderOptions, build?: CustomizedBuild): Promise<OutputFile[]> {
  const withName = { ...opts, options: { ...opts.options, crateName: name, crateVersion: "0.0.0" } };
  if (!build) return renderAsync(spec, "rust", { ...withName, ir: irOfCrate(name, spec) });
  const files = await renderShaped(spec, "rust", build.shape, withName);
  return build.mapsMetadata ? [...files, { path: "src/extra.rs", contents: readFileSync(path.join(HOST, "user/extra.rs"), "utf8") }] : files;
}

function cargo(args: string[], cwd: string, extraEnv: Record<string, string> = {}): { status: number; output: string; seconds: number } {
  const started = Date.now();
  const r = spawnSync("cargo", args, { cwd, env: { ...env(), ...extraEnv }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, output: `${r.stdout}\n${r.stderr}`, seconds: (Date.now() - started) / 1000 };
}

/**
 * The conformance harness's type dispatch (crate, type name -> decode and re-encode), for every
 * model an example of a CONFORMANCE spec pairs with, named as the Rust target names it (types are
 * re-exported at each crate's root). Written beside the generated crates, only when it changed.
 */
function conformanceDispatch(): string {
  const lines = [
    "// Written by test/compile/rust.test.ts for tests/conformance.rs: do not edit.",
    "fn codec(krate: &str, type_name: &str) -> Option<Codec> {",
    "    match krate {",
    ...CONFORMANCE.map(({ krate }) => `        ${JSON.stringify(krate)} => ${krate}_codec(type_name),`),
    "        _ => None,",
    "    }",
    "}",
  ];
  for (const { spec, krate } of CONFORMANCE) {
    const ir = irOfCrate(krate, spec);
    const names = assignNames(ir, rustNamingRules);
    // Decoded by the crate's own `decode` module, whose errors (in the reports) name the path and show the value.
    lines.push(
      "",
      `fn ${krate}_round_trip<T: DeserializeOwned + Serialize>(json: Value) -> Result<Value, String> {`,
      `    let decoded: T = ::${krate}::decode::from_value(&json).map_err(|e| e.to_string())?;`,
      "    encode(&decoded)",
      "}",
    );
    lines.push("", `fn ${krate}_codec(type_name: &str) -> Option<Codec> {`, "    Some(match type_name {");
    for (const id of pairedModelIds(conformanceCases(spec), ir)) {
      lines.push(`        ${JSON.stringify(names.type(id))} => ${krate}_round_trip::<::${krate}::${names.type(id)}>,`);
    }
    lines.push("        _ => return None,", "    })", "}");
  }
  return lines.join("\n") + "\n";
}

/** The first compiler errors of a cargo run, for an assertion message a person can act on. */
function firstErrors(output: string, max = 12): string {
  const blocks = output.split(/\n(?=error|warning)/).filter((b) => /^error/.test(b));
  return blocks.slice(0, max).join("\n").slice(0, 8000) || output.slice(-8000);
}

describe.skipIf(!haveToolchain("rust", ["cargo", "rustc"]))("Rust output under cargo", () => {
  beforeAll(async () => {
    mkdirSync(WORK, { recursive: true });
    for (const entry of ["Cargo.toml", "Cargo.lock", "src", "tests", "fixtures"]) syncHost(path.join(HOST, entry), path.join(WORK, entry));
    syncHost(PAYLOADS, path.join(WORK, "fixtures/customized"));
    const gen = path.join(WORK, "gen");
    const names = new Set(CRATES.map((c) => c.name));
    if (existsSync(gen)) for (const d of readdirSync(gen)) if (!names.has(d)) rmSync(path.join(gen, d), { recursive: true });
    for (const c of CRATES) syncCrate(path.join(gen, c.name), await renderCrate(c.name, c.spec, c.opts, c.build));
    syncCrate(path.join(WORK, "conformance"), [{ path: "dispatch.rs", contents: conformanceDispatch() }]);
  }, 600_000);

  it("compiles every generated crate not under test with warnings denied (cargo check --locked)", () => {
    const exclude = ["modelgen_rust_check", ...TESTED].flatMap((n) => ["--exclude", n]);
    const r = cargo(["check", "--workspace", "--locked", "-j2", ...exclude], WORK);
    console.log(`cargo check (${CRATES.length - TESTED.length} crates): ${r.seconds.toFixed(1)} s`);
    expect(r.status, firstErrors(r.output)).toBe(0);
  }, 1_200_000);

  it("round-trips RunObject / RunStepObject payloads and builds the tested crates with warnings denied (cargo test --locked)", () => {
    const r = cargo(["test", "--locked", "-j2", "-p", "modelgen_rust_check"], WORK);
    console.log(`cargo test: ${r.seconds.toFixed(1)} s\n${r.output.split("\n").filter((l) => /^test result:|^running \d+ tests/.test(l)).join("\n")}`);
    expect(r.status, firstErrors(r.output) + "\n" + r.output.split("\n").filter((l) => /panicked|left:|right:|FAILED/.test(l)).join("\n")).toBe(0);
    const passed = [...r.output.matchAll(/test result: ok\. (\d+) passed/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(passed).toBeGreaterThanOrEqual(30);
  }, 1_200_000);

  it.each(CONFORMANCE.map(({ spec, krate, presence, policy }) => [path.basename(spec), policy ?? presence, spec, krate, presence] as const))(
    "decodes and re-encodes %s's example responses (conformance, %s)",
    (file, policy, spec, krate, presence) => {
      // The crates and the harness are built by the round-trip test above; alone, this builds them.
      const ir = irOfCrate(krate, spec);
      const names = assignNames(ir, rustNamingRules);
      const known = new Set(ir.models.map((m) => m.id));
      const cases = conformanceCases(spec);
      const casesFile = path.join(WORK, "conformance", `${krate}.cases.json`);
      const resultsFile = path.join(WORK, "conformance", `${krate}.results.json`);
      writeCases(casesFile, cases, (id) => (known.has(id) ? names.type(id) : `(no model ${id})`));
      rmSync(resultsFile, { force: true });
      const r = cargo(["test", "--locked", "-j2", "-p", "modelgen_rust_check", "--test", "conformance"], WORK, {
        CONFORMANCE_CRATE: krate,
        CONFORMANCE_CASES: casesFile,
        CONFORMANCE_RESULTS: resultsFile,
      });
      expect(r.status, firstErrors(r.output) + "\n" + r.output.split("\n").filter((l) => /panicked|FAILED/.test(l)).join("\n")).toBe(0);

      const models = indexModels(ir.models);
      const report = judgeResults("rust", file, cases, readResults(resultsFile), models, presence, { keepsAbsentApartFromNull: true });
      writePolicyReport(report, policy, REPO);
      writeSummaryRows(REPO, [{ ...summaryRow(report), policy }]);
      console.log(`${summaryLine(report)} [${policy}] (cargo: ${r.seconds.toFixed(1)} s)`);
      expect(report.tried, "examples tried").toBeGreaterThan(20);
      const wrong = report.outcomes.filter((o) => o.verdict === "our generator is wrong");
      expect(wrong.map((o) => `${o.id} ${o.operation} ${o.pointer ?? ""}: ${o.reason ?? ""}`).join("\n"), "examples the judge accepts must round-trip (our generator is wrong)").toBe("");
      if (presence === "tolerant") {
        // Tolerant presence reads every absent or null field: what still fails must break the
        // spec's types, and the issue's target is 95% of the paired examples round-tripped.
        const failures = tolerantFailures(cases, report.outcomes, models);
        console.log(failures.map(({ outcome, contradictions }) => `  ${outcome.id} ${outcome.operation}: ${contradictions.map((p) => `${p.pointer || "/"} ${p.reason}`).join("; ")}`).join("\n"));
        const unexplained = failures.filter((f) => f.contradictions.length === 0).map((f) => `${f.outcome.id} ${f.outcome.operation}: ${f.outcome.reason ?? ""}`);
        expect(unexplained.join("\n"), "tolerant failures without a type contradiction").toBe("");
        expect(report.roundTripped / report.tried, "share of paired examples round-tripped under tolerant").toBeGreaterThanOrEqual(0.95);
      }
      // The overlay makes the spec agree with its examples: every paired example must round-trip.
      if (policy === LEARNED_POLICY) expectEveryExampleRoundTripped(report);
    },
    1_200_000,
  );

  it("compiles the golden fixtures' crates with warnings denied", async () => {
    const fixtures = fixtureSpecs();
    mkdirSync(FIXTURE_WORK, { recursive: true });
    // Its own workspace: the fixture list may grow without touching the host's Cargo.lock, whose
    // registry versions it reuses (offline: nothing new is resolved).
    writeFileSync(path.join(FIXTURE_WORK, "Cargo.toml"), '[workspace]\nmembers = ["*"]\nresolver = "2"\n');
    cpSync(path.join(HOST, "Cargo.lock"), path.join(FIXTURE_WORK, "Cargo.lock"));
    const names = new Set<string>();
    for (const f of fixtures) {
      const name = `fixture_${f.name.replace(/-/g, "_")}`;
      names.add(name);
      syncCrate(path.join(FIXTURE_WORK, name), await renderCrate(name, f.spec, {}));
    }
    for (const d of readdirSync(FIXTURE_WORK)) if (d.startsWith("fixture_") && !names.has(d)) rmSync(path.join(FIXTURE_WORK, d), { recursive: true });
    const r = cargo(["check", "--workspace", "--offline", "-j2"], FIXTURE_WORK);
    expect(r.status, firstErrors(r.output)).toBe(0);
  }, 600_000);

  it.skipIf(!IN_CI && !hasCommand("rustfmt"))("is rustfmt-clean (rustfmt --check, edition 2021)", async () => {
    // The closed / strict layout of the biggest spec too: its rejection arms are laid out differently.
    const closed = path.join(os.tmpdir(), "modelgen-rust-closed");
    rmSync(closed, { recursive: true, force: true });
    writeFiles(await renderCrate("openai_closed", OPENAI_SPECS[7]!, { presence: "strict", options: { openEnums: false } }), closed);
    const libs = [...CRATES.map((c) => path.join(WORK, "gen", c.name, "src/lib.rs")), path.join(closed, "src/lib.rs")];
    let out = "";
    try {
      execFileSync("rustfmt", ["--edition", "2021", "--check", ...libs], { env: env(), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e).slice(0, 6000);
    }
    expect(out, "rustfmt would change generated files").toBe("");
  }, 300_000);
});
