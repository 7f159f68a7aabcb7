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

/**
 * The digits written for each item of a sequence (an `enum`) that is an integer a double does not
 * hold exactly; `at` is where the sequence starts (its `[`, or its first item's `-`). An item is read
 * only when every item before it is a scalar on its own: past a nested container, or an item running
 * onto more lines, the rest are left undefined (the caller keeps their doubles).
 */
export function integerItemsAt(text: string, at: number, values: readonly unknown[]): (string | undefined)[] {
  const items = text[at] === "[" ? flowItems(text, at + 1) : text[at] === "-" ? blockItems(text, at) : [];
  return values.map((value, i) => {
    const item = items[i];
    if (item === undefined || !isInexactInteger(value)) return undefined;
    INTEGER.lastIndex = item;
    const m = INTEGER.exec(text);
    const digits = m ? `${m[1] === "-" ? "-" : ""}${m[2]}` : undefined;
    return digits !== undefined && Number(digits) === value ? digits : undefined;
  });
}

/** Where each scalar item of a flow sequence starts (`[1, "a", 2]`), `from` just past its `[`. */
function flowItems(text: string, from: number): number[] {
  const starts: number[] = [];
  for (let i = skipSpace(text, from); text[i] !== "]"; ) {
    const c = text[i];
    // A nested container (or the text's end): the items after it are not read.
    if (c === undefined || c === "[" || c === "{") return starts;
    starts.push(i);
    i = skipSpace(text, c === '"' || c === "'" ? quotedEnd(text, i) : plainEnd(text, i));
    if (text[i] === ",") i = skipSpace(text, i + 1);
    else if (text[i] !== "]") return starts;
  }
  return starts;
}

/**
 * Where each item of a block sequence starts (`- 1` lines), `at` at its first `-`: the items are
 * the lines with a `-` in that column, comments and blank lines between them skipped.
 */
function blockItems(text: string, at: number): number[] {
  const column = at - (text.lastIndexOf("\n", at - 1) + 1);
  const starts: number[] = [];
  for (let dash = at; ; ) {
    if (!/^-(?:[ \t]|\r?\n|$)/.test(text.slice(dash, dash + 3))) return starts;
    starts.push(skipBlanks(text, dash + 1));
    let line = text.indexOf("\n", dash);
    // The next line that is not blank nor a comment.
    for (;;) {
      if (line < 0) return starts;
      const first = skipBlanks(text, line + 1);
      if (text[first] !== "\n" && text[first] !== "\r" && text[first] !== "#" && first < text.length) {
        // Indented deeper: this item runs on (a nested container, a scalar of several lines).
        if (first - (line + 1) !== column) {
          if (first - (line + 1) > column) starts.pop();
          return starts;
        }
        dash = first;
        break;
      }
      line = text.indexOf("\n", first);
    }
  }
}

/** Just past the quoted scalar starting at `i` (`"..."` with `\\` escapes, `'...'` with `''`). */
function quotedEnd(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\" && quote === '"') j++;
    else if (text[j] === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return text.length;
}

/** Where a plain scalar in a flow sequence ends: at `,`, `]`, a line break or a comment. */
function plainEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && text[j] !== "," && text[j] !== "]" && text[j] !== "\n" && !(text[j] === "#" && /\s/.test(text[j - 1]!))) j++;
  return j;
}

/** Past blanks, line breaks and comments (in a flow sequence). */
function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
    else if (c === "#") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else return i;
  }
}

/** A sign, then digits with no leading zero, ended by a blank, a line break, `,`, `}`, `]`, a comment or the text's end. */
const INTEGER = /([+-]?)(0|[1-9][0-9]*)(?=[\s,}\]#]|$)/y;

function skipBlanks(text: string, i: number): number {
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}
