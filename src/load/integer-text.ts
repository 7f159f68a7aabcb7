// The digits a spec wrote for an integer that a double does not hold exactly (beyond 2^53, such as
// int64's bounds: `maximum: 9223372036854775807`). Every reader (the block YAML reader, js-yaml,
// JSON.parse) gives the nearest double, whose shortest spelling is another number
// (9223372036854776000, above int64's largest). The digits are read back from the text where the
// value was written, and only for such a value: a spec without one pays nothing.
import { keySpellings } from "./yaml-outline.js";

/** A double that is an integer but not a safe one: its spelling may not be the one written. */
export function isInexactInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value);
}

/**
 * The decimal integer written as the value of `key`, whose spelling starts at `at` in `text`
 * (`key: 123`, `"key": 123`, `'key': 123`), when it reads as `value`; without a leading `+`. Undefined
 * when anything else is written there (another key, a value on the next line, a tag, an exponent,
 * digits that are not `value`): the caller keeps the double.
 */
export function integerTextAt(text: string, at: number, key: string, value: number): string | undefined {
  const form = keySpellings(key).find((f) => text.startsWith(f, at));
  if (form === undefined) return undefined;
  const i = skipBlanks(text, at + form.length);
  if (text[i] !== ":") return undefined;
  INTEGER.lastIndex = skipBlanks(text, i + 1);
  const m = INTEGER.exec(text);
  if (!m) return undefined;
  const digits = `${m[1] === "-" ? "-" : ""}${m[2]}`;
  return Number(digits) === value ? digits : undefined;
}

/** A sign, then digits with no leading zero, ended by a blank, a line break, `,`, `}`, `]`, a comment or the text's end. */
const INTEGER = /([+-]?)(0|[1-9][0-9]*)(?=[\s,}\]#]|$)/y;

function skipBlanks(text: string, i: number): number {
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}
