// The built entry takes Node's modules through `require` (nodeModule, src/common/lazy-package.ts):
// an ES import of a built-in would read every export it has, running node:fs's and node:crypto's
// lazy getters, which load the file streams and webcrypto that no run uses.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

const REPORT = `process.on("exit", () => process.stderr.write(JSON.stringify(process.moduleLoadList)));`;

/** Node's internal modules loaded by the time `node <entry> --version` exits (the report preloaded as `how` takes it). */
function modulesLoaded(entry = "dist/cli.js", how: "--import" | "--require" = "--import"): string[] {
  const preload = how === "--import" ? `data:text/javascript,${encodeURIComponent(REPORT)}` : writeReport();
  const r = spawnSync(process.execPath, [how, preload, path.join(REPO, entry), "--version"], { encoding: "utf8" });
  if (how === "--require") rmSync(path.dirname(preload), { recursive: true, force: true });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  return JSON.parse(r.stderr) as string[];
}

describe("the built CLI's start", () => {
  it("loads neither the file streams nor webcrypto", () => {
    const loaded = modulesLoaded();
    expect(loaded).toContain("NativeModule vm");
    expect(loaded).not.toContain("NativeModule internal/fs/streams");
    expect(loaded).not.toContain("NativeModule internal/crypto/webcrypto");
  });

  it("through the CommonJS entry bin/ starts (dist/main.cjs), sets up no ES module loader", () => {
    const loaded = modulesLoaded("dist/main.cjs", "--require");
    expect(loaded).toContain("NativeModule vm");
    // (Node sets up the ES module loader's core at every start; an ES module entry then loads, resolves and links through it.)
    for (const part of ["module_job", "resolve", "load", "translators"]) expect(loaded).not.toContain(`NativeModule internal/modules/esm/${part}`);
    expect(loaded).not.toContain("NativeModule internal/fs/promises");
    // The ES module entry does (what the CommonJS one saves at every start).
    expect(modulesLoaded("dist/cli.js", "--require")).toContain("NativeModule internal/modules/esm/module_job");
  });
});

/** The report as a CommonJS file to preload (`--require` takes no data: URL). */
function writeReport(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "modelgen-boot-")), "report.cjs");
  writeFileSync(file, REPORT);
  return file;
}
