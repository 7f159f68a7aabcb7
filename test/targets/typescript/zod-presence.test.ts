// How a field's zod schema says absent and null under each presence policy: the table in
// src/targets/typescript/zod/presence.ts, cell by cell, for a field whose schema is `T`.
import { describe, expect, it } from "vitest";
import { fieldSchema, type FieldShape } from "../../../src/targets/typescript/zod/presence.js";
import { ident, zod } from "../../../src/targets/typescript/zod/expr.js";
import { flat } from "../../../src/targets/typescript/zod/print.js";
import type { PresencePolicy } from "../../../src/targets/target.js";

const field = (required: boolean, nullable: boolean, unknown = false): FieldShape => ({ required, nullable, unknown });

describe("fieldSchema of a built schema (z.int())", () => {
  it.each<{ name: string; field: FieldShape; strict: string; lenient: string; tolerant: string }>([
    { name: "required", field: field(true, false), strict: "z.int()", lenient: "z.int()", tolerant: "tolerant(z.int())" },
    {
      name: "required, nullable",
      field: field(true, true),
      strict: "z.int().nullable()",
      lenient: "z.int().nullable().default(null)",
      tolerant: "tolerant(z.int().nullable())",
    },
    {
      name: "optional",
      field: field(false, false),
      strict: "nullAsAbsent(z.int())",
      lenient: "nullAsAbsent(z.int())",
      tolerant: "tolerant(z.int().optional())",
    },
    {
      name: "optional, nullable",
      field: field(false, true),
      strict: "z.int().nullable().optional()",
      lenient: "z.int().nullable().optional()",
      tolerant: "tolerant(z.int().nullable().optional())",
    },
    // z.unknown() admits null already: no .nullable() on it.
    {
      name: "required, any JSON value",
      field: field(true, true, true),
      strict: "z.int()",
      lenient: "z.int().default(null)",
      tolerant: "tolerant(z.int())",
    },
    {
      name: "optional, any JSON value",
      field: field(false, true, true),
      strict: "z.int().optional()",
      lenient: "z.int().optional()",
      tolerant: "tolerant(z.int().optional())",
    },
  ])("$name", ({ field, strict, lenient, tolerant }) => {
    const under = (presence: PresencePolicy) => flat(fieldSchema(zod("int"), field, presence));
    expect({ strict: under("strict"), lenient: under("lenient"), tolerant: under("tolerant") }).toEqual({ strict, lenient, tolerant });
  });
});

describe("fieldSchema of another model's schema (a name)", () => {
  // A name is written `z.nullable(Name)`, not `Name.nullable()`: with declared types the method of
  // the model's `z.ZodType<Model>` is zod's generic one, the factory the loose view's (expr.ts).
  it.each<{ name: string; field: FieldShape; strict: string; lenient: string; tolerant: string }>([
    { name: "required", field: field(true, false), strict: "RunSchema", lenient: "RunSchema", tolerant: "tolerant(RunSchema)" },
    {
      name: "required, nullable",
      field: field(true, true),
      strict: "z.nullable(RunSchema)",
      lenient: "z.nullable(RunSchema).default(null)",
      tolerant: "tolerant(z.nullable(RunSchema))",
    },
    {
      name: "optional",
      field: field(false, false),
      strict: "nullAsAbsent(RunSchema)",
      lenient: "nullAsAbsent(RunSchema)",
      tolerant: "tolerant(RunSchema.optional())",
    },
    {
      name: "optional, nullable",
      field: field(false, true),
      strict: "z.nullable(RunSchema).optional()",
      lenient: "z.nullable(RunSchema).optional()",
      tolerant: "tolerant(z.nullable(RunSchema).optional())",
    },
  ])("$name", ({ field, strict, lenient, tolerant }) => {
    const under = (presence: PresencePolicy) => flat(fieldSchema(ident("RunSchema"), field, presence));
    expect({ strict: under("strict"), lenient: under("lenient"), tolerant: under("tolerant") }).toEqual({ strict, lenient, tolerant });
  });
});
