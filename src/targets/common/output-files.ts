// The last step of every target's generate(): its files checked and in a fixed order.
import { compareStrings } from "../../common/order.js";
import type { OutputFile } from "../target.js";

/**
 * The files sorted by path (code-unit order, the same on every machine), after checking that no
 * two paths differ only in case: on macOS and Windows one would overwrite the other, and type
 * names are unique ignoring case, so such a pair is a naming bug.
 */
export function finishedOutput(target: string, files: OutputFile[]): OutputFile[] {
  const seen = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const key = f.path.toLowerCase();
    if (seen.has(key)) throw new Error(`${target}: two outputs would be written to ${f.path}`);
    seen.add(key);
  }
  return files.sort((a, b) => compareStrings(a.path, b.path));
}
