// TypeScript properties are the JSON's keys: a user's field rename (config `rename.fields`,
// `Field.identifier`) applies to the languages with identifiers of their own, not here.
import { describe, expect, it } from "vitest";
import { assignNames } from "../../../src/naming/assign.js";
import { tsNamingRules } from "../../../src/targets/typescript/naming.js";
import type { IrDocument } from "../../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const ir: IrDocument = {
  irVersion: 1,
  spec: { file: "x.yaml", openapi: "3.1.0" },
  report: [],
  models: [
    {
      id: "#/components/schemas/Pet",
      kind: "object",
      nameHint: ["Pet"],
      docs: {},
      source,
      fields: [
        { name: "pet_type", identifier: "kind", type: { kind: "primitive", type: "string" }, required: true, docs: {}, source },
        { name: "name", type: { kind: "primitive", type: "string" }, required: true, docs: {}, source },
      ],
    },
  ],
};

describe("field renames", () => {
  it("TypeScript keeps the wire name", () => {
    const names = assignNames(ir, tsNamingRules);
    expect(names.field("#/components/schemas/Pet", "pet_type")).toBe("pet_type");
    expect(names.field("#/components/schemas/Pet", "name")).toBe("name");
  });

  it("without the flag the rename applies (the flag is what keeps the wire name)", () => {
    expect(assignNames(ir, { ...tsNamingRules, fieldsAreWireNames: false }).field("#/components/schemas/Pet", "pet_type")).toBe("kind");
  });
});
