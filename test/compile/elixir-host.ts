// The Elixir toolchain as test/compile/elixir.test.ts drives it: generating mix projects (one spec,
// or several builds of it under their own namespaces in one project, so one compile serves them
// all), mix and elixirc runs that time themselves, ExUnit result checks, and dialyzer with a
// small PLT built once per run.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { IN_CI, withToolPaths } from "../helpers/toolchain.js";
import { REPO, renderAsync, renderShaped, writeFiles } from "../helpers/generate.js";
import { headerLines, type IrShape } from "../../src/pipeline.js";
import { loadTemplates } from "../../src/render/templates.js";
import { elixirTarget } from "../../src/targets/elixir/index.js";
import type { IrDocument } from "../../src/ir/types.js";
import type { OutputFile, PresencePolicy } from "../../src/targets/target.js";

export const HOST = path.join(REPO, "test/hosts/elixir");
export const TEN_MINUTES = 600_000;
/** What `mix format --check-formatted` looks at: the generated files, not the copied tests. */
export const GENERATED = ["mix.exs", ".formatter.exs", "lib/**/*.ex"];

export interface Run {
  status: number | null;
  output: string;
  seconds: number;
}

/** No busy-waiting BEAM schedulers: on a shared 2-core machine spinning only steals time (25% faster builds). */
const ERL_FLAGS = "+sbwt none +sbwtdcpu none +sbwtdio none";

export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...withToolPaths(), ERL_FLAGS, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (Date.now() - started) / 1000;
  return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`, seconds };
}

/** The first lines of a failure (compiler errors come first), for assertion messages. */
export function head(output: string, lines = 60): string {
  return output.split("\n").slice(0, lines).join("\n");
}

export function jiffyInstalled(): boolean {
  const r = run("erl", ["-noshell", "-eval", "case code:which(jiffy) of non_existing -> halt(1); _ -> halt(0) end."], os.tmpdir());
  if (r.status === 0) return true;
  const why = "erlang-jiffy is missing (apt-get install erlang-jiffy; scripts/install-toolchains.sh elixir)";
  if (IN_CI) throw new Error(`${why}. CI=true: a missing toolchain fails the run.`);
  console.warn(`skipping Elixir round trips: ${why}`);
  return false;
}

/** One generation of the models: a spec (or an IR already built) with the target's options and a presence policy. */
export interface Build {
  spec: string;
  /** The IR to render instead of the spec's own (a selection of its models, renamed fields). */
  ir?: IrDocument;
  options?: Record<string, unknown>;
  presence?: PresencePolicy;
  /** IR settings applied as the pipeline does (overlays, renames, include, `map`); not with `ir`. */
  shape?: Partial<IrShape>;
}

/** The Elixir files of one build, in memory. */
export async function renderBuild(b: Build): Promise<OutputFile[]> {
  if (b.shape) return renderShaped(b.spec, "elixir", b.shape, { options: b.options ?? {}, presence: b.presence ?? "lenient" });
  if (!b.ir) return renderAsync(b.spec, "elixir", { options: b.options ?? {}, presence: b.presence ?? "lenient" });
  const label = path.relative(REPO, b.spec).split(path.sep).join("/");
  return elixirTarget.generate({ ir: b.ir, templates: loadTemplates("elixir"), header: headerLines(b.ir, label), options: b.options ?? {}, presence: b.presence ?? "lenient" });
}

/**
 * A mix project in a fresh folder: the first build whole, then the `lib/` of each other build (each
 * under its own namespace, so their files never meet); with `suite`, that ExUnit suite in `test/`.
 */
export async function project(builds: Build[], suite?: string): Promise<{ dir: string; modules: number }> {
  const [first, ...more] = await Promise.all(builds.map(renderBuild));
  const files = [...first!, ...more.flatMap((f) => f.filter((x) => x.path.startsWith("lib/")))];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two builds write ${f.path}: give each its own namespace`);
    seen.add(f.path);
  }
  const dir = writeFiles(files, mkdtempSync(path.join(os.tmpdir(), "modelgen-elixir-")));
  if (suite) {
    mkdirSync(path.join(dir, "test"), { recursive: true });
    copyFileSync(path.join(HOST, "test_helper.exs"), path.join(dir, "test/test_helper.exs"));
    for (const f of suiteFiles(suite)) copyFileSync(f, path.join(dir, "test", path.basename(f)));
  }
  return { dir, modules: files.filter((f) => f.path.endsWith(".ex")).length };
}

/** The ExUnit files of one suite folder under test/hosts/elixir/. */
export function suiteFiles(suite: string): string[] {
  return readdirSync(path.join(HOST, suite))
    .filter((f) => f.endsWith("_test.exs"))
    .sort()
    .map((f) => path.join(HOST, suite, f));
}

/** `mix compile --warnings-as-errors` then `mix test`, in the test environment. */
export function compileAndTest(dir: string, fixtures: string): Run {
  return run("mix", ["do", "compile", "--warnings-as-errors", "+", "test", "--warnings-as-errors"], dir, {
    MIX_ENV: "test",
    MODELGEN_FIXTURES: path.join(HOST, "fixtures", fixtures),
  });
}

export function expectTestsPassed(r: Run): void {
  expect(r.status, head(r.output, 120)).toBe(0);
  // ExUnit's own summary line, e.g. "28 tests, 0 failures"
  expect(r.output).toMatch(/\b[1-9]\d* tests?, 0 failures\b/);
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

let pltPath: string | undefined;

/** A small PLT, built once per run: erts plus the modules the generated code calls (a full one takes ~90 s). */
export function buildPlt(): string {
  if (pltPath) return pltPath;
  const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-plt-"));
  const elixirEbin = elixirLib();
  const stdlibEbin = erlangLib("stdlib");
  const plt = path.join(work, "small.plt");
  const beams = [
    ...["maps", "lists"].map((m) => path.join(stdlibEbin, `${m}.beam`)),
    ...["String", "Enum", "Kernel", "List", "ArgumentError", "KeyError", "Map", "Atom", "String.Chars", "Inspect", "Kernel.Utils", "Keyword", "DateTime", "Date", "Regex"].map((m) =>
      path.join(elixirEbin, `Elixir.${m}.beam`),
    ),
  ];
  const r = run("dialyzer", ["-pa", elixirEbin, "--build_plt", "--output_plt", plt, "--apps", "erts", ...beams], work);
  console.log(`elixir: dialyzer PLT ${r.seconds.toFixed(1)} s`);
  expect(r.status, head(r.output)).toBe(0);
  return (pltPath = plt);
}

export function dialyzer(plt: string, ebin: string): Run {
  return run("dialyzer", ["-pa", elixirLib(), "--plt", plt, "--no_check_plt", "-Wunknown", ebin], path.dirname(ebin));
}

/** Elixir's own ebin: dialyzer needs it on the path to read Elixir debug info. */
function elixirLib(): string {
  const r = run("elixir", ["-e", "IO.write(:code.lib_dir(:elixir, :ebin))"], os.tmpdir());
  expect(r.status, r.output).toBe(0);
  return r.output.trim();
}

function erlangLib(app: string): string {
  const r = run("erl", ["-noshell", "-eval", `io:format("~s", [code:lib_dir(${app}, ebin)]), halt().`], os.tmpdir());
  expect(r.status, r.output).toBe(0);
  return r.output.trim();
}
