// The built entry takes Node's modules through `require` (nodeModule, src/common/lazy-package.ts):
// an ES import of a built-in would read every export it has, running node:fs's and node:crypto's
// lazy getters, which load the file streams and webcrypto that no run uses.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

/** Node's internal modules loaded by the time `node dist/cli.js --version` exits. */
function modulesLoaded(): string[] {
  const report = `process.on("exit", () => process.stderr.write(JSON.stringify(process.moduleLoadList)));`;
  const preload = `data:text/javascript,${encodeURIComponent(report)}`;
  const r = spawnSync(process.execPath, ["--import", preload, path.join(REPO, "dist/cli.js"), "--version"], { encoding: "utf8" });
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
});
