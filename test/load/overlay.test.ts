// OpenAPI Overlay 1.0: given a spec and an overlay, want the document (or IR) after applying it,
// the warnings for actions that match nothing, and positioned errors for malformed overlays.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SpecSet } from "../../src/load/loader.js";
import { applyOverlays, parseNormalizedPath } from "../../src/load/overlay.js";
import { normalize } from "../../src/ir/normalize/index.js";
import { dedent } from "../helpers/spec.js";
import type { ObjectModel } from "../../src/ir/types.js";

const SPEC = `
openapi: 3.0.3
info: { title: T, version: "1" }
paths: {}
components:
  schemas:
    Run:
      type: object
      required: [id, instructions]
      properties:
        id: { type: string }
        instructions: { type: string, description: The instructions. }
        tags: { type: array, items: { type: string }, enum: [[a]] }
    Old:
      type: object
      deprecated: true
      properties:
        x: { type: string }
    Older:
      type: object
      deprecated: true
      properties:
        y: { type: string }
`;

/** Writes the files into a temp folder; returns the folder. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-overlay-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), dedent(text));
  }
  return dir;
}

function applied(overlays: Record<string, string>, spec = SPEC) {
  const dir = project({ "openapi.yaml": spec, ...overlays });
  const specs = new SpecSet(path.join(dir, "openapi.yaml"));
  const warnings = applyOverlays(specs, Object.keys(overlays).map((f) => path.join(dir, f)), (abs) => path.relative(dir, abs));
  return { specs, warnings, doc: specs.root.value as { components: { schemas: Record<string, Record<string, unknown>> } } };
}

const overlay = (actions: string) => `overlay: 1.0.0\ninfo: { title: Fixes, version: "1" }\nactions:\n${dedent(actions)}`;

describe("actions", () => {
  it("update merges objects recursively and replaces other values", () => {
    const { doc, warnings } = applied({
      "fix.yaml": overlay(`
        - target: $.components.schemas.Run.properties.instructions
          update: { nullable: true, description: Null when none. }
        - target: $.components.schemas.Run
          update: { properties: { id: { format: uuid } }, required: [id] }
      `),
    });
    expect(warnings).toEqual([]);
    const run = doc.components.schemas.Run!;
    expect(run.properties).toMatchObject({ instructions: { type: "string", nullable: true, description: "Null when none." }, id: { type: "string", format: "uuid" } });
    expect(run.required).toEqual(["id"]);
  });

  it("update on an array appends", () => {
    const { doc } = applied({ "fix.yaml": overlay(`
      - target: $.components.schemas.Run.required
        update: tags
    `) });
    expect(doc.components.schemas.Run!.required).toEqual(["id", "instructions", "tags"]);
  });

  it("remove deletes every match, with filter expressions", () => {
    const { doc } = applied({ "fix.yaml": overlay(`
      - target: $.components.schemas[?@.deprecated == true]
        remove: true
    `) });
    expect(Object.keys(doc.components.schemas)).toEqual(["Run"]);
  });

  it("overlays apply in order: the second sees the first's changes", () => {
    const { doc, warnings } = applied({
      "a.yaml": overlay(`
        - target: $.components.schemas
          update: { Added: { type: object, properties: { z: { type: integer } } } }
      `),
      "b.yaml": overlay(`
        - target: $.components.schemas.Added.properties.z
          update: { format: int64 }
      `),
    });
    expect(warnings).toEqual([]);
    expect(doc.components.schemas.Added).toEqual({ type: "object", properties: { z: { type: "integer", format: "int64" } } });
  });

  it("an action that matches nothing is a warning naming the overlay file, line and target", () => {
    const { warnings } = applied({ "fix.yaml": overlay(`
      - target: $.components.schemas.Run
        update: { description: ok }
      - target: $.components.schemas.Missing
        update: { description: never }
    `) });
    expect(warnings).toEqual([{ file: "fix.yaml", line: 6, col: 3, message: "overlay action 1 (target $.components.schemas.Missing) matches nothing" }]);
  });

  it("reaches every file of a multi-file spec", () => {
    const dir = project({
      "openapi.yaml": `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /p: { get: { operationId: p, responses: { "200": { content: { application/json: { schema: { $ref: "models/pet.yaml" } } } } } } }\n`,
      "models/pet.yaml": `type: object\nproperties:\n  name: { type: string }\n`,
      "fix.yaml": overlay(`
        - target: $.properties.name
          update: { maxLength: 10 }
      `),
    });
    const specs = new SpecSet(path.join(dir, "openapi.yaml"));
    expect(applyOverlays(specs, [path.join(dir, "fix.yaml")], (abs) => path.relative(dir, abs))).toEqual([]);
    const pet = normalize(specs).models.find((m) => m.id === "models/pet.yaml#") as ObjectModel;
    expect(pet.fields[0]!.type.constraints).toEqual({ maxLength: 10 });
  });
});

describe("positions", () => {
  it("a schema an overlay adds points into the overlay file in the IR", () => {
    const { specs } = applied({ "fix.yaml": overlay(`
      - target: $.components.schemas
        update:
          Added:
            type: object
            properties:
              z: { type: integer }
    `) });
    const added = normalize(specs).models.find((m) => m.id === "#/components/schemas/Added")!;
    expect(added.source).toEqual({ file: "fix.yaml", line: 7, col: 7, pointer: "/components/schemas/Added" });
  });

  it("an error inside what an overlay added is reported in the overlay file", () => {
    const { specs } = applied({ "fix.yaml": overlay(`
      - target: $.components.schemas.Run.properties
        update:
          broken: { $ref: "#/components/schemas/Nowhere" }
    `) });
    expect(() => normalize(specs)).toThrow(/^fix\.yaml:6:15 #\/components\/schemas\/Run\/properties\/broken: \$ref "#\/components\/schemas\/Nowhere" does not resolve/);
  });
});

describe("malformed overlays are positioned errors", () => {
  it.each([
    ["not the Overlay version", `overlay: two\ninfo: { title: t, version: "1" }\nactions: [{ target: $, remove: true }]\n`, "bad.yaml:1:1 #/overlay: `overlay` must be the Overlay Specification version, such as 1.0.0"],
    ["no actions", `overlay: 1.0.0\ninfo: { title: t, version: "1" }\nactions: []\n`, "bad.yaml:3:1 #/actions: `actions` must be a non-empty list"],
    ["an invalid JSONPath", `overlay: 1.0.0\ninfo: { title: t, version: "1" }\nactions:\n  - target: "$.a["\n    remove: true\n`, "bad.yaml:4:5 #/actions/0/target: invalid JSONPath \"$.a[\""],
    ["neither update nor remove", `overlay: 1.0.0\ninfo: { title: t, version: "1" }\nactions:\n  - target: $.a\n`, "bad.yaml:4:5 #/actions/0: an action needs `update` or `remove: true`"],
    ["a YAML error", `overlay: 1.0.0\nactions: [\n`, "bad.yaml:3:1: malformed overlay"],
  ])("%s", (_, text, message) => {
    expect(() => applied({ "bad.yaml": text })).toThrow(message);
  });
});

it.each([
  ["$['a'][0]['b']", ["a", 0, "b"]],
  ["$['it\\'s']['back\\\\slash']", ["it's", "back\\slash"]],
  ["$", []],
  ["$['\\u0001x']", ["\u0001x"]],
])("normalized path %s", (normalized, want) => {
  expect(parseNormalizedPath(normalized)).toEqual(want);
});
