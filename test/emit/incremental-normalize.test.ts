// A regeneration reuses the normalizer's state kept in the cache folder (src/common/cache-files.ts)
// and still writes the bytes of a cold run (generated without any cache); a state that does not
// check out is ignored.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll, type GenerateRequest } from "../../src/pipeline.js";
import { Timings } from "../../src/timings.js";
import { readTree } from "../helpers/tree.js";

const SPEC = new URL("../../../shared/specs/openai/openai-2026-07-15.yaml", import.meta.url);
const FIELD = "        added_by_the_test:\n          type: string\n";

/** Generates TypeScript and Rust into `out` (with the caches in `root/cache` when asked); returns the note about reused roots, if any. */
async function generate(root: string, out: string, cached: boolean): Promise<string | undefined> {
  const timings = new Timings();
  const request: GenerateRequest = {
    spec: path.join(root, "openapi.yaml"),
    specLabel: "openapi.yaml",
    langs: ["typescript", "rust"],
    out: path.join(root, out),
    presence: "lenient",
    targetOptions: {},
    mode: "write",
    timings,
    ...(cached ? { cacheDir: path.join(root, "cache") } : {}),
  };
  await generateAll(request);
  return timings
    .format()
    .split("\n")
    .find((l) => l.includes("roots reused"));
}

/** Adds a field to RunObject (the same edit as the benchmark's regeneration case). */
function addField(root: string): void {
  const file = path.join(root, "openapi.yaml");
  const text = readFileSync(file, "utf8");
  const at = text.indexOf("\n      properties:\n", text.indexOf("\n    RunObject:\n")) + "\n      properties:\n".length;
  writeFileSync(file, text.slice(0, at) + FIELD + text.slice(at));
}

describe("the normalizer's state between runs", () => {
  it.each([
    ["kept as written", (_: string) => {}, true],
    [
      "edited (its hash no longer the one in its first line)",
      (f: string) => writeFileSync(f, readFileSync(f, "utf8").replace('"units":[', '"units":["x",')),
      false,
    ],
    ["deleted", (f: string) => writeFileSync(f, ""), false],
  ] as const)("%s: the regeneration equals a cold run", async (_, damage, reuses) => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-inorm-"));
    writeFileSync(path.join(root, "openapi.yaml"), readFileSync(SPEC, "utf8"));
    await generate(root, "incremental", true);
    // A first run keeps no cache; a regeneration (here after a comment was added) does.
    expect(existsSync(path.join(root, "cache"))).toBe(false);
    writeFileSync(path.join(root, "openapi.yaml"), `${readFileSync(path.join(root, "openapi.yaml"), "utf8")}# touched\n`);
    await generate(root, "incremental", true);
    const [stateFile] = readdirSync(path.join(root, "cache")).filter((f) => f.startsWith("normalize-state-"));
    expect(stateFile).toBeDefined();
    expect(readdirSync(path.join(root, "incremental/typescript")).some((f) => f.includes("normalize"))).toBe(false);
    const state = path.join(root, "cache", stateFile!);
    expect(readFileSync(state, "utf8")).toContain('"units":[');
    damage(state);
    addField(root);
    const note = await generate(root, "incremental", true);
    await generate(root, "cold", false);
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    const reused = Number(/of (\d+) roots/.exec(note ?? "")?.[1] ?? "0");
    if (reuses) expect(reused).toBeGreaterThan(1000);
    else expect(reused).toBe(0);
  });
});

describe("the spec's text kept for the next run (load/spec-text-cache.ts)", () => {
  /** Adds a field to another schema than addField's, far from it in the text. */
  function addOtherField(root: string): void {
    const file = path.join(root, "openapi.yaml");
    const text = readFileSync(file, "utf8");
    const at = text.indexOf("\n      properties:\n", text.indexOf("\n    AssistantObject:\n")) + "\n      properties:\n".length;
    writeFileSync(file, text.slice(0, at) + FIELD.replace("added_by_the_test", "also_added") + text.slice(at));
  }

  async function notes(root: string): Promise<string[]> {
    const timings = new Timings();
    await generateAll({
      spec: path.join(root, "openapi.yaml"),
      specLabel: "openapi.yaml",
      langs: ["typescript", "rust"],
      out: path.join(root, "incremental"),
      presence: "lenient",
      targetOptions: {},
      mode: "write",
      timings,
      cacheDir: path.join(root, "cache"),
    });
    return timings.format().split("\n");
  }

  it.each([
    ["kept as written", (_file: string, _older: Buffer) => {}, "its outline carried over"],
    ["damaged", (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 1000)), undefined],
    // Its units no longer the ones the normalizer's state was cut from: their hashes are worked out again.
    // Against it the text changed in two places far apart (both fields): one region spanning them, outlined afresh.
    ["an older run's put back", (file: string, older: Buffer) => writeFileSync(file, older), "outlined afresh"],
  ] as const)("%s: the regeneration equals a cold run", async (_, damage, carried) => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-spectext-"));
    writeFileSync(path.join(root, "openapi.yaml"), readFileSync(SPEC, "utf8"));
    await generate(root, "incremental", true);
    writeFileSync(path.join(root, "openapi.yaml"), `${readFileSync(path.join(root, "openapi.yaml"), "utf8")}# touched\n`);
    await generate(root, "incremental", true);
    const [textFile] = readdirSync(path.join(root, "cache")).filter((f) => f.startsWith("spec-text-"));
    expect(textFile).toBeDefined();
    const file = path.join(root, "cache", textFile!);
    const older = readFileSync(file);
    addField(root);
    expect((await notes(root)).some((l) => l.includes("lines") && l.includes("its outline carried over"))).toBe(true);
    damage(file, older);
    addOtherField(root);
    const lines = await notes(root);
    await generate(root, "cold", false);
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    const note = lines.find((l) => l.includes("load: the spec's text"));
    if (carried) expect(note).toContain(carried);
    else expect(note).toBeUndefined();
    expect(Number(/of (\d+) roots/.exec(lines.find((l) => l.includes("roots reused")) ?? "")?.[1] ?? "0")).toBeGreaterThan(1000);
  });
});
