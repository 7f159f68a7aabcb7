// Template overrides: a user's folder replaces built-in templates and partials of the same path,
// the rest falls back; errors in a template name its file and line; eject copies the built-ins.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtInTemplatesDir, loadTemplates, templateFiles } from "../../src/render/templates.js";
import { runTemplates } from "../../src/commands/templates.js";

function overrides(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-templates-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const view = { header: ["Generated."], modules: ["A", "B"] };

describe("overrides", () => {
  it("a file in the user's folder replaces the built-in one; others fall back", () => {
    const dir = overrides({ "typescript/index.hbs": "{{#each modules}}export * from './{{this}}';\n{{/each}}" });
    expect(loadTemplates("typescript", dir).render("index", view)).toBe("export * from './A';\nexport * from './B';\n");
    // A folder without that template: the built-in one renders, byte for byte.
    const other = overrides({ "typescript/unrelated.hbs": "x" });
    const builtInView = { header: ["Generated."], exports: ['export type * from "../emit/A.js";'] };
    expect(loadTemplates("typescript", other).render("index", builtInView)).toBe(loadTemplates("typescript").render("index", builtInView));
    expect(loadTemplates("typescript", other).render("index", builtInView)).toContain('export type * from "../emit/A.js";');
  });

  it("a partial is overridden by the same relative path", () => {
    const dir = overrides({ "typescript/partials/greeting.hbs": "hello {{name}}", "typescript/index.hbs": "{{#each modules}}{{> greeting name=this}}\n{{/each}}" });
    expect(loadTemplates("typescript", dir).render("index", view)).toBe("hello A\nhello B\n");
  });

  it("one saved on Windows (a BOM, CRLF) renders the bytes of the same one saved with LF", () => {
    const lf = "{{! exports }}\n{{#each modules}}\n{{> line name=this}}\n\n{{/each}}\n";
    const partial = "export * from './{{name}}';";
    const windows = (t: string) => `\uFEFF${t.replaceAll("\n", "\r\n")}`;
    const plain = overrides({ "typescript/index.hbs": lf, "typescript/partials/line.hbs": partial });
    const saved = overrides({ "typescript/index.hbs": windows(lf), "typescript/partials/line.hbs": windows(`${partial}\n`).slice(0, -2) });
    const want = loadTemplates("typescript", plain).render("index", view);
    expect(want).toBe("export * from './A';\nexport * from './B';\n");
    expect(readFileSync(path.join(saved, "typescript/index.hbs")).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(loadTemplates("typescript", saved).render("index", view)).toBe(want);
  });

  it("a view field that does not exist fails in strict mode with the template's file and line", () => {
    const dir = overrides({ "typescript/index.hbs": "{{#each modules}}\n{{this}}\n{{/each}}\n{{missingField}}\n" });
    expect(() => loadTemplates("typescript", dir, undefined, (p) => path.relative(dir, p)).render("index", view)).toThrow(/^typescript\/index\.hbs:4:\d+: template error: "missingField" not defined in the view$/);
  });

  it("a syntax error names the file and line", () => {
    const dir = overrides({ "typescript/index.hbs": "ok\n{{#each modules}}\n{{/if}}\n" });
    expect(() => loadTemplates("typescript", dir, undefined, (p) => path.relative(dir, p)).render("index", view)).toThrow(/^typescript\/index\.hbs:\d+:\d+: template error: /);
  });
});

describe("templates eject", () => {
  it("copies every built-in template of a language, and refuses to overwrite without --force", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "modelgen-eject-"));
    expect(runTemplates(["eject", "rust"], cwd)).toBe(0);
    const files = templateFiles(path.join(cwd, "templates"), "rust");
    expect(files).toEqual(templateFiles(builtInTemplatesDir(), "rust"));
    expect(files).toContain("partials/struct.hbs");
    expect(readFileSync(path.join(cwd, "templates/rust/partials/struct.hbs"), "utf8")).toBe(readFileSync(path.join(builtInTemplatesDir(), "rust/partials/struct.hbs"), "utf8"));
    expect(() => runTemplates(["eject", "rust"], cwd)).toThrow(/already has \d+ of these templates .*--force overwrites them/);
    expect(runTemplates(["eject", "rust", "--force", "--out", "templates"], cwd)).toBe(0);
    expect(() => runTemplates(["eject", "cobol"], cwd)).toThrow('unknown language "cobol"');
  });
});

describe("the join helper", () => {
  it.each([
    { given: "#[derive({{join derives}})]", view: { derives: ["Debug", "Clone"] }, want: "#[derive(Debug, Clone)]" },
    { given: "#[derive({{join derives}}, Eq)]", view: { derives: ["Debug"] }, want: "#[derive(Debug, Eq)]" },
    { given: '{{join parts " | "}}', view: { parts: ["A", "B", "null"] }, want: "A | B | null" },
    { given: "[{{join keys}}]", view: { keys: [] }, want: "[]" },
  ])("$given", ({ given, view, want }) => {
    const dir = overrides({ "typescript/index.hbs": given });
    expect(loadTemplates("typescript", dir).render("index", view)).toBe(want);
  });

  it("names the template when given something other than a list", () => {
    const dir = overrides({ "typescript/index.hbs": "\n{{join name}}" });
    expect(() => loadTemplates("typescript", dir, undefined, (p) => path.relative(dir, p)).render("index", { name: "x" })).toThrow(/^typescript\/index\.hbs(:\d+:\d+)?: template error: join expects a list, got string$/);
  });
});
