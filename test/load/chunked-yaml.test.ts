import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { parseSource, type ParsedSource } from "../../src/load/parse-source.js";
import type { LeafRecord, LeafStore } from "../../src/load/chunked-yaml.js";
import { outlineYaml, type OutlineNode } from "../../src/load/yaml-outline.js";
import { OPENAI_SPECS } from "../helpers/generate.js";
import { asciiHeldTwoBytes, encoding } from "../helpers/string-encoding.js";

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

  it("after an edit holds every ASCII value one byte per character, in a spec that has characters beyond Latin-1", () => {
    // V8 holds a slice of such a text two bytes per character; a leaf read again was such a slice,
    // and every name, path and bookkeeping file made from its values was then two bytes per character.
    const file = OPENAI_SPECS.find((f) => f.includes("2026-08-21"))!;
    const text = readFileSync(file, "utf8");
    expect(encoding(text)).toBe("two-byte");
    const store = new MemoryStore();
    const first = asciiHeldTwoBytes(parseSource(text, store).value);
    expect(first.checked).toBeGreaterThan(10_000);
    expect(first.twoByte).toEqual([]);
    const marker = "    RunObject:\n      type: object\n";
    const edited = text.replace(marker, `${marker}      x-note: added and long enough\n`);
    const next = store.nextRun();
    const read = parseSource(edited, next);
    expect(next.hits).toBeGreaterThan(100);
    const again = asciiHeldTwoBytes(read.value);
    expect(again.checked).toBe(first.checked + 1);
    expect(again.twoByte).toEqual([]);
    // The leaf read again (RunObject's) is all ASCII: its values too.
    const edited2 = (read.value as { components: { schemas: Record<string, { "x-note"?: string }> } }).components.schemas.RunObject!;
    expect(edited2["x-note"]).toBe("added and long enough");
  });

  it("parses a stored leaf's values only when something reads them, then as an eager reading gives them", () => {
    const file = OPENAI_SPECS.find((f) => f.includes("2026-08-21"))!;
    const text = readFileSync(file, "utf8");
    const store = new MemoryStore();
    parseSource(text, store);
    const edited = text.replace("    RunObject:\n      type: object\n", "    RunObject:\n      type: object\n      x-note: added\n");
    const next = store.nextRun();
    const stored = [...next.saved.values()].reduce((n, r) => n + r.json.length, 0);
    // What JSON.parse reads: the stored leaves' records (and their numbers) when their values are read.
    let parsed = 0;
    const parse = JSON.parse;
    const spy = vi.spyOn(JSON, "parse").mockImplementation((json: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      parsed += json.length;
      return parse(json, reviver) as unknown;
    });
    try {
      const lazy = parseSource(edited, next);
      expect(next.hits).toBeGreaterThan(leafCount(outlineYaml(edited)!) - 10);
      const root = lazy.value as { components: { schemas: Record<string, Record<string, unknown>> }; paths: object };
      const schemas = root.components.schemas;
      // What the incremental normalizer reads of a reused root: each unit's value and where it starts.
      for (const value of [...Object.values(schemas), ...Object.values(root.paths)]) expect(lazy.startOf(value)).toBeGreaterThan(0);
      expect(parsed).toBeLessThan(stored / 20);
      const unit = schemas.AssistantToolsCode!;
      expect(Object.getOwnPropertyDescriptor(unit, "type")?.get).toBeDefined();
      expect(Object.keys(unit)).toEqual(Object.keys((parseSource(edited).value as typeof root).components.schemas.AssistantToolsCode!));
      const before = parsed;
      void unit.type;
      expect(Object.getOwnPropertyDescriptor(unit, "type")).toMatchObject({ value: "object", writable: true });
      expect(Object.getOwnPropertyDescriptor(unit, "properties")?.value).toBeDefined();
      expect(parsed - before).toBeLessThan(2000);
      // Every value read (a walk over the whole document): the same values and starts as js-yaml's.
      const whole = parseSource(edited);
      expect(JSON.stringify(lazy.value)).toBe(JSON.stringify(whole.value));
      expect(startsList(lazy)).toEqual(startsList(whole));
      expect(parsed).toBeGreaterThan(stored * 0.9);
    } finally {
      spy.mockRestore();
    }
  });

  it("gives values read later the keys, order, copies and writes of an eager reading", () => {
    const text = [
      "a:",
      "  '10': ten",
      "  z: {k: [1, {m: 2}]}",
      "  '2': two",
      '  "__proto__": {p: 1}',
      "  e: {}",
      "b: [x, {y: 1}]",
      "c:",
      "  d:",
      "    f: 1",
      "  g: 2",
      "h: scalar",
      "",
    ].join("\n");
    const store = new MemoryStore();
    parseSource(text, store, 0);
    const whole = parseSource(text);
    const read = () => parseSource(text, store.nextRun(), 0);
    const same = (value: unknown, expected: unknown): void => expect(JSON.stringify(value)).toBe(JSON.stringify(expected));
    const expected = whole.value as Record<string, Record<string, unknown>>;

    let doc = read().value as Record<string, Record<string, unknown>>;
    expect(Object.keys(doc)).toEqual(Object.keys(expected));
    expect(Object.keys(doc.a!)).toEqual(["2", "10", "z", "__proto__", "e"]);
    expect(Object.keys(doc.a!)).toEqual(Object.keys(expected.a!));
    expect(Object.hasOwn(doc.a!, "__proto__")).toBe(true);
    same(structuredClone(doc), expected);
    same({ ...(read().value as object) }, expected);
    same(Object.entries(read().value as object), Object.entries(expected));

    // Written or deleted before being read: as on plain objects.
    doc = read().value as Record<string, Record<string, unknown>>;
    doc.a!.z = "new";
    delete doc.a!["10"];
    doc.b = ["replaced"] as never;
    doc.a!.late = 1;
    same(doc, { ...expected, a: { "2": "two", z: "new", ["__proto__"]: { p: 1 }, e: {}, late: 1 }, b: ["replaced"] });
    expect(Object.keys(doc.a!)).toEqual(["2", "z", "__proto__", "e", "late"]);

    // Deleted, added and written before any of its entries is read: the mapping keeps those changes.
    const small = "m:\n  x: 1\n  y:\n    z: 2\n  '7': seven\n  w: [3]\n";
    const smallStore = new MemoryStore();
    parseSource(small, smallStore);
    const m = (parseSource(small, smallStore.nextRun()).value as Record<string, Record<string, unknown>>).m!;
    expect(Object.getOwnPropertyDescriptor(m, "x")?.get).toBeDefined();
    delete m.y;
    m.added = 5;
    Object.defineProperty(m, "hidden", { value: 6, enumerable: false });
    expect(Object.getOwnPropertyDescriptor(m, "x")?.get).toBeDefined();
    expect(m.w).toEqual([3]);
    expect(Object.keys(m)).toEqual(["7", "x", "w", "added"]);
    expect(m.hidden).toBe(6);
    same(m, { "7": "seven", x: 1, w: [3], added: 5 });

    // Read in any order, every container starts where js-yaml says.
    const lazy = read();
    const value = lazy.value as Record<string, Record<string, Record<string, unknown>>>;
    void value.c!.d!.f;
    void value.a!.z;
    expect(startsList(lazy)).toEqual(startsList(whole));
  });

  it.each([
    {
      name: "block scalars, comments, compact sequences",
      reused: true,
      text: "a:\n  k: |\n    line\n\n    # not a comment\n  l:\n  - x\n  - y\n# end\nb: >-\n  folded\n  text\n",
    },
    { name: "quoted and numeric keys", reused: true, text: "\"200\":\n  x: 1\n404: 2\ntrue: 3\nnull: 4\n'q': 5\n" },
    { name: "flow collections over lines", reused: true, text: "a: [1,\n  2]\nb: {k: v,\n  m: n}\nc: 'multi\n  line'\n" },
    { name: "special numbers", reused: true, text: "a:\n  z: -0.0\n  big: 1e3\n  h: 0x1F\n" },
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
    // A leaf JSON cannot carry (-0; NaN and Infinity the loader refuses) is read again, the others come from the store; both readings are js-yaml's.
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
