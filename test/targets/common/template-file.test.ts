// templateFile: an index or project file rendered from one template and its view, keyed by both.
import { describe, expect, it } from "vitest";
import { templateFile, type UnitRenderer } from "../../../src/targets/common/units.js";
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
