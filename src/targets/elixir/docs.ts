// @moduledoc text in the style of ex_openai: the model's description, then every field with
// required/optional, its typespec, description, allowed values, constraints, default and format.
// Lines are plain Markdown here; the view escapes them for the heredoc.
import { descriptionLines } from "../common/description-lines.js";
import { defaultText, describeConstraints, describeParameter, isInlineEnum, unalias } from "../../ir/query.js";
import type { Docs, EnumMember, EnumModel, Field, Model, TypeExpr, UnionModel, WireValue } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import { atomLiteral } from "./naming.js";
import { flat, type TypeDoc } from "./layout.js";
import { admitsNil, isRawBytes, jsonLiteral, moduleName, typespec, unknownValueTypes, type ElixirTypeContext } from "./types.js";

/** A description as lines: trailing spaces cut, outer blank lines dropped, blank runs collapsed. */
export function textLines(text: string | undefined): string[] {
  return descriptionLines(text);
}

/** The opening paragraph of any model: description (or title), deprecation, default. */
export function modelIntro(m: Model): string[] {
  const lines = textLines(m.docs.description ?? m.docs.title);
  const notes = annotationNotes(m.docs);
  if (m.default !== undefined) notes.push(`Default: ${code(defaultText(m)!)}`);
  return joinParagraphs(lines, ...notes.map((note) => [note]));
}

export interface FieldDoc {
  field: Field;
  /** The struct key, e.g. `end` or `dotted.name`. */
  key: string;
  type: TypeDoc;
  /** The field is a part of a multipart request body (its model is sent as `multipart/form-data`). */
  part?: boolean;
}

/** `## Fields` with one bullet per field. */
export function fieldsSection(
  fields: FieldDoc[],
  extra: { key: string; type: TypeDoc } | undefined,
  presence: PresencePolicy,
  ctx: ElixirTypeContext,
): string[] {
  if (fields.length === 0 && !extra) return [];
  const lines = ["## Fields", ""];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    lines.push(`  * ${code(atomLiteral(f.key))} - ${requirement(f, presence, ctx)} - ${code(flat(f.type))}`);
    const details = fieldDetails(f, ctx);
    for (let j = 0; j < details.length; j++) lines.push(details[j] === "" ? "" : `    ${details[j]}`);
    lines.push("");
  }
  if (extra) {
    lines.push(`  * ${code(atomLiteral(extra.key))} - the keys not declared above - ${code(flat(extra.type))}`);
    lines.push("");
  }
  lines.pop();
  return lines;
}

function requirement(f: FieldDoc, presence: PresencePolicy, ctx: ElixirTypeContext): string {
  if (!f.field.required) return "optional";
  // Tolerant presence: any field may be absent or null, and reads as nil.
  if (presence === "tolerant") return "required by the spec (nil when absent or null)";
  // Lenient presence: a required field that admits null may be absent and reads as nil.
  return presence === "lenient" && admitsNil(f.field.type, ctx) ? "required (nil when absent)" : "required";
}

function fieldDetails(f: FieldDoc, ctx: ElixirTypeContext): string[] {
  const { field } = f;
  const details = textLines(field.docs.description ?? field.docs.title);
  const facts: string[] = [];
  // An operation's parameters model: say where each one is sent, since it is not a JSON body.
  const sent = describeParameter(field.parameter);
  if (sent) facts.push(sent);
  if (f.key !== field.name) facts.push(`JSON key: ${code(JSON.stringify(field.name))}`);
  const allowed = allowedValues(field.type, ctx);
  if (allowed.values.length) {
    const listed = allowed.values.map((v) => code(jsonLiteral(v.value, v.exact))).join(", ");
    // An open enum keeps any other value of its type, so its values are the known ones, not the only ones.
    facts.push(allowed.open ? `Known values: ${listed} (another value is kept as it is)` : `Allowed values: ${listed}`);
  }
  facts.push(...typeFacts(field.type, ctx, f.part === true));
  if (field.default !== undefined) facts.push(`Default: ${code(defaultText(field)!)}`);
  facts.push(...annotationNotes(field.docs));
  // One paragraph each: Markdown would run consecutive lines together.
  return joinParagraphs(details, ...facts.map((fact) => [fact]));
}

/** What a `binary()` holds: raw bytes, not text (the codec would pass any binary). */
function rawBytesFact(part: boolean, items: boolean): string {
  if (part)
    return items
      ? "Each item is the raw bytes of one part (`format: binary`), such as a file's contents."
      : "The raw bytes of the part (`format: binary`), such as a file's contents.";
  return items ? "Each item is raw bytes (`format: binary`), not text." : "Raw bytes (`format: binary`), not text.";
}

/**
 * Format and constraints of a type and of its array items. `part`: the type is a field of a
 * multipart body, whose raw bytes are the part itself.
 */
export function typeFacts(t: TypeExpr, ctx: ElixirTypeContext, part = false): string[] {
  const facts: string[] = [];
  const seen = unalias(t, ctx.models);
  if (isRawBytes(seen)) facts.push(rawBytesFact(part, false));
  else if (seen.kind === "primitive" && seen.format) facts.push(`Format: ${code(seen.format)}`);
  else if (seen.kind === "array" && isRawBytes(unalias(seen.items, ctx.models))) facts.push(rawBytesFact(part, true));
  const constraints = describeConstraints(t.constraints);
  if (constraints.length) facts.push(`Constraints: ${constraints.join(", ")}`);
  if (t.kind === "array") {
    const items = describeConstraints(t.items.constraints);
    if (items.length) facts.push(`Item constraints: ${items.join(", ")}`);
  }
  if (t.kind === "map") {
    const values = describeConstraints(t.values.constraints);
    if (values.length) facts.push(`Value constraints: ${values.join(", ")}`);
  }
  return facts;
}

/**
 * The wire values a field can hold when it is an enum or a literal (through arrays and aliases),
 * and whether other values are kept too (an open enum). `visited` is shared down the walk, so a
 * recursive alias (`Nested = [[Nested]]`) ends.
 */
function allowedValues(
  t: TypeExpr,
  ctx: ElixirTypeContext,
  visited?: Set<string>,
): { values: WireValue[]; open: boolean } {
  // The aliases followed, shared down an array's items against a cycle; made at the first reference only.
  const seen = t.kind === "ref" ? unalias(t, ctx.models, (visited ??= new Set())) : t;
  if (seen.kind === "literal") return { values: [seen], open: false };
  if (seen.kind === "array") return allowedValues(seen.items, ctx, visited);
  if (seen.kind === "ref") {
    const target = ctx.models.get(seen.target);
    if (target?.kind === "enum")
      return { values: target.members, open: ctx.openEnums && unknownValueTypes(target).length > 0 };
  }
  return { values: [], open: false };
}

/** `## Values` of an enum module. */
export function valuesSection(m: EnumModel, term: (member: EnumMember) => string): string[] {
  const lines = ["## Values", ""];
  for (const member of m.members) {
    const t = term(member);
    const wire = jsonLiteral(member.value, member.exact);
    const differs = typeof member.value === "string" && t !== atomLiteral(member.value);
    // The atom is the value; the name the spec gives it (a title, x-enum-varnames) is told here.
    const label = [member.name ?? "", differs ? `JSON ${code(wire)}` : ""].filter(Boolean).join(", ");
    const about = [label, textLines(member.description).join(" ")].filter(Boolean).join(": ");
    lines.push(`  * ${code(t)}${about ? ` - ${about}` : ""}`);
  }
  return lines;
}

/**
 * `## Variants` of a union module: which tag selects which variant, or the order they are tried
 * in; `unknownVariant` is the type an unlisted tag decodes as, when the union keeps it.
 */
export function variantsSection(m: UnionModel, ctx: ElixirTypeContext, unknownVariant?: string): string[] {
  const tag = m.discriminator?.property;
  const lines = ["## Variants", ""];
  const untaggedNote = m.variants.some((v) => !v.tags?.length) ? "; values without it are tried against the other variants in order" : "";
  lines.push(
    tag
      ? `Chosen by the ${code(JSON.stringify(tag))} property of the JSON object${untaggedNote}.`
      : "Tried in this order; the first that decodes wins.",
  );
  lines.push("");
  for (const v of m.variants) {
    const spec = variantLabel(v.type, ctx);
    const tags = v.tags?.length ? ` - ${code(JSON.stringify(tag))} is ${v.tags.map((x) => code(JSON.stringify(x))).join(" or ")}` : "";
    lines.push(`  * ${code(spec)}${tags}`);
  }
  if (unknownVariant && tag)
    lines.push(`  * ${code(unknownVariant)} - any other ${code(JSON.stringify(tag))}: the object as received, written back unchanged`);
  return lines;
}

function variantLabel(t: TypeExpr, ctx: ElixirTypeContext): string {
  if (t.kind === "ref" && !isInlineEnum(ctx.models.get(t.target))) return moduleName(t.target, ctx);
  return typespec(t, ctx);
}

function annotationNotes(docs: Docs): string[] {
  const notes: string[] = [];
  if (docs.deprecated) notes.push("Deprecated.");
  if (docs.readOnly) notes.push("Read-only: sent by the server, not accepted in requests.");
  if (docs.writeOnly) notes.push("Write-only: accepted in requests, never returned.");
  return notes;
}

/** Paragraphs separated by one blank line, empty ones left out. */
export function joinParagraphs(...parts: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.length === 0) continue;
    if (out.length) out.push("");
    out.push(...p);
  }
  return out;
}

/** Inline code in Markdown, with a longer fence when the text holds backticks. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
