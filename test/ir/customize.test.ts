// Renames and include/exclude over the IR: given settings, want names (as a target writes them),
// the models kept, and clear errors for unknown keys and dangling references.
import { describe, expect, it } from "vitest";
import { irOfFiles, dedent } from "../helpers/spec.js";
import { applyRenames } from "../../src/ir/customize/rename.js";
import { selectModels } from "../../src/ir/customize/select.js";
import { resolveModelMap } from "../../src/ir/customize/model-map.js";
import { assignNames } from "../../src/naming/assign.js";
import { rustNamingRules } from "../../src/targets/rust/naming.js";
import type { IrDocument, ObjectModel } from "../../src/ir/types.js";

const ir = irOfFiles({
  "openapi.yaml": dedent(`
    openapi: 3.1.0
    info: { title: T, version: "1" }
    paths:
      /runs:
        get:
          operationId: listRuns
          tags: [runs]
          responses: { "200": { content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/RunObject" } } } } } }
      /steps/{id}:
        get:
          operationId: getStep
          tags: [steps]
          parameters: [{ name: id, in: path, schema: { type: string } }]
          responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/RunStepObject" } } } } }
    components:
      schemas:
        RunObject:
          type: object
          properties:
            created_at: { type: integer }
            last_error: { type: object, properties: { code: { type: string, enum: [a, b] } } }
            usage: { $ref: "#/components/schemas/Usage" }
        RunStepObject:
          type: object
          properties:
            run: { $ref: "#/components/schemas/RunObject" }
        Usage: { type: object, properties: { tokens: { type: integer } } }
        Unrelated: { type: object, properties: { x: { type: string } } }
  `),
});
const names = (doc: IrDocument) => {
  const t = assignNames(doc, rustNamingRules);
  return doc.models.map((m) => t.type(m.id));
};

describe("renames", () => {
  it("renames a model, its hoisted models follow, the id stays", () => {
    const renamed = applyRenames(ir, { models: { RunObject: "Run", RunStepObject: "RunStep" } });
    expect(names(ir)).toEqual(["RunObject", "RunObjectLastError", "RunObjectLastErrorCode", "RunStepObject", "Unrelated", "Usage", "ListRunsResponse", "GetStepParams"]);
    expect(names(renamed)).toEqual(["Run", "RunLastError", "RunLastErrorCode", "RunStep", "Unrelated", "Usage", "ListRunsResponse", "GetStepParams"]);
    expect(renamed.models.map((m) => m.id)).toEqual(ir.models.map((m) => m.id));
  });

  it("renames an operation model by its generated name", () => {
    expect(names(applyRenames(ir, { models: { ListRunsResponse: "RunPage" } }))).toContain("RunPage");
  });

  it("a field rename changes the identifier, never the wire name", () => {
    const renamed = applyRenames(ir, { fields: { "RunObject.created_at": "started" } });
    const run = renamed.models.find((m) => m.id === "#/components/schemas/RunObject") as ObjectModel;
    expect(run.fields[0]).toMatchObject({ name: "created_at", identifier: "started" });
    expect(assignNames(renamed, rustNamingRules).field(run.id, "created_at")).toBe("started");
  });

  it.each([
    [{ models: { RunObjekt: "Run" } }, 'rename.models: no model "RunObjekt" (closest: RunObject'],
    [{ fields: { "RunObject.created": "x" } }, 'rename.fields: model RunObject has no field "created" (closest: created_at'],
    [{ fields: { created_at: "x" } }, 'rename.fields: "created_at" must be <Model>.<field>'],
    [{ models: { RunObject: "--" } }, 'rename.models.RunObject: "--" has no letters'],
  ])("an unknown key is an error listing the closest names: %o", (settings, message) => {
    expect(() => applyRenames(ir, settings)).toThrow(message);
  });
});

describe("include and exclude", () => {
  const ids = (doc: IrDocument) => doc.models.map((m) => m.id.replace("#/components/schemas/", ""));

  it.each([
    [{ include: ["RunObject"] }, ["RunObject", "RunObject/properties/last_error", "RunObject/properties/last_error/properties/code", "Usage"]],
    [{ include: ["Run*Object"] }, ["RunObject", "RunObject/properties/last_error", "RunObject/properties/last_error/properties/code", "RunStepObject", "Usage"]],
    [{ include: ["tag:steps"] }, ["RunObject", "RunObject/properties/last_error", "RunObject/properties/last_error/properties/code", "RunStepObject", "Usage", "#/paths/~1steps~1{id}/get/parameters"]],
    [{ include: ["path:/runs"] }, ["RunObject", "RunObject/properties/last_error", "RunObject/properties/last_error/properties/code", "Usage", "#/paths/~1runs/get/responses/200/content/application~1json/schema"]],
    [{ exclude: ["Unrelated", "tag:steps", "RunStepObject"] }, ["RunObject", "RunObject/properties/last_error", "RunObject/properties/last_error/properties/code", "Usage", "#/paths/~1runs/get/responses/200/content/application~1json/schema"]],
  ])("%o keeps the closure", (settings, want) => {
    const doc = selectModels(ir, settings);
    expect(ids(doc).sort()).toEqual([...want].sort());
    for (const op of doc.operations ?? []) for (const p of [...op.requests, ...op.responses]) expect(doc.models.some((m) => p.type.kind === "ref" && m.id === p.type.target)).toBe(true);
  });

  it("an exclude that leaves a reference dangling names both models", () => {
    expect(() => selectModels(ir, { include: ["RunStepObject"], exclude: ["Usage"] })).toThrow("exclude: RunObject references Usage, which is excluded");
  });

  it("a pattern that matches nothing is an error", () => {
    expect(() => selectModels(ir, { include: ["Nope*"] })).toThrow('include: "Nope*" matches no model');
  });
});

describe("diff between a renamed and an unrenamed run", () => {
  it("reports a rename only where the setting changed", async () => {
    const { diffIr, judgesFor } = await import("../../src/diff/index.js");
    const { TARGETS } = await import("../../src/targets/registry.js");
    const judges = judgesFor(TARGETS);
    const result = diffIr(ir, applyRenames(ir, { models: { RunStepObject: "RunStep" } }), { judges });
    const renames = result.groups.filter((g) => g.status === "renamed").map((g) => [g.oldName, g.name]);
    expect(renames).toEqual([["RunStepObject", "RunStep"]]);
    expect(result.counts.total).toBe(1);
    expect(diffIr(ir, ir, { judges }).counts.total).toBe(0);
  });
});

describe("no renames, no map", () => {
  // Models whose name hint cannot be read: a run without renames or a map must not make every model's key.
  const unreadable = (): IrDocument => ({
    ...ir,
    models: ir.models.map((m) => Object.defineProperty({ ...m }, "nameHint", { get: () => expect.fail("read a name hint") })),
  });

  it("applyRenames returns the IR itself without reading a model", () => {
    const doc = unreadable();
    expect(applyRenames(doc, {})).toBe(doc);
    expect(applyRenames(doc, { models: {}, fields: {} }, { skipMissing: true })).toBe(doc);
  });

  it("resolveModelMap resolves nothing without reading a model", () => {
    expect(resolveModelMap(unreadable(), {})).toEqual({});
  });
});
