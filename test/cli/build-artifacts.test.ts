// What scripts/build.mjs writes beside the bundles for a run to use instead of working it out at
// every start (the test command builds first): the built-in templates' code (fast functions, a
// script per target compiled through its trained code cache, and Handlebars' own in one file, read
// only when a template runs through Handlebars), and the bundles' own hash, which a
// run takes as its code's identity (src/emit/fingerprint.ts) instead of reading and hashing them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
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

interface BuiltTemplates {
  handlebars: string;
  options: unknown;
  templates: Record<string, { source: string; make: ((...args: unknown[]) => unknown) | null }>;
}
const requireBuilt = createRequire(import.meta.url);
/** A target's templates script as built (dist/templates/<target>.cjs), loaded as Node loads a module. */
const built = (target: string) => requireBuilt(path.join(DIST, "templates", `${target}.cjs`)) as BuiltTemplates;
const TARGETS = readdirSync(TEMPLATES).sort();

describe("precompiled templates", () => {
  const specs = read("templates.handlebars.json");

  it("cover every built-in template, a script per target, for this Handlebars and these options", () => {
    const files = templateFiles().sort();
    expect(files.length).toBeGreaterThan(20);
    expect(specs.handlebars).toBe(Handlebars.VERSION);
    expect(specs.options).toEqual(OPTIONS);
    expect(Object.keys(specs.templates).sort()).toEqual(files);
    expect(readdirSync(path.join(DIST, "templates")).filter((f) => f.endsWith(".cjs")).sort()).toEqual(TARGETS.map((t) => `${t}.cjs`));
    for (const target of TARGETS) {
      const script = built(target);
      expect(script.handlebars).toBe(Handlebars.VERSION);
      expect(script.options).toEqual(OPTIONS);
      expect(Object.keys(script.templates).map((rel) => `${target}/${rel}`).sort()).toEqual(files.filter((f) => f.startsWith(`${target}/`)));
    }
  });

  it.each(templateFiles().sort())("%s: its fast code is what fast-template.ts makes of it, its Handlebars code Handlebars'", (rel) => {
    const source = readFileSync(path.join(TEMPLATES, rel), "utf8");
    const [target, ...inTarget] = rel.split("/");
    const entry = built(target!).templates[inTarget.join("/")]!;
    expect(entry.source).toBe(source);
    const code = fastSource(Handlebars.parse(source) as unknown as HbsNode, HELPER_NAMES);
    expect(entry.make === null ? null : String(entry.make)).toBe(code === undefined ? null : `function (rt, BAIL) {\n${code}\n}`);
    expect(Object.keys(entry).sort()).toEqual(["make", "source"]);
    expect(specs.templates[rel]!.source).toBe(source);
    expect(specs.templates[rel]!.spec).toBe(String(Handlebars.precompile(source, { ...OPTIONS })));
  });

  it("leave at least the model templates to the fast functions", () => {
    for (const lang of ["typescript", "rust", "elixir", "scala"]) expect(built(lang).templates["model.hbs"]!.make, lang).toEqual(expect.any(Function));
  });

  it("each have a code cache the build trained, which V8 takes as a run compiles them", () => {
    for (const target of TARGETS) expect(existsSync(path.join(DIST, "templates", `${target}.cjs.cache`)), target).toBe(true);
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
