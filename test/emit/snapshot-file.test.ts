import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { snapshotFileOf, withManifestHashes } from "../../src/emit/manifest.js";
import { planChanges, stageFiles, swapIn } from "../../src/emit/writer.js";
import { sha256 } from "../../src/common/hash.js";

const IR_SNAPSHOT_FILE = ".modelgen-ir.json";

describe("the IR snapshot's file, encoded once", () => {
  const text = '{\n  "models": [\n    { "id": "#/components/schemas/Café", "value": "😀 ☕" }\n  ]\n}';

  it("is the text and a newline in UTF-8, hashed and sized as such", () => {
    const file = snapshotFileOf(text);
    expect(file.contents).toBe(`${text}\n`);
    expect(Buffer.from(file.encoded!).equals(Buffer.from(`${text}\n`, "utf8"))).toBe(true);
    expect(file.sha256).toBe(sha256(`${text}\n`));
    expect(file.bytes).toBe(Buffer.byteLength(`${text}\n`));
  });

  it("is written into a folder as its bytes, listed under its hash", () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-snapshot-")), "out");
    const file = snapshotFileOf(text);
    const { files, hashes } = withManifestHashes([{ path: "a.ts", contents: "export {};\n" }], undefined, file);
    swapIn(dir, stageFiles(dir, files, planChanges(dir, files)));
    expect(readFileSync(path.join(dir, IR_SNAPSHOT_FILE), "utf8")).toBe(`${text}\n`);
    expect(hashes[IR_SNAPSHOT_FILE]).toBe(sha256(readFileSync(path.join(dir, IR_SNAPSHOT_FILE))));
  });
});
