// How a field's schema says absent and null, per presence policy, so that it parses what the
// other languages decode and its output type is the interface's property:
//
// | field                  | strict                    | lenient                      | tolerant        |
// |------------------------|---------------------------|------------------------------|-----------------|
// | required               | `T`                       | `T`                          | `tolerant(T)`   |
// | required, nullable     | `T.nullable()`            | `T.nullable().default(null)` | `tolerant(...)` |
// | optional               | `nullAsAbsent(T)`         | `nullAsAbsent(T)`            | `tolerant(...)` |
// | optional and nullable  | `T.nullable().optional()` | `T.nullable().optional()`    | `tolerant(...)` |
//
// The policies differ only on absent required fields, as in every language: lenient reads an
// absent required nullable field as null (and writes it back as null; `.default(null)` keeps the
// property required in the output type), strict rejects it, tolerant accepts absent and null
// everywhere at run time (`tolerant` wraps the declared schema and keeps its type). Under all of
// them a null in an optional field that does not admit null reads as absent (`nullAsAbsent`,
// typed as `T.optional()`), as Rust's, Scala's and Elixir's models read it; an optional nullable
// field keeps absent (no key) apart from null.
import type { PresencePolicy } from "../../target.js";
import { helper, method, nullable, text, type ZodExpr } from "./expr.js";

export interface FieldShape {
  required: boolean;
  /** The field admits null (`T | null`, or any JSON value). */
  nullable: boolean;
  /** The field's type is any JSON value (`z.unknown()`), which already admits null. */
  unknown: boolean;
}

export function fieldSchema(base: ZodExpr, field: FieldShape, presence: PresencePolicy): ZodExpr {
  const declared = strictForm(base, field);
  if (presence === "tolerant") return helper("tolerant", declared);
  if (presence === "lenient" && field.required && field.nullable) return method(declared, "default", text("null"));
  if (!field.required && !field.nullable) return helper("nullAsAbsent", base);
  return declared;
}

/** The field exactly as the spec says: null where it admits null, absent where it is optional. */
function strictForm(base: ZodExpr, field: FieldShape): ZodExpr {
  const withNull = field.nullable && !field.unknown ? nullable(base) : base;
  return field.required ? withNull : method(withNull, "optional");
}
