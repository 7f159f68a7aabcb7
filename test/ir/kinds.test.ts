// Enums, literals, unions, allOf, arrays, maps, formats and constraints: given a schema, want IR.
import { describe, expect, it } from "vitest";
import { irOfFiles, irOfSchemas, model } from "../helpers/spec.js";
import type { EnumModel, ObjectModel, UnionModel } from "../../src/ir/types.js";

describe("enums and literals", () => {
  it("keeps wire values exactly", () => {
    const ir = irOfSchemas(`
      E:
        type: string
        enum: ["gpt-4o", "a.b/c", "with space", "", "2024-05-13", asc, ASC]
    `);
    const e = model(ir, "E") as EnumModel;
    expect(e.valueType).toBe("string");
    expect(e.members.map((m) => m.value)).toEqual(["gpt-4o", "a.b/c", "with space", "", "2024-05-13", "asc", "ASC"]);
  });

  it.each([
    { given: "type: integer\nenum: [1, 2, 3]", valueType: "integer" },
    { given: "type: number\nenum: [1, 2.5]", valueType: "number" },
    { given: "enum: [auto, 1, true]", valueType: "mixed" },
  ])("value type of $given", ({ given, valueType }) => {
    const ir = irOfSchemas(`E:\n${given.split("\n").map((l) => "  " + l).join("\n")}`);
    expect((model(ir, "E") as EnumModel).valueType).toBe(valueType);
  });

  it("takes member descriptions from x-enum-descriptions", () => {
    const ir = irOfSchemas(`
      E:
        type: integer
        enum: [1, 2]
        x-enum-descriptions: [low, high]
    `);
    expect((model(ir, "E") as EnumModel).members).toEqual([{ value: 1, description: "low" }, { value: 2, description: "high" }]);
  });

  // AWS's specs refine a named string with constraints in an allOf; merged as objects, it was an
  // object model without fields, which no string decodes into.
  describe("an allOf that refines a string, a number or a list is that type", () => {
    const schemas = `
      Str: { type: string }
      Pet:
        type: object
        properties:
          arn: { allOf: [{ $ref: "#/components/schemas/Str" }, { pattern: "^arn:", description: The pet's ARN. }] }
          code: { allOf: [{ type: string }, { maxLength: 5 }, { description: A short code. }] }
          tags: { allOf: [{ type: array, items: { type: string } }, { maxItems: 3 }] }
          owner: { allOf: [{ $ref: "#/components/schemas/Owner" }, { description: Who owns it. }] }
      Arn: { allOf: [{ $ref: "#/components/schemas/Str" }, { minLength: 20 }] }
      Code: { allOf: [{ type: string }, { description: A code. }] }
      Owner: { type: object, properties: { name: { type: string } } }
      Both: { allOf: [{ $ref: "#/components/schemas/Owner" }, { type: object, properties: { since: { type: integer } } }] }
    `;
    const ir = irOfSchemas(schemas);
    const field = (name: string) => (model(ir, "Pet") as ObjectModel).fields.find((f) => f.name === name)!;

    it("a $ref to a named string stays the reference; the constraints beside it are reported", () => {
      expect(field("arn").type).toEqual({ kind: "ref", target: "#/components/schemas/Str" });
      expect(field("arn").docs.description).toBe("The pet's ARN.");
      expect(ir.report.map((d) => [d.kind, d.source.pointer, d.message])).toEqual([
        ["ignored-keyword", "/components/schemas/Arn/allOf/1", "constraints beside a `$ref` in allOf are not represented"],
        ["ignored-keyword", "/components/schemas/Pet/properties/arn/allOf/1", "constraints beside a `$ref` in allOf are not represented"],
      ]);
    });

    it("an inline string or list takes the constraints and the docs", () => {
      expect(field("code").type).toEqual({ kind: "primitive", type: "string", constraints: { maxLength: 5 } });
      expect(field("code").docs.description).toBe("A short code.");
      expect(field("tags").type).toEqual({ kind: "array", items: { kind: "primitive", type: "string" }, constraints: { maxItems: 3 } });
    });

    it("a component is an alias of the type; objects are still merged", () => {
      expect(model(ir, "Arn")).toMatchObject({ kind: "alias", type: { kind: "ref", target: "#/components/schemas/Str" } });
      expect(model(ir, "Code")).toMatchObject({ kind: "alias", type: { kind: "primitive", type: "string" }, docs: { description: "A code." } });
      expect(field("owner").type).toEqual({ kind: "ref", target: "#/components/schemas/Owner" });
      expect((model(ir, "Both") as ObjectModel).fields.map((f) => f.name)).toEqual(["name", "since"]);
      expect(ir.models.map((m) => m.kind).sort()).toEqual(["alias", "alias", "alias", "object", "object", "object"]);
    });
  });

  // A spec exported from a request collection lists arrays as an integer's values: an enum model
  // without members would print `field: ;` in TypeScript.
  it.each([
    { given: "type: integer\nenum: [[1], [2]]", want: { kind: "primitive", type: "integer" } },
    { given: "type: string\nenum: [a, { b: 1 }]", want: { kind: "primitive", type: "string" } },
    { given: "type: array\nitems: { type: integer }\nenum: [[1, 2], [3]]", want: { kind: "array", items: { kind: "primitive", type: "integer" } } },
  ])("an enum listing a value that is not a scalar is not an enum: $given", ({ given, want }) => {
    const ir = irOfSchemas(`
      M:
        type: object
        properties:
          p:
${given.split("\n").map((l) => "            " + l).join("\n")}
    `);
    expect(ir.models.map((m) => m.kind)).toEqual(["object"]);
    expect((model(ir, "M") as ObjectModel).fields[0]!.type).toEqual(want);
    expect(ir.report.map((d) => [d.kind, d.source.pointer, d.message])).toEqual([
      ["ignored-keyword", "/components/schemas/M/properties/p", "`enum` lists a value that is not a string, number or boolean; the schema is typed without it"],
    ]);
  });

  // Reported wherever the model is built without a use of its own: a component object, enum or union too.
  it("an object's unsupported keywords and non-scalar enum are reported, the component's and a hoisted one's", () => {
    const ir = irOfSchemas(`
      Obj:
        type: object
        if: { required: [a] }
        not: { required: [a, b] }
        properties:
          a: { type: string }
          b: { type: string }
          inner:
            type: object
            properties: { q: { type: integer } }
            enum: [{ q: 1 }]
      Pick:
        type: string
        enum: [x, y]
        not: { const: z }
      Either:
        oneOf: [{ type: string }, { type: integer }]
        propertyNames: { maxLength: 3 }
    `);
    expect(ir.report.map((d) => [d.kind, d.source.pointer, d.message])).toEqual([
      ["unsupported-keyword", "/components/schemas/Either", "`propertyNames` is not represented in the IR and is ignored"],
      ["unsupported-keyword", "/components/schemas/Obj", "`if` is not represented in the IR and is ignored"],
      ["unsupported-keyword", "/components/schemas/Obj", "`not` is not represented in the IR and is ignored"],
      ["ignored-keyword", "/components/schemas/Obj/properties/inner", "`enum` lists a value that is not a string, number or boolean; the schema is typed without it"],
      ["unsupported-keyword", "/components/schemas/Pick", "`not` is not represented in the IR and is ignored"],
    ]);
  });

  it.each([
    { idiom: "const", yaml: "{ type: string, const: thread.run }" },
    { idiom: "one-value enum", yaml: "{ type: string, enum: [thread.run] }" },
    { idiom: "x-stainless-const", yaml: "{ type: string, enum: [thread.run], x-stainless-const: true }" },
  ])("$idiom becomes a literal", ({ yaml }) => {
    const ir = irOfSchemas(`
      M:
        type: object
        properties:
          object: ${yaml}
    `);
    expect((model(ir, "M") as ObjectModel).fields[0]!.type).toEqual({ kind: "literal", value: "thread.run" });
    expect(ir.models).toHaveLength(1);
  });
});

describe("unions", () => {
  const variants = `
    Cat:
      type: object
      required: [kind, meows]
      properties:
        kind: { type: string, const: feline }
        meows: { type: boolean }
    Dog:
      type: object
      required: [kind]
      properties:
        kind: { type: string, enum: [canine] }
  `;

  it("a declared discriminator without mapping takes the tag from the branch's literal, not the schema name", () => {
    const ir = irOfSchemas(`${variants}
    Pet:
      oneOf:
        - $ref: "#/components/schemas/Cat"
        - $ref: "#/components/schemas/Dog"
      discriminator: { propertyName: kind }
    `);
    const u = model(ir, "Pet") as UnionModel;
    expect(u.discriminator).toEqual({ property: "kind", origin: "declared" });
    expect(u.variants.map((v) => v.tags)).toEqual([["feline"], ["canine"]]);
  });

  it("a declared mapping wins", () => {
    const ir = irOfSchemas(`${variants}
    Pet:
      oneOf:
        - $ref: "#/components/schemas/Cat"
        - $ref: "#/components/schemas/Dog"
      discriminator:
        propertyName: kind
        mapping: { cat: "#/components/schemas/Cat", dog: Dog }
    `);
    expect((model(ir, "Pet") as UnionModel).variants.map((v) => v.tags)).toEqual([["cat"], ["dog"]]);
  });

  it("infers the tag when every branch requires a literal property with distinct values", () => {
    const ir = irOfSchemas(`${variants}
    Pet:
      anyOf:
        - $ref: "#/components/schemas/Cat"
        - $ref: "#/components/schemas/Dog"
    `);
    const u = model(ir, "Pet") as UnionModel;
    expect(u.discriminator).toEqual({ property: "kind", origin: "inferred" });
    expect(u.combinator).toBe("anyOf");
  });

  it("leaves unions of objects without a common literal untagged", () => {
    const ir = irOfSchemas(`
      Shape:
        oneOf:
          - { type: object, title: Circle, properties: { r: { type: number } } }
          - { type: object, title: Square, properties: { side: { type: number } } }
    `);
    const u = model(ir, "Shape") as UnionModel;
    expect(u.discriminator).toBeUndefined();
    expect(u.variants.map((v) => v.type)).toEqual([
      { kind: "ref", target: "#/components/schemas/Shape/oneOf/0" },
      { kind: "ref", target: "#/components/schemas/Shape/oneOf/1" },
    ]);
    expect(model(ir, "#/components/schemas/Shape/oneOf/0").nameHint).toEqual(["Shape", "Circle"]);
  });

  it.each([
    { given: "type: [string, integer]" },
    { given: "oneOf: [{ type: string }, { type: integer }]" },
  ])("primitive unions: $given", ({ given }) => {
    const ir = irOfSchemas(`U:\n  ${given}`);
    expect((model(ir, "U") as UnionModel).variants.map((v) => v.type)).toEqual([
      { kind: "primitive", type: "string" },
      { kind: "primitive", type: "integer" },
    ]);
  });

  it("an expandable field (string or object) is a union", () => {
    const ir = irOfSchemas(`${variants}
    M:
      type: object
      properties:
        cat: { anyOf: [{ type: string }, { $ref: "#/components/schemas/Cat" }] }
    `);
    const u = model(ir, "#/components/schemas/M/properties/cat") as UnionModel;
    expect(u.variants.map((v) => v.type.kind)).toEqual(["primitive", "ref"]);
  });
});

describe("allOf", () => {
  it("a single-$ref wrapper keeps the reference plus its siblings", () => {
    const ir = irOfSchemas(`
      Usage: { type: object, properties: { n: { type: integer } } }
      M:
        type: object
        properties:
          usage:
            allOf: [{ $ref: "#/components/schemas/Usage" }]
            description: Token usage.
            default: null
    `);
    const f = (model(ir, "M") as ObjectModel).fields[0]!;
    expect(f.type).toEqual({ kind: "ref", target: "#/components/schemas/Usage" });
    expect(f.docs.description).toBe("Token usage.");
    expect(f.default).toBeNull();
  });

  it("a real merge is one object whose required list is decided after merging", () => {
    const ir = irOfSchemas(`
      Base:
        type: object
        properties:
          id: { type: string }
          limit: { type: integer, default: 20 }
      Page:
        allOf:
          - $ref: "#/components/schemas/Base"
          - type: object
            required: [id, next]
            properties:
              next: { type: string }
    `);
    const page = model(ir, "Page") as ObjectModel;
    expect(page.fields.map((f) => [f.name, f.required])).toEqual([["id", true], ["limit", false], ["next", true]]);
    expect(page.fields[1]!.default).toBe(20);
    expect(page.mergedFrom).toEqual(["#/components/schemas/Base"]);
  });

  it("reports conflicting member declarations", () => {
    const ir = irOfSchemas(`
      M:
        allOf:
          - { type: object, properties: { a: { type: string } } }
          - { type: object, properties: { a: { type: integer } } }
    `);
    expect(ir.report.map((d) => d.kind)).toEqual(["allof-conflict"]);
    expect((model(ir, "M") as ObjectModel).fields[0]!.type).toEqual({ kind: "primitive", type: "integer" });
  });
});

describe("arrays, maps, formats, constraints", () => {
  it.each([
    { given: "{ type: array, items: { type: string }, minItems: 1, maxItems: 20, uniqueItems: true }", want: { kind: "array", items: { kind: "primitive", type: "string" }, constraints: { minItems: 1, maxItems: 20, uniqueItems: true } } },
    { given: "{ type: array }", want: { kind: "array", items: { kind: "unknown" } } },
    { given: "{ type: object, additionalProperties: { type: string } }", want: { kind: "map", values: { kind: "primitive", type: "string" } } },
    { given: "{ type: object, additionalProperties: true }", want: { kind: "map", values: { kind: "unknown" } } },
    { given: "{ type: object }", want: { kind: "map", values: { kind: "unknown" } } },
    { given: "{}", want: { kind: "unknown" } },
    { given: "{ type: integer, format: int64, minimum: 1, exclusiveMaximum: 10 }", want: { kind: "primitive", type: "integer", format: "int64", constraints: { minimum: 1, exclusiveMaximum: 10 } } },
    { given: "{ type: string, format: date-time, pattern: '^a+$', minLength: 2, maxLength: 9 }", want: { kind: "primitive", type: "string", format: "date-time", constraints: { pattern: "^a+$", minLength: 2, maxLength: 9 } } },
    { given: "{ type: number, multipleOf: 0.5, format: float }", want: { kind: "primitive", type: "number", format: "float", constraints: { multipleOf: 0.5 } } },
    { given: "{ type: string, format: color }", want: { kind: "primitive", type: "string", format: "color" } },
    { given: "{ type: integer, min_items: 3, optional: true }", want: { kind: "primitive", type: "integer" } },
  ])("$given", ({ given, want }) => {
    const ir = irOfSchemas(`M:\n  type: object\n  properties:\n    f: ${given}`);
    expect((model(ir, "M") as ObjectModel).fields[0]!.type).toEqual(want);
    expect(ir.report).toEqual([]);
  });

  it("3.0 boolean exclusiveMinimum becomes the bound", () => {
    const ir = irOfSchemas("M:\n  type: object\n  properties:\n    f: { type: number, minimum: 0, exclusiveMinimum: true }", "3.0.3");
    expect((model(ir, "M") as ObjectModel).fields[0]!.type.constraints).toEqual({ exclusiveMinimum: 0 });
  });

  it("objects with properties and typed extra keys", () => {
    const ir = irOfSchemas("M:\n  type: object\n  properties: { a: { type: string } }\n  additionalProperties: { type: integer }");
    expect((model(ir, "M") as ObjectModel).additionalProperties).toEqual({ kind: "primitive", type: "integer" });
  });

  it("keeps annotations and extensions", () => {
    const ir = irOfSchemas("M:\n  type: object\n  title: Em\n  deprecated: true\n  x-owner: team-a\n  properties:\n    a: { type: string, readOnly: true, writeOnly: false, example: abc }");
    const m = model(ir, "M") as ObjectModel;
    expect(m.docs).toEqual({ title: "Em", deprecated: true, extensions: { "x-owner": "team-a" } });
    expect(m.fields[0]!.docs).toEqual({ readOnly: true, examples: ["abc"] });
  });
});

describe("hoisting and references", () => {
  it("names inline schemas from their parent chain", () => {
    const ir = irOfSchemas(`
      Run:
        type: object
        properties:
          last_error:
            type: object
            properties:
              code: { type: string, enum: [a, b] }
          steps:
            type: array
            items:
              type: object
              properties: { id: { type: string } }
    `);
    const hints = ir.models.map((m) => [m.id.replace("#/components/schemas/", ""), m.nameHint, m.parent?.replace("#/components/schemas/", "")]);
    expect(hints).toEqual([
      ["Run", ["Run"], undefined],
      ["Run/properties/last_error", ["Run", "last_error"], "Run"],
      ["Run/properties/last_error/properties/code", ["Run", "last_error", "code"], "Run/properties/last_error"],
      ["Run/properties/steps/items", ["Run", "steps", "item"], "Run"],
    ]);
  });

  it("a property literally named $ref is a property", () => {
    const ir = irOfSchemas("M:\n  type: object\n  properties:\n    $ref: { type: string }");
    expect((model(ir, "M") as ObjectModel).fields.map((f) => [f.name, f.type.kind])).toEqual([["$ref", "primitive"]]);
  });

  it("keeps recursion as references, also through $recursiveRef", () => {
    const ir = irOfSchemas(`
      Node:
        type: object
        properties:
          next: { $ref: "#/components/schemas/Node" }
          filters:
            type: array
            items: { anyOf: [{ type: string }, { $recursiveRef: "#" }] }
    `);
    const node = model(ir, "Node") as ObjectModel;
    expect(node.fields[0]!.type).toEqual({ kind: "ref", target: "#/components/schemas/Node" });
    const items = model(ir, "#/components/schemas/Node/properties/filters/items") as UnionModel;
    expect(items.variants[1]!.type).toEqual({ kind: "ref", target: "#/components/schemas/Node" });
  });

  it("follows references across files, relative to the referencing file", () => {
    const ir = irOfFiles({
      "openapi.yaml": 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    Run:\n      type: object\n      properties:\n        fn: { $ref: "./schemas/fn.yaml" }\n        err: { $ref: "common.yaml#/components/schemas/Err" }\n',
      "schemas/fn.yaml": 'type: object\nproperties:\n  params: { $ref: "../common.yaml#/components/schemas/Params" }\n',
      "common.yaml": "components:\n  schemas:\n    Err: { type: object, properties: { code: { type: string } } }\n    Params: { type: object, additionalProperties: true }\n",
    });
    expect(ir.models.map((m) => [m.id, m.nameHint[0]])).toEqual([
      ["#/components/schemas/Run", "Run"],
      ["common.yaml#/components/schemas/Err", "Err"],
      ["common.yaml#/components/schemas/Params", "Params"],
      ["schemas/fn.yaml#", "fn"],
    ]);
    expect(ir.models[3]!.source).toMatchObject({ file: "schemas/fn.yaml", line: 1, col: 1 });
  });

  it("percent-encoded and escaped pointers resolve", () => {
    const ir = irOfSchemas(`
      "a/b":
        type: string
      "My Schema":
        type: integer
      M:
        type: object
        properties:
          x: { $ref: "#/components/schemas/a~1b" }
          y: { $ref: "#/components/schemas/My%20Schema" }
    `);
    expect((model(ir, "M") as ObjectModel).fields.map((f) => f.type)).toEqual([
      { kind: "ref", target: "#/components/schemas/a~1b" },
      { kind: "ref", target: "#/components/schemas/My Schema" },
    ]);
  });

  // A pointer to a property holding a null wrapper around an inline model means the type written
  // there: one model (the branch's), not a second one for the wrapper with the first hoisted under it.
  it.each([
    { wrapper: "oneOf: [{ type: string, enum: [a, b] }, { type: 'null' }]", branch: "oneOf/0", kind: "enum", nullable: true },
    { wrapper: "anyOf: [{ type: 'null' }, { type: object, properties: { x: { type: string } } }]", branch: "anyOf/1", kind: "object", nullable: true },
    { wrapper: "oneOf: [{ oneOf: [{ type: string }, { type: integer }] }, { type: 'null' }]", branch: "oneOf/0", kind: "union", nullable: true },
    { wrapper: "oneOf: [{ type: string, enum: [c, d] }]", branch: "oneOf/0", kind: "enum", nullable: false },
  ])("a pointer into a property of $wrapper refers to the branch's $kind", ({ wrapper, branch, kind, nullable }) => {
    const ir = irOfSchemas(`
      Holder:
        type: object
        properties:
          status: { ${wrapper} }
      Pointer:
        type: object
        properties:
          inner: { $ref: "#/components/schemas/Holder/properties/status", description: at the pointer }
    `);
    const target = `#/components/schemas/Holder/properties/status/${branch}`;
    const want = { kind: "ref", target, ...(nullable ? { nullable: true } : {}) };
    expect((model(ir, "Holder") as ObjectModel).fields[0]!.type).toEqual(want);
    const inner = (model(ir, "Pointer") as ObjectModel).fields[0]!;
    expect(inner.type).toEqual(want);
    expect(inner.docs.description).toBe("at the pointer");
    const hoisted = ir.models.filter((m) => m.id.startsWith("#/components/schemas/Holder/"));
    expect(hoisted.map((m) => [m.id, m.kind, m.parent])).toEqual([[target, kind, "#/components/schemas/Holder"]]);
  });

  it("a reference to a component that is a null wrapper keeps the component's own model", () => {
    const ir = irOfSchemas(`
      Status: { oneOf: [{ type: string, enum: [a, b] }, { type: "null" }] }
      Pointer: { type: object, properties: { s: { $ref: "#/components/schemas/Status" } } }
    `);
    expect((model(ir, "Pointer") as ObjectModel).fields[0]!.type).toEqual({ kind: "ref", target: "#/components/schemas/Status", nullable: true });
    expect(ir.models.map((m) => m.id)).toEqual(["#/components/schemas/Pointer", "#/components/schemas/Status"]);
  });

  it("every model carries file, line, column and pointer", () => {
    const ir = irOfSchemas("A:\n  type: object\n  properties:\n    b: { type: object, properties: { c: { type: string } } }");
    expect(model(ir, "#/components/schemas/A/properties/b").source).toEqual({ file: "openapi.yaml", line: 9, col: 12, pointer: "/components/schemas/A/properties/b" });
  });
});

describe("degradation report", () => {
  it.each([
    { given: "not: { type: string }", kind: "unsupported-keyword" },
    { given: "type: object\n  patternProperties: { '^x': { type: string } }", kind: "unsupported-keyword" },
    { given: "type: object\n  required: [ghost]", kind: "became-unknown" },
  ])("reports $kind for $given", ({ given, kind }) => {
    const ir = irOfSchemas(`M:\n  ${given}`);
    expect(ir.report.map((d) => d.kind)).toEqual([kind]);
    expect(ir.report[0]!.source.pointer).toBe("/components/schemas/M");
  });
});

describe("a declared discriminator whose branch is itself a union", () => {
  it("takes the nested union's own tags, not the schema name", () => {
    const ir = irOfSchemas(`
      A: { type: object, required: [type], properties: { type: { type: string, const: a } } }
      B: { type: object, required: [type], properties: { type: { type: string, const: b } } }
      C: { type: object, required: [type], properties: { type: { type: string, const: c } } }
      AorB: { oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }] }
      Item:
        oneOf:
          - $ref: "#/components/schemas/AorB"
          - $ref: "#/components/schemas/C"
        discriminator: { propertyName: type }
    `);
    expect((model(ir, "Item") as UnionModel).variants.map((v) => v.tags)).toEqual([["a", "b"], ["c"]]);
  });
});

describe("enums written as unions of consts, and names for values", () => {
  it.each([
    {
      case: "oneOf of consts with titles: an enum whose members are named by the titles",
      yaml: "type: integer\noneOf:\n  - { title: ALPHA, const: 1, description: first }\n  - { title: BETA, const: 2 }",
      want: [{ value: 1, name: "ALPHA", description: "first" }, { value: 2, name: "BETA" }],
    },
    { case: "anyOf of consts without titles", yaml: "anyOf:\n  - { const: a }\n  - { const: b }\n  - { type: 'null' }", want: [{ value: "a" }, { value: "b" }] },
    { case: "x-enum-varnames", yaml: "type: string\nenum: [a-b, c]\nx-enum-varnames: [AlphaBeta, Charlie]", want: [{ value: "a-b", name: "AlphaBeta" }, { value: "c", name: "Charlie" }] },
    { case: "x-enumNames", yaml: "type: integer\nenum: [1, 2]\nx-enumNames: [One, Two]", want: [{ value: 1, name: "One" }, { value: 2, name: "Two" }] },
    { case: "a name without letters is no name", yaml: "type: integer\nenum: [1, 2]\nx-enum-varnames: ['1', Two]", want: [{ value: 1 }, { value: 2, name: "Two" }] },
  ])("$case", ({ yaml, want }) => {
    const ir = irOfSchemas(`E:\n${yaml.split("\n").map((l) => "  " + l).join("\n")}`);
    const e = model(ir, "E") as EnumModel;
    expect(e.kind).toBe("enum");
    expect(e.members).toEqual(want);
    expect(e.docs.extensions).toBeUndefined();
  });

  it("a const union with a null branch is a nullable enum", () => {
    const ir = irOfSchemas("E:\n  oneOf:\n    - { const: a }\n    - { const: b }\n    - { type: 'null' }");
    expect(model(ir, "E")).toMatchObject({ kind: "enum", nullable: true });
  });

  it("a union with one non-literal branch stays a union", () => {
    const ir = irOfSchemas("E:\n  oneOf:\n    - { const: a }\n    - { type: integer }");
    expect(model(ir, "E").kind).toBe("union");
  });
});

describe("a nullable alias", () => {
  it("names the value; null moves to the model and to every use", () => {
    const ir = irOfSchemas(`
      Metadata:
        anyOf:
          - { type: object, additionalProperties: { type: string } }
          - { type: "null" }
      Holder:
        type: object
        properties:
          meta: { $ref: "#/components/schemas/Metadata" }
    `);
    expect(model(ir, "Metadata")).toMatchObject({ kind: "alias", nullable: true, type: { kind: "map", values: { kind: "primitive", type: "string" } } });
    expect((model(ir, "Metadata") as { type: { nullable?: boolean } }).type.nullable).toBeUndefined();
    expect((model(ir, "Holder") as ObjectModel).fields[0]!.type).toEqual({ kind: "ref", target: "#/components/schemas/Metadata", nullable: true });
  });
});
