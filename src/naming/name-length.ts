// Type names long enough to make a file name the file system refuses (255 bytes on Linux, macOS and
// Windows alike): a schema named at length, or an inline schema deep in others, whose hoisted name
// joins every parent's words (Rust's `create_assistant_request_tool_resources_..._static.rs` is 105
// bytes on the OpenAI spec; deeper specs pass 255). Such a name is cut and the hash of the whole name
// put after the cut, so that two long names that share a beginning stay apart, and the same spec
// always gives the same name.
import { sha256 } from "../common/hash.js";

/**
 * The most UTF-8 bytes of a type name. A file is named by it (`Name.ts`, `Name.scala`), or by its
 * snake_case (`name.rs`, `name.ex`: a byte more per word), with room left for an extension and a
 * collision's number.
 */
export const MAX_TYPE_NAME_BYTES = 100;

/** Characters of the hash put after a cut. */
const HASH_CHARS = 8;

/** `name`, or when it has more than `max` UTF-8 bytes, its beginning and 8 hex digits of its hash in `max` bytes. */
export function withinBytes(name: string, max: number = MAX_TYPE_NAME_BYTES): string {
  // At most 3 bytes per UTF-16 unit: most names are known to fit without counting.
  if (name.length * 3 <= max || Buffer.byteLength(name) <= max) return name;
  let kept = "";
  let bytes = 0;
  for (const c of name) {
    const size = Buffer.byteLength(c);
    if (bytes + size > max - HASH_CHARS) break;
    kept += c;
    bytes += size;
  }
  return `${kept}${sha256(name).slice(0, HASH_CHARS)}`;
}
