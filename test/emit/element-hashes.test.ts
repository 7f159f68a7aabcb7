// The content hashes recorded with an IR snapshot (src/emit/element-hashes.ts): read back only for
// the snapshot text and the tool build they were recorded with, and never when damaged.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ElementHashesFile } from "../../src/emit/element-hashes.js";
import { contentHash } from "../../src/ir/content-hash.js";
import { irOfSchemas } from "../helpers/spec.js";

const SPEC = "/project/spec/openapi.yaml";
const MODELS = irOfSchemas(`
  A: { type: object, properties: { x: { type: string } } }
  B: { type: string, enum: [p, q] }
`).models;
const SNAPSHOT = "a".repeat(64);

function written(): { dir: string; file: () => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "element-hashes-"));
  return { dir, file: () => path.join(dir, readdirSync(dir).find((f) => f.startsWith("snapshot-hashes-"))!) };
}

describe("ElementHashesFile", () => {
  it("reads back each model's content hash for the snapshot it was recorded with", async () => {
    const { dir } = written();
    await new ElementHashesFile(dir, SPEC, "build 1").write(SNAPSHOT, MODELS);
    expect(new ElementHashesFile(dir, SPEC, "build 1").read(SNAPSHOT)).toEqual(new Map(MODELS.map((m) => [m.id, contentHash(m)])));
  });

  it.each([
    { name: "another snapshot text", basis: "build 1", snapshot: "b".repeat(64) },
    { name: "no snapshot listed", basis: "build 1", snapshot: undefined },
    { name: "another build of the tool", basis: "build 2", snapshot: SNAPSHOT },
  ])("reads nothing for $name", async ({ basis, snapshot }) => {
    const { dir } = written();
    await new ElementHashesFile(dir, SPEC, "build 1").write(SNAPSHOT, MODELS);
    expect(new ElementHashesFile(dir, SPEC, basis).read(snapshot)).toBeUndefined();
  });

  it("reads nothing for another spec file, or before anything was recorded", async () => {
    const { dir } = written();
    expect(new ElementHashesFile(dir, SPEC, "build 1").read(SNAPSHOT)).toBeUndefined();
    await new ElementHashesFile(dir, SPEC, "build 1").write(SNAPSHOT, MODELS);
    expect(new ElementHashesFile(dir, "/project/spec/other.yaml", "build 1").read(SNAPSHOT)).toBeUndefined();
  });

  it("reads nothing from a file edited or cut short", async () => {
    const { dir, file } = written();
    await new ElementHashesFile(dir, SPEC, "build 1").write(SNAPSHOT, MODELS);
    const text = readFileSync(file(), "utf8");
    writeFileSync(file(), text.replace(MODELS[0]!.id, "#/components/schemas/Z"));
    expect(new ElementHashesFile(dir, SPEC, "build 1").read(SNAPSHOT)).toBeUndefined();
    writeFileSync(file(), text.slice(0, -10));
    expect(new ElementHashesFile(dir, SPEC, "build 1").read(SNAPSHOT)).toBeUndefined();
  });
});
