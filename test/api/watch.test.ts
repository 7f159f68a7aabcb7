// The watcher behind `generate --watch`: a burst of edits is one run (debounced), a failing run is
// followed by another once the input is fixed, and a folder input (the templates) reacts to any file in it,
// including one in a subfolder or a new file.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { watch, type Watcher, type WatchRun } from "../../src/index.js";
import { InputSet } from "../../src/api/inputs.js";
import { InputWatcher } from "../../src/api/input-watcher.js";
import { tempProject } from "./fixture-project.js";

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

it("runs once for a burst of edits, with the file that changed", async () => {
  const dir = tempProject();
  const runs: WatchRun[] = [];
  const watcher: Watcher = watch({ cwd: dir, lang: "typescript", debounceMs: 150, onRun: (r) => runs.push(r) });
  closers.push(() => watcher.close());
  await until(() => runs.length === 1, "the first run");
  expect(runs[0]).toMatchObject({ ok: true, changed: [] });

  const common = path.join(dir, "spec/schemas/common.yaml");
  const text = readFileSync(common, "utf8");
  for (let i = 0; i < 5; i++) {
    writeFileSync(common, text.replace("An error as the API returns it.", `Edit ${i}.`));
    await new Promise((r) => setTimeout(r, 20));
  }
  await until(() => runs.length === 2, "the run after the burst");
  await new Promise((r) => setTimeout(r, 400));
  expect(runs, "five quick saves, one run").toHaveLength(2);
  const second = runs[1]!;
  expect(second.changed).toEqual([common]);
  expect(second.ok && second.result.jobs[0]!.languages[0]!.changed).toContain("ErrorBody.ts");
  expect(readFileSync(path.join(dir, "generated/typescript/ErrorBody.ts"), "utf8")).toContain("Edit 4.");
});

it("reports a failing run and runs again once the input is fixed", async () => {
  const dir = tempProject();
  const root = path.join(dir, "spec/openapi.yaml");
  const good = readFileSync(root, "utf8");
  writeFileSync(root, "openapi: [\n");
  const runs: WatchRun[] = [];
  const watcher = watch({ cwd: dir, lang: "typescript", debounceMs: 50, onRun: (r) => runs.push(r) });
  closers.push(() => watcher.close());
  await until(() => runs.length === 1, "the first run");
  expect(runs[0]!.ok).toBe(false);
  expect(String((runs[0] as { error: unknown }).error)).toContain("malformed YAML");
  writeFileSync(root, good);
  await until(() => runs.length === 2, "the run after the fix");
  expect(runs[1]!.ok).toBe(true);
});

it("watches a folder input whole: a file in a subfolder, and a new file", async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "modelgen-templates-"));
  mkdirSync(path.join(folder, "rust/partials"), { recursive: true });
  writeFileSync(path.join(folder, "rust/partials/field.hbs"), "{{name}}");
  const seen: string[] = [];
  const watcher = new InputWatcher((p) => seen.push(p));
  closers.push(() => watcher.close());
  const inputs = new InputSet();
  inputs.addFolder(folder);
  watcher.update(inputs);
  writeFileSync(path.join(folder, "rust/partials/field.hbs"), "{{name}}!");
  await until(() => seen.includes(path.join(folder, "rust/partials/field.hbs")), "the edited partial");
  writeFileSync(path.join(folder, "rust/new.hbs"), "x");
  await until(() => seen.includes(path.join(folder, "rust/new.hbs")), "the new template");

  // A file input: only that name in its folder counts.
  const files = new InputSet();
  files.addFile(path.join(folder, "spec.yaml"));
  const fileSeen: string[] = [];
  const fileWatcher = new InputWatcher((p) => fileSeen.push(p));
  closers.push(() => fileWatcher.close());
  fileWatcher.update(files);
  writeFileSync(path.join(folder, "other.yaml"), "x");
  writeFileSync(path.join(folder, "spec.yaml"), "x");
  await until(() => fileSeen.length > 0, "the spec file");
  expect(fileSeen.every((p) => p === path.join(folder, "spec.yaml"))).toBe(true);
});
