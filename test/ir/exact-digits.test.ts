// Integers beyond 2^53 keep the spec's digits in the IR (bounds: Constraints.exact; literals and enum
// members: exact; defaults: defaultExact), whichever reader read the document: the block YAML
// reader, js-yaml (anchors), JSON.parse, an overlay.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { irOfFiles, irOfSchemas, model } from "../helpers/spec.js";
import { SpecSet } from "../../src/load/loader.js";
import { applyOverlays } from "../../src/load/overlay.js";
import { normalize } from "../../src/ir/normalize/index.js";
import type { Constraints, EnumModel, Field, IrDocument, ObjectModel } from "../../src/ir/types.js";

const INT64 = { minimum: -(2 ** 63), maximum: 2 ** 63, exact: { minimum: "-9223372036854775808", maximum: "9223372036854775807" } };

function constraintsOf(ir: IrDocument, name: string, field = "f"): Constraints | undefined {
  return (model(ir, name) as ObjectModel).fields.find((f) => f.name === field)!.type.constraints;
}

describe("exact bounds", () => {
  it("int64's bounds in block YAML", () => {
    const ir = irOfSchemas("M:\n  type: object\n  properties:\n    f:\n      type: integer\n      minimum: -9223372036854775808\n      maximum: 9223372036854775807");
    expect(constraintsOf(ir, "M")).toEqual(INT64);
  });

  it("a flow mapping, beside bounds a double holds (which get no digits)", () => {
    const ir = irOfSchemas("M:\n  type: object\n  properties:\n    f: { type: integer, minimum: 0, maximum: 18446744073709551615, multipleOf: 9007199254740993 }");
    expect(constraintsOf(ir, "M")).toEqual({
      minimum: 0,
      maximum: 2 ** 64,
      multipleOf: 2 ** 53,
      exact: { maximum: "18446744073709551615", multipleOf: "9007199254740993" },
    });
  });

  it("3.0's boolean exclusiveMaximum takes maximum's digits", () => {
    const ir = irOfSchemas("M:\n  type: object\n  properties:\n    f: { type: integer, maximum: 9223372036854775807, exclusiveMaximum: true }", "3.0.3");
    expect(constraintsOf(ir, "M")).toEqual({ exclusiveMaximum: 2 ** 63, exact: { exclusiveMaximum: "9223372036854775807" } });
  });

  it("an anchored mapping (read by js-yaml) and the alias of it", () => {
    const ir = irOfSchemas(
      "M:\n  type: object\n  properties:\n    f: &seed\n      type: integer\n      minimum: -9223372036854775808\n      maximum: 9223372036854775807\n    g: *seed",
    );
    expect(constraintsOf(ir, "M", "f")).toEqual(INT64);
    expect(constraintsOf(ir, "M", "g")).toEqual(INT64);
  });

  it("a JSON document, and a schema in another file", () => {
    const root = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: {},
      components: { schemas: { M: { type: "object", properties: { f: { $ref: "other.json#/Seed" } } } } },
    });
    const other = '{"Seed": {"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807}}';
    const ir = irOfFiles({ "openapi.yaml": root.replace('"f":{', '"g":{"type":"integer","maximum":9223372036854775807},"f":{'), "other.json": other });
    expect(constraintsOf(ir, "M", "g")).toEqual({ maximum: 2 ** 63, exact: { maximum: "9223372036854775807" } });
    const seed = model(ir, "other.json#/Seed");
    expect(seed.kind === "alias" && seed.type.constraints).toEqual(INT64);
  });
});

const BIG = "9223372036854775807";

function fieldOf(ir: IrDocument, name: string, field = "f"): Field {
  return (model(ir, name) as ObjectModel).fields.find((f) => f.name === field)!;
}

function membersOf(ir: IrDocument, id: string): EnumModel["members"] {
  const m = model(ir, id);
  if (m.kind !== "enum") throw new Error(`${id} is a ${m.kind}`);
  return m.members;
}

describe("exact literals, enum members and defaults", () => {
  it("an enum's members in a flow sequence and in a block one; values a double holds get none", () => {
    const ir = irOfSchemas(`A:\n  type: integer\n  enum: [0, 9007199254740993, ${BIG}]\nB:\n  type: integer\n  enum:\n    - 1\n    - ${BIG}`);
    expect(membersOf(ir, "A")).toEqual([{ value: 0 }, { value: 2 ** 53, exact: "9007199254740993" }, { value: 2 ** 63, exact: BIG }]);
    expect(membersOf(ir, "B")).toEqual([{ value: 1 }, { value: 2 ** 63, exact: BIG }]);
  });

  it("a const, a one-value enum and consts as a union's branches", () => {
    const ir = irOfSchemas(
      `M:\n  type: object\n  properties:\n    f: { type: integer, const: ${BIG} }\n    g: { type: integer, enum: [null, ${BIG}] }\nU:\n  oneOf:\n    - { const: 1, title: one }\n    - { enum: [${BIG}], title: most }`,
    );
    expect(fieldOf(ir, "M").type).toEqual({ kind: "literal", value: 2 ** 63, exact: BIG });
    expect(fieldOf(ir, "M", "g").type).toEqual({ kind: "literal", value: 2 ** 63, exact: BIG, nullable: true });
    expect(membersOf(ir, "U")).toEqual([{ value: 1, name: "one" }, { value: 2 ** 63, exact: BIG, name: "most" }]);
  });

  it("defaults: a field's, a model's, beside a $ref, and the outer one of a wrapper", () => {
    const ir = irOfSchemas(
      [
        "M:\n  type: object\n  properties:",
        `    f: { type: integer, default: ${BIG} }`,
        `    r: { $ref: '#/components/schemas/Id', default: -9223372036854775808 }`,
        `    w: { allOf: [{ $ref: '#/components/schemas/Id' }], default: ${BIG} }`,
        "    small: { type: integer, default: 5 }",
        `Id:\n  type: integer\n  default: ${BIG}`,
      ].join("\n"),
    );
    expect(fieldOf(ir, "M")).toMatchObject({ default: 2 ** 63, defaultExact: BIG });
    expect(fieldOf(ir, "M", "r")).toMatchObject({ default: -(2 ** 63), defaultExact: "-9223372036854775808" });
    expect(fieldOf(ir, "M", "w")).toMatchObject({ default: 2 ** 63, defaultExact: BIG });
    expect(fieldOf(ir, "M", "small").defaultExact).toBeUndefined();
    expect(model(ir, "Id")).toMatchObject({ default: 2 ** 63, defaultExact: BIG });
  });

  it("a parameter's default", () => {
    const spec = [
      "openapi: 3.1.0",
      "info: { title: T, version: '1' }",
      "paths:",
      "  /things:",
      "    get:",
      "      operationId: listThings",
      "      parameters:",
      `        - { name: after, in: query, schema: { type: integer, format: int64, default: ${BIG} } }`,
      "      responses: { '204': { description: none } }",
    ].join("\n");
    const ir = irOfFiles({ "openapi.yaml": spec });
    const params = ir.models.find((m) => m.kind === "object" && m.fields.some((f) => f.name === "after")) as ObjectModel;
    expect(params.fields[0]).toMatchObject({ name: "after", default: 2 ** 63, defaultExact: BIG });
  });

  it("an anchored enum (read by js-yaml) and a JSON document's", () => {
    const anchored = irOfSchemas(`A:\n  type: integer\n  enum: &values\n    - 0\n    - ${BIG}\nB:\n  type: integer\n  enum: *values`);
    expect(membersOf(anchored, "A")).toEqual([{ value: 0 }, { value: 2 ** 63, exact: BIG }]);
    expect(membersOf(anchored, "B")).toEqual([{ value: 0 }, { value: 2 ** 63, exact: BIG }]);
    const root = JSON.stringify({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {}, components: { schemas: { A: { type: "integer", enum: [0, 1] } } } });
    const json = irOfFiles({ "openapi.yaml": root.replace("[0,1]", `[0, ${BIG}]`) });
    expect(membersOf(json, "A")).toEqual([{ value: 0 }, { value: 2 ** 63, exact: BIG }]);
  });
});

describe("exact bounds an overlay wrote", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("takes the overlay's digits", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-exact-"));
    dirs.push(dir);
    const spec = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    M:\n      type: object\n      properties:\n        f: { type: integer }\n";
    const fix =
      "overlay: 1.0.0\ninfo: { title: F, version: '1' }\nactions:\n  - target: $.components.schemas.M.properties.f\n    update:\n      format: int64\n      maximum: 9223372036854775807\n";
    writeFileSync(path.join(dir, "openapi.yaml"), spec);
    writeFileSync(path.join(dir, "fix.yaml"), fix);
    const specs = new SpecSet(path.join(dir, "openapi.yaml"));
    applyOverlays(specs, [path.join(dir, "fix.yaml")], (abs) => path.relative(dir, abs));
    expect(constraintsOf(normalize(specs), "M")).toEqual({ maximum: 2 ** 63, exact: { maximum: "9223372036854775807" } });
  });

  it("takes the overlay's digits for an enum and a default it wrote", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-exact-"));
    dirs.push(dir);
    const spec = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    M:\n      type: object\n      properties:\n        f: { type: integer }\n        g: { type: integer }\n";
    const fix = [
      "overlay: 1.0.0",
      "info: { title: F, version: '1' }",
      "actions:",
      "  - target: $.components.schemas.M.properties.f",
      "    update:",
      "      enum:",
      "        - 0",
      `        - ${BIG}`,
      "  - target: $.components.schemas.M.properties.g",
      `    update: { default: ${BIG} }`,
    ].join("\n");
    writeFileSync(path.join(dir, "openapi.yaml"), spec);
    writeFileSync(path.join(dir, "fix.yaml"), fix);
    const specs = new SpecSet(path.join(dir, "openapi.yaml"));
    applyOverlays(specs, [path.join(dir, "fix.yaml")], (abs) => path.relative(dir, abs));
    const ir = normalize(specs);
    const f = fieldOf(ir, "M");
    expect(f.type.kind === "ref" && membersOf(ir, f.type.target)).toEqual([{ value: 0 }, { value: 2 ** 63, exact: BIG }]);
    expect(fieldOf(ir, "M", "g")).toMatchObject({ default: 2 ** 63, defaultExact: BIG });
  });
});
