// Bounds beyond 2^53 keep the spec's digits in the IR (Constraints.exact), whichever reader read the
// document: the block YAML reader, js-yaml (anchors), JSON.parse, an overlay.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { irOfFiles, irOfSchemas, model } from "../helpers/spec.js";
import { SpecSet } from "../../src/load/loader.js";
import { applyOverlays } from "../../src/load/overlay.js";
import { normalize } from "../../src/ir/normalize/index.js";
import type { Constraints, IrDocument, ObjectModel } from "../../src/ir/types.js";

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
});
