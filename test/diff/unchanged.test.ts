// The summary of model changes compares in detail only the models whose snapshots differ
// (src/diff/unchanged.ts): the result must be the one a full comparison gives.
import { describe, expect, it } from "vitest";
import { jsonEqual, sameSnapshots } from "../../src/diff/unchanged.js";
import { diffIr } from "../../src/diff/index.js";
import { snapshotIr, summarizeAgainstPrevious } from "../../src/diff/snapshot.js";
import { irOf, OPENAI_SPECS } from "../helpers/generate.js";
import { irOfSchemas } from "../helpers/spec.js";
import { JUDGES } from "./helpers.js";

describe("jsonEqual", () => {
  it.each([
    { given: [1, 1], want: true },
    { given: [1, "1"], want: false },
    { given: [null, {}], want: false },
    { given: [[1, 2], [1, 2]], want: true },
    { given: [[1, 2], [2, 1]], want: false },
    { given: [[1], { 0: 1 }], want: false },
    { given: [{ a: 1, b: 2 }, { b: 2, a: 1 }], want: true },
    { given: [{ a: 1, b: undefined }, { a: 1 }], want: true },
    { given: [{ a: 1 }, { a: 1, b: undefined }], want: true },
    { given: [{ a: 1 }, { a: 1, b: null }], want: false },
    { given: [{ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } }], want: false },
    { given: [{ a: 1 }, { b: 1 }], want: false },
  ])("$given: $want", ({ given, want }) => {
    expect(jsonEqual(given[0], given[1])).toBe(want);
    expect(jsonEqual(given[1], given[0])).toBe(want);
  });
});

describe("sameSnapshots", () => {
  it.each([
    { previous: [{ id: "a", x: 1 }, { id: "b", x: 1 }], current: [{ id: "a", x: 1 }, { id: "b", x: 2 }], want: ["a"] },
    { previous: [{ id: "a", x: 1 }], current: [{ id: "b", x: 1 }], want: [] },
    { previous: [{ x: 1 }, null, { id: "a" }], current: [{ id: "a" }], want: ["a"] },
  ])("$want", ({ previous, current, want }) => {
    expect([...sameSnapshots(previous, current)]).toEqual(want);
  });
});

describe("diffIr with models known to be the same", () => {
  it("still compares a model whose reference lost its target (same text, another comparison)", () => {
    const a = irOfSchemas(`
      A: { type: object, properties: { x: { $ref: "#/components/schemas/B" } } }
      B: { type: string, enum: [p, q] }
    `);
    const b = { ...a, models: a.models.filter((m) => !m.id.endsWith("/B")) };
    const full = diffIr(a, b, { judges: JUDGES });
    expect(full.groups.map((g) => g.owner)).toContain("#/components/schemas/A");
    expect(diffIr(a, b, { judges: JUDGES, same: new Set(a.models.map((m) => m.id)) })).toEqual(full);
  });

  it("compares every model not known to be the same, in the order of their ids (only those are sorted)", () => {
    const a = irOfSchemas(`
      A: { type: object, properties: { x: { type: string } } }
      B: { type: object, properties: { y: { type: string } } }
      C: { type: object, properties: { z: { type: string } } }
      D: { type: string, enum: [p, q] }
    `);
    const b = irOfSchemas(`
      A: { type: object, properties: { x: { type: integer } } }
      B: { type: object, properties: { y: { type: string } } }
      C: { type: object, properties: { z: { type: integer } } }
      D: { type: string, enum: [p] }
    `);
    const full = diffIr(a, b, { judges: JUDGES });
    expect(full.groups.map((g) => g.owner).sort()).toEqual(["#/components/schemas/A", "#/components/schemas/C", "#/components/schemas/D"]);
    const same = new Set(["#/components/schemas/B"]);
    expect(diffIr(a, b, { judges: JUDGES, same })).toEqual(full);
    // Reversed inputs: the models are compared in id order all the same.
    const reversed = { ...b, models: [...b.models].reverse() };
    expect(diffIr({ ...a, models: [...a.models].reverse() }, reversed, { judges: JUDGES, same })).toEqual(full);
  });

  it("takes the known-same models as they are when every model stays under its id (the models they refer to changed)", () => {
    const a = irOfSchemas(`
      A: { type: object, properties: { x: { $ref: "#/components/schemas/B" }, y: { $ref: "#/components/schemas/C" } } }
      B: { type: object, properties: { v: { type: string } } }
      C: { type: string, enum: [p, q] }
    `);
    const b = irOfSchemas(`
      A: { type: object, properties: { x: { $ref: "#/components/schemas/B" }, y: { $ref: "#/components/schemas/C" } } }
      B: { type: object, properties: { v: { type: integer } } }
      C: { type: string, enum: [p] }
    `);
    const full = diffIr(a, b, { judges: JUDGES });
    expect(full.groups.map((g) => g.owner).sort()).toEqual(["#/components/schemas/B", "#/components/schemas/C"]);
    expect(diffIr(a, b, { judges: JUDGES, same: new Set(["#/components/schemas/A"]) })).toEqual(full);
  });

  it("gives the full comparison's summary between two OpenAI specs", () => {
    const [older, newer] = OPENAI_SPECS.slice(-2) as [string, string];
    const a = irOf(older);
    const b = irOf(newer);
    const stored = JSON.parse(JSON.stringify(snapshotIr(a)));
    const summary = summarizeAgainstPrevious(stored, b, { judges: JUDGES, current: snapshotIr(b) })!;
    expect(summary.result).toEqual(diffIr(a, b, { judges: JUDGES }));
    expect(summary.result.counts.total).toBeGreaterThan(0);
  });
});
