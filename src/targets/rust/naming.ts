// Rust naming: PascalCase types and enum variants, snake_case fields and module files. Every
// hoisted model is a top-level type named with all its words (`RunLastError`): Rust has no nested
// types, and modules per parent would make every path longer than the name.
import type { NamingRules } from "../../naming/assign.js";
import { pascalCase, snakeCase, splitWords } from "../../naming/words.js";
import { NOT_RAW, RUST_KEYWORDS, RUST_RESERVED_MEMBER_NAMES, RUST_RESERVED_TYPE_NAMES } from "./reserved.js";

/** A PascalCase identifier; `prefix` goes in front when it would start with a digit. */
function pascalIdentifier(words: readonly string[], prefix: string): string {
  const name = pascalCase(words);
  return /^[0-9]/.test(name) ? `${prefix}${name}` : name;
}

export function typeName(words: readonly string[]): string {
  return pascalIdentifier(words, "Model");
}

/** Enum variant (and literal type) name of a wire value: `in_progress` -> `InProgress`, `1` -> `Value1`. */
export function memberName(value: string | number | boolean): string {
  return pascalIdentifier(splitWords(String(value)), "Value");
}

/** `createdAt` -> `created_at`; `9lives` -> `_9lives` (an identifier cannot start with a digit). */
export function fieldName(wire: string): string {
  const name = snakeCase(splitWords(wire));
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * Keywords become raw identifiers (`r#type`), except the few that cannot be raw (`self`, `super`,
 * `crate`), which take a trailing underscore. Type and variant names that are taken get `Value`
 * appended: a schema named `String` becomes `StringValue`, the wire value `unknown` of an open
 * enum becomes `UnknownValue` beside the fallback variant `Unknown`.
 */
export function escapeReserved(candidate: string, kind: "type" | "field" | "member"): string {
  if (kind === "field") return NOT_RAW.has(candidate) ? `${candidate}_` : `r#${candidate}`;
  return `${candidate}Value`;
}

export const rustNamingRules: NamingRules = {
  typeName,
  nestTypes: false,
  reservedTypeNames: RUST_RESERVED_TYPE_NAMES,
  fieldName,
  // Field names that are keywords are escaped as `r#type`, or `self_` where raw is impossible.
  reservedFieldNames: RUST_KEYWORDS,
  memberName,
  reservedMemberNames: RUST_RESERVED_MEMBER_NAMES,
  escapeReserved,
};

/** The identifier as serde sees it: serde strips `r#`, so `r#type` needs no rename. */
export function serdeName(identifier: string): string {
  return identifier.startsWith("r#") ? identifier.slice(2) : identifier;
}

/**
 * Module (and file) name of a type: `RunStep` -> `run_step`. Type names are unique ignoring case,
 * so module names are unique too; a keyword module is raw (`r#type` lives in `type.rs`).
 */
export function moduleName(typeName: string): { ident: string; file: string } {
  const file = snakeCase(splitWords(typeName));
  if (NOT_RAW.has(file)) throw new Error(`rust: type name ${typeName} makes the module name ${file}, which cannot be raw`);
  return { ident: moduleIdent(file), file };
}

/** The identifier of the module in `<file>.rs` (`moduleName`'s file): a keyword module is raw. */
export function moduleIdent(file: string): string {
  return RUST_KEYWORDS.has(file) ? `r#${file}` : file;
}

/** Crate name from the spec title: `Runs API` -> `runs_api`. */
export function crateName(title: string | undefined): string {
  const name = snakeCase(splitWords(title ?? "models"));
  return /^[a-z]/.test(name) ? name : `api_${name}`;
}
