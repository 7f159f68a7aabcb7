// `///` doc comments for models, fields and variants: the description, then notes on where a
// parameter is sent, format, constraints, default and deprecation, as async-openai writes them
// but with the facts the spec gives. Deprecation is a note, not `#[deprecated]`: the crate's own
// derives would trip over it and warnings are errors in the compile checks users run too.
import { describeConstraints, describeParameter } from "../../ir/query.js";
import type { Docs, ParameterLocation, TypeExpr } from "../../ir/types.js";
import { docLines } from "./syntax.js";
import { isBinary } from "./types.js";

export interface DocExtras {
  type?: TypeExpr;
  /** The default as JSON text, with the spec's digits (defaultText in ir/query.ts). */
  default?: string;
  /** For a field of an operation's parameters: where the parameter is sent. */
  parameter?: ParameterLocation;
}

// `Vec<u8>` says bytes but not which: the notes say they are the part itself, not text or base64.
const BINARY_NOTE = "The raw bytes of the part (`format: binary`).";
const BINARY_ITEMS_NOTE = "Each item: the raw bytes of a part (`format: binary`).";

/** Full comment lines (`/// text`, `///` for a blank line), without indentation. */
export function docComment(docs: Docs, extras: DocExtras = {}): string[] {
  const body = docLines(docs.description ?? docs.title ?? "");
  const notes: string[] = [];
  const where = describeParameter(extras.parameter);
  if (where) notes.push(where);
  const t = extras.type;
  if (t) {
    if (t.kind === "primitive" && isBinary(t)) notes.push(BINARY_NOTE);
    else if (t.kind === "primitive" && t.format) notes.push(`Format: \`${t.format}\`.`);
    const constraints = describeConstraints(t.constraints);
    if (constraints.length) notes.push(`Constraints: ${constraints.join(", ")}.`);
    if (t.kind === "array") {
      if (t.items.kind === "primitive" && isBinary(t.items)) notes.push(BINARY_ITEMS_NOTE);
      const items = describeConstraints(t.items.constraints);
      if (items.length) notes.push(`Each item: ${items.join(", ")}.`);
    }
    if (t.kind === "map") {
      const values = describeConstraints(t.values.constraints);
      if (values.length) notes.push(`Each value: ${values.join(", ")}.`);
    }
  }
  if (extras.default !== undefined) notes.push(`Default: \`${extras.default}\`.`);
  if (docs.readOnly) notes.push("Read-only: sent by the server, not accepted in requests.");
  if (docs.writeOnly) notes.push("Write-only: accepted in requests, never returned.");
  if (docs.deprecated) notes.push("Deprecated.");
  // The description, a blank line, the notes: each line commented as it is written.
  const out: string[] = [];
  const line = (l: string) => out.push(l === "" ? "///" : `/// ${l}`);
  body.forEach(line);
  if (body.length && notes.length) out.push("///");
  notes.forEach(line);
  return out;
}
