// How V8 holds a string in memory: one byte per character (Latin-1) or two (UTF-16). The same text
// costs twice as much to scan, hash, encode and write when held two bytes per character.
import v8 from "node:v8";

/** Its serializer writes a one-byte string's tag `"` and a two-byte one's `c` (after a padding byte, if any). */
export function encoding(text: string): "one-byte" | "two-byte" {
  const bytes = v8.serialize(text);
  const tag = bytes[2] === 0 ? bytes[3] : bytes[2];
  if (tag === 0x22) return "one-byte";
  if (tag === 0x63) return "two-byte";
  throw new Error(`unexpected serialization of a string: ${tag}`);
}

/**
 * The string values in `value` (depth first) that are all ASCII and longer than 10 characters, and
 * those of them held two bytes per character. Keys and shorter values are not looked at: V8 keeps
 * one copy of each property name, and JSON.parse one of each value up to 10 characters, per
 * process, as first made, so their encoding depends on what ran before in the process.
 */
export function asciiHeldTwoBytes(value: unknown, out = { checked: 0, twoByte: [] as string[] }): { checked: number; twoByte: string[] } {
  if (typeof value === "string") {
    if (value.length > 10 && /^[\x00-\x7f]*$/.test(value)) {
      out.checked++;
      if (encoding(value) === "two-byte") out.twoByte.push(value);
    }
  } else if (value !== null && typeof value === "object") for (const v of Object.values(value)) asciiHeldTwoBytes(v, out);
  return out;
}
