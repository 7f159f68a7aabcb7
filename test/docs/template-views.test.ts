// docs/template-views.md is generated from the view types (test/docs/template-views.ts): it must
// match them, name every built-in template, and document every field.
// `UPDATE_GOLDEN=1 npx vitest run test/docs/template-views.test.ts` rewrites it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";
import { builtInTemplatesDir, templateFiles } from "../../src/render/templates.js";
import { TARGET_NAMES } from "../../src/targets/registry.js";
import { TEMPLATES, templateViewsMarkdown, undocumentedFields } from "./template-views.js";

const PAGE = path.join(REPO, "docs/template-views.md");

describe("docs/template-views.md", () => {
  const markdown = templateViewsMarkdown(REPO);

  it("is up to date with the view types (UPDATE_GOLDEN=1 rewrites it)", () => {
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(PAGE, markdown);
    expect(existsSync(PAGE), "docs/template-views.md missing (UPDATE_GOLDEN=1 writes it)").toBe(true);
    expect(markdown, "docs/template-views.md is stale (UPDATE_GOLDEN=1 rewrites it)").toBe(readFileSync(PAGE, "utf8"));
  });

  it.each(TARGET_NAMES)("names every built-in %s template, and only those", (target) => {
    const listed = TEMPLATES.filter((e) => e.target === target).map((e) => `${e.template}.hbs`).sort();
    expect(listed).toEqual(templateFiles(builtInTemplatesDir(), target));
  });

  it("documents every field of every view", () => {
    expect(undocumentedFields(markdown)).toEqual([]);
  });

  it.each([
    { given: "| `docs` | `string[]` | (undocumented) |", want: ["rust: StructView.docs"] },
    { given: "| `docs` | `string[]` | The lines. |", want: [] },
  ])("finds an undocumented field: $given", ({ given, want }) => {
    expect(undocumentedFields(`### <a id="rust-structview"></a>rust: StructView\n\n${given}\n`)).toEqual(want);
  });
});
