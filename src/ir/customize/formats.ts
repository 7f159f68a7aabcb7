// The string and integer formats a setting can map to a language's own types (`types:` in the
// settings): which one a primitive carries is decided here, once, so every target agrees.
import type { PrimitiveType } from "../types.js";
import { isUnixTime } from "../query.js";

export const MAPPABLE_FORMATS = ["date-time", "date", "unixtime", "uuid"] as const;
export type MappableFormat = (typeof MAPPABLE_FORMATS)[number];

/**
 * The mappable format of a primitive, if any: `date-time`, `date` and `uuid` strings, and Unix
 * timestamps in seconds (`format: unixtime` or `unix-time`, or an integer the spec describes as a
 * Unix timestamp). Only integer timestamps: a `number` one (OpenAI's Response.created_at) may carry
 * fractional seconds, which a whole-second date-time would drop, so it keeps its wire type.
 */
export function mappableFormat(t: Pick<PrimitiveType, "type" | "format">): MappableFormat | undefined {
  if (t.type === "string" && (t.format === "date-time" || t.format === "date" || t.format === "uuid")) return t.format;
  if (t.type === "integer" && isUnixTime(t.format)) return "unixtime";
  return undefined;
}
