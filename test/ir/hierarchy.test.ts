// Polymorphism by inheritance: a schema that declares a discriminator and is extended through
// allOf is a union of what extends it (ir/normalize/hierarchy.ts, build-hierarchy.ts).
import { describe, expect, it } from "vitest";
import { irOfFiles, irOfSchemas, model } from "../helpers/spec.js";
import type { IrDocument, ObjectModel, TypeExpr, UnionModel } from "../../src/ir/types.js";

const variantsOf = (ir: IrDocument, name: string) =>
  (model(ir, name) as UnionModel).variants.map((v) => [(v.type as { target: string }).target.replace("#/components/schemas/", ""), v.tags]);
const fieldType = (ir: IrDocument, name: string, field: string): TypeExpr | undefined =>
  (model(ir, name) as ObjectModel).fields.find((f) => f.name === field)?.type;

const PET = `
  Pet:
    type: object
    required: [petType]
    discriminator: { propertyName: petType }
    properties:
      petType: { type: string }
      name: { type: string }
`;

describe("a type extended through allOf is a union of its subtypes", () => {
  it.each([
    {
      name: "the implicit mapping: each subtype's component name",
      schemas: `${PET}
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }, { properties: { lives: { type: integer } } }] }
  Dog: { allOf: [{ $ref: "#/components/schemas/Pet" }] }`,
      want: [["Cat", ["Cat"]], ["Dog", ["Dog"]]],
    },
    {
      name: "the mapping's values, by name or by $ref, and the implicit name for the rest",
      schemas: `${PET.replace("discriminator: { propertyName: petType }", 'discriminator: { propertyName: petType, mapping: { c: Cat, kitty: "#/components/schemas/Cat" } }')}
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }] }
  Dog: { allOf: [{ $ref: "#/components/schemas/Pet" }] }`,
      want: [["Cat", ["c", "kitty"]], ["Dog", ["Dog"]]],
    },
    {
      name: "Azure's x-ms-discriminator-value, and a subtype's own const",
      schemas: `${PET}
  Cat: { x-ms-discriminator-value: "#Cat", allOf: [{ $ref: "#/components/schemas/Pet" }] }
  Dog: { allOf: [{ $ref: "#/components/schemas/Pet" }, { properties: { petType: { const: dog } } }] }`,
      want: [["Cat", ["#Cat"]], ["Dog", ["dog"]]],
    },
    {
      name: "the values of an enum a subtype gives the tag property (its field keeps the enum)",
      schemas: `${PET}
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }, { properties: { petType: { type: string, enum: [cat, kitten] } } }] }`,
      want: [["Cat", ["cat", "kitten"]]],
    },
    {
      name: "a subtype's tag property written as a $ref to a const",
      schemas: `${PET}
  CatTag: { type: string, const: cat }
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }], properties: { petType: { $ref: "#/components/schemas/CatTag" } } }`,
      want: [["Cat", ["cat"]]],
    },
    {
      name: "the type itself when the mapping names it (its own object, hoisted under it)",
      schemas: `${PET.replace("discriminator: { propertyName: petType }", "discriminator: { propertyName: petType, mapping: { pet: Pet } }")}
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }] }`,
      want: [["Pet/x-modelgen-base", ["pet"]], ["Cat", ["Cat"]]],
    },
    {
      name: "a subtype extended again: a union within the union, selected by its subtypes' tags too",
      schemas: `${PET}
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }] }
  Lion: { allOf: [{ $ref: "#/components/schemas/Cat" }] }`,
      want: [["Cat", ["Cat", "Lion"]]],
    },
  ])("$name", ({ schemas, want }) => {
    const ir = irOfSchemas(schemas);
    expect(variantsOf(ir, "Pet")).toEqual(want);
    expect((model(ir, "Pet") as UnionModel).discriminator).toEqual({ property: "petType", origin: "declared" });
  });

  it("types each subtype's tag property as its tag, adding it where no schema declares it", () => {
    const ir = irOfSchemas(`
      Node:
        type: object
        discriminator: { propertyName: kind }
        properties: { id: { type: string } }
      Leaf: { allOf: [{ $ref: "#/components/schemas/Node" }] }
      Pair:
        allOf: [{ $ref: "#/components/schemas/Node" }]
        x-ms-discriminator-value: pair
        properties: { kind: { type: string }, left: { $ref: "#/components/schemas/Node" } }
    `);
    expect(fieldType(ir, "Leaf", "kind")).toEqual({ kind: "literal", value: "Leaf" });
    expect((model(ir, "Leaf") as ObjectModel).fields.find((f) => f.name === "kind")?.required).toBe(true);
    expect(fieldType(ir, "Pair", "kind")).toEqual({ kind: "literal", value: "pair" });
    // A reference to the type, from a subtype too, is to the union.
    expect(fieldType(ir, "Pair", "left")).toEqual({ kind: "ref", target: "#/components/schemas/Node" });
    expect(model(ir, "Node").kind).toBe("union");
  });

  it("an intermediate type that occurs itself is its own object beside its subtypes", () => {
    const ir = irOfSchemas(`${PET}
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }], properties: { lives: { type: integer } } }
  Lion: { allOf: [{ $ref: "#/components/schemas/Cat" }], properties: { mane: { type: boolean } } }`);
    expect(variantsOf(ir, "Cat")).toEqual([["Cat/x-modelgen-base", ["Cat"]], ["Lion", ["Lion"]]]);
    const own = ir.models.find((m) => m.id === "#/components/schemas/Cat/x-modelgen-base") as ObjectModel;
    expect(own.nameHint).toEqual(["Cat", "base"]);
    expect(own.parent).toBe("#/components/schemas/Cat");
    expect(own.fields.map((f) => f.name)).toEqual(["petType", "name", "lives"]);
    expect(fieldType(ir, "Lion", "petType")).toEqual({ kind: "literal", value: "Lion" });
  });

  it.each([
    { name: "a discriminator nothing extends", schemas: PET },
    {
      name: "a discriminator beside oneOf (a union already)",
      schemas: `
  Pet:
    oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]
    discriminator: { propertyName: petType }
  Cat: { type: object, properties: { petType: { const: Cat } } }
  Dog: { type: object, properties: { petType: { const: Dog } } }`,
    },
    { name: "allOf without a discriminator", schemas: `${PET.replace("discriminator: { propertyName: petType }", "")}\n  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }, { properties: { a: { type: string } } }] }` },
  ])("leaves alone $name", ({ schemas }) => {
    const ir = irOfSchemas(schemas);
    expect(ir.models.some((m) => m.id.endsWith("/x-modelgen-base"))).toBe(false);
    if (schemas.includes("oneOf")) expect(variantsOf(ir, "Pet")).toEqual([["Cat", ["Cat"]], ["Dog", ["Dog"]]]);
    else expect(model(ir, "Pet").kind).toBe("object");
  });

  it("reports a mapping value that names no schema, and takes the others", () => {
    const ir = irOfSchemas(`${PET.replace("discriminator: { propertyName: petType }", "discriminator: { propertyName: petType, mapping: { cat: Cat, ghost: Ghost } }")}
  Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }] }`);
    expect(variantsOf(ir, "Pet")).toEqual([["Cat", ["cat"]]]);
    expect(ir.report.filter((d) => d.kind === "unresolved-discriminator").map((d) => [d.source.pointer, d.message])).toEqual([
      ["/components/schemas/Pet/discriminator/mapping", 'discriminator mapping "ghost" does not resolve'],
    ]);
  });

  it("does not make a schema a subtype of its own subtype (an allOf cycle, reported as such)", () => {
    const ir = irOfSchemas(`
      A: { type: object, discriminator: { propertyName: t }, allOf: [{ $ref: "#/components/schemas/B" }], properties: { a: { type: string } } }
      B: { type: object, allOf: [{ $ref: "#/components/schemas/A" }], properties: { b: { type: string } } }
    `);
    expect([model(ir, "A").kind, model(ir, "B").kind]).toEqual(["object", "object"]);
    expect(ir.report.some((d) => d.kind === "allof-conflict" && d.message.includes("allOf includes itself"))).toBe(true);
  });

  it("finds subtypes in another file's components", () => {
    const ir = irOfFiles({
      "openapi.yaml": `
openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    Holder: { type: object, properties: { pet: { $ref: "pets.yaml#/components/schemas/Pet" } } }
`,
      "pets.yaml": `
components:
  schemas:
${PET.split("\n").map((l) => "  " + l).join("\n")}
    Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }] }
`,
    });
    const pet = ir.models.find((m) => m.id === "pets.yaml#/components/schemas/Pet") as UnionModel;
    expect(pet.kind).toBe("union");
    expect(pet.variants.map((v) => v.tags)).toEqual([["Cat"]]);
  });
});
