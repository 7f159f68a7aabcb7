// `openapi-modelgen examples`: the overlay it learns makes the spec agree with every example (and
// sample) it judged, and each action names who needed it; samples of our own contradict spec/ in
// each way an overlay can fix.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runExamples } from "../../src/commands/examples.js";
import { SpecSet } from "../../src/load/loader.js";
import { applyOverlays } from "../../src/load/overlay.js";
import { normalize } from "../../src/ir/normalize/index.js";
import { indexModels } from "../../src/ir/query.js";
import { judge } from "../../src/examples/judge.js";
import { samplePayloads, specExamples } from "../../src/examples/extract.js";
import { REPO, SHARED } from "../helpers/generate.js";

/** Runs the command in-process, capturing stdout. */
function examples(args: string[]): string {
  const write = process.stdout.write.bind(process.stdout);
  let out = "";
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    expect(runExamples(args, REPO)).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

/** Contradictions left after applying `overlay` (judged as the command judges). */
function leftAfter(spec: string, overlay: string, samples?: string): string[] {
  const specs = new SpecSet(spec);
  applyOverlays(specs, [overlay]);
  const ir = normalize(specs);
  const models = indexModels(ir.models);
  const payloads = [...specExamples(ir, specs), ...(samples ? samplePayloads(samples, ir) : [])];
  return payloads.flatMap((p) => judge(p.json, p.type, models, "lenient").map((x) => `${p.source}: ${x.pointer}: ${x.reason}`));
}

describe.each(["2024-06-24", "2026-08-21"])("the overlay learned from openai-%s", (date) => {
  it("makes the spec agree with every example", () => {
    const spec = path.join(SHARED, `specs/openai/openai-${date}.yaml`);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-learned-")), "learned.yaml");
    const report = examples([spec, "--overlay", out]);
    const contradicting = Number(/(\d+) contradict it/.exec(report)![1]);
    expect(contradicting).toBeGreaterThan(10);
    const overlay = parse(readFileSync(out, "utf8")) as { overlay: string; actions: { target: string; description: string }[] };
    expect(overlay.overlay).toBe("1.0.0");
    for (const a of overlay.actions) expect(a.description).toMatch(/: (GET|POST|DELETE|PATCH|PUT) /);
    expect(leftAfter(spec, out)).toEqual([]);
    if (date === "2026-08-21") {
      // The committed example in docs/ is exactly what the command writes.
      expect(readFileSync(out, "utf8"), "regenerate: openapi-modelgen examples <spec> --overlay docs/overlay-learned-2026-08-21.yaml").toBe(readFileSync(path.join(REPO, "docs/overlay-learned-2026-08-21.yaml"), "utf8"));
    }
  }, 120_000);
});

describe("--samples", () => {
  // Payloads of our own for spec/'s Run, each contradicting it in one way an overlay can fix.
  const run = {
    id: "run_1", object: "thread.run", created_at: 1700000000, thread_id: "t", assistant_id: "a", status: "queued", required_action: null, last_error: null,
    expires_at: null, started_at: null, cancelled_at: null, failed_at: null, completed_at: null, incomplete_details: null, model: "gpt-4o", instructions: "x",
    tools: [], metadata: {}, usage: null, max_prompt_tokens: null, max_completion_tokens: null, truncation_strategy: null, tool_choice: "auto", parallel_tool_calls: true,
    response_format: "auto",
  };
  it("learns nullable, optional, a new enum value and a widened type, and then agrees", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-samples-"));
    mkdirSync(path.join(dir, "samples"));
    const { instructions: _, ...withoutInstructions } = run;
    writeFileSync(path.join(dir, "samples/Run-null-id.json"), JSON.stringify({ ...run, thread_id: null }));
    writeFileSync(path.join(dir, "samples/Run-missing.json"), JSON.stringify(withoutInstructions));
    writeFileSync(path.join(dir, "samples/Run-new-status.json"), JSON.stringify({ ...run, status: "paused" }));
    writeFileSync(path.join(dir, "samples/runs.jsonl"), JSON.stringify({ model: "Run", payload: { ...run, assistant_id: 42 } }) + "\n");
    const out = path.join(dir, "learned.yaml");
    const spec = path.join(REPO, "spec/openapi.yaml");
    const report = examples([spec, "--samples", path.join(dir, "samples"), "--overlay", out]);
    expect(report).toContain("Run-null-id.json: /thread_id: null where the spec does not allow it");
    expect(report).toContain("Run-missing.json: /instructions: required field is missing");
    expect(report).toContain('Run-new-status.json: /status: "paused" is not one of the enum\'s values');
    expect(report).toContain("runs.jsonl:1: /assistant_id: expected string, found 42");
    const actions = (parse(readFileSync(out, "utf8")) as { actions: { target: string; description: string; update?: unknown; remove?: true }[] }).actions;
    const descriptions = actions.map((a) => a.description);
    // Each contradiction kind, as the overlay action that fixes it (spec/ is OpenAPI 3.1).
    const RUN = "$['components']['schemas']['Run']";
    const want: { kind: string; target: string; action: { update?: unknown; remove?: true } }[] = [
      { kind: "null admitted", target: `${RUN}['properties']['thread_id']`, action: { update: { type: ["string", "null"] } } },
      { kind: "dropped from required", target: `${RUN}['required'][?@ == 'instructions']`, action: { remove: true } },
      { kind: "enum value added", target: "$['components']['schemas']['RunStatus']['enum']", action: { update: ["paused"] } },
      { kind: "widened to a union (removed, then put back)", target: `${RUN}['properties']['assistant_id']`, action: { remove: true } },
      {
        kind: "widened to a union",
        target: `${RUN}['properties']`,
        action: { update: { assistant_id: { anyOf: [{ type: "string", description: "The assistant that carried out the run." }, { type: "integer" }] } } },
      },
    ];
    for (const w of want) {
      const found = actions.find((a) => a.target === w.target);
      expect(found && { ...(found.update !== undefined ? { update: found.update } : {}), ...(found.remove ? { remove: found.remove } : {}) }, w.kind).toEqual(w.action);
    }
    expect(descriptions.some((d) => d.includes("Run.thread_id admits null: Run-null-id.json"))).toBe(true);
    expect(descriptions.some((d) => d.includes("Run.instructions may be absent: Run-missing.json"))).toBe(true);
    expect(descriptions.some((d) => d.includes('also has "paused": Run-new-status.json'))).toBe(true);
    expect(descriptions.some((d) => d.includes("Run.assistant_id also admits integer: runs.jsonl:1"))).toBe(true);
    expect(leftAfter(spec, out, path.join(dir, "samples"))).toEqual([]);
  });

  // spec/'s Annotation is a union of the subtypes that extend it (allOf): a tag none of them has
  // is learned as a subtype, not as a oneOf branch (which would make it another kind of union).
  it("learns a subtype for a tag no subtype of a type with a discriminator has, and then agrees", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-samples-"));
    mkdirSync(path.join(dir, "samples"));
    writeFileSync(path.join(dir, "samples/Annotation-quote.json"), JSON.stringify({ kind: "quote", text: "x", quote: "y" }));
    writeFileSync(path.join(dir, "samples/Annotation-page-ref.json"), JSON.stringify({ kind: "page-ref", text: "x" }));
    const out = path.join(dir, "learned.yaml");
    const spec = path.join(REPO, "spec/openapi.yaml");
    const report = examples([spec, "--samples", path.join(dir, "samples"), "--overlay", out]);
    expect(report).toContain('Annotation-quote.json: /kind: unknown tag "quote"');
    const actions = (parse(readFileSync(out, "utf8")) as { actions: { target: string; update?: unknown }[] }).actions;
    const ANNOTATION = "$['components']['schemas']['Annotation']";
    expect(actions.map((a) => [a.target, a.update])).toEqual([
      ["$['components']['schemas']", { AnnotationPageRef: { allOf: [{ $ref: "#/components/schemas/Annotation" }] } }],
      [ANNOTATION, { discriminator: { propertyName: "kind", mapping: { "page-ref": "#/components/schemas/AnnotationPageRef" } } }],
      ["$['components']['schemas']", { AnnotationQuote: { allOf: [{ $ref: "#/components/schemas/Annotation" }] } }],
      [ANNOTATION, { discriminator: { propertyName: "kind", mapping: { quote: "#/components/schemas/AnnotationQuote" } } }],
    ]);
    expect(leftAfter(spec, out, path.join(dir, "samples"))).toEqual([]);
    // The type is still the union of its subtypes, the old ones with their tags and the new ones.
    const specs = new SpecSet(spec);
    applyOverlays(specs, [out]);
    const annotation = normalize(specs).models.find((m) => m.id === "#/components/schemas/Annotation");
    expect(annotation?.kind === "union" && annotation.variants.map((v) => v.tags)).toEqual([["file_citation"], ["UrlCitation"], ["page-ref"], ["quote"]]);
  });

  it("writes an empty overlay when nothing contradicts, and a JSON report", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-samples-"));
    mkdirSync(path.join(dir, "samples"));
    writeFileSync(path.join(dir, "samples/Run.json"), JSON.stringify(run));
    const json = JSON.parse(examples([path.join(REPO, "spec/openapi.yaml"), "--samples", path.join(dir, "samples"), "--format", "json"])) as { judged: number; contradicting: number; findings: unknown[]; overlay: { actions: unknown[] } };
    expect(json.findings).toEqual([]);
    expect(json.contradicting).toBe(0);
    expect(json.overlay.actions).toEqual([]);
  });
});
