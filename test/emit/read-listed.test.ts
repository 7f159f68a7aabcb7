// Bookkeeping files (the IR snapshot, the units file) are read only when the manifest lists them
// with their hash; one older than the manifest is taken as the bytes it hashed (the intact check of
// fingerprint.ts, as for every kept file) and not hashed again: they are megabytes per language.
// One changed at or after the manifest is hashed, and read only when its hash is the listed one.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FILE, readIrSnapshot, readListed, type Manifest } from "../../src/emit/manifest.js";
import { sha256 } from "../../src/common/hash.js";
import { intactCheck } from "../../src/emit/fingerprint.js";

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A folder whose manifest lists `file` with `listed` as its hash, the file written before the manifest (or after, when `late`). */
function folder(file: string, text: string, listed: string, late = false): { dir: string; manifest: Manifest } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-listed-"));
  const manifest: Manifest = { tool: "openapi-modelgen", files: { [file]: listed } };
  if (!late) writeFileSync(path.join(dir, file), text);
  pause(20);
  writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  pause(20);
  if (late) writeFileSync(path.join(dir, file), text);
  return { dir, manifest };
}

describe("readListed", () => {
  it("reads a file older than the manifest without hashing it (a listed hash it does not have is not looked at)", () => {
    // The listed hash is not the file's: only a read that skips hashing returns the text.
    const { dir, manifest } = folder(".modelgen-units.json", '{"basis":"b"}\n', sha256("something else"));
    expect(readListed(dir, ".modelgen-units.json", manifest, intactCheck(dir, false))).toBe('{"basis":"b"}\n');
    // Without the intact check, it is hashed: not the listed bytes.
    expect(readListed(dir, ".modelgen-units.json", manifest)).toBeUndefined();
  });

  it("hashes a file changed at or after the manifest: read only with the listed hash", () => {
    const wrong = folder(".modelgen-ir.json", "{}\n", sha256("something else"), true);
    expect(readListed(wrong.dir, ".modelgen-ir.json", wrong.manifest, intactCheck(wrong.dir, false))).toBeUndefined();
    const right = folder(".modelgen-ir.json", "{}\n", sha256("{}\n"), true);
    expect(readListed(right.dir, ".modelgen-ir.json", right.manifest, intactCheck(right.dir, false))).toBe("{}\n");
  });

  it("reads nothing the manifest does not list, trusted or not", () => {
    const { dir, manifest } = folder(".modelgen-units.json", "{}\n", sha256("{}\n"));
    expect(readListed(dir, ".modelgen-ir.json", manifest, () => true)).toBeUndefined();
    expect(readIrSnapshot(dir, manifest, JSON.parse, () => true)).toBeUndefined();
  });

  it("the IR snapshot older than its manifest is read without hashing", () => {
    const { dir, manifest } = folder(".modelgen-ir.json", '{"models":[]}\n', sha256("not it"));
    expect(readIrSnapshot(dir, manifest, JSON.parse, intactCheck(dir, false))).toEqual({ models: [] });
    expect(readIrSnapshot(dir, manifest, JSON.parse)).toBeUndefined();
  });
});
