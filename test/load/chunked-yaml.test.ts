import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSource, type ParsedSource } from "../../src/load/parse-source.js";
import type { LeafRecord, LeafStore } from "../../src/load/chunked-yaml.js";
import { outlineYaml, type OutlineNode } from "../../src/load/yaml-outline.js";
import { OPENAI_SPECS } from "../helpers/generate.js";

/** A store in memory keeping what a run used for the next, as the cache file does, counting what it served. */
class MemoryStore implements LeafStore {
  saved = new Map<string, LeafRecord>();
  next = new Map<string, LeafRecord>();
  tasks: (() => void)[] = [];
  hits = 0;
  get size(): number {
    return this.saved.size;
  }
  has(hash: string): boolean {
    return this.saved.has(hash);
  }
  take(hash: string): LeafRecord | undefined {
    const r = this.saved.get(hash);
    if (r) {
      this.next.set(hash, r);
      this.hits++;
    }
    return r;
  }
  keep(hash: string, record: LeafRecord): void {
    this.next.set(hash, record);
  }
  later(task: () => void): void {
    this.tasks.push(task);
  }
  settle(): void {
    for (const t of this.tasks.splice(0)) t();
  }
  /** The next run's store: what this run kept. */
  nextRun(): MemoryStore {
    this.settle();
    const s = new MemoryStore();
    s.saved = new Map(this.next);
    return s;
  }
}

/** Every container's start, depth first, with the container's pointer: equal lists mean equal positions. */
function startsList(src: ParsedSource): string[] {
  const out: string[] = [];
  const walk = (v: unknown, pointer: string): void => {
    if (v === null || typeof v !== "object") return;
    out.push(`${pointer} ${src.startOf(v)}`);
    for (const [k, child] of Object.entries(v)) walk(child, `${pointer}/${k}`);
  };
  walk(src.value, "");
  return out;
}

function expectSameReading(text: string, store: LeafStore, splitAbove?: number): void {
  const whole = parseSource(text);
  const leaves = parseSource(text, store, splitAbove);
  expect(JSON.stringify(leaves.value)).toBe(JSON.stringify(whole.value));
  expect(startsList(leaves)).toEqual(startsList(whole));
}

function leafCount(nodes: OutlineNode[]): number {
  return nodes.reduce((n, node) => n + (node.kind === "leaf" ? 1 : leafCount(node.children)), 0);
}

describe("reading YAML leaf by leaf", () => {
  it.each(OPENAI_SPECS)("reads %s as js-yaml does, first and again from the store", (file) => {
    const text = readFileSync(file, "utf8");
    const first = new MemoryStore();
    expectSameReading(text, first);
    const outline = outlineYaml(text)!;
    expect(leafCount(outline)).toBeGreaterThan(100);
    const second = first.nextRun();
    expectSameReading(text, second);
    // A document with anchors is read whole each time: a leaf may hold what an alias copied from another.
    if (!/(: |- )[&*][A-Za-z]/.test(text)) expect(second.hits).toBe(leafCount(outline));
    else expect(second.hits).toBe(0);
  });

  it("after an edit reads again only the leaves whose text changed, and the result is the edited document's", () => {
    const file = OPENAI_SPECS.find((f) => f.includes("2026-08-21"))!;
    const text = readFileSync(file, "utf8");
    const store = new MemoryStore();
    parseSource(text, store);
    const marker = "    RunObject:\n      type: object\n";
    expect(text).toContain(marker);
    // A line inserted above most definitions moves them: positions must follow.
    const edited = text.replace(marker, `${marker}      x-note: added\n`).replace("paths:\n", "paths:\n  # a comment line\n");
    const next = store.nextRun();
    expectSameReading(edited, next);
    expect(next.hits).toBeGreaterThan(leafCount(outlineYaml(edited)!) - 10);
  });

  it.each([
    {
      name: "block scalars, comments, compact sequences",
      reused: true,
      text: "a:\n  k: |\n    line\n\n    # not a comment\n  l:\n  - x\n  - y\n# end\nb: >-\n  folded\n  text\n",
    },
    { name: "quoted and numeric keys", reused: true, text: "\"200\":\n  x: 1\n404: 2\ntrue: 3\nnull: 4\n'q': 5\n" },
    { name: "flow collections over lines", reused: true, text: "a: [1,\n  2]\nb: {k: v,\n  m: n}\nc: 'multi\n  line'\n" },
    { name: "special numbers", reused: false, text: "a:\n  n: .nan\n  i: -.inf\n  z: -0.0\n  big: 1e3\n" },
    { name: "keep chomping at the end of a leaf", reused: true, text: "a:\n  t: |+\n    x\n\n\nb: 1\n" },
    { name: "CRLF lines", reused: true, text: "a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n" },
  ])("reads $name as js-yaml does", ({ text, reused }) => {
    // Split everything (a tiny threshold) so each case crosses leaf boundaries.
    const store = new MemoryStore();
    const outline = outlineYaml(text, 0);
    expect(outline).toBeDefined();
    expectSameReading(text, store, 0);
    const next = store.nextRun();
    expectSameReading(text, next, 0);
    // Leaves JSON cannot carry (NaN, Infinity, -0) are read again, here most of them: then the whole text is.
    expect(next.hits > 0).toBe(reused);
  });

  it.each([
    { name: "an anchor used in another entry", text: "a: &x\n  k: 1\nb: *x\n" },
    { name: "a key written twice across entries", text: "a:\n  k: 1\na:\n  k: 2\n" },
    { name: "a malformed entry", text: "a:\n  k: [1\nb: 2\n" },
  ])("leaves $name to js-yaml (same value or the same error)", ({ text }) => {
    // Saved from a reading of another text, so the store has leaves to offer.
    const store = new MemoryStore();
    parseSource("a:\n  k: 1\nb: 2\n", store, 0);
    const next = store.nextRun();
    let wholeError: unknown;
    let whole: unknown;
    try {
      whole = parseSource(text).value;
    } catch (e) {
      wholeError = e;
    }
    if (wholeError) expect(() => parseSource(text, next, 0)).toThrow(wholeError as Error);
    else expect(parseSource(text, next, 0).value).toEqual(whole);
  });

  it.each([
    { name: "a document marker", text: "---\na: 1\n" },
    { name: "a directive", text: "%YAML 1.2\n---\na: 1\n" },
    { name: "tabs for indentation", text: "a:\n\tb: 1\n" },
    { name: "a top-level sequence", text: "- a\n- b\n" },
    { name: "an indented start", text: "  a: 1\n" },
  ])("gives no outline for $name", ({ text }) => {
    expect(outlineYaml(text, 0)).toBeUndefined();
  });

  it("outlines large plain-keyed mappings and keeps everything else in leaves", () => {
    const text = 'paths:\n  /a:\n    get: 1\n  /b:\n    get: 2\n"q":\n  x:\n    y: 1\nlist:\n- 1\n';
    const outline = outlineYaml(text, 0)!;
    expect(outline.map((n) => (n.kind === "branch" ? `branch ${n.key}` : `leaf ${JSON.stringify(text.slice(n.start, n.end))}`))).toEqual([
      "branch paths",
      'leaf "\\"q\\":\\n  x:\\n    y: 1\\n"',
      'leaf "list:\\n- 1\\n"',
    ]);
    const paths = outline[0] as Extract<OutlineNode, { kind: "branch" }>;
    expect(paths.children.map((c) => c.kind)).toEqual(["branch", "branch"]);
  });
});
