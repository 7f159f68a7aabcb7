// TypeScript naming: PascalCase types nested in their parent's namespace (as openai-node does),
// wire names as property names (quoted where they are not identifiers).
import type { NamingRules } from "../../naming/assign.js";
import { pascalCase, splitWords } from "../../naming/words.js";
import { TS_RESERVED_TYPE_NAMES } from "./reserved.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function typeName(words: readonly string[]): string {
  const name = pascalCase(words);
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export const tsNamingRules: NamingRules = {
  typeName,
  nestTypes: true,
  reservedTypeNames: TS_RESERVED_TYPE_NAMES,
  // Properties keep their wire names (the interface is the JSON's shape, so a field rename does
  // not apply); the renderer quotes the ones that are not identifiers.
  fieldName: (wire) => wire,
  fieldsAreWireNames: true,
  reservedFieldNames: new Set(),
  memberName: (value) => typeName(splitWords(String(value))),
  reservedMemberNames: new Set(),
  escapeReserved: (candidate) => `${candidate}Model`,
};

/** A property key as Prettier prints it: bare when it is an identifier, else a quoted string. */
export function propertyKey(wire: string): string {
  return IDENTIFIER.test(wire) ? wire : stringLiteral(wire);
}

/** A string literal with Prettier's quote choice: double quotes unless that needs more escapes. */
export function stringLiteral(value: string): string {
  // Most values (enum values, keys) need no escape and hold no quote: no counting, no replacing.
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  const doubles = (value.match(/"/g) ?? []).length;
  const singles = (value.match(/'/g) ?? []).length;
  const quote = doubles > singles ? "'" : '"';
  const body = value
    .replace(/\\/g, "\\\\")
    .replace(new RegExp(quote, "g"), `\\${quote}`)
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `${quote}${body}${quote}`;
}

/** Any character that escaping changes, or that can change the choice of quote (a `'` alone cannot). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029]/;
