// A run reads the spec from disk once: the up-to-date check hashes its bytes and the load decodes
// those bytes (src/load/read-text.ts, KeptBytes), and the output is a cold run's. The manifest's
// fingerprint is of the bytes parsed, so a spec edited while a run reads it is not taken as generated.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generateAll, type GenerateRequest } from "../../src/pipeline.js";
import { readTree } from "../helpers/tree.js";

const reads = vi.hoisted(() => new Map<string, number>());
/** Called once right after a file is first read (then forgotten): an edit landing while the run goes on. */
const afterRead = vi.hoisted(() => new Map<string, () => void>());

vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const readFileSync = ((file: unknown, ...rest: unknown[]) => {
    if (typeof file === "string") reads.set(file, (reads.get(file) ?? 0) + 1);
    const read = (fs.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    const edit = typeof file === "string" ? afterRead.get(file) : undefined;
    if (edit) {
      afterRead.delete(file as string);
      edit();
    }
    return read;
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

/** Everything of the specs below up to their one schema. */
const HEAD = `openapi: 3.1.0
info:
  title: t
  version: "1"
paths: {}
components:
  schemas:
`;

const SPEC = `${HEAD}    Pet:
      type: object
      properties:
        name:
          type: string
`;

function request(root: string, out: string): GenerateRequest {
  return {
    spec: path.join(root, "openapi.yaml"),
    specLabel: "openapi.yaml",
    langs: ["typescript", "rust"],
    out: path.join(root, out),
    presence: "lenient",
    targetOptions: {},
    mode: "write",
    cacheDir: path.join(root, "cache"),
  };
}

describe("a run reads the spec once", () => {
  it("parses the bytes the up-to-date check hashed, and writes what a cold run writes", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-read-once-"));
    const spec = path.join(root, "openapi.yaml");
    writeFileSync(spec, SPEC);
    await generateAll(request(root, "out"));
    writeFileSync(spec, SPEC.replace("        name:\n", "        tag:\n          type: string\n        name:\n"));
    reads.clear();
    await generateAll(request(root, "out"));
    expect(reads.get(spec)).toBe(1);
    await generateAll(request(root, "cold"));
    expect(readTree(path.join(root, "out"))).toEqual(readTree(path.join(root, "cold")));
    expect(Object.values(readTree(path.join(root, "out", "typescript"))).some((text) => text.includes("tag"))).toBe(true);
  });

  it("reads the spec once on a first run too", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-read-once-"));
    const spec = path.join(root, "openapi.yaml");
    writeFileSync(spec, SPEC);
    reads.clear();
    await generateAll(request(root, "out"));
    expect(reads.get(spec)).toBe(1);
  });

  it("fingerprints the bytes it parsed: a spec edited during the run is generated again by the next", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-read-once-"));
    const spec = path.join(root, "openapi.yaml");
    const schemas = path.join(root, "schemas.yaml");
    const edited = SPLIT_SPEC.replace("title: t", "title: edited");
    writeFileSync(spec, SPLIT_SPEC);
    writeFileSync(schemas, SCHEMAS);
    // The root is parsed before the file it refers to is read: the edit lands after the root's bytes were taken.
    const onRead = (file: string) => {
      if (file === schemas) writeFileSync(spec, edited);
    };
    await generateAll({ ...request(root, "out"), onRead });
    const again = await generateAll(request(root, "out"));
    expect(again.outcomes.map((o) => o.upToDate)).toEqual([false, false]);
    await generateAll(request(root, "cold"));
    expect(readTree(path.join(root, "out"))).toEqual(readTree(path.join(root, "cold")));
  });

  it("fingerprints an overlay as it was read, once: one edited during the run is applied by the next", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-read-once-"));
    const overlay = path.join(root, "overlay.yaml");
    writeFileSync(path.join(root, "openapi.yaml"), SPEC);
    writeFileSync(overlay, OVERLAY.replace("DOC", "as read"));
    const withOverlay = (out: string): GenerateRequest => ({ ...request(root, out), shape: { overlays: [overlay] } });
    reads.clear();
    afterRead.set(overlay, () => writeFileSync(overlay, OVERLAY.replace("DOC", "edited since")));
    await generateAll(withOverlay("out"));
    expect(reads.get(overlay)).toBe(1);
    const again = await generateAll(withOverlay("out"));
    expect(again.outcomes.map((o) => o.upToDate)).toEqual([false, false]);
    await generateAll(withOverlay("cold"));
    expect(readTree(path.join(root, "out"))).toEqual(readTree(path.join(root, "cold")));
    expect(Object.values(readTree(path.join(root, "out", "typescript"))).some((text) => text.includes("edited since"))).toBe(true);
  });
});

const OVERLAY = `overlay: 1.0.0
info:
  title: docs
  version: "1"
actions:
  - target: $.components.schemas.Pet
    update:
      description: DOC
`;

/** SPEC with its schema in another file. */
const SPLIT_SPEC = `${HEAD}    Pet:
      $ref: "./schemas.yaml#/Pet"
`;

const SCHEMAS = `Pet:
  type: object
  properties:
    name:
      type: string
`;
