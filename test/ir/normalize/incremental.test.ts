// The incremental normalizer (src/ir/normalize/incremental/) against a cold normalize: for real
// specs and a table of edits, the IR (models, operations, report) and the recorded state must be
// the same whether the previous run's state was reused or not, and the reuse must have happened.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SpecSet } from "../../../src/load/loader.js";
import { normalizeWith } from "../../../src/ir/normalize/index.js";
import { stateRecords } from "../../../src/ir/normalize/incremental/walk.js";
import { unitOf } from "../../../src/ir/normalize/incremental/units.js";
import { lookupPointer } from "../../../src/load/pointer.js";
import type { IrDocument } from "../../../src/ir/types.js";
import { contentHash, coreHash } from "../../../src/ir/content-hash.js";

const SPECS = ["openai-2026-08-21.yaml", "openai-2026-07-15.yaml"];
const FILE = "/virtual/openapi.yaml";

interface Before {
  text: string;
  ir: IrDocument;
  state: string;
  schemas: Record<string, Record<string, unknown>>;
  value: unknown;
}

function hasKey(value: unknown, pointer: string, key: string): boolean {
  const found = lookupPointer(value, pointer);
  return !found.found || typeof found.value !== "object" || found.value === null || key in found.value;
}

/** Normalizes `text` reusing `previous` (a state's text, its bytes as a cache file holds them, or anything else); the state comes back as its text. */
function run(text: string, previous?: unknown) {
  const specs = new SpecSet(FILE, () => text);
  const out = normalizeWith(specs, {}, { basis: "test", previous });
  return { ...out, state: out.state?.text(), parts: out.state?.parts, value: specs.root.value };
}

/** Inserts `line` as a key of the mapping whose first key sits at `source` (a line of its own, same indentation, after the first key's line). */
function addKeyAt(text: string, source: { line: number; col: number }, key: string): string | undefined {
  const lines = text.split("\n");
  const first = lines[source.line - 1]!;
  const next = lines[source.line] ?? "";
  const indent = " ".repeat(source.col - 1);
  // The first key's value must be on its line: the next line continues the same mapping.
  if (!next.startsWith(indent) || /^[\s-]/.test(next.slice(indent.length)) || first.trimEnd().endsWith(":")) return undefined;
  lines.splice(source.line, 0, indent + key);
  return lines.join("\n");
}

function definitionEnd(lines: string[], start: number): number {
  let end = start + 1;
  while (end < lines.length && (lines[end] === "" || /^ {5}/.test(lines[end]!))) end++;
  return end;
}

function renameSchema(text: string, from: string, to: string): string {
  return text
    .replace(new RegExp(`^    ${from}:$`, "m"), `    ${to}:`)
    .replace(new RegExp(`#/components/schemas/${from}(?=['"/])`, "g"), `#/components/schemas/${to}`);
}

function isReferenced(text: string, name: string): boolean {
  return new RegExp(`#/components/schemas/${name}(?=['"/])`).test(text);
}

/** Each edit returns the new text; `undefined` would make the test fail (the edit found nothing to change). */
const EDITS: { name: string; edit(b: Before): string | undefined }[] = [
  {
    name: "a field added (RunObject)",
    edit: ({ text }) => {
      const at = text.indexOf("\n    RunObject:\n");
      const props = text.indexOf("\n      properties:\n", at);
      if (at < 0 || props < 0) return undefined;
      const cut = props + "\n      properties:\n".length;
      return text.slice(0, cut) + "        added_note:\n          type: string\n" + text.slice(cut);
    },
  },
  {
    name: "a model renamed (a referenced schema in the middle)",
    edit: ({ text, schemas }) => {
      const names = Object.keys(schemas).filter((n) => /^[A-Za-z]\w*$/.test(n) && isReferenced(text, n));
      const name = names[Math.floor(names.length / 2)]!;
      return renameSchema(text, name, `${name}Renamed`);
    },
  },
  {
    name: "an enum value added",
    edit: ({ text }) => {
      const matches = [...text.matchAll(/\n( +)enum:\n( +)- /g)];
      const m = matches[Math.floor(matches.length / 2)];
      if (!m) return undefined;
      const cut = m.index + 1 + m[1]!.length + "enum:\n".length;
      return text.slice(0, cut) + `${m[2]}- added_value\n` + text.slice(cut);
    },
  },
  {
    name: "a model removed (one nothing refers to)",
    edit: ({ text, schemas }) => {
      const name = Object.keys(schemas).find(
        (n) => /^[A-Za-z]\w*$/.test(n) && !isReferenced(text, n) && Object.keys(schemas).indexOf(n) > 20,
      );
      if (!name) return undefined;
      const lines = text.split("\n");
      const start = lines.indexOf(`    ${name}:`);
      lines.splice(start, definitionEnd(lines, start) - start);
      return lines.join("\n");
    },
  },
  {
    name: "a $ref target changed",
    edit: ({ text }) => {
      const refs = [...text.matchAll(/\$ref: (['"])#\/components\/schemas\/(\w+)\1/g)];
      const m = refs[Math.floor(refs.length / 3)]!;
      const other = refs.find((r) => r[2] !== m[2])!;
      return text.slice(0, m.index) + `$ref: '#/components/schemas/${other[2]}'` + text.slice(m.index + m[0].length);
    },
  },
  {
    name: "a line inserted above a definition (every later line moves)",
    edit: ({ text }) => text.replace("\n    RunObject:\n", "\n    # a comment that moves every later line\n\n    RunObject:\n"),
  },
  {
    name: "a definition reached first from an earlier root changes",
    edit: ({ text, state, schemas }) => {
      for (const [root, record] of stateRecords(state, FILE)) {
        for (const m of record.models) {
          const unit = unitOf(m.id.slice(1));
          if (unit === undefined || unit === root || !unit.startsWith("/components/schemas/")) continue;
          const name = unit.slice("/components/schemas/".length);
          const schema = schemas[name];
          if (!schema || schema.deprecated !== undefined || !/^\w+$/.test(name)) continue;
          const edited = text.replace(`\n    ${name}:\n`, `\n    ${name}:\n      deprecated: true\n`);
          if (edited !== text) return edited;
        }
      }
      return undefined;
    },
  },
  {
    name: "an operation's inline body changed",
    edit: ({ text, ir, value }) => {
      for (const op of ir.operations ?? []) {
        const target = op.requests[0]?.type;
        if (target?.kind !== "ref" || !target.target.startsWith("#/paths/")) continue;
        const model = ir.models.find((m) => m.id === target.target);
        if (!model || hasKey(value, model.id.slice(1), "deprecated")) continue;
        const edited = addKeyAt(text, model.source, "deprecated: true");
        if (edited) return edited;
      }
      return undefined;
    },
  },
  {
    name: "a parameter changed",
    edit: ({ text, ir, value }) => {
      for (const m of ir.models) {
        if (m.kind !== "object" || m.origin !== "parameters") continue;
        for (const f of m.fields) {
          if (hasKey(value, f.source.pointer, "deprecated") || !f.source.pointer.startsWith("/paths/")) continue;
          const edited = addKeyAt(text, f.source, "deprecated: true");
          if (edited) return edited;
        }
      }
      return undefined;
    },
  },
];

describe.each(SPECS)("incremental normalize of %s", (spec) => {
  const text = readFileSync(new URL(`../../../../shared/specs/openai/${spec}`, import.meta.url), "utf8");
  const first = run(text);
  const value = first.value as { components: { schemas: Record<string, Record<string, unknown>> } };
  const state = first.state!;
  const before: Before = { text, ir: first.ir, state, schemas: value.components.schemas, value: first.value };

  it("records a state (the spec can be walked incrementally)", () => {
    expect(first.state).toBeDefined();
    expect(stateRecords(state, FILE).size).toBeGreaterThan(100);
  });

  it.each(EDITS)("gives the cold run's IR and state after: $name", ({ edit }) => {
    const edited = edit(before);
    expect(edited, "the edit found its place").toBeDefined();
    const cold = run(edited!);
    expect(JSON.stringify(cold.ir), "the edit changes the IR").not.toBe(JSON.stringify(first.ir));
    // As bytes, as a cache file holds the state between runs: the lines of reused roots are written back from them.
    const incremental = run(edited!, Buffer.from(state, "latin1"));
    expect(JSON.stringify(incremental.ir)).toBe(JSON.stringify(cold.ir));
    expect(incremental.ir).toStrictEqual(cold.ir);
    expect(incremental.state).toBe(cold.state);
    // A reused model's content hash is the stored one: it must be its content's (a copy is hashed afresh).
    expect(incremental.ir.models.filter((m) => contentHash(m) !== contentHash(structuredClone(m))).map((m) => m.id)).toEqual([]);
    const roots = stateRecords(cold.state!, FILE).size;
    expect(incremental.reusedRoots).toBeGreaterThan(roots / 2);
    expect(incremental.reusedRoots).toBeLessThan(roots);
  });
});

describe("the state as text", () => {
  const text = readFileSync(new URL("../../../../shared/specs/openai/openai-2026-08-21.yaml", import.meta.url), "utf8");
  const first = run(text).state!;
  const lines = (state: string) => state.split("\n").slice(1);

  it("stores nearly every root's positions relative to its units, so lines moved above leave its text as it was", () => {
    expect(lines(first).filter((l) => l.includes("\tr")).length).toBeGreaterThan(lines(first).length * 0.95);
    const moved = text.replace("\n    RunObject:\n", "\n    # three lines\n    # that move every\n    # later line\n    RunObject:\n");
    const cold = run(moved);
    const before = new Set(lines(first));
    // Only the root whose own text changed (RunObject's unit takes the comment lines above it) has a new line.
    expect(lines(cold.state!).filter((l) => !before.has(l)).length).toBeLessThanOrEqual(2);
    // Reusing the state writes the same text as recording afresh, and so does reusing a reused state.
    const again = run(moved, first);
    expect(again.state).toBe(cold.state);
    const back = run(text, again.state);
    expect(back.state).toBe(first);
    expect(back.reusedRoots).toBeGreaterThan(lines(first).length - 5);
  });

  it("read as bytes, is written back in a handful of parts, the unchanged lines copied from those bytes", () => {
    const edited = text.replace("\n    RunObject:\n", "\n    RunObject:\n      x-edited: true\n");
    const cold = run(edited);
    const bytes = Buffer.from(first, "latin1");
    const again = run(edited, bytes);
    expect(again.state).toBe(cold.state);
    // The new header, then ranges of the bytes read between the new lines of the roots built again
    // (RunObject's and the few that read its text): parts by the dozen, not a line each.
    expect(again.parts!.length).toBeLessThan(30);
    const copied = again.parts!.filter((p) => p.buffer === bytes.buffer);
    // Most of the text (not the lines of absolute positions after the edit, which moved: see NormalizeState).
    expect(copied.reduce((n, p) => n + p.length, 0)).toBeGreaterThan(bytes.length * 0.85);
    // A state this process made is taken as it is (its parts), and gives the same.
    const specs = new SpecSet(FILE, () => edited);
    const inMemory = normalizeWith(new SpecSet(FILE, () => text), {}, { basis: "test", previous: undefined }).state;
    expect(normalizeWith(specs, {}, { basis: "test", previous: inMemory }).state!.text()).toBe(cold.state);
  });

  it("is ASCII, the characters beyond escaped, and reads back to the same IR", () => {
    // The 3 MB spec has a few non-ASCII characters in its descriptions (and one more in a schema's name here).
    const named = text
      .replace("\n    RunObject:\n", "\n    RunObjéct:\n      type: string\n    RunObject:\n")
      .replace("A run on a thread", "A rún on a thread");
    const cold = run(named);
    expect(JSON.stringify(cold.ir)).toMatch(/[^\x00-\x7f]/);
    expect(cold.state).not.toMatch(/[^\x00-\x7f]/);
    expect(cold.state).toContain("\\u00e9");
    const again = run(named, cold.state);
    expect(again.reusedRoots).toBe(lines(cold.state!).length);
    expect(JSON.stringify(again.ir)).toBe(JSON.stringify(cold.ir));
    expect(again.state).toBe(cold.state);
  });

  it("stores each model's core hash, which a model reused from its record takes instead of hashing", () => {
    const records = stateRecords(first, FILE);
    for (const record of records.values()) expect(record.hashes).toEqual(record.models.map((m) => coreHash(structuredClone(m))));
    // A marker in place of one stored hash shows the reused model took the stored one.
    const [pointer, record] = [...records].find(([, r]) => r.models.length > 0)!;
    const line = first.split("\n").find((l) => l.startsWith(`${JSON.stringify(pointer)}\t`))!;
    const marked = first.replace(line, line.replace(record.hashes![0]!, "marker"));
    expect(marked).not.toBe(first);
    const again = run(text, marked);
    expect(coreHash(again.ir.models.find((m) => m.id === record.models[0]!.id)!)).toBe("marker");
  });

  it("carries a reused model's core hash over to the copy finish() makes to set its parent, and hashes the parent with it", () => {
    const records = stateRecords(first, FILE);
    // A hoisted model whose record holds it without a parent (finish() sets it by a copy), and nothing else changes it.
    const cold = run(text).ir;
    const byId = new Map(cold.models.map((m) => [m.id, m]));
    const [pointer, record, index] = [...records]
      .flatMap(([p, r]) => r.models.map((_, i) => [p, r, i] as const))
      .find(([, r, i]) => {
        const made = byId.get(r.models[i]!.id);
        return r.models[i]!.parent === undefined && made?.parent !== undefined && coreHash(made) === r.hashes![i];
      })!;
    const stored = record.hashes![index]!;
    const line = first.split("\n").find((l) => l.startsWith(`${JSON.stringify(pointer)}\t`))!;
    const again = run(text, first.replace(line, line.replace(stored, "marker"))).ir;
    const linked = again.models.find((m) => m.id === record.models[index]!.id)!;
    expect(linked.parent).toBeDefined();
    expect(coreHash(linked)).toBe("marker");
    expect(contentHash(linked)).not.toBe(contentHash(byId.get(linked.id)!));
    // Unmarked, the linked copy hashes as a fresh copy of it does (the value is the content's, however the model was made).
    const plain = run(text, first).ir.models.find((m) => m.id === linked.id)!;
    expect(contentHash(plain)).toBe(contentHash(structuredClone(plain)));
    expect(contentHash(plain)).toBe(contentHash(byId.get(linked.id)!));
  });

  it("reads a damaged line as no state", () => {
    const cut = first.replace(/\n"[^\n]*\t/, '\n"a line without its tab\n');
    expect(run(text, cut).reusedRoots).toBe(0);
    expect(run(text, `${first}\nnot json\tr{}\t{}`).reusedRoots).toBe(0);
  });
});

describe("what is never walked incrementally", () => {
  it.each([
    // YAML anchors: an alias shares a value between places far apart in the text (older specs anchor examples).
    ["a spec with YAML anchors", readFileSync(new URL("../../../../shared/specs/openai/openai-2024-12-18.yaml", import.meta.url), "utf8")],
  ])("%s records no state and builds everything", (_, text) => {
    const first = run(text);
    expect(first.state).toBeUndefined();
    expect(run(text, first.state).reusedRoots).toBeUndefined();
  });

  it.each([
    ["no previous state", undefined],
    ["a foreign file", { format: "something else", roots: {}, units: {} }],
    ["a state of other settings", "other basis"],
  ])("%s: builds everything, same IR", (_, previous) => {
    const text = readFileSync(new URL("../../../../shared/specs/openai/openai-2026-08-21.yaml", import.meta.url), "utf8");
    const cold = run(text);
    const prev = previous === "other basis" ? cold.state : previous;
    const specs = new SpecSet(FILE, () => text);
    const again = normalizeWith(specs, {}, { basis: previous === "other basis" ? "another" : "test", previous: prev });
    expect(again.reusedRoots).toBe(0);
    expect(JSON.stringify(again.ir)).toBe(JSON.stringify(cold.ir));
  });
});

describe("the ids asked about", () => {
  const text = readFileSync(new URL("../../../../shared/specs/openai/openai-2026-08-21.yaml", import.meta.url), "utf8");
  const first = run(text).state!;
  const roots = first.split("\n").length - 1;
  // A later root's record made to say that an id built by the first root did not exist when it asked:
  // a check of the presence lists finds that false, and builds the root again.
  const lines = first.split("\n");
  const firstModel = /"heads":\[\{"k":"[^"]*","h":\{"id":("[^"]+")/.exec(lines[1]!)![1]!;
  const late = lines.findIndex((l, i) => i > roots / 2 && l.includes('\tr{"present":') && l.includes('"absent":["'));
  lines[late] = lines[late]!.replace('"absent":[', `"absent":[${JSON.stringify(`m${JSON.parse(firstModel) as string}`)},`);
  const tampered = lines.join("\n");

  it("are not checked while every root so far built the ids it built before", () => {
    const again = run(text, tampered);
    expect(again.reusedRoots).toBe(roots);
    const edited = text.replace("\n    RunObject:\n      type: object\n", "\n    RunObject:\n      type: object\n      deprecated: true\n");
    const cold = run(edited);
    const incremental = run(edited, tampered);
    expect(JSON.stringify(incremental.ir)).toBe(JSON.stringify(cold.ir));
    expect(incremental.reusedRoots).toBe(run(edited, first).reusedRoots);
  });

  it("are checked once a root built other ids than before (a model added before the tampered root)", () => {
    const pointer = JSON.parse(lines[late]!.slice(0, lines[late]!.indexOf("\t"))) as string;
    const name = pointer.startsWith("/components/schemas/") ? pointer.slice("/components/schemas/".length) : undefined;
    expect(name).toBeDefined();
    // A new schema before the tampered one: a root the previous run did not have, so ids differ from there on.
    const edited = text.replace(
      `\n    ${name}:\n`,
      `\n    AddedBefore${name}:\n      type: object\n      properties:\n        a:\n          type: string\n    ${name}:\n`,
    );
    expect(edited).not.toBe(text);
    const cold = run(edited);
    const honest = run(edited, first);
    const incremental = run(edited, tampered);
    expect(JSON.stringify(incremental.ir)).toBe(JSON.stringify(cold.ir));
    expect(incremental.state).toBe(cold.state);
    expect(incremental.reusedRoots).toBe(honest.reusedRoots! - 1);
  });
});

describe("the ids part of a stored line", () => {
  const text = readFileSync(new URL("../../../../shared/specs/openai/openai-2026-08-21.yaml", import.meta.url), "utf8");
  const first = run(text).state!;
  const roots = first.split("\n").length - 1;
  // A late root's ids made text that does not parse: only a run that checks them reads them.
  const lines = first.split("\n");
  const late = lines.findIndex(
    (l, i) => i > roots / 2 && l.startsWith('"/components/schemas/') && /\tr\{"present":\[[^\]]*\],"absent":\["/.test(l),
  );
  const garbled = lines.map((l, i) => (i === late ? l.replace('\tr{"present":', '\tr{"present":{[') : l)).join("\n");

  it("is not parsed while every root so far built the ids it built before", () => {
    expect(late).toBeGreaterThan(0);
    const again = run(text, garbled);
    expect(again.reusedRoots).toBe(roots);
    expect(JSON.stringify(again.ir)).toBe(JSON.stringify(run(text).ir));
  });

  it("a pointer written otherwise than JSON.stringify writes it is read, and written again as a cold run writes it", () => {
    const escaped = lines.map((l, i) => (i === late ? l.replace(/^"\//, '"\\/') : l)).join("\n");
    expect(escaped).not.toBe(first);
    const again = run(text, escaped);
    expect(again.reusedRoots).toBe(roots);
    expect(again.state).toBe(first);
  });

  it("is parsed when they are checked: ids that do not parse build the root again", () => {
    const pointer = JSON.parse(lines[late]!.slice(0, lines[late]!.indexOf("\t"))) as string;
    const name = pointer.slice("/components/schemas/".length);
    const edited = text.replace(`\n    ${name}:\n`, `\n    AddedBefore${name}:\n      type: string\n    ${name}:\n`);
    expect(edited).not.toBe(text);
    const cold = run(edited);
    const honest = run(edited, first);
    const incremental = run(edited, garbled);
    expect(JSON.stringify(incremental.ir)).toBe(JSON.stringify(cold.ir));
    expect(incremental.state).toBe(cold.state);
    expect(incremental.reusedRoots).toBe(honest.reusedRoots! - 1);
  });
});
