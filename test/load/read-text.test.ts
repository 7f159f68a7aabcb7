import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  bytesWithoutBomOrCrlf,
  decodeInBlocks,
  decodeOtherThanUtf8,
  decodeUtf8,
  fileText,
  KeptBytes,
  textWithoutBomOrCrlf,
  unicodeEncodingOf,
  type UnicodeEncoding,
} from "../../src/load/read-text.js";
import { readSpecFile } from "../../src/load/scanned-text.js";
import { encoded } from "../helpers/encoded.js";

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

describe("bytesWithoutBomOrCrlf and textWithoutBomOrCrlf", () => {
  // want: the text after; undefined when there is nothing to change (the same bytes are given back).
  const cases: { name: string; given: string; want: string | undefined }[] = [
    { name: "no BOM and no CR", given: "a: 1\nb: 2\n", want: undefined },
    { name: "CRLF line breaks", given: "a: 1\r\nb:\r\n  c: 2\r\n", want: "a: 1\nb:\n  c: 2\n" },
    { name: "CRLF and LF mixed", given: "a: 1\r\nb: 2\nc: |\r\n  x\r\n\r\n", want: "a: 1\nb: 2\nc: |\n  x\n\n" },
    { name: "characters beyond ASCII beside them", given: "t: café — 中 😀\r\nu: é\r\n", want: "t: café — 中 😀\nu: é\n" },
    { name: "no line break at the end", given: "a: 1\r\nb: 2", want: "a: 1\nb: 2" },
    { name: "a CR alone (old Mac line breaks)", given: "a: 1\rb: 2\r", want: undefined },
    { name: "a CR alone among CRLFs", given: "a: 1\r\nb: 2\r \r\n", want: undefined },
    { name: "a CR at the very end", given: "a: 1\r\nb: 2\r", want: undefined },
    { name: "CR CR LF", given: "a: 1\r\r\n", want: undefined },
    { name: "a leading BOM", given: "\uFEFFa: 1\nb: 2\n", want: "a: 1\nb: 2\n" },
    { name: "a leading BOM and CRLF", given: "\uFEFFa: 1\r\nb: 2\r\n", want: "a: 1\nb: 2\n" },
    { name: "a leading BOM and a CR alone: the BOM only", given: "\uFEFFa: 1\rb: 2\r\n", want: "a: 1\rb: 2\r\n" },
    { name: "a BOM not at the start", given: "a: 1\n\uFEFFb: 2\n", want: undefined },
    { name: "two BOMs: the first only", given: "\uFEFF\uFEFFa: 1\n", want: "\uFEFFa: 1\n" },
    { name: "empty", given: "", want: undefined },
  ];

  it.each(cases)("$name", ({ given, want }) => {
    const bytes = Buffer.from(given, "utf8");
    const plain = bytesWithoutBomOrCrlf(bytes);
    if (want === undefined) expect(plain).toBe(bytes);
    else expect(plain.toString("utf8")).toBe(want);
    expect(textWithoutBomOrCrlf(given)).toBe(want ?? given);
  });

  it("takes out every CR of a large CRLF text, wherever characters beyond ASCII fall", () => {
    const next = random(7);
    let lf = "";
    for (let i = 0; i < 20_000; i++) lf += `k${i}: ${WIDE[Math.floor(next() * WIDE.length)]!.repeat(Math.floor(next() * 3))}v\n`;
    const bytes = Buffer.from(lf.replaceAll("\n", "\r\n"), "utf8");
    expect(bytesWithoutBomOrCrlf(bytes).equals(Buffer.from(lf, "utf8"))).toBe(true);
  });
});

describe("unicodeEncodingOf: YAML's rules (YAML 1.2, section 5.2)", () => {
  const cases: { name: string; bytes: number[]; want: UnicodeEncoding }[] = [
    { name: "UTF-32BE with a BOM", bytes: [0, 0, 0xfe, 0xff, 0, 0, 0, 0x61], want: "utf-32be" },
    { name: "UTF-32BE, an ASCII first character", bytes: [0, 0, 0, 0x61], want: "utf-32be" },
    { name: "UTF-32LE with a BOM", bytes: [0xff, 0xfe, 0, 0, 0x61, 0, 0, 0], want: "utf-32le" },
    { name: "UTF-32LE, an ASCII first character", bytes: [0x61, 0, 0, 0], want: "utf-32le" },
    { name: "UTF-16BE with a BOM", bytes: [0xfe, 0xff, 0, 0x61], want: "utf-16be" },
    { name: "UTF-16BE, an ASCII first character", bytes: [0, 0x61, 0, 0x3a], want: "utf-16be" },
    { name: "UTF-16LE with a BOM", bytes: [0xff, 0xfe, 0x61, 0], want: "utf-16le" },
    { name: "UTF-16LE, an ASCII first character", bytes: [0x61, 0, 0x3a, 0], want: "utf-16le" },
    { name: "UTF-16LE with a BOM, then a character beyond ASCII", bytes: [0xff, 0xfe, 0xe9, 0x00, 0x61, 0], want: "utf-16le" },
    { name: "UTF-8 with a BOM", bytes: [0xef, 0xbb, 0xbf, 0x61], want: "utf-8" },
    { name: "UTF-8", bytes: [0x61, 0x3a, 0x20, 0x31], want: "utf-8" },
    { name: "one byte", bytes: [0x61], want: "utf-8" },
    { name: "empty", bytes: [], want: "utf-8" },
  ];
  it.each(cases)("$name", ({ bytes, want }) => {
    expect(unicodeEncodingOf(Uint8Array.from(bytes))).toBe(want);
  });
});

describe("decodeOtherThanUtf8", () => {
  const text = `openapi: 3.1.0\ninfo:\n  title: café — 中 😀 ${"x".repeat(9000)}\n`;
  const encodings = ["utf-16le", "utf-16be", "utf-32le", "utf-32be"] as const;
  it.each(encodings.flatMap((e) => [true, false].map((bom) => ({ e, bom }))))("decodes $e (BOM: $bom), the BOM dropped", ({ e, bom }) => {
    const bytes = encoded(text, e, bom);
    expect(unicodeEncodingOf(bytes)).toBe(e);
    expect(decodeOtherThanUtf8(bytes, e)).toBe(text);
  });

  it("reads broken UTF-32 as U+FFFD: a surrogate, a code point beyond Unicode, bytes left over", () => {
    const bytes = Buffer.concat([encoded("a", "utf-32be", false), Buffer.from([0, 0, 0xd8, 0, 0, 0x11, 0, 0, 0, 0])]);
    expect(decodeOtherThanUtf8(bytes, "utf-32be")).toBe("a\uFFFD\uFFFD\uFFFD");
  });
});

describe("fileText", () => {
  it("gives the text the loader reads, in any encoding: no BOM, LF for CRLF", () => {
    const text = "a: café\r\nb: 中 😀\r\n";
    const want = "a: café\nb: 中 😀\n";
    expect(fileText(Buffer.from(`\uFEFF${text}`))).toBe(want);
    expect(fileText(Buffer.from(text))).toBe(want);
    for (const encoding of ["utf-16le", "utf-16be", "utf-32le", "utf-32be"] as const) expect(fileText(encoded(text, encoding, true))).toBe(want);
  });
});
