// stat-prefetch (src/emit/stat-prefetch.ts): a worker stats the files a regeneration may keep while
// the main thread reads the spec; its answers are statSync's, the intact check takes them, and a
// run's answers never outlive it.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { intactCheck } from "../../src/emit/fingerprint.js";
import { MANIFEST_FILE, type Manifest } from "../../src/emit/manifest.js";
import { forgetStats, prefetchedCtimes, prefetchedManifest, prefetchStats, wantsStatWorker } from "../../src/emit/stat-prefetch.js";

function folder(): { dir: string; manifest: Manifest } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-prefetch-"));
  mkdirSync(path.join(dir, "sub"));
  mkdirSync(path.join(dir, "folder.ts"));
  writeFileSync(path.join(dir, "a.ts"), "a\n");
  writeFileSync(path.join(dir, "sub/b.ts"), "b\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
  writeFileSync(path.join(dir, MANIFEST_FILE), "{}\n");
  const files = { "a.ts": "x", "sub/b.ts": "x", "missing.ts": "x", "folder.ts": "x" };
  return { dir, manifest: { tool: "openapi-modelgen", files } };
}

afterEach(() => forgetStats());

describe("prefetchStats", () => {
  it("answers as statSync does: a regular file's ctime, NaN for anything else; remembers the manifest", async () => {
    const f = folder();
    await prefetchStats([f]);
    const at = (p: string) => prefetchedCtimes(f.dir)?.get(p);
    expect(at("a.ts")).toBe(statSync(path.join(f.dir, "a.ts")).ctimeMs);
    expect(at("sub/b.ts")).toBe(statSync(path.join(f.dir, "sub/b.ts")).ctimeMs);
    expect(at("missing.ts")).toBeNaN();
    expect(at("folder.ts")).toBeNaN();
    // Not listed in the manifest: not asked, so not known.
    expect(at(MANIFEST_FILE)).toBeUndefined();
    expect(prefetchedManifest(f.dir)).toBe(f.manifest);
    forgetStats();
    expect(at("a.ts")).toBeUndefined();
    expect(prefetchedManifest(f.dir)).toBeUndefined();
  });

  it("is what the intact check answers from while the run lasts, and statSync after it", async () => {
    const f = folder();
    await prefetchStats([f]);
    // Removed after the prefetch: the run still takes the answer it prefetched (as if stat'ed before the removal).
    rmSync(path.join(f.dir, "a.ts"));
    expect(intactCheck(f.dir)!("a.ts", "x")).toBe(true);
    forgetStats();
    expect(intactCheck(f.dir)!("a.ts", "x")).toBe(false);
  });

  it("drops answers that arrive after their run ended", async () => {
    const f = folder();
    const answered = prefetchStats([f]);
    forgetStats();
    await answered;
    expect(prefetchedCtimes(f.dir)).toBeUndefined();
  });

  it("resolves at once with nothing to ask", async () => {
    await prefetchStats([]);
    expect(prefetchedManifest("/nowhere")).toBeUndefined();
  });
});

describe("wantsStatWorker", () => {
  it.each([
    ["a free core", undefined, 0.4, 2, true],
    ["half a core free", undefined, 1.5, 2, true],
    ["every core busy", undefined, 1.6, 2, false],
    ["a loaded machine", undefined, 6, 2, false],
    ["one core", undefined, 0, 1, false],
    ["MODELGEN_WORKERS=0", "0", 0, 8, false],
    ["MODELGEN_WORKERS=1", "1", 9, 2, true],
  ] as const)("%s", (_, setting, load, cores, want) => expect(wantsStatWorker(setting, load, cores)).toBe(want));

  it("without the worker, remembers the manifests and answers nothing", async () => {
    const f = folder();
    await prefetchStats([f], false);
    expect(prefetchedManifest(f.dir)).toBe(f.manifest);
    expect(prefetchedCtimes(f.dir)).toBeUndefined();
  });
});
