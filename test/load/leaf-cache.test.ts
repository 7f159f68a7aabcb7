import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LeafCacheFile } from "../../src/load/leaf-cache.js";
import { cacheFolder } from "../../src/common/cache-files.js";
import { parseSource } from "../../src/load/parse-source.js";
import { readFromDisk, readSpecIr } from "../../src/pipeline.js";
import { Timings } from "../../src/timings.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "leaf-cache-"));

describe("LeafCacheFile", () => {
  it("gives the next run what this run read, and nothing to a run of another spec", async () => {
    const dir = tmp();
    const text = "a:\n  k: 1\nb:\n  - x\n";
    const first = LeafCacheFile.open(dir, "/specs/one.yaml");
    expect(first.size).toBe(0);
    parseSource(text, first, 0);
    await first.save();
    const again = LeafCacheFile.open(dir, "/specs/one.yaml");
    expect(again.size).toBe(2);
    expect(JSON.stringify(parseSource(text, again, 0).value)).toBe(JSON.stringify(parseSource(text).value));
    expect(LeafCacheFile.open(dir, "/specs/other.yaml").size).toBe(0);
  });

  it.each([
    { name: "another format", damage: (t: string) => t.replace("yaml-leaves 3", "yaml-leaves 2") },
    { name: "another tool", damage: (t: string) => t.replace("openapi-modelgen", "other-tool") },
    { name: "a file cut short", damage: (t: string) => t.slice(0, t.length - 3) },
    { name: "an edited record", damage: (t: string) => t.replace('"k":1', '"k":2') },
  ])("reads a file of $name as empty", async ({ damage }) => {
    const dir = tmp();
    const probe = LeafCacheFile.open(dir, "/specs/one.yaml");
    parseSource("a:\n  k: 1\nb: 2\n", probe, 0);
    await probe.save();
    const text = readFileSync(probe.file, "utf8");
    expect(damage(text)).not.toBe(text);
    writeFileSync(probe.file, damage(text));
    expect(LeafCacheFile.open(dir, "/specs/one.yaml").size).toBe(0);
  });

  it("writes the lines it read back from their bytes: after an edit, the file a run without them writes", async () => {
    const text = "a:\n  k: 1\nb:\n  - x\nc:\n  m: é\nd: 4\n";
    const edited = text.replace("  - x\n", "  - y\n");
    const dir = tmp();
    const first = LeafCacheFile.open(dir, "/s.yaml");
    parseSource(text, first, 0);
    await first.save();
    const again = LeafCacheFile.open(dir, "/s.yaml");
    parseSource(edited, again, 0);
    await again.save();
    const fresh = LeafCacheFile.open(tmp(), "/s.yaml");
    parseSource(edited, fresh, 0);
    await fresh.save();
    expect(readFileSync(again.file, "utf8")).toBe(readFileSync(fresh.file, "utf8"));
    expect(LeafCacheFile.open(dir, "/s.yaml").size).toBe(4);
  });

  it("writes ASCII (characters beyond it escaped) and reads back the same values, keys and starts", async () => {
    const dir = tmp();
    const text = "café:\n  note: a dash — here\n  \u00e9t\u00e9: ’x’ 😀\nplain:\n  k: [1, 'ü']\n";
    const first = LeafCacheFile.open(dir, "/s.yaml");
    parseSource(text, first, 0);
    await first.save();
    const bytes = readFileSync(first.file);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const again = LeafCacheFile.open(dir, "/s.yaml");
    expect(again.size).toBe(2);
    const cold = parseSource(text);
    const warm = parseSource(text, again, 0);
    expect(JSON.stringify(warm.value)).toBe(JSON.stringify(cold.value));
    const note = (v: unknown) => (v as Record<string, Record<string, unknown>>)["café"]!;
    expect(warm.offsetOf(note(warm.value), "été")).toBe(cold.offsetOf(note(cold.value), "été"));
    expect(warm.startOf(note(warm.value))).toBe(cold.startOf(note(cold.value)));
  });

  it("writes nothing when the run read exactly what was saved", async () => {
    const dir = tmp();
    const text = "a:\n  k: 1\n";
    const first = LeafCacheFile.open(dir, "/s.yaml");
    parseSource(text, first, 0);
    await first.save();
    const [file] = readdirSync(dir);
    const full = path.join(dir, file!);
    utimesSync(full, new Date(1000), new Date(1000));
    const second = LeafCacheFile.open(dir, "/s.yaml");
    parseSource(text, second, 0);
    await second.save();
    expect(readFileSync(full, "utf8")).toContain("openapi-modelgen yaml-leaves 3 ");
    expect(statSync(full).mtimeMs).toBe(1000);
    parseSource("a:\n  k: 2\n", LeafCacheFile.open(dir, "/s.yaml"), 0);
    const third = LeafCacheFile.open(dir, "/s.yaml");
    parseSource("a:\n  k: 2\n", third, 0);
    await third.save();
    expect(statSync(full).mtimeMs).not.toBe(1000);
  });

  it("keeps the files of the 16 specs written last", async () => {
    const dir = tmp();
    for (let i = 0; i < 18; i++) {
      const c = LeafCacheFile.open(dir, `/specs/${i}.yaml`);
      parseSource(`a${i}:\n  k: 1\n`, c, 0);
      await c.save();
      // Pruning goes by the time written: make it increase with i, whatever the clock's resolution.
      utimesSync(c.file, new Date((i + 1) * 1e6), new Date((i + 1) * 1e6));
    }
    expect(readdirSync(dir)).toHaveLength(16);
    expect(LeafCacheFile.open(dir, "/specs/17.yaml").size).toBe(1);
    expect(LeafCacheFile.open(dir, "/specs/0.yaml").size).toBe(0);
  });

  it("does not fail a run when the folder cannot be written", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "file"), "");
    const c = LeafCacheFile.open(path.join(dir, "file", "below"), "/s.yaml");
    parseSource("a:\n  k: 1\n", c, 0);
    await expect(c.save()).resolves.toBeUndefined();
  });
});

describe("cacheFolder", () => {
  const project = (withModules: boolean) => {
    const root = tmp();
    writeFileSync(path.join(root, "package.json"), "{}");
    if (withModules) mkdirSync(path.join(root, "node_modules"));
    mkdirSync(path.join(root, "sub"));
    return root;
  };
  it.each([
    {
      name: "node_modules/.cache of the project around cwd",
      env: {},
      modules: true,
      want: (r: string) => path.join(r, "node_modules", ".cache", "openapi-modelgen"),
    },
    { name: "none without node_modules", env: {}, modules: false, want: () => undefined },
    { name: "none when turned off", env: { MODELGEN_CACHE: "off" }, modules: true, want: () => undefined },
    {
      name: "MODELGEN_CACHE_DIR, relative to cwd",
      env: { MODELGEN_CACHE_DIR: "c" },
      modules: true,
      want: (r: string) => path.join(r, "sub", "c"),
    },
  ])("is $name", ({ env, modules, want }) => {
    const root = project(modules);
    expect(cacheFolder(env, path.join(root, "sub"))).toBe(want(root));
  });
});

describe("the parse cache and overlays", () => {
  it("saves every file's text as written, not as an overlay changed it", async () => {
    const dir = tmp();
    const entries = (name: string) =>
      Array.from(
        { length: 40 },
        (_, i) => `    ${name}${i}:\n      type: object\n      properties:\n        a${i}:\n          type: string\n`,
      ).join("");
    writeFileSync(
      path.join(dir, "api.yaml"),
      `openapi: 3.1.0\ninfo:\n  title: t\n  version: "1"\npaths: {}\ncomponents:\n  schemas:\n${entries("Root")}    Ext:\n      $ref: "./other.yaml#/components/schemas/Other0"\n`,
    );
    writeFileSync(path.join(dir, "other.yaml"), `components:\n  schemas:\n${entries("Other")}`);
    writeFileSync(
      path.join(dir, "overlay.yaml"),
      // Arrays are appended to: an overlay applied to text it already changed would show twice.
      'overlay: 1.0.0\ninfo:\n  title: o\n  version: "1"\nactions:\n  - target: "$.components.schemas.Other0"\n    update:\n      required: [a0]\n  - target: "$.components.schemas.Root1"\n    update:\n      required: [a1]\n',
    );
    const shape = { overlays: [path.join(dir, "overlay.yaml")] };
    const spec = path.join(dir, "api.yaml");
    const plain = JSON.stringify(readSpecIr(spec, shape).ir);
    for (let run = 0; run < 3; run++) {
      const cache = LeafCacheFile.open(path.join(dir, "cache"), spec);
      expect(cache.size > 0).toBe(run > 0);
      expect(JSON.stringify(readSpecIr(spec, shape, new Timings(), readFromDisk, cache).ir)).toBe(plain);
      await cache.save();
    }
  });
});
