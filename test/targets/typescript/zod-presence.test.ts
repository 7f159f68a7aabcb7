// How a field's zod schema says absent and null under each presence policy: the table in
// src/targets/typescript/zod/presence.ts, cell by cell, for a field whose schema is `T`.
import { describe, expect, it } from "vitest";
import { fieldSchema, type FieldShape } from "../../../src/targets/typescript/zod/presence.js";
import { ident } from "../../../src/targets/typescript/zod/expr.js";
import { flat } from "../../../src/targets/typescript/zod/print.js";
import type { PresencePolicy } from "../../../src/targets/target.js";

const field = (required: boolean, nullable: boolean, unknown = false): FieldShape => ({ required, nullable, unknown });

describe("fieldSchema", () => {
  it.each<{ name: string; field: FieldShape; strict: string; lenient: string; tolerant: string }>([
    { name: "required", field: field(true, false), strict: "T", lenient: "T", tolerant: "tolerant(T)" },
    {
      name: "required, nullable",
      field: field(true, true),
      strict: "T.nullable()",
      lenient: "T.nullable().default(null)",
      tolerant: "tolerant(T.nullable())",
    },
    { name: "optional", field: field(false, false), strict: "nullAsAbsent(T)", lenient: "nullAsAbsent(T)", tolerant: "tolerant(T.optional())" },
    {
      name: "optional, nullable",
      field: field(false, true),
      strict: "T.nullable().optional()",
      lenient: "T.nullable().optional()",
      tolerant: "tolerant(T.nullable().optional())",
    },
    // z.unknown() admits null already: no .nullable() on it.
    { name: "required, any JSON value", field: field(true, true, true), strict: "T", lenient: "T.default(null)", tolerant: "tolerant(T)" },
    { name: "optional, any JSON value", field: field(false, true, true), strict: "T.optional()", lenient: "T.optional()", tolerant: "tolerant(T.optional())" },
  ])("$name", ({ field, strict, lenient, tolerant }) => {
    const under = (presence: PresencePolicy) => flat(fieldSchema(ident("T"), field, presence));
    expect({ strict: under("strict"), lenient: under("lenient"), tolerant: under("tolerant") }).toEqual({ strict, lenient, tolerant });
  });
});
