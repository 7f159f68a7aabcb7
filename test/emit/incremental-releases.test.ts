// Regenerating after real spec updates: one project folder, with its caches, regenerated from each
// OpenAI release in turn (hundreds of changes each: models added, removed and renamed, operations
// added, a new version in every file's header) must equal a folder generated cold from the same
// release, file for file, in all four languages. The hand-made edits of incremental.test.ts each
// touch one thing; these touch everything at once, through the caches of the release before
// (the YAML leaves, the spec's text, the normalizer's state, the units files and names).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll } from "../../src/pipeline.js";
import { Timings } from "../../src/timings.js";
import { SHARED } from "../helpers/generate.js";
import { readTree } from "../helpers/tree.js";

const RELEASES = ["openai-2025-04-29.yaml", "openai-2026-05-13.yaml", "openai-2026-07-15.yaml", "openai-2026-08-21.yaml"];

/** Generates the four languages from `root/openapi.yaml` into `root/out`, with the caches in `root/cache` when given; the run's --timings notes. */
async function generate(root: string, out: string, cacheDir?: string): Promise<string[]> {
  const timings = new Timings();
  await generateAll({
    spec: path.join(root, "openapi.yaml"),
    specLabel: "openapi.yaml",
    langs: ["typescript", "rust", "elixir", "scala"],
    out: path.join(root, out),
    presence: "lenient",
    targetOptions: {},
    mode: "write",
    timings,
    ...(cacheDir ? { cacheDir } : {}),
  });
  return timings.format().split("\n");
}

const release = (name: string) => readFileSync(path.join(SHARED, "specs/openai", name), "utf8");

describe("regenerating after each release of a real spec", () => {
  it("gives the bytes of a cold run, the caches of the release before read", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-releases-"));
    const cache = path.join(root, "cache");
    const spec = path.join(root, "openapi.yaml");
    const [first, ...later] = RELEASES;
    writeFileSync(spec, release(first!));
    await generate(root, "project", cache);
    // Regenerated once, as a project is after its first run, so the caches exist.
    writeFileSync(spec, `${release(first!)}# regenerated\n`);
    await generate(root, "project", cache);
    let reusedSome = false;
    for (const name of later) {
      writeFileSync(spec, release(name));
      const notes = await generate(root, "project", cache);
      await generate(root, `cold-${name}`);
      expect(readTree(path.join(root, "project")), name).toEqual(readTree(path.join(root, `cold-${name}`)));
      // The caches were read: the text compared with the release before, and some of its roots reused.
      expect(notes.some((l) => l.startsWith("  load: the spec's text differs from the previous run's")), name).toBe(true);
      const reused = Number(/of (\d+) roots reused/.exec(notes.find((l) => l.includes("roots reused")) ?? "")?.[1] ?? "0");
      if (reused > 0) reusedSome = true;
    }
    expect(reusedSome).toBe(true);
  }, 240_000);
});
