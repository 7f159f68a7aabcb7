// planChanges with the hashes of what it writes (KnownContents): a file the folder's manifest lists
// and that is intact (fingerprint.ts) is judged by comparing hashes, never read or measured (the
// IR snapshot and the units file are megabytes per language); the verdicts are those of comparing
// with the disk, whatever was done to the folder since its manifest was written.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitFiles, planChanges } from "../../src/emit/writer.js";
import { MANIFEST_FILE, readManifest, snapshotFileOf, withManifest, withManifestHashes } from "../../src/emit/manifest.js";
import { sha256 } from "../../src/common/hash.js";
import { intactCheck } from "../../src/emit/fingerprint.js";
import { manifestKnownChanged } from "../../src/emit/output-job.js";

const tmp = () => path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-known-")), "out", "lang");

const first = [
  { path: "same.ts", contents: "same\n" },
  { path: "changes.ts", contents: "before\n" },
  { path: "edited-to-new.ts", contents: "before\n" },
  { path: "edited-away.ts", contents: "kept\n" },
  { path: "deleted.ts", contents: "x\n" },
  { path: "folder-now.ts", contents: "x\n" },
  { path: "sub/big.json", contents: "y".repeat(100_000) },
];
const next = [
  { path: "same.ts", contents: "same\n" },
  { path: "changes.ts", contents: "after\n" },
  { path: "edited-to-new.ts", contents: "after\n" },
  { path: "edited-away.ts", contents: "kept\n" },
  { path: "deleted.ts", contents: "x\n" },
  { path: "folder-now.ts", contents: "x\n" },
  { path: "new.ts", contents: "new\n" },
  { path: "sub/big.json", contents: "z".repeat(100_000) },
];

describe("planChanges judges intact listed files by hash", () => {
  it("gives the verdicts of comparing with the disk, after edits, deletions and a folder in a file's place", () => {
    const dir = tmp();
    const all = withManifest(first);
    commitFiles(dir, all, planChanges(dir, all));
    // Changed after the manifest was written: their ctimes are now, so the intact check hashes them.
    writeFileSync(path.join(dir, "edited-to-new.ts"), "after\n");
    writeFileSync(path.join(dir, "edited-away.ts"), "edited by hand\n");
    rmSync(path.join(dir, "deleted.ts"));
    rmSync(path.join(dir, "folder-now.ts"));
    mkdirSync(path.join(dir, "folder-now.ts"));
    const owned = readManifest(dir)!.files;
    const { files, hashes } = withManifestHashes(next);
    const known = planChanges(dir, files, owned, { hashes, intact: intactCheck(dir, false)! });
    expect(known).toEqual(planChanges(dir, files, owned));
    expect(known).toMatchObject({
      added: ["deleted.ts", "folder-now.ts", "new.ts"],
      changed: [MANIFEST_FILE, "changes.ts", "edited-away.ts", "sub/big.json"],
      unchanged: ["edited-to-new.ts", "same.ts"],
    });
  });

  it("does not read a file older than the manifest: its listed hash is taken for its contents", () => {
    // The trust the intact check gives every kept file (isUpToDate): a file whose inode changed
    // before the manifest was written has the contents the manifest hashed. Here the manifest
    // lists the hash of other text than the disk holds, so only a judgment by hash says unchanged.
    const dir = tmp();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "a.ts"), "on disk\n");
    // Its ctime strictly before the manifest's (timestamps are coarse).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ tool: "openapi-modelgen", files: { "a.ts": sha256("listed\n") } }));
    const owned = readManifest(dir)!.files;
    const { files, hashes } = withManifestHashes([{ path: "a.ts", contents: "listed\n" }]);
    expect(planChanges(dir, files, owned, { hashes, intact: intactCheck(dir, false)! }).unchanged).toEqual(["a.ts"]);
    expect(planChanges(dir, files, owned).changed).toEqual([MANIFEST_FILE, "a.ts"]);
  });

  it("hashes a file given as UTF-8 already from those bytes, the hash of its text, and writes them", () => {
    const contents = '{"names": ["Café", "naïve — 𝄞"]}\n';
    const { hashes, files } = withManifestHashes([{ path: ".modelgen-units.json", contents, encoded: Buffer.from(contents, "utf8") }]);
    expect(hashes[".modelgen-units.json"]).toBe(sha256(contents));
    const dir = tmp();
    commitFiles(dir, files, planChanges(dir, files));
    expect(readManifest(dir)!.files[".modelgen-units.json"]).toBe(sha256(contents));
    expect(readFileSync(path.join(dir, ".modelgen-units.json"), "utf8")).toBe(contents);
  });

  it("counts the IR snapshot's bytes once per run, and compares its size with the disk's from that count", () => {
    const snapshot = snapshotFileOf(JSON.stringify({ models: [{ id: "é", description: "naïve — 𝄞" }] }));
    expect(snapshot.bytes).toBe(Buffer.byteLength(snapshot.contents));
    const dir = tmp();
    const first = withManifestHashes([{ path: "a.ts", contents: "a\n" }], undefined, snapshot);
    commitFiles(dir, first.files, planChanges(dir, first.files));
    const owned = readManifest(dir)!.files;
    const next = withManifestHashes([{ path: "a.ts", contents: "a\n" }], undefined, snapshot);
    expect(next.sizes).toEqual({ ".modelgen-ir.json": snapshot.bytes });
    // Files as new as the manifest: compared with the disk, the snapshot by its known size (then its text).
    const none = () => false;
    const plan = planChanges(dir, next.files, owned, { hashes: next.hashes, intact: none, sizes: next.sizes });
    expect(plan).toEqual(planChanges(dir, next.files, owned));
    expect(plan.unchanged).toContain(".modelgen-ir.json");
    // The count is what is compared (a wrong one would say changed): it is not counted again.
    const wrong = planChanges(dir, next.files, owned, { hashes: next.hashes, intact: none, sizes: { ".modelgen-ir.json": 1 } });
    expect(wrong.changed).toContain(".modelgen-ir.json");
  });

  it("takes a file known to differ (changed) as changed without comparing it with the disk", () => {
    const dir = tmp();
    const all = withManifest([{ path: "a.ts", contents: "a\n" }]);
    commitFiles(dir, all, planChanges(dir, all));
    const owned = readManifest(dir)!.files;
    const { files, hashes } = withManifestHashes([{ path: "a.ts", contents: "a\n" }]);
    const none = () => false;
    // The disk holds the same manifest: only a comparison with it tells, and `changed` skips it.
    expect(planChanges(dir, files, owned, { hashes, intact: none }).unchanged).toEqual([MANIFEST_FILE, "a.ts"]);
    const known = planChanges(dir, files, owned, { hashes, intact: none, changed: new Set([MANIFEST_FILE]) });
    expect(known).toMatchObject({ changed: [MANIFEST_FILE], unchanged: ["a.ts"] });
    // A first run adds it all the same.
    const fresh = tmp();
    expect(planChanges(fresh, files, {}, { hashes, intact: none, changed: new Set([MANIFEST_FILE]) }).added).toEqual([
      MANIFEST_FILE,
      "a.ts",
    ]);
  });
});

describe("the manifest of a regeneration", () => {
  it("is known changed when its fingerprint is not the one of the manifest read from the folder", () => {
    expect([...manifestKnownChanged("before", "after")]).toEqual([MANIFEST_FILE]);
    expect([...manifestKnownChanged("same", "same")]).toEqual([]);
    // No manifest read (or one without a fingerprint): compared with the disk.
    expect([...manifestKnownChanged(undefined, "after")]).toEqual([]);
  });
});
