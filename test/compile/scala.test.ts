// The Scala output compiles with the real Scala 3 compiler through Maven (warnings are errors) and
// round-trips real-shaped JSON under JUnit. Two Maven runs: the generated module for spec/ with its
// own pom.xml, and the host project (test/hosts/scala) compiling spec/ (lenient and strict), the
// 2024-06-24 and 2026-08-21 OpenAI specs and every golden fixture together, each in its own
// package, then running the round-trip tests. One compiler run for all: JVM start and JIT warm-up
// are paid once.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPENAI_SPECS, REPO, render, writeFiles } from "../helpers/generate.js";
import { haveToolchain, withToolPaths } from "../helpers/toolchain.js";
import type { RenderOptions } from "../helpers/generate.js";

const HOST = path.join(REPO, "test/hosts/scala");
const SPEC = path.join(REPO, "spec/openapi.yaml");
const openai = (date: string) => OPENAI_SPECS.find((s) => s.endsWith(`openai-${date}.yaml`))!;

const FIXTURES = path.join(REPO, "test/fixtures");

/** What the host compiles: spec and generation options (the package keeps them apart). */
const HOST_SOURCES: [string, RenderOptions][] = [
  [SPEC, { options: { package: "runsapi.models" } }],
  [SPEC, { options: { package: "runsapi.strict", unknownEnumValues: "reject" }, presence: "strict" }],
  [openai("2024-06-24"), { options: { package: "openai.v20240624" } }],
  [openai("2026-08-21"), { options: { package: "openai.v20260821" } }],
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f): [string, RenderOptions] => [path.join(FIXTURES, f), { options: { package: `fixtures.${f.replace(/\.yaml$/, "")}` } }]),
];

interface MavenRun {
  code: number;
  output: string;
  seconds: number;
}

function mvn(cwd: string, args: string[]): MavenRun {
  const started = Date.now();
  const r = spawnSync("mvn", ["-B", "-ntp", ...args], { cwd, env: withToolPaths(), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? 1, output: `${r.stdout ?? ""}${r.stderr ?? ""}`, seconds: (Date.now() - started) / 1000 };
}

/** Offline first (no network once Maven Central's artifacts are local); online only to fetch what is missing. */
function maven(cwd: string, args: string[]): MavenRun {
  const offline = mvn(cwd, ["-o", ...args]);
  if (offline.code === 0 || !/offline mode|has not been downloaded|Cannot access .* in offline/i.test(offline.output)) return offline;
  return mvn(cwd, args);
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

  it("spec/ (lenient and strict) and the 2024-06-24 and 2026-08-21 OpenAI specs compile and pass the JUnit round trips", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-scala-host-"));
    for (const entry of ["pom.xml", ".mvn", "src"]) cpSync(path.join(HOST, entry), path.join(dir, entry), { recursive: true });
    for (const [spec, opts] of HOST_SOURCES) writeFiles(render(spec, "scala", opts).filter((f) => f.path.startsWith("src/")), dir);
    const run = maven(dir, ["test"]);
    const summary = run.output.split("\n").filter((l) => /Tests run:|BUILD|Total time/.test(l) && !/ -- in /.test(l));
    console.log(`scala: host compile + JUnit in ${run.seconds.toFixed(1)} s\n${summary.join("\n")}`);
    expect(run.code, problems(run.output)).toBe(0);
    expect(compilerWarnings(run.output), "compiler warnings").toEqual([]);
    const totals = [...run.output.matchAll(/^\[INFO\] Tests run: (\d+), Failures: (\d+), Errors: (\d+)/gm)].at(-1);
    expect(Number(totals?.[1] ?? 0), "JUnit ran no test").toBeGreaterThanOrEqual(30);
  }, 1_200_000);
});
