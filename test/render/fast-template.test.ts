// The built-in templates run as plain functions (src/render/fast-template.ts): each case renders a
// template both ways and wants Handlebars' text (strict, noEscape, preventIndent, as templates.ts
// compiles); what Handlebars treats specially must bail out, and what the subset does not cover must
// not compile, so that Handlebars renders it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { compileFast, FAST_BAIL, type FastTemplate, type HbsNode } from "../../src/render/fast-template.js";
import { builtInTemplatesDir, loadTemplates, templateFiles } from "../../src/render/templates.js";

const OPTIONS = { strict: true, noEscape: true, preventIndent: true };
const join = (list: unknown, ...rest: unknown[]) => (list as unknown[]).map(String).join(rest.length > 1 ? String(rest[0]) : ", ");

/** Compiles `source` and `partials` with compileFast; undefined when any does not compile. */
function fast(source: string, partials: Record<string, string> = {}): FastTemplate | undefined {
  const compiled = new Map<string, FastTemplate | undefined>();
  const runtime = {
    partial(name: string): FastTemplate {
      const p = compiled.get(name);
      if (!p) throw FAST_BAIL;
      return p;
    },
    helpers: { join } as Record<string, (...args: unknown[]) => unknown>,
  };
  for (const [name, text] of Object.entries(partials))
    compiled.set(name, compileFast(Handlebars.parse(text) as unknown as HbsNode, ["join"], runtime));
  return compileFast(Handlebars.parse(source) as unknown as HbsNode, ["join"], runtime);
}

function renderFast(template: FastTemplate, view: unknown): string {
  return template(view, null);
}

function renderHandlebars(source: string, partials: Record<string, string>, view: unknown): string {
  const hb = Handlebars.create();
  hb.registerHelper("join", join);
  for (const [name, text] of Object.entries(partials)) hb.registerPartial(name, hb.compile(text, OPTIONS));
  return hb.compile(source, OPTIONS)(view);
}

interface Case {
  name: string;
  source: string;
  partials?: Record<string, string>;
  view: unknown;
  want: string;
}

describe("compileFast renders as Handlebars does", () => {
  const item = { name: "a", lines: ["x", "y"], doc: ["", "d"] };
  it.each<Case>([
    { name: "text and fields", source: "type {{name}} = {{kind}};\n", view: { name: "A", kind: "1" }, want: "type A = 1;\n" },
    { name: "null and undefined print nothing", source: "[{{a}}][{{b}}]", view: { a: null, b: undefined }, want: "[][]" },
    { name: "a nested path", source: "{{e.value}}/{{e.inner.deep}}", view: { e: { value: "v", inner: { deep: "d" } } }, want: "v/d" },
    {
      name: "this and this.field",
      source: "{{#each xs}}{{this}}{{/each}}|{{#with o}}{{this.k}}{{/with}}",
      view: { xs: ["a", "2"], o: { k: "K" } },
      want: "a2|K",
    },
    {
      name: "standalone block lines vanish",
      source: "{{#each lines}}\n{{this}}\n{{/each}}\nend\n",
      view: { lines: ["a", "b"] },
      want: "a\nb\nend\n",
    },
    { name: "if with else and else if", source: "{{#if a}}A{{else if b}}B{{else}}C{{/if}}", view: { a: 0, b: [] }, want: "C" },
    { name: "if: an empty list is false", source: "{{#if xs}}y{{else}}n{{/if}}{{#if ys}}y{{/if}}", view: { xs: [], ys: [0] }, want: "ny" },
    { name: "unless with else", source: "{{#unless a}}not{{else}}is{{/unless}}", view: { a: "" }, want: "not" },
    {
      name: "with: 0 is a value, null takes else",
      source: "{{#with z}}[z]{{/with}}{{#with n}}x{{else}}none{{/with}}",
      view: { z: 0, n: null },
      want: "[z]none",
    },
    {
      name: "each: @first, @last, @index, @key",
      source: "{{#each xs}}{{#if @first}}<{{/if}}{{this}}{{#unless @last}},{{/unless}}{{#if @index}}i{{/if}}{{#if @key}}k{{/if}}{{/each}}>",
      view: { xs: ["a", "b", "c"] },
      want: "<a,b,ikcik>",
    },
    {
      name: "each over an empty, missing or null list takes else",
      source: "{{#each a}}x{{else}}0{{/each}}{{#each b}}x{{else}}1{{/each}}{{#each c}}x{{/each}}",
      view: { a: [], c: null },
      want: "01",
    },
    { name: "each over a string has no items", source: "{{#each s}}x{{else}}none{{/each}}", view: { s: "abc" }, want: "none" },
    { name: "@first outside each is undefined", source: "{{#if @first}}x{{else}}y{{/if}}", view: {}, want: "y" },
    {
      name: "../ reaches the enclosing context, not an if's",
      source: "{{#each xs}}{{#if this}}{{../p}}{{this}}{{/if}}{{#each ../ys}}{{../../p}}{{../this}}{{this}}{{/each}}{{/each}}",
      view: { p: "-", xs: ["a"], ys: ["1", "2"] },
      want: "-a-a1-a2",
    },
    {
      name: "a block entered with the same context adds no depth",
      source: "{{#each xs}}{{#with this}}{{../p}}{{/with}}{{/each}}",
      view: { p: "-", xs: [{ q: 1 }] },
      want: "-",
    },
    {
      // An #each whose items read no ../ passes the depths on unchanged: those above must still be right.
      name: "../ under a block whose own program reads none",
      source: "{{#each xs}}{{#each ys}}{{#each zs}}{{../../p}}{{../q}}{{this}}{{/each}}{{/each}}{{/each}}|{{#each ws}}{{this}}{{/each}}",
      view: { xs: [{ p: "P", ys: [{ q: "Q", zs: ["1", "2"] }] }], ws: ["w"] },
      want: "PQ1PQ2|w",
    },
    {
      name: "../ inside an if inside an each whose program reads none itself",
      source: "{{#with o}}{{#each xs}}{{#if this}}{{#each ys}}{{../../k}}{{this}}{{/each}}{{/if}}{{/each}}{{/with}}",
      view: { o: { k: "k", xs: [{ ys: ["1"] }, { ys: ["2"] }] } },
      want: "k1k2",
    },
    {
      name: "a with's context is a depth",
      source: "{{#with o}}{{#each xs}}{{../k}}{{this}}{{/each}}{{/with}}",
      view: { o: { k: "k", xs: ["1", "2"] } },
      want: "k1k2",
    },
    {
      name: "join with the default and a given separator",
      source: '{{join xs}};{{join xs " + "}}',
      view: { xs: ["a", 1] },
      want: "a, 1;a + 1",
    },
    { name: "comments print nothing", source: "a{{!-- x --}}b{{! y}}}", view: {}, want: "ab}" },
    {
      name: "a partial gets the context and the each frame; its ../ starts at itself",
      source: "{{#each items}}\n{{> item}}\n{{/each}}",
      partials: { item: "{{#unless @first}}\n\n{{/unless}}{{name}}:{{#each lines}}{{../name}}{{this}}{{/each}}\n" },
      view: { items: [item, { ...item, name: "b" }] },
      want: "a:axay\n\nb:bxby\n",
    },
    {
      name: "an indented standalone partial writes its indentation once (preventIndent)",
      source: "<\n  {{> doc}}\n>",
      partials: { doc: "{{#each doc}}\n* {{this}}\n{{/each}}" },
      view: item,
      want: "<\n  * \n* d\n>",
    },
  ])("$name", ({ source, partials, view, want }) => {
    const template = fast(source, partials);
    expect(template).toBeDefined();
    expect(renderFast(template!, view)).toBe(want);
    expect(renderHandlebars(source, partials ?? {}, view)).toBe(want);
  });
});

describe("compileFast bails out where Handlebars would do something else", () => {
  class WithInherited {
    get inherited() {
      return "from the prototype";
    }
  }
  it.each([
    { name: "a missing field (strict mode's error)", source: "{{missing}}", view: {} },
    { name: "a missing field of a nested path", source: "{{a.b}}", view: { a: {} } },
    { name: "a field of a missing object", source: "{{a.b}}", view: {} },
    { name: "a field of a string", source: "{{s.length}}", view: { s: "abc" } },
    { name: "a function to call", source: "{{f}}", view: { f: () => "x" } },
    { name: "a number (Handlebars adds two in a row)", source: "{{a}}{{b}}", view: { a: 1, b: 2 } },
    { name: "a boolean", source: "[{{c}}]", view: { c: false } },
    { name: "a function as a condition", source: "{{#if f}}x{{/if}}", view: { f: () => true } },
    { name: "an inherited field", source: "{{inherited}}", view: new WithInherited() },
    { name: "each over an object", source: "{{#each o}}{{this}}{{/each}}", view: { o: { a: 1 } } },
    { name: "a block in a null context", source: "{{#each xs}}{{#if this}}x{{/if}}{{/each}}", view: { xs: [null] } },
    { name: "../ beyond the template's own contexts", source: "{{../x}}", view: {} },
    { name: "a partial that did not compile", source: "{{> nope}}", view: {} },
  ])("$name", ({ source, view }) => {
    const template = fast(source);
    expect(template).toBeDefined();
    expect(() => renderFast(template!, view)).toThrow(expect.anything());
    let thrown: unknown;
    try {
      renderFast(template!, view);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(FAST_BAIL);
  });
});

describe("compileFast leaves to Handlebars what it does not cover", () => {
  it.each([
    { name: "an unknown helper", source: "{{upper name}}" },
    { name: "a hash argument", source: '{{join xs sep=", "}}' },
    { name: "a field named like a built-in helper", source: "{{lookup}}" },
    { name: "join without a list", source: "{{join}}" },
    { name: "an inverted section", source: "{{^xs}}none{{/xs}}" },
    { name: "a block without a helper", source: "{{#xs}}x{{/xs}}" },
    { name: "block parameters", source: "{{#each xs as |x|}}{{x}}{{/each}}" },
    { name: "if with two arguments", source: "{{#if a b}}x{{/if}}" },
    { name: "a partial with a context", source: "{{> item other}}" },
    { name: "a partial with a hash", source: "{{> item name=this}}" },
    { name: "a dynamic partial", source: "{{> (whichPartial) }}" },
    { name: "a partial block", source: "{{#> item}}x{{/item}}" },
    { name: "a printed @index", source: "{{#each xs}}{{@index}}{{/each}}" },
    { name: "@root", source: "{{#if @root}}x{{/if}}" },
    { name: "a prototype name", source: "{{constructor}}" },
    { name: "a number argument", source: "{{#if 1}}x{{/if}}" },
  ])("$name", ({ source }) => {
    expect(fast(source)).toBeUndefined();
  });
});

describe("the built-in templates", () => {
  it.each(["typescript", "rust", "elixir", "scala"])("%s: every template and partial compiles", (lang) => {
    const root = builtInTemplatesDir();
    const runtime = { partial: (): FastTemplate => () => "", helpers: { join } };
    const notCompiled = templateFiles(root, lang).filter(
      (rel) => !compileFast(Handlebars.parse(readFileSync(path.join(root, lang, rel), "utf8")) as unknown as HbsNode, ["join"], runtime),
    );
    expect(notCompiled).toEqual([]);
  });

  it("a view a template does not fit fails with Handlebars' error, file and line", () => {
    // A templates root of its own (no override folder): its templates run as plain functions first.
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-fast-"));
    mkdirSync(path.join(root, "typescript", "partials"), { recursive: true });
    writeFileSync(path.join(root, "typescript", "index.hbs"), "{{#each modules}}\n{{> line}}\n{{/each}}\n");
    writeFileSync(path.join(root, "typescript", "partials", "line.hbs"), "ok {{this.name}}\n{{missingField}}\n");
    const templates = loadTemplates("typescript", undefined, root, (p) => path.relative(root, p));
    expect(templates.render("index", { modules: [] })).toBe("");
    expect(() => templates.render("index", { modules: [{ name: "A" }] })).toThrow(
      /^typescript\/partials\/line\.hbs:2:\d+: template error: "missingField" not defined in the view$/,
    );
    expect(templates.render("index", { modules: [{ name: "A", missingField: "!" }] })).toBe("ok A\n!\n");
    // Numbers in a row: Handlebars adds them, and the render is Handlebars'.
    expect(templates.render("index", { modules: [{ name: 1, missingField: 2 }] })).toBe(
      renderHandlebars(
        "{{#each modules}}\n{{> line}}\n{{/each}}\n",
        { line: "ok {{this.name}}\n{{missingField}}\n" },
        { modules: [{ name: 1, missingField: 2 }] },
      ),
    );
  });
});
