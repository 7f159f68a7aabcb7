// JSDoc text for models and fields: description, then tags for default, format, constraints and
// deprecation (openai-node style), all plain lines the layout wraps in a comment block.
import type { Constraints, Docs, JsonValue, TypeExpr } from "../../ir/types.js";

export function docText(docs: Docs, extra: { type?: TypeExpr; default?: JsonValue; int64?: "number" | "bigint" } = {}): string[] {
  const lines: string[] = [];
  const description = docs.description ?? docs.title;
  if (description) lines.push(...commentSafe(description));
  const tags: string[] = [];
  const t = extra.type;
  if (t) {
    const format = t.kind === "primitive" ? t.format : undefined;
    if (format) tags.push(`@format ${format}${(format === "int64" || format === "uint64") && extra.int64 !== "bigint" ? " (a JS number: exact up to 2^53)" : ""}`);
    tags.push(...constraintTags(t.constraints));
    if (t.kind === "array") tags.push(...constraintTags(t.items.constraints).map((tag) => tag.replace("@", "@items.")));
  }
  if (extra.default !== undefined) tags.push(`@default ${commentSafe(JSON.stringify(extra.default)).join(" ")}`);
  if (docs.readOnly) tags.push("@readOnly");
  if (docs.writeOnly) tags.push("@writeOnly");
  if (docs.deprecated) tags.push("@deprecated");
  if (tags.length && lines.length) lines.push("");
  lines.push(...tags);
  return lines;
}

function constraintTags(c: Constraints | undefined): string[] {
  if (!c) return [];
  return Object.entries(c).map(([k, v]) => `@${k} ${typeof v === "string" ? commentSafe(v).join(" ") : String(v)}`);
}

/** Lines safe inside a block comment: no `*\/`, no trailing spaces. */
export function commentSafe(text: string): string[] {
  const lines = text.replace(/\*\//g, "*\\/").replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/\s+$/, ""));
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  while (lines.length && lines[0] === "") lines.shift();
  // Collapse runs of blank lines: one blank line reads the same.
  return lines.filter((l, i) => !(l === "" && lines[i - 1] === ""));
}
