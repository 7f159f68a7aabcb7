import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { implicitTypesOf, readBlockYaml } from "../../src/load/block-yaml.js";
import { skipBlank } from "../../src/load/chunked-yaml.js";
import { parseSource } from "../../src/load/parse-source.js";
import { OPENAI_SPECS } from "../helpers/generate.js";
import { asciiHeldTwoBytes, encoding } from "../helpers/string-encoding.js";

// The oracle: js-yaml with the loader's schema, container starts taken by its listener as the
// loader did before block-yaml.ts existed (the first non-blank character after the node opens).
const MERGE = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types.merge;
const SCHEMA = jsyaml.CORE_SCHEMA.extend({ implicit: [MERGE] });
const IMPLICIT = implicitTypesOf(SCHEMA);

function byJsYaml(text: string, offset = 0): { value: unknown; starts: Map<object, number> } {
  const starts = new Map<object, number>();
  const open: number[] = [];
  const value = jsyaml.load(text, {
    schema: SCHEMA,
    listener(event, state) {
      if (event === "open") {
        open.push(state.position);
        return;
      }
      const at = open.pop()!;
      const result: unknown = state.result;
      if (result !== null && typeof result === "object" && !starts.has(result)) starts.set(result, skipBlank(text, at) + offset);
    },
  });
  return { value, starts };
}

/** Every container's start, depth first, with its pointer: equal lists mean equal positions. */
function startsList(value: unknown, starts: Map<object, number>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, pointer: string): void => {
    if (v === null || typeof v !== "object") return;
    out.push(`${pointer} ${starts.get(v)}`);
    for (const [k, child] of Object.entries(v)) walk(child, `${pointer}/${k}`);
  };
  walk(value, "");
  return out;
}

/** Reads `text` both ways; undefined when block-yaml gave up, else both readings (which must agree). */
function bothWays(text: string, offset = 0) {
  const starts = new Map<object, number>();
  const fast = readBlockYaml(text, offset, starts, IMPLICIT);
  if (!fast) {
    expect(starts.size).toBe(0); // giving up leaves no starts behind
    return undefined;
  }
  const oracle = byJsYaml(text, offset);
  expect(fast.value).toStrictEqual(oracle.value);
  expect(startsList(fast.value, starts)).toEqual(startsList(oracle.value, oracle.starts));
  // Nothing but the value's own containers was recorded.
  expect(starts.size).toBe(startsList(fast.value, starts).length);
  return { fast: fast.value, oracle: oracle.value };
}

function read(text: string): unknown {
  const both = bothWays(text);
  if (!both) throw new Error(`block-yaml gave up on:\n${text}`);
  return both.fast;
}

describe("readBlockYaml reads as js-yaml does", () => {
  it.each([
    ["mappings and sequences", "a: 1\nb:\n  c: x\n  d:\n    - 1\n    - two\n    -\n    - e: f\n      g: h\n"],
    ["a sequence at its key's indentation", "list:\n- a\n- b\nnext: 1\n"],
    ["nested compact sequences", "- - a\n  - b\n- - c\n"],
    ["empty values", "a:\nb: ~\nc: null\nd: ''\ne: \"\"\n"],
    ["comments everywhere", "# head\na: 1 # tail\n# between\nb:   # after key\n  # inside\n  c: x#not a comment\n"],
    ["implicit types", "i: 12\nh: 0x1F\no: 0o17\nf: 1.5e3\nn: -1e308\nt: true\nF: False\nz: 007\ns: 12abc\nv: 1.2.3\nu: 1_000\nd: .5\n"],
    [
      "words starting with a letter, the core schema's null and bool words among them",
      "- null\n- Null\n- NULL\n- nULL\n- nulls\n- n\n- N\n- true\n- True\n- TRUE\n- tRUE\n- t\n- T\n- false\n- False\n- FALSE\n" +
        "- fALSE\n- f\n- F\n- yes\n- no\n- on\n- NaN\n- nan\n- Infinity\n- type\n- format\n- number\n- title\n- nullable\n- true1\n- false e\n",
    ],
    ["keys resolved then stringified", "200: ok\n1.0: one\ntrue: yes\n~: nothing\n0x10: hex\n"],
    [
      "keys written as one word",
      "type: object\n$ref: x\n/v1/items/{id}: y\na.b-c_d(e)@f+g: z\n_u: 1\nnested:\n  deep: 2\nempty:\n- k: v\n  k2: w\nlast:",
    ],
    [
      "values written as one word",
      "type: string\nformat: date-time\nct: application/json\nn: null\nt: True\nv: false\nw: number\nu: _z\n" +
        "x: word\n  continued\ny: word\n  # a comment\nz: a-b.c/d   \nq: a b\nr:   spaced\nm:\n  k: inner\n  j: v\nlast: end",
    ],
    [
      "sequence items written as one word",
      "l:\n  - a\n  - b-c\n  - null\n  - True\n  - x\n    continued\n  - k: v\n  - [x]\n  - 'q'\n  -\n  - y\n  -   spaced\n  - z\nm:\n- top\n- level\n",
    ],
    ["keys named as Object.prototype's members", "constructor: a\ntoString: b\nhasOwnProperty:\nvalueOf: {}\n__defineGetter__: c\n"],
    ["one-word keys that resolve to null or a bool", "Null: a\nTRUE: b\nFalse: c\nyes: d\nnulls: e\n"],
    ["keys the one-word path leaves to the general one", "key  : a\nk#x: b\na:b: c\n'q': d\n1a: e\nkey:x: f\n-k: g\n"],
    ["plain scalars with indicators inside", "url: http://example.com/a:b\nhash: a#b\ncolon: a:b\ndash: -x\nq: ?x\nspaces: a  b   \n"],
    ["multi-line plain scalars", "a: one\n  two\n\n  three\n\n\n  four\nb:\n  alone\n  on lines\nc: x\n"],
    [
      "literal block scalars",
      "a: |\n  line 1\n    indented\n\n  line 3\nb: |-\n  strip\n\n\nc: |+\n  keep\n\n\nd: |2\n    two more\ne: x\n",
    ],
    ["folded block scalars", "a: >\n  one\n  two\n\n  three\n    more\n    indented\n  back\n\nb: >-\n  x\n  y\nc: >+\n  k\n\nd: 1\n"],
    ["a block scalar with a comment in its header", "a: | # note\n  text\nb: >2- # note\n   more\n"],
    ["a block scalar at the end without a line break", "a: |\n  last"],
    ["leading blank lines in a block scalar", "a: |\n\n  \n  text\nb: 1\n"],
    ["single-quoted scalars", "a: 'it''s'\nb: 'folded\n  across\n\n  lines'\nc: '  spaced  '\n'quoted key': 1\n"],
    [
      "double-quoted scalars",
      'a: "esc \\t \\n \\" \\\\ \\/ \\x41 \\u00e9 \\U0001F600 \\N \\_ \\L \\P \\0 \\e"\nb: "fold\n  ed  \n\n  line"\nc: "escaped \\\n   break"\n"k": v\n',
    ],
    ["flow collections", "a: [1, two, 'three', \"four\", [5, 6], {k: v}]\nb: {x: 1, 'y': [2], \"z\":3, w}\nc: []\nd: {}\ne: [a, b, ]\n"],
    ["multi-line flow collections", "a: [\n  1,\n  2 # two\n]\nb: {\n  x: 1,\n  y: {z: [a,\n    b]}\n}\n"],
    ["plain scalars in flow context", "a: [a:b, c d, http://x]\nb: {url: http://x/y, k:v, e:, f: }\n"],
    ["a document indented throughout", "    a: 1\n    b:\n      - x\n"],
    ["a top-level sequence", "- a\n- b: c\n  d: e\n"],
    ["a top-level scalar", "just text\n"],
    ["non-ASCII text", "a: héllo wörld ✓ 😀\nb: 'ｆｕｌｌｗｉｄｔｈ，'\nc: \u0085 nel\n"],
    ["runs of characters beyond ASCII, surrogate pairs among them", "説明😀テキスト: これは😀😀説明\nb: ｆｕｌｌ😀\n  続き — «é»\n"],
    ["a trailing document without a final line break", "a: 1\nb: [x]"],
  ])("%s", (_name, text) => {
    read(text);
  });

  it("gives one-byte strings for the values without characters beyond ASCII in a text that has some", () => {
    // V8 keeps a string one or two bytes per character (v8.serialize writes `"` or `c` for them);
    // one character beyond ASCII made every value read from the text two-byte before.
    const text = "a: héllo\nb: plain words\nc: |\n  block\n  text\nd: 'quoted'\ne: \"double\"\nf: [x, y]\ng: wörd\n  folded\nh: 😀 last\n";
    const value = read(text) as Record<string, unknown>;
    expect(value).toMatchObject({ a: "héllo", g: "wörd folded", h: "😀 last" });
    for (const key of ["b", "c", "d", "e"]) expect(encoding(value[key] as string), key).toBe("one-byte");
    for (const item of value.f as string[]) expect(encoding(item)).toBe("one-byte");
    for (const key of ["a", "g", "h"]) expect(encoding(value[key] as string), key).toBe("two-byte");
  });

  it("gives one-byte strings for a text cut from one held two bytes per character, when told it was cut", () => {
    // A leaf of the spec read again after an edit: all ASCII, but sliced from a text that is not.
    const whole = "title: 😀\nleaf:\n  type: object\n  properties:\n    name: {type: string}\n  enum: [a, b]\n  default: a long value\n";
    const leaf = whole.slice(whole.indexOf("leaf:"));
    expect(encoding(leaf)).toBe("two-byte");
    const cut = readBlockYaml(leaf, 0, new Map(), IMPLICIT, true)!.value;
    const uncut = readBlockYaml(leaf, 0, new Map(), IMPLICIT)!.value;
    expect(cut).toStrictEqual(uncut);
    expect(asciiHeldTwoBytes(cut)).toEqual({ checked: 1, twoByte: [] });
    expect(asciiHeldTwoBytes(uncut)).toEqual({ checked: 1, twoByte: ["a long value"] });
  });

  it("resolves words by a schema's own implicit types when it is not the core schema", () => {
    // A schema with the bool type alone: its null words stay strings.
    const types = (jsyaml as unknown as { types: { bool: jsyaml.Type } }).types;
    const schema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [types.bool] });
    const text = "- null\n- NULL\n- true\n- True\n- false\n- word\n";
    const value = readBlockYaml(text, 0, new Map(), implicitTypesOf(schema))!.value;
    expect(value).toStrictEqual(jsyaml.load(text, { schema }));
    expect(value).toStrictEqual(["null", "NULL", true, true, false, "word"]);
  });

  it("places every container at its first key, item, [ or {, offset as asked", () => {
    const text = "a:\n  # c\n  b: 1\nl:\n  - x\nf: {k: [1]}\n";
    const starts = new Map<object, number>();
    const { value } = readBlockYaml(text, 100, starts, IMPLICIT)! as { value: { a: object; l: object; f: { k: object } } };
    expect(starts.get(value)).toBe(100);
    expect(starts.get(value.a)).toBe(100 + text.indexOf("b: 1"));
    expect(starts.get(value.l)).toBe(100 + text.indexOf("- x"));
    expect(starts.get(value.f)).toBe(100 + text.indexOf("{k"));
    expect(starts.get(value.f.k)).toBe(100 + text.indexOf("[1]"));
    bothWays(text, 100);
  });

  it.each([
    ["an anchor", "a: &x 1\nb: 2\n"],
    ["an alias", "a: 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a merge key", "a: {x: 1}\nb:\n  <<: {y: 2}\n"],
    ["a document start marker", "---\na: 1\n"],
    ["a marker glued to text", "---a: 1\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["a second document", "a: 1\n---\nb: 2\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["an explicit key", "? a\n: 1\n"],
    ["a key written twice", "a: 1\na: 2\n"],
    ["a key written twice in a flow mapping", "a: {x: 1, x: 2}\n"],
    ["__proto__", "__proto__: 1\n"],
    ["__proto__ holding a mapping", "a: 1\n__proto__:\n  b: 2\nc: 3\n"],
    ["a key written twice in a nested mapping", "a:\n  x: 1\n  y: 2\n  x: 3\nb: 4\n"],
    ["a numeric key written twice", "responses:\n  200: a\n  '200': b\n"],
    ["a key written twice, the first value null", "a:\nb: 1\na: 2\n"],
    ["a key written twice as a word and quoted", "a: 1\n'a': 2\n"],
    ["a tab in indentation", "a:\n\tb: 1\n"],
    ["a tab as separator", "a:\t1\n"],
    ["CR line breaks", "a: 1\r\nb: 2\r\n"],
    ["a byte order mark", "\ufeffa: 1\n"],
    ["a control character", "a: \u0001\n"],
    ["a lone surrogate", "a: \ud800x\n"],
    ["a lone surrogate inside a run of characters beyond ASCII", "a: 説明\udc00テキスト\n"],
    ["a high surrogate at a run's end", "a: 説明\ud800\n"],
    ["a byte order mark inside a run of characters beyond ASCII", "a: 説\ufeff明\n"],
    ["a C1 control inside a run of characters beyond ASCII", "a: 説\u0090明\n"],
    ["bad indentation", "a:\n    b: 1\n  c: 2\n"],
    ["a mapping value on the key's line", "a: b: c\n"],
    ["an unterminated quote", 'a: "open\n'],
    ["an unknown escape", 'a: "\\q"\n'],
    ["a code point beyond Unicode", 'a: "\\UFFFFFFFF"\n'],
    ["a pair inside a flow sequence", "a: [k: v]\n"],
    ["a collection as a key", "[a]: 1\n"],
    ["an empty document", ""],
    ["comments only", "# nothing\n"],
  ])("gives up on %s, leaving js-yaml's value or error", (_name, text) => {
    expect(bothWays(text)).toBeUndefined();
    // Through the loader the text is then js-yaml's: its value, or its error with a line.
    let expected: unknown;
    try {
      expected = byJsYaml(text).value;
    } catch {
      expect(() => parseSource(text)).toThrow(expect.objectContaining({ line: expect.any(Number) }));
      return;
    }
    expect(parseSource(text).value).toStrictEqual(expected);
  });

  it.each([
    ["`.inf`", "a: .inf\n"],
    ["`-.Inf` in a sequence", "a:\n  - -.Inf\n"],
    ["`.NaN` as a key", ".NaN: 1\n"],
    ["a float too large for a double", "a: [1, 1e999]\n"],
  ])("gives up on %s (no JSON number), which the loader then refuses at its place", (_name, text) => {
    expect(bothWays(text)).toBeUndefined();
    expect(() => parseSource(text)).toThrow(expect.objectContaining({ line: expect.any(Number), malformed: false }));
  });
});

describe("readBlockYaml on real and generated documents", () => {
  it.each(OPENAI_SPECS.map((file) => [path.basename(file), file]))(
    "%s: the same value and starts as js-yaml, or gives up",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      const both = bothWays(text);
      // The specs without anchors are read here (so the fast path is what the benchmark runs).
      if (!/(^|[\s:-])&[A-Za-z_]/m.test(text)) expect(both).toBeDefined();
    },
  );

  it("every YAML file of the repository's specs and fixtures", () => {
    const files = [...yamlFiles("spec"), ...yamlFiles("test")];
    expect(files.length).toBeGreaterThan(10);
    let read = 0;
    for (const file of files) if (bothWays(readFileSync(file, "utf8"))) read++;
    expect(read).toBeGreaterThan(files.length / 2);
  });

  it("documents js-yaml writes in every style, from random values", () => {
    const random = mulberry32(17);
    const styles: jsyaml.DumpOptions[] = [
      {},
      { flowLevel: 1 },
      { flowLevel: 2, indent: 4 },
      { lineWidth: 20 },
      { lineWidth: 8, quotingType: '"' },
      { forceQuotes: true },
      { forceQuotes: true, quotingType: '"', lineWidth: 12 },
      { noArrayIndent: true, indent: 3 },
      { noCompatMode: true, condenseFlow: true, flowLevel: 1 },
    ];
    let readable = 0;
    for (let i = 0; i < 300; i++) {
      const value = randomValue(random, 0);
      const text = jsyaml.dump({ root: value, n: i }, { ...styles[i % styles.length]!, noRefs: true });
      // (js-yaml's condensed flow style can write keys it cannot read back: those must be given up on.)
      let fine = true;
      try {
        jsyaml.load(text, { schema: SCHEMA });
      } catch {
        fine = false;
      }
      const both = bothWays(text);
      if (fine) readable++;
      // What js-yaml writes and reads back is read here too (no anchors with noRefs, no tags for plain data).
      expect(both !== undefined).toBe(fine);
    }
    expect(readable).toBeGreaterThan(280);
  });
});

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...yamlFiles(file));
    else if (/\.ya?ml$/.test(name)) out.push(file);
  }
  return out.sort();
}

/** A small deterministic PRNG (tests must not depend on Math.random). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "a",
  "type",
  "null",
  "true",
  "12",
  "1.5",
  "0x1F",
  "-",
  "?",
  ":",
  "#",
  "a: b",
  "x #y",
  "'q'",
  '"d"',
  "é",
  "😀",
  "",
  " lead",
  "trail ",
  "[x]",
  "{y}",
  ",",
  "|",
  ">",
  "*",
  "&",
  "!",
  "%",
  "@",
  "`",
  "line\nbreak",
  "two\n\nbreaks",
  "tab\there",
  "\\",
  "~",
  "- item",
  "<<",
];

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 3 || pick < 0.45) {
    const kind = Math.floor(random() * 5);
    if (kind === 0) return Math.floor(random() * 2000) - 1000;
    if (kind === 1) return random() < 0.5;
    if (kind === 2) return null;
    if (kind === 3) return Math.round(random() * 1e4) / 100;
    const n = 1 + Math.floor(random() * 4);
    return Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(random() < 0.3 ? "\n" : " ");
  }
  if (pick < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const out: Record<string, unknown> = {};
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) out[`${WORDS[Math.floor(random() * WORDS.length)]}${i}`] = randomValue(random, depth + 1);
  return out;
}
