// Scaladoc in the style of zio-openai: the model's description, then `@param` for every field with
// its description and the facts a caller needs (JSON key, presence, format, constraints, default).
import { descriptionLines } from "../common/description-lines.js";
import { defaultText, describeConstraints, describeParameter, unalias, type ModelIndex } from "../../ir/query.js";
import type { Docs, JsonValue, Model, ParameterLocation, TypeExpr } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import { isBinary, type Presence } from "./types.js";

/** Text as comment lines: no comment openers or closers (Scala comments nest), no tag at a line start. */
export function textLines(text: string | undefined): string[] {
  const lines = descriptionLines(text);
  if (!text || !(text.includes("*/") || text.includes("/*") || text.includes("@"))) return lines;
  return lines.map((l) => l.replace(/\*\//g, "*&#47;").replace(/\/\*/g, "/&#42;").replace(/^(\s*)@/, "$1&#64;"));
}

/** Text in backticks (a backtick inside becomes a quote). */
export const inlineCode = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** Deprecated / read-only / write-only as sentences. */
function annotations(docs: Docs): string[] {
  const out: string[] = [];
  if (docs.deprecated) out.push("Deprecated.");
  if (docs.readOnly) out.push("Read-only: sent by the server only.");
  if (docs.writeOnly) out.push("Write-only: sent by the client only.");
  return out;
}

/** The default as the spec wrote it (its digits beyond 2^53 kept: defaultText in ir/query.ts). */
function defaultNote(holder: { default?: JsonValue; defaultExact?: string }): string[] {
  const text = defaultText(holder);
  return text === undefined ? [] : [`Default: ${inlineCode(text)}.`];
}

/**
 * What bytes (`format: binary`) hold: in a multipart body, the content of the part (a file);
 * anywhere else just bytes. Either way their JSON form is base64 (see `JsonSupport.bytes`).
 */
export function bytesNote(multipart: boolean, items: boolean): string {
  const what = multipart
    ? items
      ? "each item is the raw bytes of one file of this multipart part"
      : "the raw bytes of this multipart part (a file's content)"
    : items
      ? "each item is raw bytes"
      : "raw bytes";
  return `Format: binary: ${what}; base64 when written as JSON.`;
}

/** Format and constraints of a type (through aliases) and of its array items; `multipart` when it is a part of a multipart body. */
function typeFacts(t: TypeExpr, models: ModelIndex, multipart = false): string[] {
  const facts: string[] = [];
  const seen = unalias(t, models);
  if (isBinary(seen)) facts.push(bytesNote(multipart, false));
  else if (seen.kind === "array" && isBinary(unalias(seen.items, models))) facts.push(bytesNote(multipart, true));
  else if (seen.kind === "primitive" && seen.format) facts.push(`Format: ${seen.format}.`);
  const constraints = describeConstraints(t.constraints);
  if (constraints.length) facts.push(`Constraints: ${constraints.join(", ")}.`);
  if (t.kind === "array") {
    const items = describeConstraints(t.items.constraints);
    if (items.length) facts.push(`Items: ${items.join(", ")}.`);
  }
  return facts;
}

/** The model's own paragraph: description (or title), annotations, default. */
export function modelDoc(m: Model, extra: string[] = []): string[] {
  const lines = textLines(m.docs.description ?? m.docs.title);
  const notes = [...annotations(m.docs), ...defaultNote(m)];
  if (notes.length) lines.push(...(lines.length ? [""] : []), notes.join(" "));
  if (extra.length) lines.push(...(lines.length ? [""] : []), ...extra);
  return lines;
}

function presenceNote(presence: Presence, policy: PresencePolicy, tolerated: boolean): string {
  switch (presence) {
    case "required":
      return "";
    case "requiredNullable":
      return policy === "strict" ? "Required, may be null (`None`)." : "Required, may be null (`None`); absent reads as `None`.";
    case "requiredJson":
      return policy === "strict" ? "Required, any JSON value." : "Required, any JSON value; absent reads as `Json.Null`.";
    case "optional":
      // Tolerant presence: the spec requires it, the model does not insist.
      return tolerated
        ? "Required by the spec; `None` when absent or null (tolerant presence), left out when written."
        : "Optional: `None` when absent.";
    case "optionalNullable":
      return "Optional and nullable: `Nullable.Absent`, `Nullable.Null` or `Nullable.Present`.";
    case "optionalJson":
      return tolerated
        ? "Required by the spec, any JSON value; `None` when absent (tolerant presence), `Some(Json.Null)` for null."
        : "Optional: `None` when absent, `Some(Json.Null)` for null.";
  }
}

export interface FieldDocInput {
  identifier: string;
  wire: string;
  docs: Docs;
  type: TypeExpr;
  default?: JsonValue;
  defaultExact?: string;
  presence: Presence;
  /** Required by the spec, read as optional under tolerant presence. */
  tolerated?: boolean;
  /** For a field of an operation's parameters model: where the parameter is sent. */
  parameter?: ParameterLocation;
  /** The field is a part of a multipart request body. */
  multipart?: boolean;
}

/**
 * `@param name description` with the facts on the lines below it, appended to `out` (returned).
 * Written with plain pushes: it runs for every field of every case class.
 */
export function paramDoc(f: FieldDocInput, models: ModelIndex, policy: PresencePolicy, out: string[] = []): string[] {
  const text = textLines(f.docs.description ?? f.docs.title);
  const facts: string[] = [];
  const fact = (s: string) => {
    if (s !== "") facts.push(s);
  };
  if (f.parameter) fact(describeParameter(f.parameter)!);
  // A parameter's wire name is its name in the request (and its key in the model's JSON form).
  if (f.identifier !== f.wire) fact(f.parameter ? `Name: ${inlineCode(f.wire)}.` : `JSON key: ${inlineCode(f.wire)}.`);
  fact(presenceNote(f.presence, policy, f.tolerated ?? false));
  typeFacts(f.type, models, f.multipart).forEach(fact);
  defaultNote(f).forEach(fact);
  annotations(f.docs).forEach(fact);
  // The description's non-blank lines, then the facts as one line: the first on the `@param` line.
  let first = true;
  const line = (l: string) => {
    if (first) out.push(`@param ${f.identifier} ${l}`.trimEnd());
    else out.push(`  ${l}`);
    first = false;
  };
  for (let i = 0; i < text.length; i++) if (text[i] !== "") line(text[i]!);
  if (facts.length) line(facts.join(" "));
  if (first) line("");
  return out;
}

/**
 * A scaladoc block at an indent, or nothing for no lines. Every line is made safe here, whatever
 * spec text it quotes (a value, a default, a pattern): a star-slash would end the comment early
 * and a slash-star would open a nested one (Scala comments nest).
 */
export function docBlock(indent: string, raw: string[]): string[] {
  if (raw.length === 0) return [];
  // Most lines hold neither: they are not run through the two replacements.
  const lines = raw.map((l) => (l.includes("*/") || l.includes("/*") ? l.replace(/\*\//g, "*&#47;").replace(/\/\*/g, "/&#42;") : l));
  if (lines.length === 1 && !lines[0]!.startsWith("@")) return [`${indent}/** ${lines[0]} */`];
  // Pushed, not spread into an array literal (which steps through the iterator protocol in V8's interpreter): a block per model and field.
  const out = [`${indent}/**`];
  for (let i = 0; i < lines.length; i++) out.push(lines[i] === "" ? `${indent} *` : `${indent} * ${lines[i]}`);
  out.push(`${indent} */`);
  return out;
}
