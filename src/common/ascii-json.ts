// JSON text kept in cache files is ASCII: a file of ASCII decodes on V8's fast path (one byte per
// character), where a single character beyond it sends every byte through the slow one.

/** JSON text with every character beyond ASCII escaped (`\u00e9`; a surrogate pair as two escapes): the same value. */
export function ascii(json: string): string {
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}
