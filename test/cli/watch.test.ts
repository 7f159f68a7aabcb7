// `generate --watch` as users run it: a run on start, another after an edit to a file the spec
// references or to the config, an error printed while watching goes on, and unchanged generated
// files never rewritten (their mtimes kept), also when an input is saved without a change.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { buildBundles, CLI, edit, mtimes, tempProject } from "../api/fixture-project.js";

beforeAll(buildBundles);

/** A watching CLI and the lines it printed on stderr, read one by one. */
class Watching {
  readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private next = 0;
  private buffer = "";

  constructor(cwd: string, args: string[]) {
    this.child = spawn(process.execPath, [CLI, "generate", "--watch", ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] });
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      this.buffer += chunk;
      const parts = this.buffer.split("\n");
      this.buffer = parts.pop()!;
      this.lines.push(...parts);
    });
  }

  /** The next line printed after the ones already read (waiting up to 10 s for it). */
  async line(): Promise<string> {
    const deadline = Date.now() + 10_000;
    while (this.next >= this.lines.length) {
      if (this.child.exitCode !== null) throw new Error(`watch exited (${this.child.exitCode}); printed:\n${this.lines.join("\n")}`);
      if (Date.now() > deadline) throw new Error(`no new line in 10 s; printed:\n${this.lines.join("\n")}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.lines[this.next++]!;
  }

  /** Nothing more printed for `ms` (no run started). */
  async quietFor(ms: number): Promise<boolean> {
    const before = this.lines.length;
    await new Promise((r) => setTimeout(r, ms));
    return this.lines.length === before;
  }
}

let running: Watching | undefined;
afterEach(() => {
  if (running?.child.exitCode === null) running.child.kill("SIGKILL");
  running = undefined;
});

const RUN = /^\[\d\d:\d\d:\d\d\] generated in \d+\.\d+s: typescript: /;

it("regenerates on an edit of a referenced file and of the config, reports errors and keeps watching", async () => {
  const dir = tempProject("modelgen-watch-");
  const out = path.join(dir, "generated/typescript");
  const w = (running = new Watching(dir, ["--lang", "typescript"]));
  expect(await w.line()).toMatch(/^\[\d\d:\d\d:\d\d\] generated in \d+\.\d+s: typescript: \d+ models, \d+ added, 0 changed, 0 deleted$/);
  // The spec's three files, the four config files it looks for, and the templates folder.
  expect(await w.line()).toBe("watching 8 inputs (spec files, config, templates); Ctrl-C stops");
  const before = mtimes(out);

  // A file reached only through a $ref from openapi.yaml.
  edit(path.join(dir, "spec/schemas/common.yaml"), "An error as the API returns it.", "An error body.");
  const afterRef = await w.line();
  expect(afterRef).toMatch(RUN);
  // ErrorBody.ts, the manifest, and the record of each model's inputs (ErrorBody's key changed).
  expect(afterRef).toMatch(/0 added, 3 changed, 0 deleted \(changed: spec\/schemas\/common\.yaml\)$/);
  expect(readFileSync(path.join(out, "ErrorBody.ts"), "utf8")).toContain("An error body.");
  const now = mtimes(out);
  const rewritten = Object.keys(now).filter((f) => now[f] !== before[f]).sort();
  expect(rewritten, "only the changed model, the manifest and the units record are written; every other file keeps its mtime").toEqual([".modelgen-manifest.json", ".modelgen-units.json", "ErrorBody.ts"]);

  // A config file appears: it was watched before it existed.
  writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ models: { parameters: false } }));
  expect(await w.line()).toMatch(/0 added, \d+ changed, 2 deleted \(changed: modelgen\.config\.json\)$/);

  // A broken spec: one error line, and the watcher goes on.
  const root = path.join(dir, "spec/openapi.yaml");
  const good = readFileSync(root, "utf8");
  writeFileSync(root, good + "oops: [\n");
  expect(await w.line()).toMatch(/^\[\d\d:\d\d:\d\d\] openapi\.yaml:\d+:\d+: malformed YAML: .* \(changed: spec\/openapi\.yaml\)$/);
  writeFileSync(root, good);
  expect(await w.line()).toMatch(/typescript: up to date \(changed: spec\/openapi\.yaml\)$/);

  // Saved without a change: a run that writes nothing, so tools watching the output see nothing.
  const settled = mtimes(out);
  writeFileSync(path.join(dir, "spec/schemas/function.yaml"), readFileSync(path.join(dir, "spec/schemas/function.yaml")));
  expect(await w.line()).toMatch(/typescript: up to date \(changed: spec\/schemas\/function\.yaml\)$/);
  expect(mtimes(out)).toEqual(settled);

  // Another file in a watched folder (the project folder holds the config files) starts no run.
  writeFileSync(path.join(dir, "notes.txt"), "x");
  expect(await w.quietFor(400)).toBe(true);

  w.child.kill("SIGINT");
  const code = await new Promise((resolve) => w.child.on("exit", resolve));
  expect(code, "Ctrl-C stops cleanly").toBe(0);
}, 30_000);

it("regenerates when an overlay named in the config changes", async () => {
  const dir = tempProject("modelgen-watch-");
  const overlay = (description: string) => `overlay: 1.0.0\ninfo: { title: t, version: "1" }\nactions:\n  - target: $.components.schemas.Usage\n    update: { description: ${description} }\n`;
  writeFileSync(path.join(dir, "fix.yaml"), overlay("First words."));
  writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ overlays: ["fix.yaml"] }));
  const out = path.join(dir, "generated/typescript");
  const w = (running = new Watching(dir, ["--lang", "typescript"]));
  expect(await w.line()).toMatch(RUN);
  expect(await w.line()).toMatch(/^watching \d+ inputs/);
  expect(readFileSync(path.join(out, "Usage.ts"), "utf8")).toContain("First words.");
  const before = mtimes(out);
  writeFileSync(path.join(dir, "fix.yaml"), overlay("Second words."));
  expect(await w.line()).toMatch(/\(changed: fix\.yaml\)$/);
  expect(readFileSync(path.join(out, "Usage.ts"), "utf8")).toContain("Second words.");
  const now = mtimes(out);
  expect(Object.keys(now).filter((f) => now[f] !== before[f]).sort(), "only the changed model, the manifest and the units record").toEqual([".modelgen-manifest.json", ".modelgen-units.json", "Usage.ts"]);
  w.child.kill("SIGINT");
  await new Promise((resolve) => w.child.on("exit", resolve));
}, 30_000);

it("--watch does not combine with --check", () => {
  const dir = tempProject("modelgen-watch-");
  const r = spawn(process.execPath, [CLI, "generate", "--watch", "--check"], { cwd: dir });
  return new Promise<void>((resolve) => {
    let err = "";
    r.stderr.on("data", (c: Buffer) => (err += c.toString()));
    r.on("exit", (code) => {
      expect(code).toBe(2);
      expect(err).toContain("--watch writes");
      resolve();
    });
  });
});
