// Handlebars (its runtime, and every partial compiled) is made only when a template needs it: the
// built-in templates run as plain functions (fast-template.ts), so a render that never leaves that
// path never loads it; a view the plain functions leave to Handlebars, or a user's override, does,
// and renders exactly what Handlebars renders. Its own file: the module's state is per test file.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { builtInTemplatesDir, handlebarsLoaded, loadTemplates, packageRoot } from "../../src/render/templates.js";

const view = { header: ["Generated."], modules: ["A", "B"], exports: ['export type * from "./A.js";', 'export type * from "./B.js";'] };

describe("Handlebars is loaded only when a template needs it", () => {
  it("built-in templates render without it; a view they leave to Handlebars loads it, with the same text", () => {
    expect(handlebarsLoaded()).toBe(false);
    const templates = loadTemplates("typescript");
    const text = templates.render("index", view);
    expect(handlebarsLoaded(), "the plain functions rendered everything").toBe(false);
    // What Handlebars itself renders from the same template.
    const source = readFileSync(path.join(builtInTemplatesDir(), "typescript", "index.hbs"), "utf8");
    const hb = Handlebars.create();
    expect(text).toBe(hb.compile(source, { strict: true, noEscape: true, preventIndent: true })(view));
    // A value the plain functions do not render (a function) is left to Handlebars: loaded now.
    const lazy = { ...view, header: [() => "x"] };
    expect(templates.render("index", lazy)).toBe(hb.compile(source, { strict: true, noEscape: true, preventIndent: true })(lazy));
    expect(handlebarsLoaded()).toBe(true);
  });

  it("a missing view field still fails in strict mode, naming the template, from the lazily made Handlebars", () => {
    const templates = loadTemplates("typescript", undefined, undefined, (p) => path.relative(builtInTemplatesDir(), p));
    expect(() => templates.render("model", { header: [], importLines: [], declarations: [{}], schemas: [] })).toThrow(
      /^typescript\/(model|partials\/\w+)\.hbs(:\d+:\d+)?: template error: /,
    );
  });

  it("an override that does not compile fails when the templates are loaded, as before", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-templates-"));
    mkdirSync(path.join(dir, "typescript", "partials"), { recursive: true });
    writeFileSync(path.join(dir, "typescript", "partials", "broken.hbs"), "{{#each x}}");
    expect(() => loadTemplates("typescript", dir)).toThrow(/template error/);
  });

  it("the package root is found once", () => {
    expect(packageRoot()).toBe(packageRoot());
    expect(builtInTemplatesDir()).toBe(path.join(packageRoot(), "templates"));
  });
});
