// intactCheck (src/emit/fingerprint.ts): a file whose inode changed before the manifest was
// written is trusted; one changed at or after that instant is hashed, however close in time.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { intactCheck, specHash } from "../../src/emit/fingerprint.js";
import { encoded } from "../helpers/encoded.js";
import { MANIFEST_FILE } from "../../src/emit/manifest.js";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("intactCheck", () => {
  it("trusts files older than the manifest and hashes the rest", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-intact-"));
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "old.ts"), "old\n");
    writeFileSync(path.join(dir, "sub/also-old.ts"), "also\n");
    // Inode times are coarse (a few ms): let the clock move on before the manifest.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(path.join(dir, MANIFEST_FILE), "{}\n");
    // Written right after the manifest, in the same millisecond or the next.
    writeFileSync(path.join(dir, "after.ts"), "edited\n");
    writeFileSync(path.join(dir, "after-same.ts"), "same\n");
    mkdirSync(path.join(dir, "folder.ts"));
    const intact = intactCheck(dir)!;
    const cases = [
      { file: "old.ts", hash: sha("old\n"), want: true },
      // Older than the manifest: trusted without hashing (as git's index does).
      { file: "old.ts", hash: sha("something else\n"), want: true },
      { file: "sub/also-old.ts", hash: sha("also\n"), want: true },
      { file: "after.ts", hash: sha("as the manifest said\n"), want: false },
      { file: "after-same.ts", hash: sha("same\n"), want: true },
      { file: "missing.ts", hash: sha(""), want: false },
      { file: "folder.ts", hash: sha(""), want: false },
    ];
    for (const c of cases) expect(intact(c.file, c.hash), `${c.file} ${c.want}`).toBe(c.want);
    // Without hashing (planChanges' shortcut): a file as new as the manifest is not known intact.
    const trusted = intactCheck(dir, false)!;
    for (const c of cases) expect(trusted(c.file, c.hash), c.file).toBe(c.want && c.file !== "after-same.ts");
  });

  it("gives no check for a folder without a manifest", () => {
    const cases = [mkdtempSync(path.join(os.tmpdir(), "modelgen-intact-")), path.join(os.tmpdir(), "modelgen-no-such-folder")];
    for (const dir of cases) expect(intactCheck(dir)).toBeUndefined();
  });
});

describe("specHash", () => {
  it("hashes a file's text as read: the same for its CRLF, CR, BOM and UTF-16 forms, the bytes' own hash for plain UTF-8", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spec-hash-"));
    const text = "openapi: 3.1.0\ninfo:\n  title: Café — 中\n";
    const forms: Record<string, Buffer> = {
      "lf.yaml": Buffer.from(text),
      "crlf.yaml": Buffer.from(text.replaceAll("\n", "\r\n")),
      "bom.yaml": Buffer.from(`\uFEFF${text}`),
      "utf16.yaml": encoded(text.replaceAll("\n", "\r\n"), "utf-16le", true),
    };
    const hashes = Object.entries(forms).map(([name, bytes]) => {
      writeFileSync(path.join(dir, name), bytes);
      return specHash(path.join(dir, name), {});
    });
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toBe(createHash("sha256").update(Buffer.from(text)).digest("hex"));
    // CR line breaks are line breaks too; a changed character is another text.
    writeFileSync(path.join(dir, "cr.yaml"), text.replaceAll("\n", "\r"));
    expect(specHash(path.join(dir, "cr.yaml"), {})).toBe(hashes[0]);
    writeFileSync(path.join(dir, "other.yaml"), text.replace("Café", "Cafe"));
    expect(specHash(path.join(dir, "other.yaml"), {})).not.toBe(hashes[0]);
  });
});
