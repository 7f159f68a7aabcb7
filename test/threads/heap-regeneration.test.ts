// A regeneration lifts the CLI's heap bound (set with MODELGEN_HEAP=bounded) while it renders on
// one thread, and every run leaves the bound as it found it (src/threads/heap-settings.ts says why).
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generateAll, type GenerateRequest } from "../../src/pipeline.js";

const calls = vi.hoisted(() => [] as string[]);

vi.mock("../../src/threads/heap-settings.js", async (original) => ({
  ...(await original<typeof import("../../src/threads/heap-settings.js")>()),
  liftHeapBound: () => calls.push("lift"),
  restoreHeapBound: () => calls.push("restore"),
}));

const SPEC = `openapi: 3.1.0
info:
  title: t
  version: "1"
paths: {}
components:
  schemas:
    Pet:
      type: object
      properties:
        name:
          type: string
`;

describe("the heap bound around a run", () => {
  it("stays for a first run and is lifted for a regeneration, then restored", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-heap-"));
    const spec = path.join(root, "openapi.yaml");
    writeFileSync(spec, SPEC);
    const request: GenerateRequest = {
      spec,
      specLabel: "openapi.yaml",
      langs: ["typescript", "rust"],
      out: path.join(root, "out"),
      presence: "lenient",
      targetOptions: {},
      mode: "write",
    };
    await generateAll(request);
    expect(calls.splice(0)).toEqual(["restore"]);
    writeFileSync(spec, SPEC.replace("        name:\n", "        tag:\n          type: string\n        name:\n"));
    await generateAll(request);
    expect(calls.splice(0)).toEqual(["lift", "restore"]);
  });
});
