// The state's short positions made whole again and moved with their units in one pass
// (src/ir/normalize/incremental/compact.ts): the inverse of compactModels, each position moved by its
// own unit's shift, and a record with a position in a unit it did not read refused.
import { describe, expect, it } from "vitest";
import { compactModels, moveSource, placeModels, type LineBase, type Shift } from "../../../src/ir/normalize/incremental/compact.js";
import type { Model, SourceRef } from "../../../src/ir/types.js";

const FILE = "openapi.yaml";
const at = (pointer: string, line: number, col = 7, file = FILE): SourceRef => ({ file, line, col, pointer });

function objectModel(id: string, fields: [string, SourceRef][], source: SourceRef): Model {
  return {
    id,
    nameHint: [id],
    docs: {},
    source,
    kind: "object",
    fields: fields.map(([name, s]) => ({ name, type: { kind: "primitive", type: "string" }, required: false, docs: {}, source: s })),
  } as Model;
}

const PET = "/components/schemas/Pet";
const models = (): Model[] => [
  objectModel(
    "#/components/schemas/Pet",
    [
      ["name", at(`${PET}/properties/name`, 12)],
      ["a/b", at(`${PET}/properties/a~1b`, 14)],
      // Not where its name says: kept whole, moved by its own pointer's unit.
      ["tag", at("/components/schemas/Tag/properties/tag", 40)],
    ],
    at(PET, 10, 5),
  ),
  {
    id: "#/components/schemas/Kind",
    nameHint: ["Kind"],
    docs: {},
    source: at("/components/schemas/Kind", 30),
    kind: "enum",
    valueType: "string",
    members: [],
  } as Model,
];

/** Through JSON, as a stored record is read. */
const stored = (lineBase: LineBase = () => 0) => JSON.parse(JSON.stringify(compactModels(models(), FILE, lineBase))) as Model[];

/** The models placed as expected by the test above: every position moved by its unit's shift. */
function placedAsBefore(): Model[] {
  const out = models();
  const pet = out[0] as Extract<Model, { kind: "object" }>;
  pet.source = at(PET, 110, 5);
  pet.fields[0]!.source = at(`${PET}/properties/name`, 112);
  pet.fields[1]!.source = at(`${PET}/properties/a~1b`, 114);
  pet.fields[2]!.source = at("/components/schemas/Tag/properties/tag", 47);
  out[1]!.source = at("/components/schemas/Kind", 27);
  return out;
}

const shifts =
  (by: Record<string, number>): Shift =>
  (unit) =>
    unit === undefined ? undefined : by[unit];

describe("placeModels", () => {
  it("gives back the positions compactModels shortened, in the loader's key order", () => {
    const placed = stored();
    expect(placed[0]!.source).toEqual([10, 5]);
    expect(placeModels(placed, FILE, () => 0)).toBe(true);
    expect(JSON.stringify(placed)).toBe(JSON.stringify(models()));
  });

  it("moves each position by its own unit's shift (a field's unit is its model's)", () => {
    const placed = stored();
    expect(placeModels(placed, FILE, shifts({ [PET]: 100, "/components/schemas/Tag": 7, "/components/schemas/Kind": -3 }))).toBe(true);
    const pet = placed[0] as Extract<Model, { kind: "object" }>;
    expect(pet.source).toEqual(at(PET, 110, 5));
    expect(pet.fields.map((f) => f.source.line)).toEqual([112, 114, 47]);
    expect(pet.fields[1]!.source.pointer).toBe(`${PET}/properties/a~1b`);
    expect(placed[1]!.source).toEqual(at("/components/schemas/Kind", 27));
  });

  it("asks a model's unit once for the model and every field in it (a regeneration places ~12,000 positions)", () => {
    const asked: (string | undefined)[] = [];
    const placed = stored();
    const by = shifts({ [PET]: 100, "/components/schemas/Tag": 7, "/components/schemas/Kind": -3 });
    expect(
      placeModels(placed, FILE, (unit) => {
        asked.push(unit);
        return by(unit);
      }),
    ).toBe(true);
    // Pet (its two fields there too), Tag (the whole position of a field elsewhere), Kind.
    expect(asked).toEqual([PET, "/components/schemas/Tag", "/components/schemas/Kind"]);
    expect(JSON.stringify(placed)).toBe(JSON.stringify(placedAsBefore()));
  });

  it("refuses a record holding a position in a unit without a shift", () => {
    expect(placeModels(stored(), FILE, shifts({ [PET]: 1, "/components/schemas/Kind": 1 }))).toBe(false);
    expect(placeModels(stored(), FILE, shifts({ [PET]: 1, "/components/schemas/Tag": 1 }))).toBe(false);
    expect(placeModels(stored(), FILE, shifts({ "/components/schemas/Tag": 1, "/components/schemas/Kind": 1 }))).toBe(false);
  });

  it("asks a field's own unit when its model's pointer lies in no unit", () => {
    const odd = [objectModel("#/components/schemas", [["x", at("/components/schemas/properties/x", 3)]], at("/components/schemas", 2))];
    const placed = JSON.parse(JSON.stringify(compactModels(odd, FILE))) as Model[];
    const asked: (string | undefined)[] = [];
    const record: Shift = (unit) => {
      asked.push(unit);
      return 0;
    };
    expect(placeModels(placed, FILE, record)).toBe(true);
    expect(asked).toEqual([undefined, "/components/schemas/properties"]);
    expect(JSON.stringify(placed)).toBe(JSON.stringify(odd));
  });

  it("keeps lines stored relative to their units' starts until moved there", () => {
    const base = (s: SourceRef) => (s.pointer.startsWith(PET) ? 9 : s.pointer.includes("Tag") ? 39 : 29);
    const placed = stored(base);
    expect(placeModels(placed, FILE, shifts({ [PET]: 9, "/components/schemas/Tag": 39, "/components/schemas/Kind": 29 }))).toBe(true);
    expect(JSON.stringify(placed)).toBe(JSON.stringify(models()));
  });
});

describe("moveSource", () => {
  it("moves a whole position in place by its unit's shift, or refuses", () => {
    const s = at("/paths/~1pets/get", 5, 3);
    expect(moveSource(s, shifts({ "/paths/~1pets": 4 }))).toBe(true);
    expect(s.line).toBe(9);
    expect(moveSource(s, shifts({}))).toBe(false);
    expect(moveSource(at("/info", 1), () => 0)).toBe(true);
  });
});
