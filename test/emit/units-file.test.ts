// The units file a folder keeps for the next run (reuse.ts, FolderReuse.output): its units and
// index files are listed by sorted id and path whatever order they rendered in (the models' order
// is usually sorted already, and then not sorted again), and type names read back from it are
// used only when they fit the IR (one per model, a union's variant names one per variant).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FolderReuse, plainRecord } from "../../src/emit/reuse.js";
import { MANIFEST_FILE } from "../../src/emit/manifest.js";
import { sha256 } from "../../src/common/hash.js";
import type { IrDocument } from "../../src/ir/types.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { irOf, REPO } from "../helpers/generate.js";
import { tempFolders } from "../helpers/temp-folders.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const folder = tempFolders("units-file-");

/** The units file of a run over `ir` that renders its units in `order` (ids) and an index file per path of `files`. */
function unitsText(dir: string, ir: IrDocument, order: string[], files: string[] = []): string {
  const reuse = new FolderReuse(dir, "basis");
  const units = reuse.start(ir, reuse.names(ir, tsNamingRules));
  for (const id of order) units.unit(id, () => ({ files: [{ path: `${id.split("/").pop()}.ts`, contents: id }] }));
  for (const f of files) units.file(f, { f }, () => ({ path: f, contents: f }));
  return reuse.output()[0]!.contents;
}

describe("the units file", () => {
  it("lists units and index files sorted, the same whatever order they rendered in", () => {
    const ir = irOf(SPEC);
    const ids = ir.models.map((m) => m.id);
    const sorted = [...ids].sort();
    const inOrder = unitsText(folder(), ir, sorted, ["a.ts", "b.ts", "index.ts"]);
    const parsed = JSON.parse(inOrder) as { units: object; files: object };
    expect(Object.keys(parsed.units)).toEqual(sorted);
    expect(Object.keys(parsed.files)).toEqual(["a.ts", "b.ts", "index.ts"]);
    expect(unitsText(folder(), ir, [...sorted].reverse(), ["index.ts", "b.ts", "a.ts"])).toBe(inOrder);
    // Sorted but for one pair at the end.
    const swapped = [...sorted.slice(0, -2), sorted.at(-1)!, sorted.at(-2)!];
    expect(unitsText(folder(), ir, swapped, ["a.ts", "index.ts", "b.ts"])).toBe(inOrder);
  });

  it("is JSON laid out a unit a line (a diff in review shows the units that changed)", () => {
    const ir = irOf(SPEC);
    const sorted = ir.models.map((m) => m.id).sort();
    const text = unitsText(folder(), ir, sorted, ["index.ts"]);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^\{"basis":"[0-9a-f]{64}",.*,"units":\{$/);
    expect(lines.slice(1, -2).map((l) => l.slice(0, l.indexOf(":{")))).toEqual(sorted.map((id) => JSON.stringify(id)));
    expect(lines.slice(1, -3).every((l) => l.endsWith("},"))).toBe(true);
    expect(lines.slice(-2)).toEqual(["}}", ""]);
    expect(Object.keys((JSON.parse(text) as { units: object }).units)).toEqual(sorted);
    expect(unitsText(folder(), ir, [])).toMatch(/"units":\{\n\}\}\n$/);
    expect((JSON.parse(unitsText(folder(), ir, [])) as { units: object }).units).toEqual({});
  });

  it("gives type names back only when they fit the IR", () => {
    const ir = irOf(SPEC);
    const union = ir.models.findIndex((m) => m.kind === "union");
    expect(union).toBeGreaterThanOrEqual(0);
    const dir = folder();
    const text = unitsText(
      dir,
      ir,
      ir.models.map((m) => m.id),
    );
    const names = (JSON.parse(text) as { names: { types: string[]; variants: (string[] | null)[] } }).names;
    /** The type names a run reads back from `units` (written as the previous run's, on one line as earlier builds wrote it, listed in its manifest). */
    const namesAfter = (units: object): string[] => {
      const body = JSON.stringify(units);
      writeFileSync(path.join(dir, ".modelgen-units.json"), body);
      writeFileSync(
        path.join(dir, MANIFEST_FILE),
        JSON.stringify({ tool: "openapi-modelgen", files: { ".modelgen-units.json": sha256(body) } }),
      );
      const reuse = new FolderReuse(dir, "basis");
      const table = reuse.names(ir, tsNamingRules);
      return ir.models.map((m) => table.type(m.id));
    };
    const marked = { ...names, types: names.types.map((t) => `${t}Kept`) };
    const parsed = JSON.parse(text) as object;
    // Fitting names are taken as they were written (here marked, to tell them from names worked out again).
    expect(namesAfter({ ...parsed, names: marked })[0]).toBe(`${names.types[0]}Kept`);
    const damaged = [
      { ...marked, types: marked.types.slice(1) },
      { ...marked, types: marked.types.map((t, i) => (i === 3 ? 3 : t)) },
      { ...marked, variants: marked.variants.map((v, i) => (i === union ? v!.slice(1) : v)) },
      { ...marked, variants: marked.variants.map((v, i) => (i === union ? [...v!.slice(1), 7] : v)) },
      { ...marked, variants: marked.variants.map((v, i) => (i === union ? null : v)) },
      { ...marked, variants: marked.variants.map((v, i) => (i === union - 1 || i === union + 1 ? (v ?? []) : v)) },
    ];
    for (const bad of damaged) expect(namesAfter({ ...parsed, names: bad })[0]).toBe(names.types[0]);
  });
});

describe("a unit's record read without JSON.parse (plainRecord)", () => {
  const id = "#/components/schemas/Run";
  const key = "ab".repeat(32);
  const line = (record: string) => `${JSON.stringify(id)}:${record}`;
  const at = JSON.stringify(id).length + 1;
  const cases: { name: string; record: string; plain: boolean }[] = [
    { name: "one file", record: `{"key":"${key}","files":["Run.ts"]}`, plain: true },
    { name: "a file in a folder", record: `{"key":"${key}","files":["src/run.rs"]}`, plain: true },
    { name: "two files", record: `{"key":"${key}","files":["a.ts","b.ts"]}`, plain: false },
    { name: "no file", record: `{"key":"${key}","files":[]}`, plain: false },
    { name: "uses kept beside the files", record: `{"key":"${key}","files":["a.rs"],"side":{"support":["present"]}}`, plain: false },
    { name: "an escape in the file", record: `{"key":"${key}","files":["a\\"b.ts"]}`, plain: false },
    { name: "an escaped character in the file", record: `{"key":"${key}","files":["caf\\u00e9.ts"]}`, plain: false },
    { name: "an escape in the key", record: `{"key":"a\\"b","files":["a.ts"]}`, plain: false },
    { name: "the keys in another order", record: `{"files":["a.ts"],"key":"${key}"}`, plain: false },
    { name: "white space", record: `{"key": "${key}","files":["a.ts"]}`, plain: false },
    { name: "cut short", record: `{"key":"${key}","files":["a.ts"`, plain: false },
    { name: "a key cut short", record: `{"key":"${key}`, plain: false },
  ];
  it.each(cases)("$name: read plainly $plain, and then as JSON.parse reads it", ({ record, plain }) => {
    const got = plainRecord(line(record), at);
    expect(got !== undefined).toBe(plain);
    if (got) expect(got).toEqual(JSON.parse(record));
  });
});

describe("a previous units file read line by line as units ask (LaidOutUnits)", () => {
  /** A file name of each unit's own, the same whichever models the IR has. */
  const fileOf = (id: string) => `${sha256(id).slice(0, 16)}.ts`;

  /** The folder a run over `ir` leaves: each unit's file, the units file, and the manifest listing them, written last. */
  function previousRun(dir: string, ir: IrDocument): string {
    const reuse = new FolderReuse(dir, "basis");
    const units = reuse.start(ir, reuse.names(ir, tsNamingRules));
    const files = ir.models.flatMap((m) => units.unit(m.id, () => ({ files: [{ path: fileOf(m.id), contents: m.id }] })).files);
    const all = [...files, ...reuse.output()];
    for (const f of all) writeFileSync(path.join(dir, f.path), f.contents);
    const listed = Object.fromEntries(all.map((f) => [f.path, sha256(f.contents)]));
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ tool: "openapi-modelgen", files: listed }));
    return all.at(-1)!.contents;
  }

  /** A run over `ir` asking for its units in `order`: how many it kept, and the units file it writes. */
  function nextRun(dir: string, ir: IrDocument, order: string[]): { kept: number; rendered: number; text: string } {
    const reuse = new FolderReuse(dir, "basis");
    const units = reuse.start(ir, reuse.names(ir, tsNamingRules));
    for (const id of order) units.unit(id, () => ({ files: [{ path: fileOf(id), contents: id }] }));
    return { ...reuse.counts, text: reuse.output()[0]!.contents };
  }

  const ir = irOf(SPEC);
  const ids = ir.models.map((m) => m.id);
  const n = ids.length;
  it.each([
    { name: "in the models' order", order: ids },
    { name: "backwards (every line found through the index)", order: [...ids].reverse() },
    { name: "every other one, then the rest", order: [...ids.filter((_, i) => i % 2 === 0), ...ids.filter((_, i) => i % 2 === 1)] },
    { name: "one twice", order: [...ids.slice(0, 3), ids[1]!, ...ids.slice(3)] },
  ])("keeps every unit and writes the same file when asked $name", ({ order }) => {
    const dir = folder();
    const before = previousRun(dir, ir);
    const after = nextRun(dir, ir, order);
    expect(after.text).toBe(before);
    expect(after.kept).toBe(order.length);
  });

  it("passes the lines of units gone and finds those after a unit that is new", () => {
    const dir = folder();
    // A model no other refers to (the others' keys stay as they were), not the first nor the last.
    const k = ids.indexOf("#/components/schemas/Anything");
    expect(k).toBeGreaterThan(0);
    expect(JSON.stringify(ir.models.filter((m) => m.id !== ids[k]))).not.toContain(`"${ids[k]}"`);
    previousRun(dir, { ...ir, models: ir.models.filter((_, i) => i !== k) });
    // The units before k, then k (new: no line), k + 2 (k + 1 is not asked: its line is passed), then the rest.
    const order = [...ids.slice(0, k + 1), ...ids.slice(k + 2)];
    const after = nextRun(dir, ir, order);
    expect(after).toMatchObject({ kept: n - 2, rendered: 1 });
    // The same file as a first run asking for the same units.
    expect(after.text).toBe(nextRun(folder(), ir, order).text);
  });

  it("keeps a unit whose id JSON escapes too (read from the file parsed whole), and writes the same file", () => {
    const quoted = { ...ir.models.find((m) => m.kind === "object")!, id: '#/components/schemas/Quo"te', nameHint: ["Quote"] };
    const withQuote = { ...ir, models: [...ir.models, quoted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
    const dir = folder();
    const before = previousRun(dir, withQuote);
    expect(before).toContain('"#/components/schemas/Quo\\"te":{');
    const after = nextRun(dir, withQuote, withQuote.models.map((m) => m.id));
    expect(after).toMatchObject({ kept: n + 1, rendered: 0 });
    expect(after.text).toBe(before);
  });
});
