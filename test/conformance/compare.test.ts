// The round-trip comparison and the example projection shared by every language's harness.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexModels } from "../../src/ir/query.js";
import { irOf } from "../helpers/generate.js";
import { compareRoundTrip } from "./compare.js";
import { projectExample } from "./project.js";

const SPEC = `openapi: 3.1.0
info: { title: T, version: "1" }
paths: {}
components:
  schemas:
    Run:
      type: object
      required: [id, status, note]
      properties:
        id: { type: string }
        status: { type: string, enum: [queued, done] }
        note: { type: [string, "null"] }
        count: { type: integer }
        label: { type: [string, "null"] }
        tags: { type: object, additionalProperties: { type: string } }
        tool: { $ref: "#/components/schemas/Tool" }
        value: { oneOf: [{ type: string }, { type: number }] }
    Tool:
      oneOf:
        - { type: object, required: [type, name], properties: { type: { const: fn }, name: { type: string } } }
        - { type: object, required: [type], properties: { type: { const: search }, depth: { type: integer } } }
`;

const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-compare-"));
writeFileSync(path.join(dir, "spec.yaml"), SPEC);
const ir = irOf(path.join(dir, "spec.yaml"));
const models = indexModels(ir.models);
const run = { kind: "ref", target: "#/components/schemas/Run" } as const;
const base = { id: "r1", status: "queued", note: "n" };

describe("compareRoundTrip", () => {
  it.each([
    { name: "identical", input: base, output: base, want: undefined },
    { name: "undeclared keys are ignored", input: { ...base, extra: 1 }, output: base, want: undefined },
    { name: "absent and null are equal", input: { id: "r1", status: "queued" }, output: { ...base, note: null }, want: undefined },
    { name: "1 and 1.0 are one number", input: { ...base, count: 1 }, output: { ...base, count: 1.0 }, want: undefined },
    { name: "a changed value", input: base, output: { ...base, id: "r2" }, want: { pointer: "/id", reason: '"r1" came back as "r2"' } },
    { name: "a lost value", input: { ...base, count: 3 }, output: base, want: { pointer: "/count", reason: "3 came back as absent" } },
    { name: "map entries are compared", input: { ...base, tags: { a: "x" } }, output: { ...base, tags: {} }, want: { pointer: "/tags/a", reason: '"x" came back as absent' } },
    { name: "a tagged variant by its tag", input: { ...base, tool: { type: "search", depth: 2 } }, output: { ...base, tool: { type: "search", depth: 3 } }, want: { pointer: "/tool/depth", reason: "2 came back as 3" } },
    { name: "an unknown tag must come back whole", input: { ...base, tool: { type: "new", x: 1 } }, output: { ...base, tool: { type: "new" } }, want: { pointer: "/tool", reason: 'the object with unknown tag "new" came back changed' } },
    { name: "an untagged union matches any variant", input: { ...base, value: 2 }, output: { ...base, value: 2 }, want: undefined },
    { name: "an untagged union that changed", input: { ...base, value: 2 }, output: { ...base, value: "2" }, want: { pointer: "/value", reason: '2 came back as "2"' } },
  ])("$name", ({ input, output, want }) => {
    expect(compareRoundTrip(input, output, run, models)).toEqual(want);
  });

  const strict = { keepsAbsentApartFromNull: true };
  const loose = { keepsAbsentApartFromNull: false };
  it.each([
    { name: "optional nullable: absent stays absent", rules: strict, input: base, output: { ...base, label: null }, want: { pointer: "/label", reason: "absent came back as null" } },
    { name: "optional nullable: null stays null", rules: strict, input: { ...base, label: null }, output: base, want: { pointer: "/label", reason: "null came back as absent" } },
    { name: "optional nullable, a language that cannot tell them apart", rules: loose, input: base, output: { ...base, label: null }, want: undefined },
    { name: "optional not nullable: null reads as absent", rules: strict, input: { ...base, count: null }, output: base, want: undefined },
    { name: "optional not nullable: never written as null", rules: loose, input: base, output: { ...base, count: null }, want: { pointer: "/count", reason: "absent came back as null" } },
    { name: "required nullable: absent is written as null (lenient)", rules: strict, input: { id: "r1", status: "queued" }, output: { id: "r1", status: "queued", note: null }, want: undefined },
  ])("presence: $name", ({ rules, input, output, want }) => {
    expect(compareRoundTrip(input, output, run, models, rules)).toEqual(want);
  });
});

describe("projectExample", () => {
  it("drops undeclared keys, keeps map entries, follows the tag", () => {
    const input = { ...base, extra: true, tags: { a: "x" }, tool: { type: "fn", name: "f", junk: 1 } };
    expect(projectExample(input, run, models, "strict")).toEqual({ ...base, tags: { a: "x" }, tool: { type: "fn", name: "f" } });
  });
});
