// What the build's training runs (scripts/train-code-cache.mjs) go through, so that the code cache
// holds the functions a regeneration of a large one-file spec runs: spec/ made one file
// (singleFileSpec) must be generated and regenerated along the incremental paths (the outline
// carried over, roots reused by the normalizer), which spec/'s own cross-file `$ref`s keep a
// regeneration of spec/ from taking. Were spec/ to change so that they no longer do, ~95 functions
// would compile again at every regeneration (a few ms each run), and nothing else would say so.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type YAML from "yaml";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";
// @ts-expect-error: a plain ES module of the build, without declarations
import { addField, singleFileSpec } from "../../scripts/train-code-cache.mjs";

type Doc = YAML.Document.Parsed;
const single = (file: string) => singleFileSpec(file) as Doc | undefined;
const temporary = () => mkdtempSync(path.join(os.tmpdir(), "modelgen-training-"));

/** Every `$ref` string of `value`. */
function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refsOf(v)));
}

describe("spec/ made one file for the training", () => {
  it("takes in what other files held, as components, and refers to them locally", () => {
    const doc = single(path.join(REPO, "spec/openapi.yaml"));
    expect(doc).toBeDefined();
    const value = doc!.toJS() as { components: { schemas: Record<string, unknown> } };
    const refs = refsOf(value);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !r.startsWith("#/"))).toEqual([]);
    // A whole file is a schema named after it; a component of another file keeps its name.
    expect(value.components.schemas).toHaveProperty("Function");
    expect(value.components.schemas).toHaveProperty("ErrorBody");
    expect(value.components.schemas).toHaveProperty("JsonSchemaObject");
    expect(doc!.toString()).not.toMatch(/[&*][A-Za-z]/);
  });

  it.each([
    { given: "a reference into another file's paths", ref: "./other.yaml#/paths/~1runs", file: "other.yaml" },
    { given: "a file that is not there", ref: "./missing.yaml", file: undefined },
    { given: "a component whose name this file already uses", ref: "./other.yaml#/components/schemas/Local", file: "other.yaml" },
  ])("is not made for $given", ({ ref, file }) => {
    const dir = temporary();
    if (file) writeFileSync(path.join(dir, file), "components:\n  schemas:\n    Local:\n      type: string\npaths:\n  /runs: {}\n");
    const spec = `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Local:\n      type: object\n    Outside:\n      $ref: "${ref}"\n`;
    writeFileSync(path.join(dir, "openapi.yaml"), spec);
    expect(single(path.join(dir, "openapi.yaml"))).toBeUndefined();
  });

  it("is not made when the spec writes anchors", () => {
    const dir = temporary();
    writeFileSync(path.join(dir, "openapi.yaml"), "openapi: 3.1.0\ninfo: {title: t, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    A: &a\n      type: string\n    B: *a\n");
    expect(single(path.join(dir, "openapi.yaml"))).toBeUndefined();
  });

  it("is made when a description only looks like an anchor or an alias", () => {
    const dir = temporary();
    // A Markdown list in a block scalar: `- *bold*` is text there, no alias.
    writeFileSync(path.join(dir, "openapi.yaml"), "openapi: 3.1.0\ninfo: {title: t, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      description: |\n        - *bold* item\n        - &amp; more\n      type: string\n");
    expect(single(path.join(dir, "openapi.yaml"))?.toJS()).toMatchObject({ components: { schemas: { A: { description: "- *bold* item\n- &amp; more\n" } } } });
  });

  it("is regenerated, a field added and taken out again, along the incremental paths", () => {
    const doc = single(path.join(REPO, "spec/openapi.yaml"))!;
    const dir = temporary();
    const spec = path.join(dir, "openapi.yaml");
    const unedited = doc.toString();
    addField(doc);
    const edited = doc.toString();
    expect(edited).toContain("modelgen_training_note");
    const notes = [unedited, edited, unedited].map((text) => {
      writeFileSync(spec, text);
      const r = spawnSync(process.execPath, [path.join(REPO, "dist/main.cjs"), "generate", "--quiet", "--timings", "--spec", spec, "--out", path.join(dir, "out")], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, MODELGEN_CACHE_DIR: path.join(dir, "cache"), MODELGEN_WORKERS: "0" },
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr;
    });
    // The last run reads the caches the one before wrote: the outline carried over, roots reused.
    expect(notes[2]).toMatch(/load: the spec's text differs .*; its outline carried over/);
    expect(notes[2]).toMatch(/normalize: the models of [1-9]\d* roots reused from the previous run/);
  });
});
