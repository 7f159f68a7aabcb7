import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lineStartsOf, outlineYaml, type OutlineNode } from "../../src/load/yaml-outline.js";
import { OPENAI_SPECS } from "../helpers/generate.js";
import { encoding } from "../helpers/string-encoding.js";

// The outline as first written: every line of a region visited at every depth. The outline now
// jumps from an entry to the next line no deeper; it must find the same entries.
const PLAIN_KEY_ONLY = /^ *([A-Za-z_$/][A-Za-z0-9_$/.{}()@+-]*):[ ]*(?:#.*)?\r?$/;
const CORE_WORDS = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

function referenceOutline(text: string, splitAbove: number): OutlineNode[] | undefined {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const indents = starts.map((start) => {
    let i = start;
    while (text[i] === " ") i++;
    const c = text[i];
    if (c === "\t" || (i === start && (c === "%" || text.startsWith("---", i) || text.startsWith("...", i)))) return undefined;
    return c === undefined || c === "\n" || c === "\r" || c === "#" ? -1 : i - start;
  });
  if (indents.includes(undefined)) return undefined;
  const first = indents.findIndex((n) => n !== -1);
  if (first === -1 || indents[first] !== 0) return undefined;
  const region = (from: number, to: number, indent: number): OutlineNode[] | undefined => {
    const entries: number[] = [];
    for (let i = from; i < to; i++) {
      const lineIndent = indents[i]!;
      if (lineIndent === -1 || lineIndent > indent) continue;
      if (lineIndent < indent) return undefined;
      const at = starts[i]! + indent;
      const c = text[at];
      const next = text[at + 1];
      if (c === "-" && entries.length > 0 && (next === undefined || next === " " || next === "\n" || next === "\r")) continue;
      if (c === "-" || c === "?" || c === ":" || c === "[" || c === "{") return undefined;
      entries.push(i);
    }
    if (entries.length === 0) return undefined;
    return entries.map((lineFrom, e) => {
      const lineTo = e + 1 < entries.length ? entries[e + 1]! : to;
      const leafStart = starts[e === 0 ? from : lineFrom]!;
      const end = lineTo < starts.length ? starts[lineTo]! : text.length;
      return branch(lineFrom, lineTo, end - leafStart) ?? { kind: "leaf", start: leafStart, end };
    });
  };
  const branch = (lineFrom: number, lineTo: number, size: number): OutlineNode | undefined => {
    if (size <= splitAbove) return undefined;
    const keyStart = starts[lineFrom]!;
    const lineEnd = text.indexOf("\n", keyStart);
    const match = PLAIN_KEY_ONLY.exec(text.slice(keyStart, lineEnd === -1 ? text.length : lineEnd));
    if (!match || CORE_WORDS.test(match[1]!)) return undefined;
    let firstChild = lineFrom + 1;
    while (firstChild < lineTo && indents[firstChild] === -1) firstChild++;
    if (firstChild === lineTo || indents[firstChild]! <= indents[lineFrom]!) return undefined;
    const children = region(lineFrom + 1, lineTo, indents[firstChild]!);
    if (!children) return undefined;
    const key = match[1]!;
    return { kind: "branch", key, valueFrom: text.indexOf(":", keyStart + indents[lineFrom]! + key.length) + 1, children };
  };
  return region(0, starts.length, 0);
}

const TRICKY = [
  "a:\n  k: 1\n    deeper: 2\n  l: 3\nb: 4\n",
  "a:\n      deep: 1\n  shallower: 2\nb: 3\n",
  "a:\n  k: 1\n less: 2\nb: 3\n",
  "a:\n- 1\n- 2\nb:\n  - x\n  -\n  c: 3\n",
  "a:\n  k:\n\n    # c\n    v: 1\n\n# end\n  l: 2\n",
  "a:\n  k: |\n    text\n   less\n  l: 1\n",
  "a:\n  ? complex\n  : 1\n",
  "a:\n  k: 1\n  -x: 2\n  - y\n",
  "x: 1\ny:\n  z:\n    w:\n      v: 1\n    u: 2\n  t: 3\ns: 4\n",
  "a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n",
];

describe("outlineYaml", () => {
  it.each(TRICKY.map((text) => ({ text })))("finds the entries a line-by-line outline finds: $text", ({ text }) => {
    for (const splitAbove of [0, 8, 4096]) expect(outlineYaml(text, splitAbove)).toEqual(referenceOutline(text, splitAbove));
  });

  it("outlines every OpenAI spec as a line-by-line outline does", () => {
    for (const file of OPENAI_SPECS) {
      const text = readFileSync(file, "utf8");
      for (const splitAbove of [0, 4096]) expect(outlineYaml(text, splitAbove)).toEqual(referenceOutline(text, splitAbove));
    }
  });

  it("gives branch keys held one byte per character in a text held two", () => {
    // Every model id below a branch starts with its key ("components"), and names, file paths and
    // bookkeeping files are made from the ids: a slice of the text would be two bytes per character.
    const text = "title: 😀\ncomponents:\n  schemas:\n    A:\n      type: string\n";
    expect(encoding(text.slice(7, 17))).toBe("two-byte");
    const keys: string[] = [];
    const walk = (nodes: OutlineNode[]) => {
      for (const n of nodes) {
        if (n.kind !== "branch") continue;
        keys.push(n.key);
        walk(n.children);
      }
    };
    walk(outlineYaml(text, 0)!);
    expect(keys).toEqual(["components", "schemas", "A"]);
    for (const key of keys) expect(encoding(key), key).toBe("one-byte");
  });
});

describe("lineStartsOf", () => {
  // Each as a plain scan gives them: the first line at 0, one after every line break.
  const plain = (text: string) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
    return starts;
  };
  it.each([
    ["empty", ""],
    ["one line, no break", "openapi: 3.1.0"],
    ["a final break (an error at the end is on the line after it)", "a: 1\nb: 2\n"],
    ["more lines than its guess of one per 16 characters (grown twice)", "\n".repeat(100)],
    ["short lines and long ones", `${"x".repeat(70)}\n\n\ny\n`.repeat(50)],
  ])("%s", (_, text) => {
    expect([...lineStartsOf(text)]).toEqual(plain(text));
  });
});
