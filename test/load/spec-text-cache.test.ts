import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RootTextHistory, SpecTextFile, type KeptText } from "../../src/load/spec-text-cache.js";
import { parseSource } from "../../src/load/parse-source.js";
import { LeafCacheFile } from "../../src/load/leaf-cache.js";
import { entryIndents, leafHash, leavesIn } from "../../src/load/outline-patch.js";
import { lineStartsOf, outlineYaml } from "../../src/load/yaml-outline.js";

const TEXT = "openapi: 3.1.0\ninfo:\n  title: café ☕\n  version: '1'\npaths: {}\n";

function kept(text: string): KeptText {
  const outline = outlineYaml(text, 0)!;
  const leaves = leavesIn(outline);
  return {
    id: "id-of-the-text",
    bytes: Buffer.from(text),
    chars: text.length,
    outline,
    hashes: leaves.map((l) => leafHash(text, l)),
    indents: entryIndents(text, leaves),
    lineStarts: lineStartsOf(text),
  };
}

const folder = () => mkdtempSync(path.join(os.tmpdir(), "modelgen-spec-text-"));

describe("the spec's text kept for the next run", () => {
  it("reads back what was written", async () => {
    const file = new SpecTextFile(folder(), "/project/openapi.yaml");
    await file.write(kept(TEXT));
    const read = file.read()!;
    expect({ ...read, bytes: [...read.bytes], lineStarts: [...read.lineStarts] }).toEqual({
      ...kept(TEXT),
      bytes: [...Buffer.from(TEXT)],
      lineStarts: [...lineStartsOf(TEXT)],
    });
  });

  it.each([
    ["a byte of the text changed", (b: Buffer) => b.fill(0x41, b.length - 3, b.length - 2)],
    ["cut short", (b: Buffer) => b.subarray(0, b.length - 10)],
    ["another kind's file", (b: Buffer) => Buffer.concat([Buffer.from("openapi-modelgen yaml-leaves 3 crc32:0\n"), b.subarray(b.indexOf(10) + 1)])],
    ["empty", () => Buffer.alloc(0)],
  ])("reads nothing from a file %s", async (_, damage) => {
    const file = new SpecTextFile(folder(), "/project/openapi.yaml");
    await file.write(kept(TEXT));
    writeFileSync(file.file, damage(readFileSync(file.file)));
    expect(file.read()).toBeUndefined();
  });

  it("reads nothing from a whole file whose header is not of this format's shape", async () => {
    const file = new SpecTextFile(folder(), "/project/openapi.yaml");
    await file.write({ ...kept(TEXT), hashes: [7 as unknown as string] });
    expect(file.read()).toBeUndefined();
    await file.write({ ...kept(TEXT), indents: [0.5] });
    expect(file.read()).toBeUndefined();
  });
});

describe("a root document's history", () => {
  it("is given for the root only; saves what parsing it made", async () => {
    const dir = folder();
    const root = "/project/openapi.yaml";
    const file = new SpecTextFile(dir, root);
    const bytes = Buffer.from(TEXT);
    const history = new RootTextHistory(file, root, () => "sha-of-bytes");
    expect(history.of("/project/other.yaml", bytes)).toBeUndefined();
    await history.save();
    expect(existsSync(file.file)).toBe(false);
    const leaves = LeafCacheFile.open(dir, root);
    parseSource(TEXT, leaves, 0, history.of(root, bytes));
    await history.save();
    const saved = file.read()!;
    expect(saved.id).toBe("sha-of-bytes");
    expect(saved.chars).toBe(TEXT.length);
    expect(saved.outline).toEqual(outlineYaml(TEXT, 0));
    // `info`'s entries are a branch's (the split size 0 outlines every mapping).
    expect(saved.indents).toEqual([0, 2, 2, 0]);
    expect([...saved.lineStarts]).toEqual([...lineStartsOf(TEXT)]);
  });

  it("measures the next text's change against the saved one, and the document read is the same", async () => {
    const dir = folder();
    const root = "/project/openapi.yaml";
    const file = new SpecTextFile(dir, root);
    const first = new RootTextHistory(file, root, () => "first");
    parseSource(TEXT, LeafCacheFile.open(dir, root), 0, first.of(root, Buffer.from(TEXT)));
    await first.save();
    const edited = TEXT.replace("café", "thé");
    const second = new RootTextHistory(file, root, () => "second");
    const doc = parseSource(edited, LeafCacheFile.open(dir, root), 0, second.of(root, Buffer.from(edited)));
    // "caf" became "th": the é after them is the same character.
    expect(doc.changed).toEqual({ from: TEXT.indexOf("café"), to: TEXT.indexOf("café") + 2, shift: -1, since: "first", carried: true });
    expect(doc.textId).toBe("second");
    expect(doc.value).toEqual(parseSource(edited).value);
    expect([26, 40].map((o) => doc.lineCol(o))).toEqual([26, 40].map((o) => parseSource(edited).lineCol(o)));
  });
});
