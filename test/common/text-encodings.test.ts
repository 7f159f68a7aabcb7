import { describe, expect, it } from "vitest";
import {
  bytesWithoutBomOrCr,
  decodeOtherThanUtf8,
  fileText,
  textBytesOf,
  textWithoutBomOrCr,
  unicodeEncodingOf,
  type UnicodeEncoding,
} from "../../src/common/text-encodings.js";
import { encoded } from "../helpers/encoded.js";

const WIDE = ["é", "—", "’", "μ", "😀", "\uFEFF", "中"];

describe("bytesWithoutBomOrCr and textWithoutBomOrCr", () => {
  // want: the text after; undefined when there is nothing to change (the same bytes are given back).
  const cases: { name: string; given: string; want: string | undefined }[] = [
    { name: "no BOM and no CR", given: "a: 1\nb: 2\n", want: undefined },
    { name: "CRLF line breaks", given: "a: 1\r\nb:\r\n  c: 2\r\n", want: "a: 1\nb:\n  c: 2\n" },
    { name: "CRLF and LF mixed", given: "a: 1\r\nb: 2\nc: |\r\n  x\r\n\r\n", want: "a: 1\nb: 2\nc: |\n  x\n\n" },
    { name: "characters beyond ASCII beside them", given: "t: café — 中 😀\r\nu: é\r\n", want: "t: café — 中 😀\nu: é\n" },
    { name: "no line break at the end", given: "a: 1\r\nb: 2", want: "a: 1\nb: 2" },
    { name: "CR line breaks (classic Mac OS)", given: "a: 1\rb: 2\r", want: "a: 1\nb: 2\n" },
    { name: "a CR alone among CRLFs", given: "a: 1\r\nb: 2\r \r\n", want: "a: 1\nb: 2\n \n" },
    { name: "a CR at the very end", given: "a: 1\r\nb: 2\r", want: "a: 1\nb: 2\n" },
    { name: "CR CR LF: two line breaks", given: "a: 1\r\r\n", want: "a: 1\n\n" },
    { name: "LF CR: two line breaks", given: "a: 1\n\rb: 2", want: "a: 1\n\nb: 2" },
    { name: "a leading BOM", given: "\uFEFFa: 1\nb: 2\n", want: "a: 1\nb: 2\n" },
    { name: "a leading BOM and CRLF", given: "\uFEFFa: 1\r\nb: 2\r\n", want: "a: 1\nb: 2\n" },
    { name: "a leading BOM, CR and CRLF", given: "\uFEFFa: 1\rb: 2\r\n", want: "a: 1\nb: 2\n" },
    { name: "a BOM not at the start", given: "a: 1\n\uFEFFb: 2\n", want: undefined },
    { name: "two BOMs: the first only", given: "\uFEFF\uFEFFa: 1\n", want: "\uFEFFa: 1\n" },
    { name: "empty", given: "", want: undefined },
  ];

  it.each(cases)("$name", ({ given, want }) => {
    const bytes = Buffer.from(given, "utf8");
    const plain = bytesWithoutBomOrCr(bytes);
    if (want === undefined) expect(plain).toBe(bytes);
    else expect(plain.toString("utf8")).toBe(want);
    expect(textWithoutBomOrCr(given)).toBe(want ?? given);
  });

  it("takes out every CR of a large CRLF text, wherever characters beyond ASCII fall", () => {
    let lf = "";
    for (let i = 0; i < 20_000; i++) lf += `k${i}: ${WIDE[(i * 7) % WIDE.length]!.repeat(i % 3)}v\n`;
    const bytes = Buffer.from(lf.replaceAll("\n", "\r\n"), "utf8");
    expect(bytesWithoutBomOrCr(bytes).equals(Buffer.from(lf, "utf8"))).toBe(true);
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

describe("textBytesOf", () => {
  it("copies the same bytes once (the up-to-date check and the load take the same buffer), and plain UTF-8 never", () => {
    const crlf = Buffer.from("a: 1\r\nb: 2\r\n");
    const first = textBytesOf(crlf);
    expect(first.toString()).toBe("a: 1\nb: 2\n");
    expect(textBytesOf(crlf)).toBe(first);
    // Other bytes of the same text are converted afresh.
    expect(textBytesOf(Buffer.from(crlf))).not.toBe(first);
    const plain = Buffer.from("a: 1\n");
    expect(textBytesOf(plain)).toBe(plain);
  });
});
