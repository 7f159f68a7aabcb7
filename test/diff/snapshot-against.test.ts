// The snapshot made against the previous one (src/diff/snapshot.ts, snapshotAgainst): its text must
// be the one snapshotText writes for the whole snapshot, and its same-set sameAsPrevious', whether
// the content hashes of the previous models are recorded or not.
import { describe, expect, it } from "vitest";
import { readSnapshotText, SnapshotText } from "../../src/diff/snapshot-text.js";
import { sameAsPrevious, snapshotAgainst, snapshotIr, snapshotText } from "../../src/diff/snapshot.js";
import { snapshotFileOf } from "../../src/emit/manifest.js";
import { contentHash } from "../../src/ir/content-hash.js";
import type { IrDocument } from "../../src/ir/types.js";
import { irOf, OPENAI_SPECS } from "../helpers/generate.js";
import { irOfSchemas } from "../helpers/spec.js";
import { withNaNDefault } from "./helpers.js";

/** The snapshot file's text, as generate wrote it before it made it in parts. */
const fileOf = (ir: IrDocument) => snapshotFileOf(snapshotText(snapshotIr(ir))).contents;

/** What generate records for a snapshot it wrote: each model's content hash by id. */
const recordOf = (ir: IrDocument) => new Map(ir.models.map((m) => [m.id, contentHash(m)]));

function asText(text: string): SnapshotText {
  const read = readSnapshotText(text);
  expect(read).toBeInstanceOf(SnapshotText);
  return read as SnapshotText;
}

/** snapshotAgainst with and without the record, each checked against the whole snapshot's text and sameAsPrevious. */
function checked(before: IrDocument, after: IrDocument) {
  const want = snapshotText(snapshotIr(after));
  const wantSame = sameAsPrevious(JSON.parse(fileOf(before)) as unknown, snapshotIr(after));
  for (const recorded of [recordOf(before), undefined]) {
    const made = snapshotAgainst(after, asText(fileOf(before)), recorded);
    expect(made.text).toBe(want);
    expect(made.same).toEqual(wantSame);
  }
  return wantSame;
}

const BASE = `
  A: { type: object, properties: { x: { type: string }, y: { $ref: "#/components/schemas/B" } } }
  B: { type: string, enum: [p, q] }
  C: { type: object, properties: { list: { type: array, items: { $ref: "#/components/schemas/A" } } } }
  D: { type: integer, default: 3 }
  E: { type: object, properties: { n: { type: string, nullable: true, default: null } } }
`;

describe("snapshotAgainst makes the whole snapshot's text and sameAsPrevious' same-set", () => {
  it.each([
    { edit: "nothing", after: BASE },
    { edit: "a field added", after: BASE.replace("x: { type: string }", "x: { type: string }, z: { type: integer }") },
    { edit: "a description added", after: BASE.replace("D: { type: integer,", "D: { type: integer, description: said,") },
    { edit: "an enum value removed", after: BASE.replace("enum: [p, q]", "enum: [p]") },
    { edit: "a model removed", after: BASE.replace(/\n {2}D: .*\n/, "\n") },
    { edit: "a model renamed", after: BASE.replace("D: {", "F: {") },
    { edit: "a model added", after: `${BASE}  G: { type: boolean }\n` },
    { edit: "a default changed to null", after: BASE.replace("default: 3", "default: null") },
  ])("after $edit", ({ after }) => {
    checked(irOfSchemas(BASE), irOfSchemas(after));
  });

  it("after every model is gone (an IR without models)", () => {
    const before = irOfSchemas(BASE);
    expect(checked(before, { ...before, models: [] })).toEqual(new Set());
  });

  it("between two OpenAI specs", () => {
    const [older, newer] = OPENAI_SPECS.slice(-2) as [string, string];
    expect(checked(irOf(older), irOf(newer))!.size).toBeGreaterThan(1000);
  });

  it("after one model of the newest OpenAI spec changed", () => {
    const ir = irOf(OPENAI_SPECS.at(-1)!);
    const edited = {
      ...ir,
      models: ir.models.map((m) => (m.id === "#/components/schemas/RunObject" && m.kind === "object" ? { ...m, fields: m.fields.slice(1) } : m)),
    };
    expect(checked(ir, edited)!.size).toBe(ir.models.length - 1);
  });

  it("without a previous snapshot: the text alone", () => {
    const ir = irOfSchemas(BASE);
    expect(snapshotAgainst(ir, undefined)).toEqual({ text: snapshotText(snapshotIr(ir)), same: undefined });
  });

  it("against a snapshot in the layout an earlier release wrote (indented JSON): the same answers, every element made", () => {
    const before = irOfSchemas(BASE);
    const after = irOfSchemas(BASE.replace("enum: [p, q]", "enum: [p]"));
    const previous = readSnapshotText(`${JSON.stringify(snapshotIr(before), null, 2)}\n`);
    expect(previous).not.toBeInstanceOf(SnapshotText);
    expect(snapshotAgainst(after, previous, recordOf(before))).toEqual({
      text: snapshotText(snapshotIr(after)),
      same: sameAsPrevious(JSON.parse(fileOf(before)) as unknown, snapshotIr(after)),
    });
  });

  it("against a parsed snapshot (not read from its text): the same answers", () => {
    const before = irOfSchemas(BASE);
    const after = irOfSchemas(BASE.replace("enum: [p, q]", "enum: [p]"));
    const parsed = JSON.parse(fileOf(before)) as unknown;
    expect(snapshotAgainst(after, parsed, recordOf(before))).toEqual({
      text: snapshotText(snapshotIr(after)),
      same: sameAsPrevious(parsed, snapshotIr(after)),
    });
  });

  it("takes the previous element of a model whose recorded hash is its hash now, without making it", () => {
    const ir = irOfSchemas(BASE);
    // A marker in the previous text (a key order JSON.stringify would not write): it is in the new text only if taken.
    const text = fileOf(ir).replace('"kind":"primitive","type":"integer"', '"type":"integer","kind":"primitive"');
    expect(text).not.toBe(fileOf(ir));
    const made = snapshotAgainst(ir, asText(text), recordOf(ir));
    expect(`${made.text}\n`).toBe(text);
    expect(made.same).toEqual(new Set(ir.models.map((m) => m.id)));
    // Without the record, each element is made again: the marker is gone.
    expect(`${snapshotAgainst(ir, asText(text)).text}\n`).toBe(fileOf(ir));
  });

  it("makes again a model whose recorded hash is another (the record is of other models)", () => {
    const before = irOfSchemas(BASE);
    const after = irOfSchemas(BASE.replace("default: 3", "default: 4"));
    const made = snapshotAgainst(after, asText(fileOf(before)), recordOf(before));
    expect(made.text).toContain('"default":4');
    expect(made.same!.has("#/components/schemas/D")).toBe(false);
  });

  it("compares as objects an element holding a null, even with its hash recorded (NaN is not null)", () => {
    const ir = withNaNDefault();
    const made = snapshotAgainst(ir, asText(fileOf(ir)), recordOf(ir));
    expect(made.text).toBe(snapshotText(snapshotIr(ir)));
    expect(made.same).toEqual(new Set());
  });

  it("an element that is not JSON makes the previous snapshot unread", () => {
    const before = irOfSchemas(BASE);
    const after = irOfSchemas(BASE.replace("enum: [p, q]", "enum: [p]"));
    const read = asText(fileOf(before).replace('"p"', "'p'"));
    const made = snapshotAgainst(after, read, recordOf(before));
    expect(made).toEqual({ text: snapshotText(snapshotIr(after)), same: undefined });
    expect(read.broken).toBe(true);
  });
});

