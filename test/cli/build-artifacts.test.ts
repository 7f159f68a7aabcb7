// What scripts/build.mjs writes beside the bundles for a run to use instead of working it out at
// every start (the test command builds first): the built-in templates' code (fast functions and
// Handlebars' own, in two files so a run reads only the first), and the bundles' own hash, which a
// run takes as its code's identity (src/emit/fingerprint.ts) instead of reading and hashing them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { fastSource, type HbsNode } from "../../src/render/fast-template.js";
import { HELPER_NAMES } from "../../src/render/templates.js";
import { REPO } from "../helpers/generate.js";
// @ts-expect-error: a plain ES module of the build, without declarations
import { bundlesHash, HASH_PLACEHOLDER, withBundlesHash } from "../../scripts/bundles-hash.mjs";

const DIST = path.join(REPO, "dist");
const TEMPLATES = path.join(REPO, "templates");
const OPTIONS = { strict: true, noEscape: true, preventIndent: true };

function templateFiles(rel = ""): string[] {
  return readdirSync(path.join(TEMPLATES, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? templateFiles(p) : e.name.endsWith(".hbs") ? [p] : [];
  });
}

const read = (file: string) => JSON.parse(readFileSync(path.join(DIST, file), "utf8")) as { handlebars: string; options: unknown; templates: Record<string, Record<string, unknown>> };

describe("precompiled templates", () => {
  const fast = read("templates.precompiled.json");
  const specs = read("templates.handlebars.json");

  it("cover every built-in template, for this Handlebars and these options", () => {
    const files = templateFiles().sort();
    expect(files.length).toBeGreaterThan(20);
    for (const file of [fast, specs]) {
      expect(file.handlebars).toBe(Handlebars.VERSION);
      expect(file.options).toEqual(OPTIONS);
      expect(Object.keys(file.templates).sort()).toEqual(files);
    }
  });

  it.each(templateFiles().sort())("%s: its fast code is what fast-template.ts makes of it, its Handlebars code Handlebars'", (rel) => {
    const source = readFileSync(path.join(TEMPLATES, rel), "utf8");
    expect(fast.templates[rel]!.source).toBe(source);
    expect(fast.templates[rel]!.fast).toBe(fastSource(Handlebars.parse(source) as unknown as HbsNode, HELPER_NAMES) ?? null);
    expect(specs.templates[rel]!.source).toBe(source);
    expect(specs.templates[rel]!.spec).toBe(String(Handlebars.precompile(source, { ...OPTIONS })));
    expect(Object.keys(fast.templates[rel]!).sort()).toEqual(["fast", "source"]);
  });

  it("leave at least the model templates to the fast functions", () => {
    for (const lang of ["typescript", "rust", "elixir", "scala"]) expect(fast.templates[`${lang}/model.hbs`]!.fast, lang).toEqual(expect.any(String));
  });
});

describe("the bundles' hash", () => {
  const read = (b: string) => ({ path: path.join(DIST, b), contents: readFileSync(path.join(DIST, b)) });
  const bundles = ["cli.cjs", "cli.js", "index.js", "main.cjs", "render-worker.cjs", "render-worker.js"].map(read);
  // The entries of the CLI and the worker (src/boot/) only load their bundles: they have no use for the hash.
  const carriers = ["cli.cjs", "index.js", "render-worker.cjs"].map(read);

  it("is in every bundle that reads it, and is the sha256 of them all as built (the placeholder in its place)", () => {
    const found = [...carriers[0]!.contents.toString("utf8").matchAll(/"([0-9a-f]{64})"/g)].map((m) => m[1]!);
    const digest = found.find((h) => carriers.every((b) => b.contents.toString("utf8").split(h).length === 2));
    expect(digest).toBeDefined();
    const asBuilt = bundles.map((b) => ({ path: b.path, contents: Buffer.from(b.contents.toString("utf8").replace(digest!, HASH_PLACEHOLDER)) }));
    expect(bundlesHash(asBuilt)).toBe(digest);
  });

  it("changes with any byte of any bundle, and only the bundles get it", () => {
    const files = [
      { path: "/d/a.js", contents: Buffer.from(`const h = "${HASH_PLACEHOLDER}";`) },
      { path: "/d/b.js", contents: Buffer.from(`x("${HASH_PLACEHOLDER}")`) },
      { path: "/d/a.js.map", contents: Buffer.from(`{"x":"${HASH_PLACEHOLDER}"}`) },
    ];
    const out = withBundlesHash(files) as { path: string; contents: Buffer }[];
    const digest = bundlesHash(files.slice(0, 2));
    expect(out.map((f) => f.contents.toString())).toEqual([`const h = "${digest}";`, `x("${digest}")`, `{"x":"${HASH_PLACEHOLDER}"}`]);
    expect(bundlesHash([...files.slice(0, 2)].reverse())).toBe(digest);
    const edited = [files[0]!, { ...files[1]!, contents: Buffer.from(`x("${HASH_PLACEHOLDER}") `) }];
    expect(bundlesHash(edited)).not.toBe(digest);
  });
});
