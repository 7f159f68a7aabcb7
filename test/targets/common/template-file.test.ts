// templateFile: an index or project file rendered from one template and its view, keyed by both;
// derivedFile: one keyed by what its view is made from, the view built only to render.
import { describe, expect, it } from "vitest";
import { derivedFile, templateFile, type UnitRenderer } from "../../../src/targets/common/units.js";
import type { OutputFile, Templates } from "../../../src/targets/target.js";

const templates: Templates = { render: (name, view) => `${name}:${JSON.stringify(view)}\n\n\n` };

/** A renderer that records the inputs each file is keyed by, and keeps the file whose path is `keep`. */
function recording(keep?: string): { units: UnitRenderer; keyed: Map<string, unknown> } {
  const keyed = new Map<string, unknown>();
  const units: UnitRenderer = {
    unit: (_id, render) => render(),
    file: (path, inputs, render): OutputFile => {
      keyed.set(path, inputs);
      return path === keep ? { path, contents: "kept" } : render();
    },
  };
  return { units, keyed };
}

describe("templateFile", () => {
  it.each([
    { name: "renders the template with its view", finish: undefined, want: 'index:{"a":1}\n\n\n' },
    { name: "and passes the text through the target's finish", finish: (t: string) => t.trimEnd() + "\n", want: 'index:{"a":1}\n' },
  ])("$name", ({ finish, want }) => {
    const { units, keyed } = recording();
    const file = templateFile(units, templates, { path: "index.ts", template: "index", view: { a: 1 } }, finish);
    expect(file).toEqual({ path: "index.ts", contents: want });
    // Keyed on the template's name and the view: a file rendered from another template or view is not kept.
    expect(keyed.get("index.ts")).toEqual({ template: "index", view: { a: 1 } });
  });

  it("gives back the kept file without rendering", () => {
    const { units } = recording("lib.rs");
    const file = templateFile(units, { render: () => expect.unreachable("rendered") }, { path: "lib.rs", template: "lib", view: {} });
    expect(file).toEqual({ path: "lib.rs", contents: "kept" });
  });
});

describe("derivedFile", () => {
  it("is keyed on the template's name and the inputs, and renders the view it builds, through the target's finish", () => {
    const { units, keyed } = recording();
    let built = 0;
    const view = () => ({ a: ++built });
    const file = derivedFile(
      units,
      templates,
      { path: "lib.rs", template: "lib", inputs: { modules: ["a"] }, view },
      (t) => t.trimEnd() + "\n",
    );
    expect(file).toEqual({ path: "lib.rs", contents: 'lib:{"a":1}\n' });
    expect(keyed.get("lib.rs")).toEqual({ template: "lib", inputs: { modules: ["a"] } });
    expect(built).toBe(1);
  });

  it("gives back the kept file without building its view", () => {
    const { units } = recording("lib.rs");
    const view = () => expect.unreachable("view built");
    const file = derivedFile(
      units,
      { render: () => expect.unreachable("rendered") },
      { path: "lib.rs", template: "lib", inputs: {}, view },
    );
    expect(file).toEqual({ path: "lib.rs", contents: "kept" });
  });
});
