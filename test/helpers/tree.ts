// Every file under a folder with its text, keyed by its '/'-separated path: what tests compare
// between two generated folders.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** `dir`'s files and texts; a folder that does not exist reads as empty only when `missingIsEmpty` (else it throws). */
export function readTree(dir: string, options: { missingIsEmpty?: boolean } = {}, rel = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (options.missingIsEmpty && !existsSync(path.join(dir, rel))) return out;
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readTree(dir, options, p));
    else out[p] = readFileSync(path.join(dir, p), "utf8");
  }
  return out;
}
