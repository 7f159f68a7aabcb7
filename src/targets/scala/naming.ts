// Scala naming in the style of zio-openai: PascalCase types, hoisted models nested in their
// parent's companion (`Run.LastError`), camelCase fields, PascalCase case objects for enum values.
// Keywords become backticked identifiers; names that would clash get a suffix.
import { UsageError } from "../../common/errors.js";
import type { NamingRules } from "../../naming/assign.js";
import { camelCase, pascalCase, splitWords } from "../../naming/words.js";
import { quotedString } from "../common/quoted-string.js";
import { isWindowsDeviceName } from "../common/windows-names.js";
import { inIntegerRange } from "../../ir/query.js";
import {
  SCALA_KEYWORDS,
  SCALA_RESERVED_FIELD_NAMES,
  SCALA_RESERVED_MEMBER_NAMES,
  SCALA_RESERVED_TYPE_NAMES,
  SCALA_SOFT_KEYWORDS,
} from "./reserved.js";

/**
 * A type, variant or case object name: PascalCase, `Value` before a leading digit (`1` -> `Value1`,
 * `2024-05-13` -> `Value20240513`). Not `_1`: a case object is matched by name, and Scala reads a
 * name that starts with `_` or a lower-case letter in a pattern as a fresh variable, not the object.
 */
export function typeName(words: readonly string[]): string {
  const name = pascalCase(words);
  return /^[0-9]/.test(name) ? `Value${name}` : name;
}

/** A field name: camelCase of the wire name's words; one that starts with a digit is backticked. */
export function fieldName(wire: string): string {
  const name = camelCase(splitWords(wire));
  return /^[0-9]/.test(name) ? `\`${name}\`` : name;
}

/** A case object's name, from the name the spec gives a value (a title, `x-enum-varnames`) or from the value itself. */
export function memberName(value: string | number | boolean): string {
  return typeName(splitWords(String(value)));
}

/** Keywords are backticked (`type` -> `` `type` ``); other reserved names get a suffix. */
export function escapeReserved(candidate: string, kind: "type" | "field" | "member"): string {
  if (kind === "field") {
    return SCALA_KEYWORDS.has(candidate) || SCALA_SOFT_KEYWORDS.has(candidate) ? `\`${candidate}\`` : `${candidate}Field`;
  }
  return `${candidate}Value`;
}

export const scalaNamingRules: NamingRules = {
  typeName,
  nestTypes: true,
  reservedTypeNames: SCALA_RESERVED_TYPE_NAMES,
  fieldName,
  reservedFieldNames: SCALA_RESERVED_FIELD_NAMES,
  memberName,
  reservedMemberNames: SCALA_RESERVED_MEMBER_NAMES,
  escapeReserved,
  // A case object is a class file (`Order$Asc$.class`): Google's `FIELD_OFFICER` and `FIELDOFFICER`
  // (`FieldOfficer`, `Fieldofficer`) would overwrite each other on a case-folding file system, which
  // the compiler reports, so members that differ only in case are told apart as equal names are.
  caseInsensitiveMembers: true,
};

/** An identifier as written in prose (scaladoc `@param`): without backticks. */
export function plainName(identifier: string): string {
  return identifier.replace(/^`(.*)`$/, "$1");
}

/** A Scala string literal in double quotes (`\u007f`). Escapes keep every wire value exact, `$` needs none. */
export function scalaString(value: string): string {
  return quotedString(value, (code) => `\\u${code.toString(16).padStart(4, "0")}`);
}

/**
 * A number as a Scala literal: `12L` for integers (every integer model type is 64-bit), else a
 * Double (`1e+21` too). An integer beyond 2^53 is a Long only with the spec's digits (`exact`):
 * without them it is the double it was read as (9223372036854775807 reads as 9223372036854775808,
 * one past Long's largest), and so is one beyond Long's range (isLongValue).
 */
export function scalaNumber(value: number, exact?: string): string {
  if (isLongValue(value, exact)) return `${exact ?? String(value)}L`;
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/**
 * An integer a Long literal spells exactly: within 2^53, or the spec's digits of a larger one
 * (`exact`: LiteralType.exact, EnumMember.exact) within Long's range; any other was read as the
 * nearest double.
 */
export function isLongValue(value: number, exact?: string): boolean {
  return exact === undefined ? Number.isSafeInteger(value) : inIntegerRange(BigInt(exact), "int64");
}

const SEGMENT = /^[a-z_][a-z0-9_]*$/;

/**
 * The package of the generated files: the `package` option, else the spec title's words joined
 * in lower case plus `.models` ("Runs API" -> `runsapi.models`).
 */
export function packageName(option: unknown, title: string | undefined): string {
  if (option !== undefined) {
    const segments = typeof option === "string" ? option.split(".") : [];
    const bad = segments.length === 0 || segments.some((s) => !SEGMENT.test(s) || SCALA_KEYWORDS.has(s) || SCALA_SOFT_KEYWORDS.has(s));
    if (bad)
      throw new UsageError(
        `scala: package must be dot-separated lower-case identifiers such as "acme.models", not ${JSON.stringify(option)}`,
      );
    return option as string;
  }
  const head = splitWords(title ?? "api").join("").toLowerCase();
  // The package is a folder too: not one Windows reserves (a spec titled "Aux").
  const usable = /^[a-z]/.test(head) && !SCALA_KEYWORDS.has(head) && !SCALA_SOFT_KEYWORDS.has(head) && !isWindowsDeviceName(head);
  const safe = usable ? head : `api${head}`;
  return `${safe}.models`;
}
