// What a generation depends on, as one hash: the tool's own build (code and templates), the
// settings, and every spec file read. The manifest keeps it, so a rerun with equal inputs and
// intact files does nothing at all, without parsing the spec (and never serves stale output:
// any change to any of these, or to a generated file, makes it generate again).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "./templates.js";
import { readManifest, sha256, type ManifestInputs } from "./manifest.js";

let buildHash: string | undefined;

/** The running code (the bundled CLI, or this module under tests) plus every template. */
function toolBuild(): string {
  if (buildHash) return buildHash;
  const parts = [readFileSync(fileURLToPath(import.meta.url))];
  const templates = path.join(packageRoot(), "templates");
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else parts.push(Buffer.from(p.slice(templates.length)), readFileSync(p));
    }
  };
  walk(templates);
  return (buildHash = sha256(Buffer.concat(parts)));
}

/**
 * The fingerprint of a generation into `dir` from these spec files (paths relative to `dir`) and
 * settings, or undefined when a file is gone.
 */
export function fingerprint(dir: string, specFiles: string[], settings: unknown): string | undefined {
  const parts: string[] = [toolBuild(), JSON.stringify(settings)];
  for (const file of specFiles) {
    try {
      parts.push(file, sha256(readFileSync(path.resolve(dir, file))));
    } catch {
      return undefined;
    }
  }
  return sha256(parts.join("\n"));
}

/**
 * True when `dir` was generated from exactly these inputs and every file it owns is still as
 * written. Reads and hashes the owned files: an edited generated file is not up to date.
 */
export function isUpToDate(dir: string, settings: unknown): boolean {
  const manifest = readManifest(dir);
  const inputs: ManifestInputs | undefined = manifest?.inputs;
  if (!manifest || !inputs || fingerprint(dir, inputs.specFiles, settings) !== inputs.fingerprint) return false;
  for (const [file, hash] of Object.entries(manifest.files)) {
    try {
      if (sha256(readFileSync(path.join(dir, file))) !== hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}
