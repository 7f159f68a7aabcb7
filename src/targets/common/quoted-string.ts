// Double-quoted string literals in the languages whose escapes are C-like (Rust, Scala), so every
// wire value (a tag, an enum value, a field name) comes back exact from the source.

/**
 * `"..."` with `\`, `"`, newline, return and tab escaped, and the other control characters, DEL
 * and the line and paragraph separators (which some tools read as line breaks) written by
 * `unicodeEscape`, the language's spelling of a code point escape.
 */
export function quotedString(value: string, unicodeEscape: (code: number) => string): string {
  // Most values (tags, enum values, field names) need no escape: no walk, no string built per character.
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += unicodeEscape(code);
    else out += ch;
  }
  return `${out}"`;
}

/** Any character the loop above would not copy as it is. */
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f\u2028\u2029]/;
