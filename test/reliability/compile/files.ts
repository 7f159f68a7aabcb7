// Writing sets into a build folder: every set's files under its own prefix.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { OutputFile } from "../../../src/targets/target.js";

/** Empties `dir` (creating it when missing). */
export function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes files under `dir`; returns the absolute paths written. */
export function writeAll(dir: string, files: OutputFile[]): string[] {
  return files.map((f) => {
    const p = path.join(dir, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
    return p;
  });
}
