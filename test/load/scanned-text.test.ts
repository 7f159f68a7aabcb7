import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource, type ParsedSource } from "../../src/load/parse-source.js";
import { mostBeyondAscii, ScannedText, TextBytes } from "../../src/load/scanned-text.js";
import { OPENAI_SPECS } from "../helpers/generate.js";
import { encoding } from "../helpers/string-encoding.js";

const bytesOf = (text: string) => Buffer.from(text, "utf8");
const scan = (text: string) => new TextBytes(bytesOf(text)).scan();

/** Every container's start and every key's offset, with line and column, in document order. */
function positions(src: ParsedSource): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== "object") return;
    const start = src.startOf(v);
    out.push(start === undefined ? "none" : src.lineCol(start));
    if (Array.isArray(v)) v.forEach(walk);
    else
      for (const [key, inner] of Object.entries(v)) {
        const at = src.offsetOf(v, key);
        out.push(key, at === undefined ? "none" : src.lineCol(at));
        walk(inner);
      }
  };
  walk(src.value);
  return out;
}

/** What reading gives: the value, positions and text, or the error's line, column and detail. */
function reading(read: () => ParsedSource): unknown {
  try {
    const src = read();
    return { value: src.value, positions: positions(src), text: src.text };
  } catch (e) {
    const { line, col, detail } = e as { line: number; col: number; detail: string };
    return { line, col, detail };
  }
}

/** The same document read from its text and from its bytes. */
function expectSameBothWays(text: string): void {
  expect(reading(() => parseSource(new TextBytes(bytesOf(text))))).toEqual(reading(() => parseSource(text)));
}

describe("ScannedText", () => {
  it("stands one DEL for each UTF-16 unit beyond ASCII, at the text's own positions, then the reader's end", () => {
    const text = "a: é — 😀 x\nb: 1";
    const s = scan(text)!;
    expect(s.length).toBe(text.length);
    expect(s.scanned).toBe("a: \x7f \x7f \x7f\x7f x\nb: 1\n\0");
    expect(s.beyond).toEqual([3, 5, 7, 8]);
    expect(encoding(s.scanned)).toBe("one-byte");
  });

  it("ends with NUL alone when the text ends with a line break", () => {
    expect(scan("a: 1\n")!.scanned).toBe("a: 1\n\0");
  });

  it.each([
    [0, 3, "a: "],
    [3, 4, "é"],
    [2, 12, " é — 😀 x\n"],
    [7, 9, "😀"],
    [9, 15, " x\nb: "],
    [0, 16, "a: é — 😀 x\nb: 1"],
  ])("gives the text as written from %i to %i", (from, to, want) => {
    const s = scan("a: é — 😀 x\nb: 1")!;
    expect(s.written(from, to)).toBe(want);
  });

  it("cuts inside a surrogate pair as the text does", () => {
    const text = "a: 😀😀";
    expect(scan(text)!.written(4, 6)).toBe(text.slice(4, 6));
  });

  it("is the text itself for ASCII, with no stand-in", () => {
    const s = scan("openapi: 3.1.0\n")!;
    expect(s.beyond).toEqual([]);
    expect(s.text).toBe("openapi: 3.1.0\n");
    expect(s.written(0, 7)).toBe("openapi");
  });

  it.each([
    ["a byte order mark", "\ufeffa: 1\n"],
    ["a C1 control", "a: \u0085ok \u0090\n"],
    ["U+FFFE", "a: \ufffe\n"],
  ])("is not made for a text with %s (the reader refuses it: decoded then)", (_, text) => {
    expect(scan(text)).toBeUndefined();
  });

  it("is not made for bytes that are not UTF-8", () => {
    expect(new TextBytes(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a])).scan()).toBeUndefined();
  });

  it("finds characters beyond ASCII far apart and next to each other, in every block", () => {
    const text = `${"x".repeat(5000)}é${"y".repeat(130)}——${"z".repeat(9000)}😀\n`;
    const s = scan(text)!;
    expect(s.beyond).toEqual([5000, 5131, 5132, 14133, 14134]);
    expect(s.written(4999, 5002)).toBe("xéy");
    expect(s.written(5130, 5134)).toBe("y——z");
    expect(s.text).toBe(text);
  });

  it("scans once, and its text is the decoded text", () => {
    const bytes = new TextBytes(bytesOf("a: é\n"));
    const s = bytes.scan()!;
    expect(bytes.scan()).toBe(s);
    expect(s.text).toBe("a: é\n");
    expect(s.text).toBe(bytes.text);
  });

  it("decodes the text only when it is asked for: a value with a character beyond ASCII comes from its bytes", () => {
    let decoded = 0;
    const s = ScannedText.of(bytesOf("a: naïve\nb: é\n"), () => {
      decoded++;
      return "a: naïve\nb: é\n";
    })!;
    expect(s.written(3, 8)).toBe("naïve");
    expect(decoded).toBe(0);
    expect(s.text).toBe("a: naïve\nb: é\n");
    expect(decoded).toBe(1);
  });

  it("is read by parseSource without the text being decoded, until the parsed document's text is asked for", () => {
    class Counted extends TextBytes {
      asked = 0;
      override get text(): string {
        this.asked++;
        return super.text;
      }
    }
    const bytes = new Counted(bytesOf("a: naïve\nb:\n  c: é\n"));
    const src = parseSource(bytes);
    const root = src.value as { b: object };
    expect(root).toEqual({ a: "naïve", b: { c: "é" } });
    expect(src.lineCol(src.offsetOf(root.b, "c")!)).toEqual({ line: 3, col: 3 });
    expect(bytes.asked).toBe(0);
    expect(src.text).toBe("a: naïve\nb:\n  c: é\n");
    expect(bytes.asked).toBe(1);
  });

  it.each([
    ["{}", true],
    [" \n\t\r[1]", true],
    ["a: {}", false],
    ["\ufeff{}", false],
    ["", false],
  ])("tells JSON from its first byte after white space: %j", (text, json) => {
    expect(new TextBytes(bytesOf(text)).looksLikeJson()).toBe(json);
  });

  it("is made by ScannedText.of with the decoding it is given", () => {
    const s = ScannedText.of(bytesOf("a: é\n"), () => "decoded")!;
    expect(s.text).toBe("decoded");
  });
});

describe("a text written much beyond ASCII", () => {
  /** A document of `entries` entries, each holding `beyond` characters beyond ASCII and `ascii` ASCII ones. */
  const doc = (entries: number, beyond: number, ascii: number) =>
    Array.from({ length: entries }, (_, i) => `k${i}: ${"説".repeat(beyond)}${"x".repeat(ascii)}\n`).join("");

  it.each([
    { name: "64 in a small text", text: doc(1, 64, 0), scanned: true },
    { name: "65 in a small text", text: doc(1, 65, 0), scanned: false },
    { name: "one per 512 bytes", text: doc(200, 1, 507), scanned: true },
    { name: "two per 512 bytes", text: doc(200, 2, 503), scanned: false },
  ])("$name: scanned $scanned (else decoded)", ({ text, scanned }) => {
    expect(ScannedText.of(bytesOf(text), () => text) !== undefined).toBe(scanned);
  });

  it("allows one per 512 bytes, and at least 64", () => {
    const cases = [
      { size: 0, want: 64 },
      { size: 1000, want: 64 },
      { size: 512 * 64 + 511, want: 64 },
      { size: 512 * 200, want: 200 },
      { size: 3_000_000, want: 5859 },
    ];
    for (const c of cases) expect(mostBeyondAscii(c.size), String(c.size)).toBe(c.want);
  });

  it("reads as from its text either way", () => {
    for (const text of [doc(200, 1, 507), doc(200, 2, 503), doc(50, 40, 3)]) expectSameBothWays(text);
  });
});

describe("parseSource from a file's bytes", () => {
  it.each([
    ["ASCII", "a:\n  b: 1\n  c: [x, y]\n"],
    ["characters beyond ASCII in keys and values", "é:\n  — dash: 'it’s'\n  list:\n    - 😀 smile\n    - \"q\\u00e9 😀\"\n  k: v\n"],
    ["block scalars with them", "d: |\n  naïve — text\n  😀\ne: >-\n  folded é\n  line\n"],
    ["a DEL (the reader refuses it: js-yaml, which fails)", "a: x\x7fy\nb: é\n"],
    ["a DEL in a quoted scalar", "a: \"x\x7fy\"\nb: é\n"],
    ["a control character", "a: x\x01y — z\n"],
    ["a tab and CR line breaks (js-yaml reads them)", "a: 1\r\nb:\t'é'\r\n"],
    ["anchors (js-yaml reads them)", "x: &a\n  é: 1\ny: *a\n"],
    ["no final line break", "a: é"],
    ["JSON", '{"é": [1, "—"], "b": {"c": null}}'],
  ])("reads %s as from its text", (_, text) => {
    expectSameBothWays(text);
  });

  it("reports malformed YAML where reading its text does", () => {
    const text = "é: 1\nb: : :\n";
    expect(reading(() => parseSource(text))).toMatchObject({ line: 2 });
    expectSameBothWays(text);
  });

  it("gives one-byte strings for values without a character beyond ASCII", () => {
    const { value } = parseSource(new TextBytes(bytesOf("a: é\nb: plain\n")));
    expect(encoding((value as { b: string }).b)).toBe("one-byte");
  });

  it.each(OPENAI_SPECS)("reads %s as from its text, positions too", (file) => {
    const bytes = readFileSync(file);
    const fromText = parseSource(bytes.toString("utf8"));
    const fromBytes = parseSource(new TextBytes(bytes));
    expect(fromBytes.value).toEqual(fromText.value);
    expect(positions(fromBytes)).toEqual(positions(fromText));
  }, 120_000);
});
