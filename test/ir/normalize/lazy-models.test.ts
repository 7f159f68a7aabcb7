// The models a regeneration takes back from the normalizer's records wait for their content
// (src/ir/normalize/incremental/lazy-models.ts): a waiting model must be, to anything that reads it,
// the model its record holds (keys, order, values, JSON, copies), and the passes over every model
// must get from its stored facts (src/ir/type-facts.ts) what they would read from its types.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isWaiting,
  placeWhenParsed,
  settleAll,
  storeModels,
  waitingModels,
  withHeadKeys,
} from "../../../src/ir/normalize/incremental/lazy-models.js";
import { compactModels } from "../../../src/ir/normalize/incremental/compact.js";
import { literalVisitor, parameterPlaces, refTargetVisitor, typeFactsOf, variantCount, variantsText } from "../../../src/ir/type-facts.js";
import type { Model, SourceRef, UnionModel } from "../../../src/ir/types.js";
import { SpecSet } from "../../../src/load/loader.js";
import { normalizeWith } from "../../../src/ir/normalize/index.js";
import { namingInputsHash } from "../../../src/naming/naming-inputs.js";
import { shareKeyGraph } from "../../../src/emit/unit-keys.js";
import { collectLiterals } from "../../../src/targets/rust/literals.js";

const FILE = "openapi.yaml";
const at = (pointer: string, line: number, col = 7): SourceRef => ({ file: FILE, line, col, pointer });
const PET = "/components/schemas/Pet";

/** One model of each kind, with references, literals, positions and optional keys. */
function sample(): Model[] {
  return [
    {
      id: `#${PET}`,
      nameHint: ["Pet"],
      docs: { description: "A pet — with a name beyond ASCII: ünïcödé" },
      source: at(PET, 10),
      kind: "object",
      fields: [
        { name: "name", type: { kind: "primitive", type: "string" }, required: true, docs: {}, source: at(`${PET}/properties/name`, 12) },
        {
          name: "owner",
          type: { kind: "array", items: { kind: "ref", target: "#/components/schemas/Owner" } },
          required: false,
          docs: {},
          source: at(`${PET}/properties/owner`, 14),
        },
        { name: "type", type: { kind: "literal", value: "pet" }, required: true, docs: {}, source: at(`${PET}/properties/type`, 16) },
      ],
      additionalProperties: { kind: "map", values: { kind: "ref", target: "#/components/schemas/Tag" } },
    },
    {
      id: "#/components/schemas/Animal",
      nameHint: ["Animal"],
      docs: {},
      source: at("/components/schemas/Animal", 30),
      kind: "union",
      variants: [
        { type: { kind: "ref", target: `#${PET}` }, tags: ["pet"] },
        { type: { kind: "literal", value: 7 } },
      ],
      combinator: "oneOf",
      discriminator: { property: "type", origin: "declared" },
    },
    {
      id: "#/paths/~1pets~1{id}/get/parameters",
      nameHint: ["GetPet", "Params"],
      docs: {},
      source: at("/paths/~1pets~1{id}/get/parameters", 50),
      kind: "object",
      origin: "parameters",
      fields: [
        { name: "id", type: { kind: "primitive", type: "string" }, required: true, docs: {}, source: at("/paths/~1pets~1{id}/get/parameters/0", 51), parameter: { in: "path" } },
        { name: "q", type: { kind: "primitive", type: "string" }, required: false, docs: {}, source: at("/paths/~1pets~1{id}/get/parameters/1", 52), parameter: { in: "query", style: "form" } },
        { name: "p", type: { kind: "primitive", type: "string" }, required: false, docs: {}, source: at("/paths/~1pets~1{id}/get/parameters/2", 53), parameter: { in: "path" } },
      ],
    },
    {
      id: "#/components/schemas/Color",
      nameHint: ["Color"],
      docs: {},
      source: at("/components/schemas/Color", 40),
      kind: "enum",
      valueType: "string",
      members: [{ value: "red" }, { value: "blue" }],
      nullable: true,
    },
    {
      id: "#/components/schemas/Pet/properties/flag",
      nameHint: ["Pet", "flag"],
      docs: {},
      source: at("/components/schemas/Pet/properties/flag", 18),
      kind: "alias",
      type: { kind: "literal", value: true },
      default: true,
    },
  ] as Model[];
}

/** The sample as a record stores it, read back: waiting models, positions as stored. */
function stored(models = sample()): { compact: Model[]; waiting: Model[] } {
  const compact = compactModels(models, FILE);
  const { heads, contents } = storeModels(compact);
  const prefix = "head of the line\t";
  return { compact, waiting: waitingModels(JSON.parse(JSON.stringify(heads)), `${prefix}${contents}`, prefix.length) };
}

describe("a waiting model", () => {
  it("has the record's keys in their order, and its JSON, without being parsed for them", () => {
    const { compact, waiting } = stored();
    waiting.forEach((m, i) => {
      expect(Object.keys(m)).toEqual(Object.keys(compact[i]!));
      expect([m.id, m.kind, m.nameHint, m.nullable]).toEqual([compact[i]!.id, compact[i]!.kind, compact[i]!.nameHint, compact[i]!.nullable]);
      expect(isWaiting(m)).toBe(true);
      expect(JSON.stringify(m)).toBe(JSON.stringify(compact[i]));
      expect(isWaiting(m)).toBe(false);
      expect(m).toEqual(compact[i]);
    });
  });

  it("is parsed by the first read of its content, by a spread and by a structured clone", () => {
    const reads: ((m: Model) => unknown)[] = [(m) => m.docs, (m) => m.source, (m) => ({ ...m }), (m) => structuredClone(m)];
    for (const read of reads) {
      const { compact, waiting } = stored();
      const value = read(waiting[0]!);
      expect(isWaiting(waiting[0]!)).toBe(false);
      expect(waiting[0]).toEqual(compact[0]);
      expect(value === undefined).toBe(false);
      expect(isWaiting(waiting[1]!)).toBe(true);
    }
  });

  it("keeps what was written, deleted or added before it was parsed, in the order a plain object would", () => {
    const { compact, waiting } = stored();
    const m = waiting[0] as Model & { docs: unknown; extra?: number };
    const plain = { ...compact[0]! } as Model & { docs: unknown; extra?: number };
    for (const target of [m, plain]) {
      target.extra = 1;
      delete (target as Partial<Model>).source;
      target.docs = { description: "written" };
    }
    expect(Object.keys(m)).toEqual(Object.keys(plain));
    expect(JSON.stringify(m)).toBe(JSON.stringify(plain));
  });

  it("frozen or sealed while waiting, reads (and a sealed one writes) the content parsed once, positions placed", () => {
    const { compact, waiting } = stored();
    placeWhenParsed(waiting, FILE, () => 100);
    const frozen = Object.freeze(waiting[0]!);
    const sealed = Object.seal(waiting[1]!) as UnionModel;
    expect(frozen.source).toEqual(at(PET, 110));
    expect(frozen.kind === "object" && frozen.fields[0]!.source).toEqual(at(`${PET}/properties/name`, 112));
    expect(isWaiting(frozen)).toBe(true);
    expect(JSON.parse(JSON.stringify(frozen)).docs).toEqual(compact[0]!.docs);
    expect(Object.keys(frozen)).toEqual(Object.keys(compact[0]!));
    sealed.combinator = "anyOf";
    expect(sealed.combinator).toBe("anyOf");
    expect(sealed.variants).toEqual((compact[1] as UnionModel).variants);
  });

  it("takes a parent or an origin in place while waiting; any other model is copied", () => {
    const { compact, waiting } = stored();
    const linked = withHeadKeys(waiting[3]!, { parent: `#${PET}` });
    expect(linked).toBe(waiting[3]);
    expect(isWaiting(linked)).toBe(true);
    const copy = withHeadKeys(compact[3]!, { parent: `#${PET}` });
    expect(copy).not.toBe(compact[3]);
    expect(JSON.stringify(linked)).toBe(JSON.stringify(copy));
    expect(Object.keys(linked)).toEqual(Object.keys(copy));
  });

  it("gets its positions placed when parsed, from the id it was stored with even when renamed before", () => {
    const { waiting } = stored();
    expect(placeWhenParsed(waiting, FILE, () => 100)).toBe(true);
    const pet = waiting[0]!;
    pet.id = "#/components/schemas/Renamed";
    expect(pet.source).toEqual(at(PET, 110));
    expect(pet.kind === "object" && pet.fields.map((f) => f.source)).toEqual([
      at(`${PET}/properties/name`, 112),
      at(`${PET}/properties/owner`, 114),
      at(`${PET}/properties/type`, 116),
    ]);
    expect(pet.id).toBe("#/components/schemas/Renamed");
    // One already parsed is placed at once, and refused when a position's unit has no shift.
    const parsed = stored().waiting;
    settleAll(parsed);
    expect(placeWhenParsed(parsed, FILE, () => undefined)).toBe(false);
  });

  it("says its types' references, literals and variants as its parsed content does", () => {
    const { waiting } = stored();
    const seen = (m: Model) => {
      const refs: string[] = [];
      const literals: unknown[] = [];
      refTargetVisitor((t) => refs.push(t))(m);
      literalVisitor((v) => literals.push(v))(m);
      const union = m.kind === "union" ? [variantsText(m), variantCount(m)] : [];
      return { refs, literals, union, sentIn: parameterPlaces(m) };
    };
    for (const m of waiting) {
      const before = seen(m);
      expect(isWaiting(m)).toBe(true);
      settleAll([m]);
      expect(seen(m)).toEqual(before);
      expect(typeFactsOf(m).refs).toEqual(before.refs);
    }
    const animal = waiting[1] as UnionModel;
    expect(seen(animal)).toEqual({
      refs: [`#${PET}`],
      literals: [7],
      union: [JSON.stringify(animal.variants), 2],
      sentIn: [],
    });
    // Each place once, in the fields' order.
    expect(seen(waiting[2]!).sentIn).toEqual(["path", "query"]);
  });

  it("refuses heads that are not a record's", () => {
    const { heads, contents } = storeModels(compactModels(sample(), FILE));
    const damaged: unknown[] = [
      "not a list",
      [{ ...heads[0], h: { kind: "object" } }],
      [{ ...heads[0], n: contents.length + 1 }],
      [{ ...heads[0], k: "id nameHint kind parent" }],
      [{ ...heads[1], v: undefined }],
      [{ ...heads[0], r: "#/components/schemas/Owner" }],
    ];
    for (const d of damaged) expect(() => waitingModels(JSON.parse(JSON.stringify(d)), contents, 0)).toThrow();
  });
});

describe("a regeneration of the 3 MB OpenAI spec after a one-schema change", () => {
  const text = readFileSync(new URL("../../../../shared/specs/openai/openai-2026-08-21.yaml", import.meta.url), "utf8");
  const run = (spec: string, previous?: unknown) => normalizeWith(new SpecSet("/virtual/openapi.yaml", () => spec), {}, { basis: "test", previous });
  const first = run(text).state!;
  const edited = text.replace("\n    RunObject:\n      type: object\n", "\n    RunObject:\n      type: object\n      deprecated: true\n");

  it("leaves most reused models unparsed, and the passes over every model read from them what a cold run's give", () => {
    const cold = run(edited).ir;
    const again = run(edited, first).ir;
    const waitingCount = again.models.filter(isWaiting).length;
    expect(waitingCount).toBeGreaterThan(again.models.length * 0.8);
    expect(namingInputsHash(again)).toBe(namingInputsHash(cold));
    expect(shareKeyGraph(again)).toEqual(shareKeyGraph(cold));
    expect(collectLiterals(again).entries).toEqual(collectLiterals(cold).entries);
    expect(again.models.map(parameterPlaces)).toEqual(cold.models.map(parameterPlaces));
    expect(cold.models.filter((m) => parameterPlaces(m).length > 0).length).toBeGreaterThan(200);
    expect(again.models.filter(isWaiting).length).toBe(waitingCount);
    expect(JSON.stringify(again)).toBe(JSON.stringify(cold));
  });
});
