// The real OpenAI specs: RunObject and RunStepObject as IR snapshots (3.0 `nullable` and 3.1),
// and all eight specs load and normalize with only the report entries the IR cannot express.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { irOf, OPENAI_SPECS, SHARED } from "../helpers/generate.js";
import type { EnumModel, ObjectModel, UnionModel } from "../../src/ir/types.js";

const spec = (name: string) => path.join(SHARED, "specs/openai", name);

describe.each(["openai-2024-06-24.yaml", "openai-2026-08-21.yaml"])("%s", (file) => {
  const ir = irOf(spec(file));
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const run = byId.get("#/components/schemas/RunObject") as ObjectModel;
  const step = byId.get("#/components/schemas/RunStepObject") as ObjectModel;
  const field = (m: ObjectModel, name: string) => m.fields.find((f) => f.name === name)!;

  it("RunObject: 27 fields, only temperature and top_p optional (and nullable)", () => {
    expect(run.fields).toHaveLength(27);
    const optional = run.fields.filter((f) => !f.required);
    expect(optional.map((f) => f.name)).toEqual(["temperature", "top_p"]);
    expect(optional.every((f) => f.type.nullable)).toBe(true);
  });

  it("cancelled_at is a required, nullable unixtime integer with its description", () => {
    const f = field(run, "cancelled_at");
    expect(f.required).toBe(true);
    // 2024-06-24 says "Unix timestamp" only in the description: the format is inferred and marked so.
    expect(f.type).toMatchObject({ kind: "primitive", type: "integer", format: "unixtime", nullable: true });
    expect(f.docs.description).toBe("The Unix timestamp (in seconds) for when the run was cancelled.");
  });

  it("status has 9 values, object is the literal thread.run", () => {
    const status = field(run, "status").type;
    expect(status.kind).toBe("ref");
    const e = byId.get((status as { target: string }).target) as EnumModel;
    expect(e.members).toHaveLength(9);
    expect(field(run, "object").type).toEqual({ kind: "literal", value: "thread.run" });
  });

  it("keeps minimum 256, default [] and maxItems 20", () => {
    expect(field(run, "max_completion_tokens").type.constraints).toEqual({ minimum: 256 });
    const tools = field(run, "tools");
    expect(tools.default).toEqual([]);
    expect(tools.type.constraints).toEqual({ maxItems: 20 });
  });

  it("step_details is a union tagged by type", () => {
    const t = field(step, "step_details").type as { target: string };
    const u = byId.get(t.target) as UnionModel;
    expect(u.kind).toBe("union");
    expect(u.discriminator?.property).toBe("type");
    expect(u.variants.map((v) => v.tags)).toEqual([["message_creation"], ["tool_calls"]]);
  });

  it("matches the IR snapshot", () => {
    const strip = (m: object) => JSON.parse(JSON.stringify(m, (k, v) => (k === "line" || k === "col" ? undefined : v)));
    const hoisted = ir.models.filter((m) => m.id.startsWith("#/components/schemas/RunObject/") || m.id.startsWith("#/components/schemas/RunStepObject/"));
    expect(strip({ run, step, hoisted })).toMatchSnapshot();
  });
});

// Model counts per spec: top-level component models, all models (hoisted inline schemas too),
// models of operations (bodies, responses, parameters), operations with at least one model, the
// report entries that remain (each a case the IR cannot express, see README, "What the IR cannot
// express") and the media types that get no model (listed in the report).
const EXPECTED: Record<string, { components: number; models: number; operationModels: number; operations: number; report: number; mediaTypes: number }> = {
  "openai-2023-11-28.yaml": { components: 110, models: 269, operationModels: 45, operations: 57, report: 4, mediaTypes: 1 },
  "openai-2024-03-29.yaml": { components: 130, models: 325, operationModels: 44, operations: 51, report: 5, mediaTypes: 1 },
  "openai-2024-06-24.yaml": { components: 169, models: 466, operationModels: 60, operations: 68, report: 6, mediaTypes: 1 },
  "openai-2024-12-18.yaml": { components: 284, models: 795, operationModels: 123, operations: 110, report: 5, mediaTypes: 1 },
  "openai-2025-04-29.yaml": { components: 477, models: 1160, operationModels: 167, operations: 148, report: 12, mediaTypes: 4 },
  "openai-2026-05-13.yaml": { components: 959, models: 1987, operationModels: 262, operations: 257, report: 12, mediaTypes: 13 },
  "openai-2026-07-15.yaml": { components: 1371, models: 2569, operationModels: 308, operations: 296, report: 19, mediaTypes: 14 },
  "openai-2026-08-21.yaml": { components: 1422, models: 2740, operationModels: 309, operations: 304, report: 27, mediaTypes: 14 },
};

/** Report entries the IR cannot express, by message. */
const INEXPRESSIBLE = [
  /^required property "[^"]+" has no schema; typed as unknown$/, // the spec requires a property it never declares
  /^`propertyNames` is not represented in the IR and is ignored$/, // key constraints of maps
  /^allOf member is a union, not an object; its constraints are not merged$/, // intersection of a union with an object
  /^a oneOf\/anyOf of `required` lists .* is not represented; the properties stay as declared$/, // presence rules
  /^`not` is not represented in the IR and is ignored$/, // "not both": `not: {required: [a, b]}` (ImageRefParam)
];

describe.each(OPENAI_SPECS.map((p) => [path.basename(p), p]))("%s loads and normalizes", (name, file) => {
  it("with the expected model count and only inexpressible report entries", () => {
    const ir = irOf(file);
    const media = ir.report.filter((d) => d.kind === "ignored-media-type");
    const rest = ir.report.filter((d) => d.kind !== "ignored-media-type");
    const counts = {
      components: ir.models.filter((m) => !m.parent && !m.origin).length,
      models: ir.models.length,
      operationModels: ir.models.filter((m) => m.origin === "operation" || m.origin === "parameters" || m.origin === "webhook").length,
      operations: ir.operations?.length ?? 0,
      report: rest.length,
      mediaTypes: media.length,
    };
    expect(counts).toEqual(EXPECTED[name]);
    for (const d of rest) expect(INEXPRESSIBLE.some((re) => re.test(d.message)), `${d.source.pointer}: ${d.message}`).toBe(true);
    // Only non-JSON media types are left without a model (event streams, audio, binary downloads, plain text).
    for (const d of media) expect(d.message, d.source.pointer).not.toMatch(/json|form/i);
  });
});
