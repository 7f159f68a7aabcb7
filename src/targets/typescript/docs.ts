// JSDoc text for models and fields: description, where an operation parameter is sent, then tags
// for default, format, constraints and deprecation (openai-node style), all plain lines the
// layout wraps in a comment block.
import { descriptionLines } from "../common/description-lines.js";
import { boundText, describeParameter, isNumericBound } from "../../ir/query.js";
import type { Constraints, Docs, EnumMember, ParameterLocation, TypeExpr } from "../../ir/types.js";
import { BINARY_TYPE } from "./uploads.js";
import { literal } from "./types.js";

export interface DocExtras {
  type?: TypeExpr;
  /** The default as JSON text, with the spec's digits (defaultText in ir/query.ts). */
  default?: string;
  int64?: "number" | "bigint";
  /** For a field of an `<Op>Params` model: where the parameter is sent. */
  parameter?: ParameterLocation;
  /** A part of a multipart body, where a binary string is an upload. */
  upload?: boolean;
  /** An enum's members: the names and descriptions the spec gives values have no other place in a literal union. */
  members?: EnumMember[];
}

export function docText(docs: Docs, extra: DocExtras = {}): string[] {
  const lines: string[] = [];
  const description = docs.description ?? docs.title;
  if (description) lines.push(...commentSafe(description));
  // Its own paragraph: the model flattens path, query, header and cookie parameters into one
  // object, so this line is the only place that says how each is sent.
  const where = describeParameter(extra.parameter);
  if (where) lines.push(...(lines.length ? [""] : []), where);
  const values = memberLines(extra.members ?? []);
  if (values.length) lines.push(...(lines.length ? [""] : []), ...values);
  const tags: string[] = [];
  const t = extra.type;
  if (t) {
    const format = t.kind === "primitive" ? t.format : undefined;
    if (format) tags.push(`@format ${format}${formatNote(format, extra)}`);
    tags.push(...constraintTags(t.constraints));
    if (t.kind === "array") tags.push(...constraintTags(t.items.constraints).map((tag) => tag.replace("@", "@items.")));
  }
  if (extra.default !== undefined) tags.push(`@default ${commentSafe(extra.default).join(" ")}`);
  if (docs.readOnly) tags.push("@readOnly");
  if (docs.writeOnly) tags.push("@writeOnly");
  if (docs.deprecated) tags.push("@deprecated");
  if (tags.length && lines.length) lines.push("");
  lines.push(...tags);
  return lines;
}

/**
 * One line per value, `` - `1` ALPHA: The first level. ``, when the spec names or describes any
 * of them (a const branch's title, x-enum-varnames, x-enum-descriptions); nothing otherwise.
 */
function memberLines(members: readonly EnumMember[]): string[] {
  if (!members.some((m) => m.name !== undefined || m.description !== undefined)) return [];
  return members.map((m) => {
    const value = `- \`${commentSafe(literal(m.value)).join(" ")}\``;
    const name = m.name !== undefined ? ` ${commentSafe(m.name).join(" ")}` : "";
    const description = m.description !== undefined ? `: ${commentSafe(m.description).join(" ")}` : "";
    return value + name + description;
  });
}

/** What the TypeScript type makes of a format the reader might not expect. */
function formatNote(format: string, extra: DocExtras): string {
  if ((format === "int64" || format === "uint64") && extra.int64 !== "bigint") return " (a JS number: exact up to 2^53)";
  if (format === "binary" && extra.upload) return ` (a file part: a ${BINARY_TYPE}, such as a File)`;
  return "";
}

/** `@minimum 0` and the like, in the IR's order; a bound a double does not hold exactly with the spec's digits. */
function constraintTags(c: Constraints | undefined): string[] {
  if (!c) return [];
  const tags: string[] = [];
  for (const [k, v] of Object.entries(c)) {
    if (k === "exact") continue;
    const written = typeof v === "number" && isNumericBound(k) ? boundText(c, k) : undefined;
    tags.push(`@${k} ${typeof v === "string" ? commentSafe(v).join(" ") : (written ?? String(v))}`);
  }
  return tags;
}

/** Lines safe inside a block comment: no `*\/`, no trailing spaces. */
export function commentSafe(text: string): string[] {
  const lines = descriptionLines(text);
  return text.includes("*/") ? lines.map((l) => l.replace(/\*\//g, "*\\/")) : lines;
}
