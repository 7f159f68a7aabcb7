// The previous snapshot read model by model from its text (src/diff/snapshot-text.ts): every answer
// (which models are the same, the summary of changes) must be the one the parsed snapshot gives.
import { describe, expect, it } from "vitest";
import { cutSnapshot, holdsNull, readSnapshotText, restoreModel, SnapshotText } from "../../src/diff/snapshot-text.js";
import { sameAsPrevious, snapshotIr, snapshotText, summarizeAgainstPrevious, type IrSnapshot } from "../../src/diff/snapshot.js";
import { snapshotFileOf } from "../../src/emit/manifest.js";
import type { IrDocument } from "../../src/ir/types.js";
import { irOf, OPENAI_SPECS } from "../helpers/generate.js";
import { irOfSchemas } from "../helpers/spec.js";
import { JUDGES, withNaNDefault } from "./helpers.js";

/** The snapshot file's text, as generate writes it. */
const textOf = (snapshot: IrSnapshot) => snapshotFileOf(snapshotText(snapshot)).contents;
const fileOf = (ir: IrDocument) => textOf(snapshotIr(ir));

/** How many model elements a read snapshot has parsed so far. */
const parsedCount = (s: SnapshotText) => (s as unknown as { values: Map<string, unknown> }).values.size;

function asText(text: string): SnapshotText {
  const read = readSnapshotText(text);
  expect(read).toBeInstanceOf(SnapshotText);
  return read as SnapshotText;
}

/** The summary and the same-set from the text and from the parsed file, which must agree. */
function bothWays(before: IrDocument, after: IrDocument) {
  const text = fileOf(before);
  const current = snapshotIr(after);
  const currentText = textOf(current);
  const parsed = JSON.parse(text) as unknown;
  const sameParsed = sameAsPrevious(parsed, current);
  const read = asText(text);
  const sameRead = sameAsPrevious(read, current, currentText);
  expect(sameRead).toEqual(sameParsed);
  const fromParsed = summarizeAgainstPrevious(parsed, after, { judges: JUDGES, current, same: sameParsed! });
  const fromRead = summarizeAgainstPrevious(read, after, { judges: JUDGES, current, same: sameRead! });
  expect(fromRead).toEqual(fromParsed);
  // Without the same-set worked out before, and without the current snapshot: the same again.
  expect(summarizeAgainstPrevious(asText(text), after, { judges: JUDGES })).toEqual(fromParsed);
  return { same: sameRead!, summary: fromRead, read };
}

const BASE = `
  A: { type: object, properties: { x: { type: string }, y: { $ref: "#/components/schemas/B" } } }
  B: { type: string, enum: [p, q] }
  C: { type: object, properties: { list: { type: array, items: { $ref: "#/components/schemas/A" } } } }
  D: { type: integer, default: 3 }
`;

describe("cutSnapshot", () => {
  it("cuts the text generate writes into the text of each model", () => {
    const snapshot = snapshotIr(irOfSchemas(BASE));
    const text = textOf(snapshot);
    const cut = cutSnapshot(text)!;
    expect(cut.models).toEqual(snapshot.models.map((m) => JSON.stringify(m)));
    expect(JSON.parse(`${cut.head.slice(0, -1)}}`)).toEqual({ snapshotVersion: 1, spec: snapshot.spec });
    // One line a model, between the head line and the closing one; the text is the snapshot's JSON.
    expect(text.split("\n")).toHaveLength(snapshot.models.length + 3);
    expect(JSON.parse(text)).toEqual(snapshot);
    // Without the final newline too (the text before it is written).
    expect(cutSnapshot(snapshotText(snapshot))).toEqual(cut);
  });

  it.each([
    { layout: "one line", text: (s: IrSnapshot) => JSON.stringify(s) },
    { layout: "indented (an earlier release's)", text: (s: IrSnapshot) => JSON.stringify(s, null, 2) },
    { layout: "no models", text: (s: IrSnapshot) => snapshotText({ ...s, models: [] }) },
    { layout: "a key after the models", text: (s: IrSnapshot) => snapshotText(s).replace(/\]\}$/, '],"more":1}') },
    { layout: "a model over two lines", text: (s: IrSnapshot) => snapshotText(s).replace('{"id":', '{\n"id":') },
    { layout: "a comma missed", text: (s: IrSnapshot) => snapshotText(s).replace("},\n", "}\n") },
    { layout: "a comma after the last model", text: (s: IrSnapshot) => snapshotText(s).replace("}\n]}", "},\n]}") },
    { layout: "cut short", text: (s: IrSnapshot) => snapshotText(s).slice(0, -40) },
  ])("is undefined for another layout ($layout)", ({ text }) => {
    expect(cutSnapshot(text(snapshotIr(irOfSchemas(BASE))))).toBeUndefined();
  });
});

describe("readSnapshotText", () => {
  it("reads generate's text model by model, parsing none of them yet", () => {
    const read = asText(fileOf(irOfSchemas(BASE)));
    expect(read.head).toEqual({ snapshotVersion: 1, spec: irOfSchemas(BASE).spec });
    expect(parsedCount(read)).toBe(0);
    expect(read.models()).toEqual(snapshotIr(irOfSchemas(BASE)).models);
  });

  it("parses any other text whole, as JSON.parse does", () => {
    const snapshot = snapshotIr(irOfSchemas(BASE));
    expect(readSnapshotText(JSON.stringify(snapshot))).toEqual(snapshot);
    // A model whose first key is not its id, and an id twice: parsed whole.
    const moved = { ...snapshot, models: snapshot.models.map((m) => ({ kind: (m as { kind: string }).kind, ...(m as object) })) };
    expect(readSnapshotText(snapshotText(moved))).toEqual(JSON.parse(JSON.stringify(moved)));
    const twice = { ...snapshot, models: [...snapshot.models, snapshot.models[0]] };
    expect(readSnapshotText(snapshotText(twice))).toEqual(twice);
    // The layout an earlier release wrote (indented JSON).
    expect(readSnapshotText(JSON.stringify(snapshot, null, 2))).toEqual(snapshot);
    expect(() => readSnapshotText("{ not json")).toThrow(SyntaxError);
  });

  it("reads an id written with escapes", () => {
    const snapshot = { snapshotVersion: 1, spec: { file: "a.yaml", openapi: "3.1.0" }, models: [{ id: 'x"y\\z', kind: "enum" }] };
    const read = asText(snapshotText(snapshot as IrSnapshot));
    expect(read.models()).toEqual(snapshot.models);
  });
});

describe("the same models and the summary, from the text and from the parsed snapshot", () => {
  it.each([
    { edit: "nothing", after: BASE },
    { edit: "a field added", after: BASE.replace("x: { type: string }", "x: { type: string }, z: { type: integer }") },
    { edit: "an enum value removed", after: BASE.replace("enum: [p, q]", "enum: [p]") },
    { edit: "a model removed", after: BASE.replace(/\n {2}D: .*\n/, "\n") },
    { edit: "a model renamed", after: BASE.replace("D: {", "E: {") },
    { edit: "a model added", after: `${BASE}  F: { type: boolean }\n` },
    {
      edit: "a reference's target removed",
      after: BASE.replace(/\n {2}B: .*\n/, "\n").replace('$ref: "#/components/schemas/B"', "type: string"),
    },
    { edit: "a default changed to null", after: BASE.replace("default: 3", "default: null") },
  ])("after $edit", ({ after }) => {
    bothWays(irOfSchemas(BASE), irOfSchemas(after));
  });

  it("between OpenAI specs, and parses only the models that differ", () => {
    const [older, newer] = OPENAI_SPECS.slice(-2) as [string, string];
    const { same, summary, read } = bothWays(irOf(older), irOf(newer));
    expect(summary!.result.counts.total).toBeGreaterThan(0);
    expect(same.size).toBeGreaterThan(1000);
    // The diff restored only what it compared: far fewer than all of the old spec's models.
    expect(parsedCount(read)).toBeLessThan(irOf(older).models.length - same.size + 200);
  });

  it("a one-model change parses a few models of thousands", () => {
    const ir = irOf(OPENAI_SPECS.at(-1)!);
    const target = ir.models.find((m) => m.id === "#/components/schemas/RunObject")!;
    const edited = {
      ...ir,
      models: ir.models.map((m) => (m === target && m.kind === "object" ? { ...m, fields: m.fields.slice(1) } : m)),
    };
    const { same, summary, read } = bothWays(ir, edited);
    expect(same.size).toBe(ir.models.length - 1);
    expect(summary!.result.counts.modelsChanged).toBe(1);
    expect(parsedCount(read)).toBeLessThan(60);
  });

  it("equal texts holding a value JSON writes as null are compared as objects (NaN is not null)", () => {
    const before = withNaNDefault();
    const parsed = JSON.parse(fileOf(before)) as IrSnapshot;
    const current = snapshotIr(before);
    // The in-memory model holds NaN where the stored one holds null: not the same, as the objects say.
    expect(sameAsPrevious(parsed, current)).toEqual(new Set());
    expect(sameAsPrevious(asText(fileOf(before)), current, textOf(current))).toEqual(new Set());
  });

  it("models equal but written in another key order are the same", () => {
    const snapshot = snapshotIr(irOfSchemas(BASE));
    const reordered = {
      ...snapshot,
      models: snapshot.models.map((m) => {
        const { id, ...rest } = m as { id: string };
        return { id, ...Object.fromEntries(Object.entries(rest).reverse()) };
      }),
    };
    const read = asText(snapshotText(reordered));
    const want = new Set(snapshot.models.map((m) => (m as { id: string }).id));
    expect(sameAsPrevious(read, snapshot, snapshotText(snapshot))).toEqual(want);
  });

  it("a model that is not JSON makes the snapshot unread, as when the whole text does not parse", () => {
    const before = irOfSchemas(BASE);
    const after = irOfSchemas(BASE.replace("enum: [p, q]", "enum: [p]"));
    const text = fileOf(before).replace('"p"', "'p'");
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const read = asText(text);
    const current = snapshotIr(after);
    expect(sameAsPrevious(read, current, textOf(current))).toBeUndefined();
    expect(summarizeAgainstPrevious(read, after, { judges: JUDGES, current })).toBeUndefined();
    expect(summarizeAgainstPrevious(asText(text), after, { judges: JUDGES })).toBeUndefined();
  });

  it("another snapshot version is not read", () => {
    const read = asText(fileOf(irOfSchemas(BASE)).replace('"snapshotVersion":1', '"snapshotVersion":99'));
    const current = snapshotIr(irOfSchemas(BASE));
    expect(sameAsPrevious(read, current)).toBeUndefined();
    expect(summarizeAgainstPrevious(read, irOfSchemas(BASE), { judges: JUDGES })).toBeUndefined();
  });
});

describe("the diff's input from the text", () => {
  it("holds the restored models by id, each restored once", () => {
    const snapshot = snapshotIr(irOfSchemas(BASE));
    const input = asText(snapshotText(snapshot)).diffInput();
    const want = snapshot.models.map((m) => restoreModel(m as Record<string, unknown>));
    expect(input.spec).toEqual(snapshot.spec);
    const index = input.index!;
    expect(index.size).toBe(want.length);
    expect([...index.keys()]).toEqual(want.map((m) => m.id));
    expect(index.has(want[0]!.id)).toBe(true);
    expect(index.has("#/nothing")).toBe(false);
    expect(index.get("#/nothing")).toBeUndefined();
    expect(index.get(want[0]!.id)).toBe(index.get(want[0]!.id));
    expect([...index.values()]).toEqual(want);
    expect([...index]).toEqual(want.map((m) => [m.id, m]));
    const seen: string[] = [];
    index.forEach((m, id) => {
      seen.push(`${id}=${m.kind}`);
    });
    expect(seen).toEqual(want.map((m) => `${m.id}=${m.kind}`));
    expect(input.models).toEqual(want);
  });
});

describe("holdsNull", () => {
  it.each([
    { text: '{"id":"#/a","default":null}', want: true },
    { text: '{"id":"#/a","default":null,"kind":"alias"}', want: true },
    { text: '{"id":"#/a","values":[1,null]}', want: true },
    { text: '{"id":"#/a","values":[null,1]}', want: true },
    { text: '{"id":"#/a","values":[null]}', want: true },
    // A string that looks like one: compared as objects (only slower).
    { text: '{"id":"#/a","x":"a:null,"}', want: true },
    { text: '{"id":"#/a","nullable":true}', want: false },
    { text: '{"id":"#/a","null":1}', want: false },
    { text: '{"id":"#/a","x":"nullish"}', want: false },
    { text: '{"id":"#/a","x":"not null"}', want: false },
    { text: '{"id":"#/a","x":1}', want: false },
  ])("$text: $want", ({ text, want }) => {
    expect(holdsNull(text)).toBe(want);
  });

  it("says yes for every model of a spec that holds a null, and no for the others", () => {
    const holdsNullValue = (v: unknown): boolean =>
      v === null || (typeof v === "object" && Object.values(v as object).some(holdsNullValue));
    const ir = irOfSchemas(BASE.replace("default: 3", "default: null"));
    const texts = cutSnapshot(fileOf(ir))!.models;
    const withNull = texts.filter((t) => holdsNullValue(JSON.parse(t)));
    expect(withNull.length).toBeGreaterThan(0);
    expect(withNull.length).toBeLessThan(texts.length);
    for (const text of texts) expect(holdsNull(text), text).toBe(withNull.includes(text));
  });
});
