// A commit leaves the manifest the newest inode of its folder (in-place-commit.ts, manifestNewest):
// the files written with it (the units file, the IR snapshot, the changed model files) are then
// strictly older, so the next run trusts them without hashing (fingerprint.ts, intactCheck). On a
// kernel with coarse timestamps they came out equal most of the time (4 commits of 5 on tmpfs here).
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commitFiles, planChanges } from "../../src/emit/writer.js";
import { MANIFEST_FILE, withManifest } from "../../src/emit/manifest.js";
import { intactCheck } from "../../src/emit/fingerprint.js";

const root = mkdtempSync(path.join(os.tmpdir(), "manifest-newest-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Whether this file system orders a mode change right after a stat after an earlier write (else the times may stay equal, as before). */
function finegrained(): boolean {
  const a = path.join(root, "probe-a");
  const b = path.join(root, "probe-b");
  writeFileSync(a, "a");
  writeFileSync(b, "b");
  const before = statSync(a).ctimeMs;
  chmodSync(b, statSync(b).mode & 0o7777);
  return before < statSync(b).ctimeMs;
}

const files = (run: number) =>
  withManifest([
    { path: "Kept.ts", contents: "kept\n" },
    { path: `models/Changed${run % 2}.ts`, contents: `changed ${run}\n` },
    { path: ".modelgen-units.json", contents: `{"run":${run}}\n` },
  ]);

describe("a commit's manifest", () => {
  it.skipIf(!finegrained())("is newer than every file written with it, folder made or changed in place", () => {
    const dir = path.join(root, "out");
    for (let run = 0; run < 20; run++) {
      const next = files(run);
      commitFiles(dir, next, planChanges(dir, next));
      const manifest = statSync(path.join(dir, MANIFEST_FILE)).ctimeMs;
      for (const f of next.filter((f) => f.path !== MANIFEST_FILE))
        expect(statSync(path.join(dir, f.path)).ctimeMs, `run ${run} ${f.path}`).toBeLessThan(manifest);
      // So the next run trusts the units file without hashing it.
      expect(intactCheck(dir, false)!(".modelgen-units.json", "not the hash")).toBe(true);
    }
  });
});
