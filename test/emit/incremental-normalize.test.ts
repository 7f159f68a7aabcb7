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
import { checksum } from "../../src/common/hash.js";

const SPEC = new URL("../../../shared/specs/openai/openai-2026-07-15.yaml", import.meta.url);
const FIELD = "        added_by_the_test:\n          type: string\n";

/** A run of TypeScript and Rust from `root/openapi.yaml` into `root/out`, with the caches in `root/cache` when asked. */
function requestFor(root: string, out: string, cached: boolean, timings = new Timings()): GenerateRequest {
  return {
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
}

/** Generates TypeScript and Rust into `out` (with the caches in `root/cache` when asked); returns the note about reused roots, if any. */
async function generate(root: string, out: string, cached: boolean): Promise<string | undefined> {
  const timings = new Timings();
  await generateAll(requestFor(root, out, cached, timings));
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

// A type extended through allOf is a union of its subtypes (ir/normalize/hierarchy.ts): which ones
// its own text does not say, so a root reused by its text alone would keep a stale union.
describe("the subtypes of a type with a discriminator, listed by no text of its own", () => {
  const FIXTURE = new URL("../fixtures/inheritance.yaml", import.meta.url);
  const SUBTYPE = (name: string, of: string) => `    ${name}:\n      allOf: [{ $ref: "#/components/schemas/${of}" }]\n`;
  it.each([
    ["a subtype added", (t: string) => t.replace("    Shape:\n", `${SUBTYPE("Hamster", "Pet")}    Shape:\n`)],
    ["a subtype of a subtype added (the subtype becomes a union)", (t: string) => `${t}${SUBTYPE("Tabby", "Cat")}`],
    ["a subtype removed", (t: string) => t.replace(/ {4}Lizard:\n(?: {6}.*\n)+/, "")],
    ["a mapping's value changed", (t: string) => t.replace("          dog: Dog\n", "          doggo: Dog\n")],
  ])("%s: the regeneration equals a cold run", async (_, edit) => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-hierarchy-"));
    const file = path.join(root, "openapi.yaml");
    writeFileSync(file, readFileSync(FIXTURE, "utf8"));
    await generate(root, "incremental", true);
    writeFileSync(file, `${readFileSync(file, "utf8")}# touched\n`);
    await generate(root, "incremental", true);
    const before = readFileSync(file, "utf8");
    writeFileSync(file, edit(before));
    expect(readFileSync(file, "utf8")).not.toBe(before);
    const note = await generate(root, "incremental", true);
    await generate(root, "cold", false);
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    // The regeneration went through the previous run's records (else the comparison shows nothing about them).
    expect(note).toBeDefined();
  });
});

describe("a cache that passes its checksum and cannot be used", () => {
  /** Every record's `units` made a number, the checksum in the first line made again: reads as whole, fails when walked. */
  function unusable(file: string): void {
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(10);
    const [head, ...records] = bytes.subarray(newline + 1).toString("latin1").split("\n");
    const body = Buffer.from([head, ...records.map((r) => r.replaceAll('"units":[', '"units":7,"was":['))].join("\n"), "latin1");
    const header = bytes.subarray(0, newline).toString("latin1").replace(/ \S+$/, ` ${checksum(body)}`);
    writeFileSync(file, Buffer.concat([Buffer.from(`${header}\n`, "latin1"), body]));
  }

  it("costs the run its speed: made again without the caches, the cold run's bytes, caches written afresh", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-unusable-"));
    writeFileSync(path.join(root, "openapi.yaml"), readFileSync(SPEC, "utf8"));
    await generate(root, "incremental", true);
    writeFileSync(path.join(root, "openapi.yaml"), `${readFileSync(path.join(root, "openapi.yaml"), "utf8")}# touched\n`);
    await generate(root, "incremental", true);
    const cache = path.join(root, "cache");
    const state = path.join(cache, readdirSync(cache).find((f) => f.startsWith("normalize-state-"))!);
    unusable(state);
    expect(readFileSync(state, "latin1")).toContain('"units":7,');
    addField(root);
    const result = await generateAll(requestFor(root, "incremental", true));
    expect(result.cachesDiscarded).toMatch(/not iterable/);
    await generate(root, "cold", false);
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    // The state written by the run made again is whole: the next regeneration reuses it, with no warning.
    expect(readFileSync(state, "latin1")).not.toContain('"units":7,');
    writeFileSync(path.join(root, "openapi.yaml"), `${readFileSync(path.join(root, "openapi.yaml"), "utf8")}# again\n`);
    const again = await generateAll(requestFor(root, "incremental", true));
    expect(again.cachesDiscarded).toBeUndefined();
  });

  it("a failure that is not the cache's fails as before, the caches left in place", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-unusable-"));
    writeFileSync(path.join(root, "openapi.yaml"), "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n");
    await generate(root, "incremental", true);
    writeFileSync(path.join(root, "openapi.yaml"), `${readFileSync(path.join(root, "openapi.yaml"), "utf8")}# touched\n`);
    await generate(root, "incremental", true);
    const before = readdirSync(path.join(root, "cache")).sort();
    expect(before.length).toBeGreaterThan(0);
    writeFileSync(path.join(root, "openapi.yaml"), "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/nowhere'}\n");
    await expect(generate(root, "incremental", true)).rejects.toThrow(/nowhere/);
    expect(readdirSync(path.join(root, "cache")).sort()).toEqual(before);
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
    await generateAll(requestFor(root, "incremental", true, timings));
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
