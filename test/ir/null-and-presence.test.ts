// Every null idiom becomes the one IR concept (`nullable` on the type), and presence stays apart.
import { describe, expect, it } from "vitest";
import { irOfSchemas, model } from "../helpers/spec.js";
import type { ObjectModel } from "../../src/ir/types.js";

function field(yaml: string, version = "3.1.0") {
  const ir = irOfSchemas(
    `
    Target:
      type: object
      properties:
        n: { type: integer }
    M:
      type: object
      required: [f]
      properties:
        f:
${yaml.replace(/^\n/, "").split("\n").map((l) => "          " + l.trim()).join("\n")}
    `,
    version,
  );
  const f = (model(ir, "M") as ObjectModel).fields[0]!;
  return { type: f.type, docs: f.docs, default: f.default, required: f.required, report: ir.report };
}

describe("null idioms", () => {
  it.each([
    { idiom: "nullable: true (3.0)", version: "3.0.3", yaml: "type: integer\nnullable: true\nformat: int64" },
    { idiom: "nullable: true inside a 3.1 document", version: "3.1.0", yaml: "type: integer\nnullable: true\nformat: int64" },
    { idiom: "type: [T, null]", version: "3.1.0", yaml: 'type: [integer, "null"]\nformat: int64' },
    { idiom: "anyOf with a null branch", version: "3.1.0", yaml: 'anyOf:\n- { type: integer, format: int64 }\n- { type: "null" }' },
    { idiom: "oneOf with the null branch first", version: "3.1.0", yaml: 'oneOf:\n- { type: "null" }\n- { type: integer, format: int64 }' },
  ])("$idiom", ({ yaml, version }) => {
    const f = field(yaml, version);
    expect(f.type).toEqual({ kind: "primitive", type: "integer", format: "int64", nullable: true });
    expect(f.required).toBe(true);
  });

  it("enum containing null is a nullable enum, never a union", () => {
    const f = field("type: string\nenum: [a, b, null]");
    expect(f.type).toMatchObject({ kind: "ref", nullable: true });
  });

  it.each([
    { idiom: "allOf [$ref, {nullable: true}]", yaml: 'allOf:\n- $ref: "#/components/schemas/Target"\n- nullable: true' },
    { idiom: "anyOf [$ref, null]", yaml: 'anyOf:\n- $ref: "#/components/schemas/Target"\n- type: "null"' },
    { idiom: "$ref with a nullable sibling", yaml: '$ref: "#/components/schemas/Target"\nnullable: true' },
    { idiom: "allOf [$ref] beside nullable", yaml: 'allOf:\n- $ref: "#/components/schemas/Target"\nnullable: true' },
  ])("a reference: $idiom", ({ yaml }) => {
    expect(field(yaml).type).toEqual({ kind: "ref", target: "#/components/schemas/Target", nullable: true });
  });

  it("the description, default and format of the non-null branch belong to the field", () => {
    const f = field('anyOf:\n- { type: integer, format: unixtime, description: When it ended., default: 0 }\n- { type: "null" }');
    expect(f.type).toEqual({ kind: "primitive", type: "integer", format: "unixtime", nullable: true });
    expect(f.docs).toEqual({ description: "When it ended." });
    expect(f.default).toBe(0);
  });

  it("the outer description wins over the branch's", () => {
    const f = field('description: outer\nanyOf:\n- { type: string, description: inner }\n- { type: "null" }');
    expect(f.docs.description).toBe("outer");
  });

  it("a null wrapper never becomes a two-variant union", () => {
    const ir = irOfSchemas(`
      M:
        anyOf:
          - type: object
            properties: { a: { type: string } }
          - type: "null"
    `);
    expect(ir.models.filter((m) => m.kind === "union")).toEqual([]);
  });
});

describe("presence", () => {
  it("keeps required, optional and nullable apart", () => {
    const ir = irOfSchemas(`
      M:
        type: object
        required: [a, b]
        properties:
          a: { type: string }
          b: { type: [string, "null"] }
          c: { type: string }
          d: { type: [string, "null"] }
    `);
    const fields = (model(ir, "M") as ObjectModel).fields.map((f) => [f.name, f.required, f.type.nullable ?? false]);
    expect(fields).toEqual([
      ["a", true, false],
      ["b", true, true],
      ["c", false, false],
      ["d", false, true],
    ]);
  });

  it("a nullable model makes every reference to it nullable", () => {
    const ir = irOfSchemas(`
      Err:
        type: object
        nullable: true
        properties: { code: { type: string } }
      M:
        type: object
        properties:
          e: { $ref: "#/components/schemas/Err" }
    `);
    expect((model(ir, "M") as ObjectModel).fields[0]!.type).toEqual({ kind: "ref", target: "#/components/schemas/Err", nullable: true });
  });
});
