// What the normalizer works out once per run or shares: each reference's resolution and each place's name
// hint (NormalizeContext), and the nullable spread of finish() that copies only what changes.
import { describe, expect, it, vi } from "vitest";
import { SpecSet } from "../../../src/load/loader.js";
import { NormalizeContext } from "../../../src/ir/normalize/context.js";
import { hintForPointer, isInsideDefinition } from "../../../src/ir/normalize/names.js";
import { spreadNullable } from "../../../src/ir/normalize/index.js";
import { mapTypes } from "../../../src/ir/walk.js";
import { unionBranches } from "../../../src/ir/normalize/build-union.js";
import type { Model, TypeExpr } from "../../../src/ir/types.js";
import { irOf, OPENAI_SPECS } from "../../helpers/generate.js";

const SPEC = `openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        one: {$ref: "#/components/schemas/B"}
        two: {$ref: "#/components/schemas/B"}
        bad: {$ref: "#/components/schemas/Missing"}
        worse: {$ref: "#/components/schemas/Missing"}
    B:
      type: string
`;

function context() {
  const specs = new SpecSet("/virtual/spec.yaml", () => SPEC);
  return { specs, n: new NormalizeContext(specs) };
}

function propertiesOf(specs: SpecSet): Record<string, object> {
  return (specs.root.value as { components: { schemas: { A: { properties: Record<string, object> } } } }).components.schemas.A.properties;
}

describe("NormalizeContext.resolve", () => {
  it("resolves each reference of a document once, and gives each use its own answer", () => {
    const { specs, n } = context();
    const resolve = vi.spyOn(specs, "resolve");
    const props = propertiesOf(specs);
    const one = n.resolve("#/components/schemas/B", specs.root, props.one!, "/components/schemas/A/properties/one");
    const two = n.resolve("#/components/schemas/B", specs.root, props.two!, "/components/schemas/A/properties/two");
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(two).toEqual(one);
    expect(two).not.toBe(one);
    expect(one).toEqual(specs.resolve("#/components/schemas/B", specs.root, props.one!, "/components/schemas/A/properties/one"));
  });

  it("fails each use of a reference that does not resolve, at that use", () => {
    const { specs, n } = context();
    const props = propertiesOf(specs);
    const fail = (key: string) => {
      try {
        n.resolve("#/components/schemas/Missing", specs.root, props[key]!, `/components/schemas/A/properties/${key}`);
      } catch (e) {
        return (e as { location: { line: number } }).location.line;
      }
      return undefined;
    };
    expect(fail("bad")).toBe(11);
    expect(fail("worse")).toBe(12);
  });
});

describe("NormalizeContext.hintFor", () => {
  it("is hintForPointer's answer, a fresh array each time", () => {
    const { specs, n } = context();
    const pointer = "/components/schemas/A/properties/one";
    const first = n.hintFor(specs.root, pointer);
    expect(first).toEqual(hintForPointer(specs.root.value, specs.root.file, pointer, true));
    first.push("changed");
    expect(n.hintFor(specs.root, pointer)).toEqual(hintForPointer(specs.root.value, specs.root.file, pointer, true));
  });
});

describe("spreadNullable", () => {
  const ref = (target: string, nullable?: boolean): TypeExpr => ({ kind: "ref", target, ...(nullable ? { nullable } : {}) });
  const source = { file: "spec.yaml", line: 1, col: 1, pointer: "" };
  const object = (types: TypeExpr[], extra?: TypeExpr): Model => ({
    id: "#/o",
    kind: "object",
    nameHint: ["o"],
    docs: {},
    source,
    fields: types.map((type, i) => ({ name: `f${i}`, type, required: false, docs: {}, source })),
    ...(extra ? { additionalProperties: extra } : {}),
  });
  const spread = (nullable: Set<string>) => (t: TypeExpr) =>
    t.kind === "ref" && nullable.has(t.target) && !t.nullable ? { ...t, nullable: true } : t;

  it.each<[string, Model]>([
    ["a field", object([ref("#/n"), ref("#/x")])],
    ["an array's items and a map's values", object([{ kind: "array", items: { kind: "map", values: ref("#/n") } }])],
    ["extra keys", object([ref("#/x")], ref("#/n"))],
    ["a ref already nullable", object([ref("#/n", true)])],
    [
      "a union's variants",
      {
        id: "#/u",
        kind: "union",
        nameHint: ["u"],
        docs: {},
        source,
        combinator: "oneOf",
        variants: [{ type: ref("#/x") }, { type: ref("#/n") }],
      },
    ],
    ["an alias", { id: "#/a", kind: "alias", nameHint: ["a"], docs: {}, source, type: { kind: "array", items: ref("#/n") } }],
  ])("%s: the same as mapTypes", (_, model) => {
    const nullable = new Set(["#/n"]);
    expect(JSON.stringify(spreadNullable(model, nullable))).toBe(JSON.stringify(mapTypes(model, spread(nullable))));
  });

  it("copies nothing of a model that refers to no nullable model", () => {
    const model = object([ref("#/x"), { kind: "array", items: ref("#/y") }], ref("#/z"));
    expect(spreadNullable(model, new Set(["#/n"]))).toBe(model);
    const changed = spreadNullable(object([ref("#/x"), ref("#/n")]), new Set(["#/n"]));
    expect(changed.kind === "object" && changed.fields[0]).toEqual({ name: "f0", type: ref("#/x"), required: false, docs: {}, source });
  });

  it("equals mapTypes on every model of an OpenAI spec", () => {
    const ir = irOf(OPENAI_SPECS[1]!);
    // Every other model taken as nullable, refs made non-nullable first so the spread has work to do.
    const ids = new Set(ir.models.filter((_, i) => i % 2 === 0).map((m) => m.id));
    const plain = ir.models.map((m) => mapTypes(m, (t) => (t.kind === "ref" && t.nullable ? { kind: "ref", target: t.target } : t)));
    let changed = 0;
    for (const m of plain) {
      const got = spreadNullable(m, ids);
      if (got !== m) changed++;
      expect(JSON.stringify(got)).toBe(JSON.stringify(mapTypes(m, spread(ids))));
    }
    expect(changed).toBeGreaterThan(100);
  });
});

describe("unionBranches", () => {
  it("lists oneOf then anyOf members, and shares one frozen empty list for a schema with neither", () => {
    expect(unionBranches({ anyOf: [{ type: "string" }], oneOf: [{ type: "integer" }] })).toEqual([
      { keyword: "oneOf", index: 0, value: { type: "integer" } },
      { keyword: "anyOf", index: 0, value: { type: "string" } },
    ]);
    const none = unionBranches({ type: "object", oneOf: "not a list" });
    expect(none).toEqual([]);
    expect(none).toBe(unionBranches({}));
    expect(Object.isFrozen(none)).toBe(true);
  });
});

describe("NormalizeContext.insideDefinition", () => {
  it.each([
    "/components/schemas/A",
    "/components/schemas/A/properties/one",
    "/components/schemas/A/properties/schemas/items",
    "/paths/~1pets/get/responses/200",
    "/$defs/X/properties/y",
    "",
  ])("%s: isInsideDefinition's answer, asked twice", (pointer) => {
    const { n } = context();
    expect(n.insideDefinition(pointer)).toBe(isInsideDefinition(pointer));
    expect(n.insideDefinition(pointer)).toBe(isInsideDefinition(pointer));
  });
});
