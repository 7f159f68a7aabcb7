// The list of files the generator owns in one output folder, so a later run can delete the ones
// it no longer produces and leave everything else alone.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export const MANIFEST_FILE = ".modelgen-manifest.json";

export interface Manifest {
  tool: "openapi-modelgen";
  /** Owned files with the sha256 of their contents, sorted by path. */
  files: Record<string, string>;
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

export function readManifest(dir: string): Manifest | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as Manifest;
    return parsed.tool === "openapi-modelgen" && typeof parsed.files === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function renderManifest(files: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.keys(files).sort().map((k) => [k, files[k]!]));
  return JSON.stringify({ tool: "openapi-modelgen", files: sorted } satisfies Manifest, null, 2) + "\n";
}
