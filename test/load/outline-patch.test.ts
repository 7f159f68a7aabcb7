// The outline, leaf hashes and line starts carried over from the previous text must be exactly what
// a fresh reading of the new text makes: checked on edits of the kinds a spec update makes, at
// places spread over the OpenAI specs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entryIndents, hashesAfter, leafHash, leavesIn, patchOutline, type KnownOutline } from "../../src/load/outline-patch.js";
import { textDelta } from "../../src/load/text-delta.js";
import { lineStartsOf, outlineYaml, type OutlineNode } from "../../src/load/yaml-outline.js";

const SPECS = ["openai-2024-06-24.yaml", "openai-2026-08-21.yaml"].map((f) => new URL(`../../../shared/specs/openai/${f}`, import.meta.url));

/** What a run keeps of `text` for the next (spec-text-cache.ts), made the way a fresh reading makes it. */
function known(text: string, splitAbove?: number): KnownOutline {
  const outline = outlineYaml(text, splitAbove)!;
  const leaves = leavesIn(outline);
  return {
    outline,
    hashes: leaves.map((l) => leafHash(text, l)),
    indents: entryIndents(text, leaves),
    lineStarts: lineStartsOf(text),
  };
}

function freshHashes(text: string, outline: OutlineNode[]): string[] {
  return leavesIn(outline).map((l) => leafHash(text, l));
}

interface Line {
  start: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    out.push({ start, text: line });
    start += line.length + 1;
  }
  return out;
}

/** A deterministic choice of `n` items spread over `list`. */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / n)]!);
}

const at = (text: string, offset: number, remove: number, insert: string) => text.slice(0, offset) + insert + text.slice(offset + remove);

/** Edits of `text`, each a new text: the kinds of change a spec update brings, at places spread over the document. */
function edits(text: string): { name: string; after: string }[] {
  const lines = linesOf(text);
  // The specs indent by two or four spaces: `schemas:` sits at one step, a schema at two, its properties at four.
  const step = /^( +)schemas:$/m.exec(text)![1]!.length;
  const pad = (steps: number) => " ".repeat(step * steps);
  const property = lines.filter((l, i) => new RegExp(`^${pad(4)}[a-z_]+:$`).test(l.text) && lines[i + 1]!.text.startsWith(`${pad(5)}`));
  const schema = lines.filter((l) => new RegExp(`^${pad(2)}[A-Z][A-Za-z0-9]+:$`).test(l.text));
  const description = lines.filter((l) => /^ +description: [A-Za-z]/.test(l.text));
  const out: { name: string; after: string }[] = [];
  const field = (name: string) => `${pad(4)}${name}:\n${pad(5)}type: string\n`;
  for (const l of spread(property, 12)) {
    out.push({ name: `field added before ${l.text.trim()}`, after: at(text, l.start, 0, field("added_field")) });
    const next = lines.findIndex((x) => x.start > l.start && new RegExp(`^ {0,${step * 4}}\\S`).test(x.text));
    out.push({ name: `field ${l.text.trim()} removed`, after: at(text, l.start, lines[next]!.start - l.start, "") });
    // After the properties' last entry (the next line indented less): a field appended, the last removed.
    const end = lines.findIndex((x) => x.start > l.start && new RegExp(`^ {0,${step * 4 - 1}}\\S`).test(x.text));
    const last = lines.findLastIndex((x, i) => i < end && new RegExp(`^${pad(4)}[a-z_]+:$`).test(x.text));
    out.push({ name: `field appended after the properties of ${l.text.trim()}`, after: at(text, lines[end]!.start, 0, field("appended_field")) });
    if (lines[last]!.start > l.start) out.push({ name: `last field removed after ${l.text.trim()}`, after: at(text, lines[last]!.start, lines[end]!.start - lines[last]!.start, "") });
  }
  // A field past the split size becomes a branch of its own in a fresh outline.
  const large = `${pad(4)}large:\n${pad(5)}type: string\n${pad(5)}description: ${"word ".repeat(1200)}\n`;
  for (const l of spread(property, 3)) out.push({ name: `large field added before ${l.text.trim()}`, after: at(text, l.start, 0, large) });
  for (const l of spread(description, 12)) {
    const word = l.text.indexOf(":") + 2;
    out.push({ name: `description at ${l.start} reworded`, after: at(text, l.start + word, 3, "Reworded, with ünïcode: ") });
  }
  for (const l of spread(schema, 8)) {
    out.push({ name: `schema added before ${l.text.trim()}`, after: at(text, l.start, 0, `${pad(2)}AddedSchema:\n${pad(3)}type: string\n`) });
    out.push({ name: `schema ${l.text.trim()} renamed`, after: at(text, l.start + step * 2, 0, "Renamed") });
    out.push({ name: `blank line before ${l.text.trim()}`, after: at(text, l.start, 0, "\n") });
    out.push({ name: `line indented less inside ${l.text.trim()}`, after: at(text, l.start + l.text.length + 1, 0, `${pad(1)}stray: 1\n`) });
  }
  out.push({ name: "text appended", after: `${text}x-appended:\n  a: 1\n` });
  out.push({ name: "nothing changed", after: text });
  const first = property[0]!.start;
  const last = property[property.length - 1]!.start;
  out.push({ name: "two fields added far apart", after: at(at(text, last, 0, field("b_field")), first, 0, field("a_field")) });
  return out;
}

describe("the outline carried over to an edited text", () => {
  it.each(SPECS)("is a fresh reading's, or not made, for edits of %s", (spec) => {
    const before = readFileSync(spec, "utf8");
    const previous = known(before);
    let patched = 0;
    let tail = 0;
    let tailCarried = 0;
    const cases = edits(before);
    for (const { name, after } of cases) {
      const delta = textDelta(Buffer.from(before), Buffer.from(after), before.length, after.length)!;
      const fresh = outlineYaml(after)!;
      const carried = patchOutline(previous, after, delta);
      if (/^(field appended after|last field removed)/.test(name)) {
        tail++;
        if (carried) tailCarried++;
      }
      if (carried) {
        patched++;
        expect(carried.outline, name).toEqual(fresh);
        expect([...carried.hashes.values()], name).toEqual(freshHashes(after, fresh));
        expect([...carried.lineStarts], name).toEqual([...lineStartsOf(after)]);
      }
      // Whatever the outline, the hashes taken over are those of the same text.
      expect([...hashesAfter(previous, delta, after, fresh).values()], name).toEqual(freshHashes(after, fresh));
    }
    // Edits inside entries carry the outline over; those touching a branch's key line do not.
    expect(patched).toBeGreaterThan(cases.length / 2);
    // A field appended after a schema's properties, or the last one removed, is whole lines within one
    // mapping: carried over, but where the mapping's size crosses the split size (then a fresh
    // outline splits it differently, and nothing is carried).
    expect(tail).toBeGreaterThan(10);
    expect(tailCarried).toBeGreaterThanOrEqual(tail * 0.85);
    expect(patchOutline(previous, before.replace("\ncomponents:\n", "\ncomponents2:\n"), textDelta(Buffer.from(before), Buffer.from(before.replace("\ncomponents:\n", "\ncomponents2:\n")), before.length, before.length + 1)!)).toBeUndefined();
  });

  it.each([
    // [name, before, after, carried over]
    ["a value changed in a leaf", "a: 1\nb:\n  c: 1\n", "a: 1\nb:\n  c: 2\n", true],
    ["an entry added after the first", "a: 1\nb: 2\n", "a: 1\nx: 3\nb: 2\n", true],
    ["the document's first entry changed (a fresh outline checks where the document starts)", "a: 1\nb: 2\n", "a: 7\nb: 2\n", false],
    ["a line indented less than its entry", "a: 1\nm:\n  b: 1\n  c: 2\n", "a: 1\nm:\n  b: 1\nc: 2\n", false],
    ["a tab in an indentation", "a: 1\nb:\n  c: 1\n", "a: 1\nb:\n\tc: 1\n", false],
    ["a document marker", "a: 1\nb: 1\n", "a: 1\n---\nb: 1\n", false],
  ])("%s", (_, before, after, carries) => {
    const delta = textDelta(Buffer.from(before), Buffer.from(after), before.length, after.length)!;
    const carried = patchOutline(known(before, 0), after, delta, 0);
    expect(carried !== undefined).toBe(carries);
    if (carried) expect(carried.outline).toEqual(outlineYaml(after, 0));
  });

  it("takes no hash from a previous outline whose leaves it cannot pair with hashes", () => {
    const text = "a: 1\nb: 2\n";
    const previous = { ...known(text), hashes: ["only one"] };
    const delta = textDelta(Buffer.from(text), Buffer.from(text), text.length, text.length)!;
    expect(patchOutline(previous, text, delta)).toBeUndefined();
    expect([...hashesAfter(previous, delta, text, outlineYaml(text, 0)!).values()]).toEqual(freshHashes(text, outlineYaml(text, 0)!));
  });
});
