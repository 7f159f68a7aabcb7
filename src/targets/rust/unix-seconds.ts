// `types: { unixtime: native }` in Rust: a field holding a Unix timestamp in seconds is a
// `chrono::DateTime<chrono::Utc>` read and written through `chrono::serde::ts_seconds`, or its
// `_option` form for an `Option`. serde applies such a codec to a field only (an attribute), so a
// timestamp elsewhere (inside a list or map, a union variant, an alias) keeps its wire type `i64`.
import { acceptsNull } from "../../ir/query.js";
import type { Field } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import type { RustTypeContext } from "./types.js";
import { optionOf } from "./syntax.js";

const SECONDS = `"chrono::serde::ts_seconds"`;
const SECONDS_OPTION = `"chrono::serde::ts_seconds_option"`;

/**
 * The type and serde items of a timestamp field under `unixtime: native`; undefined for any other
 * field. The presence rules are fieldShape's (types.ts), each with the codec that fits its type:
 * - required: `DateTime<Utc>` with `ts_seconds`;
 * - required, nullable: `Option<DateTime<Utc>>` with `ts_seconds_option`, plus `default` unless
 *   strict (a field with its own codec is not read as `None` when absent without it);
 * - optional (and tolerant's required, not nullable): the same, left out when `None`;
 * - optional and nullable: `Option<Option<DateTime<Utc>>>`, absent `None`, `null` `Some(None)`,
 *   through `serde_support::unix_seconds_present`.
 */
export function unixSecondsShape(f: Field, ctx: RustTypeContext, presence: PresencePolicy): { type: string; serde: string[] } | undefined {
  const t = f.type;
  if (t.kind !== "primitive") return undefined;
  const choice = ctx.mappings?.format(t);
  if (!choice || !("native" in choice) || choice.native !== "unixtime") return undefined;
  ctx.uses.crates.add("chrono");
  const time = "chrono::DateTime<chrono::Utc>";
  const nullable = acceptsNull(t, ctx.models);
  const required = f.required && !(presence === "tolerant" && !nullable);
  if (required && !nullable) return { type: time, serde: [`with = ${SECONDS}`] };
  if (required) return { type: optionOf(time), serde: [...(presence === "strict" ? [] : ["default"]), `with = ${SECONDS_OPTION}`] };
  if (!nullable)
    return { type: optionOf(time), serde: ["default", `with = ${SECONDS_OPTION}`, `skip_serializing_if = "Option::is_none"`] };
  ctx.uses.support.add("unix_seconds_present");
  return {
    type: presentTimestamp(time),
    serde: ["default", `with = "crate::serde_support::unix_seconds_present"`, `skip_serializing_if = "Option::is_none"`],
  };
}

/**
 * An optional timestamp that may be null: absent `None`, `null` `Some(None)`. The field's type and
 * the signatures of `serde_support::unix_seconds_present`, which reads and writes it, are one type.
 */
export function presentTimestamp(time: string): string {
  return optionOf(optionOf(time));
}
