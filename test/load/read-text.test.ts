import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeInBlocks, decodeUtf8, KeptBytes } from "../../src/load/read-text.js";
import { readSpecFile } from "../../src/load/scanned-text.js";

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WIDE = ["é", "—", "’", "μ", "😀", "\uFEFF", "中"];

describe("decodeUtf8", () => {
  it("decodes ASCII text", () => {
    const text = "openapi: 3.1.0\ninfo:\n  title: x\n".repeat(50);
    expect(decodeUtf8(Buffer.from(text))).toBe(text);
  });

  it("decodes characters beyond ASCII wherever blocks are cut, even across a character", () => {
    const next = random(7);
    for (let round = 0; round < 40; round++) {
      let text = "";
      while (text.length < 600)
        text += next() < 0.1 ? WIDE[Math.floor(next() * WIDE.length)] : "abc: d\n".slice(0, 1 + Math.floor(next() * 7));
      const bytes = Buffer.from(text, "utf8");
      // Blocks of a few bytes end inside multi-byte characters all the time.
      for (const block of [1, 2, 3, 5, 16, 64]) expect(decodeInBlocks(bytes, block)).toBe(text);
      expect(decodeUtf8(bytes)).toBe(text);
    }
  });

  it("decodes broken UTF-8 as Buffer#toString does (replacement characters at the same places)", () => {
    const next = random(11);
    const pieces = [
      [0xe2, 0x80],
      [0xc3],
      [0x80],
      [0xbf, 0xbf],
      [0xf0, 0x9f, 0x98],
      [0xff],
      [0xed, 0xa0, 0x80],
      [0x61],
      [0x0a],
      [0xe2, 0x80, 0x94],
    ];
    for (let round = 0; round < 200; round++) {
      const bytes: number[] = [];
      while (bytes.length < 80) bytes.push(...pieces[Math.floor(next() * pieces.length)]!);
      const buffer = Buffer.from(bytes);
      for (const block of [1, 2, 3, 4, 7, 32]) {
        expect(decodeInBlocks(buffer, block)).toBe(buffer.toString("utf8"));
        expect(decodeUtf8(buffer, block)).toBe(buffer.toString("utf8"));
      }
    }
  });

  it("keeps a byte-order mark and characters beyond the BMP in valid UTF-8, as Buffer#toString does", () => {
    // TextDecoder drops a leading BOM unless told not to; Buffer#toString (and js-yaml after it) sees it.
    for (const text of ["\uFEFFopenapi: 3.1.0\ntitle: café — 😀\n", "\uFEFF\uFEFFx: é\n", "x: 中\uFEFF\n", "😀"]) {
      const bytes = Buffer.from(text, "utf8");
      expect(decodeUtf8(bytes)).toBe(bytes.toString("utf8"));
      expect(decodeUtf8(bytes)).toBe(text);
    }
  });

  it("reads a file as readFileSync(file, 'utf8') does", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "read-text-")), "spec.yaml");
    const text = `${"description: a dash — here\n".repeat(3000)}title: ’quoted’ café 😀\n`;
    writeFileSync(file, text);
    expect(readSpecFile(file).text).toBe(text);
  });
});

describe("KeptBytes", () => {
  const file = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), "kept-bytes-")), "spec.yaml");

  it("gives the bytes it read (as the up-to-date check hashed them) instead of reading the file again, once", () => {
    const spec = file();
    writeFileSync(spec, "title: as hashed — here\n");
    const kept = new KeptBytes();
    expect(kept.read(spec)).toEqual(readFileSync(spec));
    // Changed on disk after the check: the load parses what was hashed, so the manifest's hash is of the text parsed.
    writeFileSync(spec, "title: changed since\n");
    expect(kept.take(spec).toString("utf8")).toBe("title: as hashed — here\n");
    // Taken once: a later read is the disk's.
    expect(kept.take(spec).toString("utf8")).toBe("title: changed since\n");
  });

  it("reads from disk a file it did not read, and keeps the bytes it gave", () => {
    const spec = file();
    writeFileSync(spec, "openapi: 3.1.0\n");
    const kept = new KeptBytes();
    expect(kept.bytesOf(spec)).toBeUndefined();
    expect(kept.take(spec).toString("utf8")).toBe("openapi: 3.1.0\n");
    // What the run's fingerprint hashes: the bytes parsed, not the file as it is later.
    writeFileSync(spec, "openapi: 3.0.3\n");
    expect(kept.bytesOf(spec)?.toString("utf8")).toBe("openapi: 3.1.0\n");
  });
});
