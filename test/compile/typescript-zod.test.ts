// The zod validators (`typescript: { validators: zod }`):
// - the output (declared types, the default) passes tsc --strict for spec/, every fixture and all
//   eight OpenAI specs;
// - for every model of spec/ and the 2024-06-24 and 2026-08-21 OpenAI specs, with zod's own types
//   (`validatorTypes: inferred`), `z.infer<typeof XSchema>` and `X` are mutually assignable, or the
//   difference is a known one, detected in the IR and listed (KNOWN_DIFFERENCES). The declared
//   output has the same expressions (test/targets/typescript/zod-validator-types.test.ts), typed
//   by declaration, so the check carries over to it;
// - with inferred types, a schema on a reference cycle that parses something other than its model fails tsc;
// - the output is Prettier-stable under every option and presence policy;
// - at run time, spec/'s schemas accept and reject what the options say, with errors that name
//   the place (the README's example is one of these).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { IrDocument, Model } from "../../src/ir/types.js";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { fixtureSpecs, irOf, OPENAI_SPECS, REPO, renderAsync } from "../helpers/generate.js";
import { importZodModels, writeZodModels } from "../conformance/zod-harness.js";
import { formatDiagnostics, STRICT_OPTIONS, typecheck } from "./tsc.js";
import { inferCheck, TYPE_UTILS } from "./zod-check.js";
import { run, step } from "./payloads/runs.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const INFER_CHECKED = new Set([SPEC, OPENAI_SPECS[2]!, OPENAI_SPECS[7]!]);
const SPECS = [SPEC, ...fixtureSpecs().map((f) => f.spec), ...OPENAI_SPECS];

/**
 * Where `z.infer` and the model may differ, each found in the IR: model path -> reason. An object
 * with declared fields and extra keys of a declared type: TypeScript makes the interface's index
 * signature admit the declared fields' types too (`[key: string]: number | string | undefined`),
 * while zod types the extra keys as declared (`.catchall(z.int())`).
 */
function knownDifferences(ir: IrDocument): Map<string, string> {
  const names = assignNames(ir, tsNamingRules);
  const out = new Map<string, string>();
  const typedExtraKeys = (m: Model) => m.kind === "object" && m.fields.length > 0 && m.additionalProperties !== undefined && m.additionalProperties.kind !== "unknown";
  for (const m of ir.models) {
    if (typedExtraKeys(m)) out.set(names.path(m.id).join("."), "declared fields beside typed extra keys: the interface's index signature admits the fields' types too");
  }
  return out;
}

// zod's own declaration files are checked once, with spec/; the rest skip them (skipLibCheck
// skips .d.ts files only: every generated file is still checked in full).
const tscOptions = (spec: string) => (spec === SPEC ? STRICT_OPTIONS : { ...STRICT_OPTIONS, skipLibCheck: true });

describe.each(SPECS.map((s) => [path.relative(REPO, s), s]))("%s with validators", (_name, spec) => {
  it("passes tsc --strict (declared types, the default)", async () => {
    const dir = await writeZodModels(spec, "lenient");
    const roots = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
    const diags = typecheck(roots, tscOptions(spec));
    expect(diags, formatDiagnostics(diags)).toEqual([]);
  }, 600_000);
});

describe.each([...INFER_CHECKED].map((s) => [path.relative(REPO, s), s]))("%s with validators, inferred types", (_name, spec) => {
  it("passes tsc --strict, and z.infer agrees with every model", async () => {
    const dir = await writeZodModels(spec, "lenient", { validatorTypes: "inferred" });
    const roots = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
    const check = inferCheck(irOf(spec));
    writeFileSync(path.join(dir, "infer.check.ts"), check.text);
    writeFileSync(path.join(dir, "type-utils.ts"), TYPE_UTILS);
    roots.push(path.join(dir, "infer.check.ts"));
    const diags = typecheck(roots, tscOptions(spec));
    const outside = diags.filter((d) => d.file !== "infer.check.ts");
    expect(outside, formatDiagnostics(outside)).toEqual([]);
    const differing = [...new Set(diags.filter((d) => d.file === "infer.check.ts").map((d) => check.lineModel.get(d.line) ?? `line ${d.line}`))].sort();
    const known = knownDifferences(irOf(spec));
    expect(differing.filter((m) => !known.has(m)), "z.infer and the model differ for an unexplained reason").toEqual([]);
    // Every known difference is a real one: the detection cannot hide a model that agrees.
    expect([...known.keys()].filter((m) => !differing.includes(m)), "listed as different but agreeing").toEqual([]);
    console.log(`${path.basename(spec)}: ${check.lineModel.size} schemas, ${check.lineModel.size - differing.length} agree with their model, ${differing.length} known differences`);
    for (const m of differing) console.log(`  ${m}: ${known.get(m)}`);
  }, 600_000);
});

describe("int64: bigint: int64 enum values and consts are bigints too (the formats fixture)", () => {
  const FORMATS = path.join(REPO, "test/fixtures/formats.yaml");

  it.each<[string, { validatorTypes?: "inferred"; openEnums?: false }]>([
    ["declared types, open enums", {}],
    ["inferred types, closed enums", { validatorTypes: "inferred", openEnums: false }],
  ])("%s: tsc --strict, and z.infer agrees with every model", async (_label, options) => {
    const dir = await writeZodModels(FORMATS, "lenient", { int64: "bigint", ...options });
    expect(readFileSync(path.join(dir, "Limit.ts"), "utf8")).toContain("0n | 9007199254740993n | 9223372036854775807n");
    expect(readFileSync(path.join(dir, "Formats.ts"), "utf8")).toContain("most?: 9223372036854775807n;");
    const roots = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
    const check = inferCheck(irOf(FORMATS));
    writeFileSync(path.join(dir, "infer.check.ts"), check.text);
    writeFileSync(path.join(dir, "type-utils.ts"), TYPE_UTILS);
    const diags = options.validatorTypes === "inferred" ? typecheck([...roots, path.join(dir, "infer.check.ts")], STRICT_OPTIONS) : typecheck(roots, STRICT_OPTIONS);
    expect(diags, formatDiagnostics(diags)).toEqual([]);
  }, 120_000);

  it.each([true, false])("at run time, open enums %s: a JSON number or a bigint reads as the bigint", async (open) => {
    const s = importZodModels(await writeZodModels(FORMATS, "lenient", { int64: "bigint", openEnums: open }));
    const { FormatsSchema: formats, LimitSchema: limit } = await s;
    expect(limit!.parse(0)).toBe(0n);
    expect(limit!.parse(9007199254740993n)).toBe(9007199254740993n);
    if (open) expect(limit!.parse(12)).toBe(12n);
    else expect(failure(limit!, 12)).toContain("expected one of 0n|9007199254740993n|9223372036854775807n");
    const base = { i32: 1, i64: 2, u64: 3, stamp: 4 };
    expect(formats!.parse({ ...base, most: 9223372036854775807n, least: -9223372036854775808n })).toMatchObject({ most: 9223372036854775807n, least: -9223372036854775808n });
    // A const is closed: another value is an error, whatever the enums.
    expect(failure(formats!, { ...base, most: 5n })).toContain("→ at most");
    // Bounds as bigints, with the spec's digits: seed is an int64's whole range, counter a multiple of 2 up to 2^64 - 1.
    expect(formats!.parse({ ...base, seed: -9223372036854775808n, counter: 4 })).toMatchObject({ seed: -9223372036854775808n, counter: 4n });
    expect(failure(formats!, { ...base, seed: 9223372036854775808n })).toContain("→ at seed");
    expect(failure(formats!, { ...base, counter: 3n })).toContain("→ at counter");
    expect(failure(formats!, { ...base, counter: 18446744073709551616n })).toContain("→ at counter");
  }, 120_000);
});

describe("subtypes of a type with a discriminator (the inheritance fixture)", () => {
  it("at run time, a field of the type parses each subtype by its tag, with every field of its own", async () => {
    const s = await importZodModels(await writeZodModels(path.join(REPO, "test/fixtures/inheritance.yaml"), "lenient"));
    const owner = {
      pet: { petType: "dog", name: "Rex", packSize: 3 },
      shapes: [{ "@kind": "polygon", sides: 5 }, { "@kind": "square", side: 2.5 }, { "@kind": "Circle", radius: 1 }],
      events: { a: { type: "base", at: 1 }, b: { type: "click", x: 1 } },
      tree: { kind: "Branch", children: [{ kind: "Leaf", value: null }], first: { kind: "Leaf", value: "v" } },
    };
    expect(s.OwnerSchema!.parse(owner)).toEqual(owner);
    // The tag picks the subtype, whose own rules then hold: a Dog needs its packSize.
    expect(failure(s.OwnerSchema!, { ...owner, pet: { petType: "dog", name: "Rex" } })).toContain("packSize");
    expect(failure(s.OwnerSchema!, { ...owner, shapes: [{ "@kind": "square", side: "wide" }] })).toContain("side");
  }, 120_000);
});

describe("with inferred types, a schema on a reference cycle is checked against its model in every compile", () => {
  // `recursive<TreeNode>(...)` (zod-support.ts) is what checks these schemas, the annotation
  // making `z.infer` the model whatever the schema says: a schema that parses something else fails.
  // (Declared types check nothing in the user's compile: their schemas are the inferred ones, checked here.)
  const CASES: [string, string, string | undefined][] = [
    ["as generated", "value: z.string(),", undefined],
    ["a field of another type", "value: z.int(),", "TreeNode.ts"],
    ["a required field made optional", "value: z.string().optional(),", "TreeNode.ts"],
  ];
  it.each(CASES)("%s", async (_label, field, wantErrorIn) => {
    const dir = await writeZodModels(SPEC, "lenient", { validatorTypes: "inferred" });
    const file = path.join(dir, "TreeNode.ts");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("recursive<TreeNode>(");
    writeFileSync(file, text.replace("value: z.string(),", field));
    const roots = ["TreeNode.ts", "zod-support.ts"].map((f) => path.join(dir, f));
    const files = [...new Set(typecheck(roots, { ...STRICT_OPTIONS, skipLibCheck: true }).map((d) => d.file))];
    expect(files).toEqual(wantErrorIn ? [wantErrorIn] : []);
  }, 120_000);
});

describe("with declared types, a user's code sees each schema as its model's z.ZodType", () => {
  // What the README promises: `.parse()` returns the model, `z.infer` is the model, and the
  // schemas compose with the user's own zod code; a wrong expectation fails to compile.
  const PRELUDE = [
    'import { z } from "zod";',
    'import { RunSchema, TreeNodeSchema, type Run, type TreeNode } from "./index.js";',
    "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
    "export const ok = <T extends true>(): T | undefined => undefined;",
  ];
  const CASES: [string, string, boolean][] = [
    ["parse returns the model", "export const run: Run = RunSchema.parse({});", false],
    ["z.infer is the model", "export const a = ok<Same<z.infer<typeof RunSchema>, Run>>();", false],
    ["a cycle schema's z.infer is its model", "export const b = ok<Same<z.infer<typeof TreeNodeSchema>, TreeNode>>();", false],
    ["composes with the user's zod", "export const c = ok<Same<z.infer<ReturnType<typeof z.array<typeof RunSchema>>>, Run[]>>();", false],
    ["composes with zod's methods", "export const d = ok<Same<z.infer<ReturnType<typeof RunSchema.optional>>, Run | undefined>>();", false],
    ["another model is not the schema's", "export const e = ok<Same<z.infer<typeof RunSchema>, TreeNode>>();", true],
  ];
  it.each(CASES)("%s", async (_label, line, wantError) => {
    const dir = await writeZodModels(SPEC, "lenient");
    writeFileSync(path.join(dir, "user.ts"), [...PRELUDE, line, ""].join("\n"));
    // The prelude imports more than each case uses.
    const diags = typecheck([path.join(dir, "user.ts")], { ...STRICT_OPTIONS, skipLibCheck: true, noUnusedLocals: false });
    expect(diags.length > 0, formatDiagnostics(diags)).toBe(wantError);
    // A failure is the expectation's, on its line (the last of user.ts).
    for (const d of diags) expect(`${d.file}:${d.line}`).toBe(`user.ts:${PRELUDE.length + 1}`);
  }, 120_000);
});

describe("Prettier is the reference for the validators too", () => {
  const OPTIONS: [string, Record<string, unknown>, "lenient" | "strict" | "tolerant"][] = [
    ["defaults", {}, "lenient"],
    ["strict presence, strict keys, closed enums and unions, inferred types", { unknownKeys: "strict", openEnums: false, openUnions: false, validatorTypes: "inferred" }, "strict"],
    ["tolerant presence, strip, bigint", { unknownKeys: "strip", int64: "bigint" }, "tolerant"],
  ];
  const SPECS_CHECKED = [SPEC, ...fixtureSpecs().map((f) => f.spec), OPENAI_SPECS[2]!, OPENAI_SPECS[7]!];
  it.each(OPTIONS)("%s: Prettier changes no generated file", async (_label, options, presence) => {
    const prettier = await import("prettier");
    const unstable: string[] = [];
    for (const spec of SPECS_CHECKED) {
      for (const f of await renderAsync(spec, "typescript", { options: { validators: "zod", ...options }, presence })) {
        if (!(await prettier.check(f.contents, { parser: "typescript", filepath: f.path }))) unstable.push(`${path.basename(spec)}: ${f.path}`);
      }
    }
    expect(unstable).toEqual([]);
  }, 600_000);
});

/** spec/'s schemas, generated with these options and imported. */
async function specSchemas(options: Record<string, unknown> = {}, presence: "lenient" | "strict" | "tolerant" = "lenient"): Promise<Record<string, z.ZodType>> {
  return importZodModels(await writeZodModels(SPEC, presence, options));
}

const failure = (schema: z.ZodType, value: unknown): string => {
  const r = schema.safeParse(value);
  return r.success ? "(parsed)" : z.prettifyError(r.error);
};

describe("spec/'s schemas at run time", () => {
  it("parse a response, keep unknown keys, and name the place of an error", async () => {
    const s = await specSchemas();
    const parsed = s.RunSchema!.parse({ ...run, added_by_the_api: 1 }) as Record<string, unknown>;
    expect(parsed.status).toBe("requires_action");
    expect(parsed.added_by_the_api).toBe(1);
    expect(s.RunStepSchema!.parse(step)).toEqual(step);
    // The README's example.
    const bad = { ...run, created_at: "yesterday", required_action: { type: "submit_tool_outputs", submit_tool_outputs: { tool_calls: [{ id: 1 }] } } };
    expect(failure(s.RunSchema!, bad)).toBe(
      [
        "✖ Invalid input: expected number, received string",
        "  → at created_at",
        "✖ Invalid input: expected string, received number",
        "  → at required_action.submit_tool_outputs.tool_calls[0].id",
        '✖ Invalid input: expected "function"',
        "  → at required_action.submit_tool_outputs.tool_calls[0].type",
        "✖ Invalid input: expected object, received undefined",
        "  → at required_action.submit_tool_outputs.tool_calls[0].function",
      ].join("\n"),
    );
  }, 120_000);

  it("open enums and tags by default; closed on request", async () => {
    const open = await specSchemas();
    const closed = await specSchemas({ openEnums: false, openUnions: false, unknownKeys: "strict" });
    const newStatus = { ...run, status: "paused" };
    expect((open.RunSchema!.parse(newStatus) as { status: string }).status).toBe("paused");
    expect(failure(closed.RunSchema!, newStatus)).toContain("→ at status");
    // An unknown tag passes unchanged; a known tag is checked by its variant.
    const newStep = { ...step, step_details: { type: "thinking", thoughts: ["..."] } };
    expect((open.RunStepSchema!.parse(newStep) as { step_details: unknown }).step_details).toEqual(newStep.step_details);
    expect(failure(closed.RunStepSchema!, newStep)).toContain("→ at step_details.type");
    expect(failure(open.RunStepSchema!, { ...step, step_details: { type: "message_creation" } })).toContain("→ at step_details.message_creation");
    // Unknown keys: kept by default, dropped by strip, rejected by strict.
    expect(failure(closed.RunSchema!, { ...run, added: 1 })).toContain('Unrecognized key: "added"');
    const strip = await specSchemas({ unknownKeys: "strip" });
    expect(strip.RunSchema!.parse({ ...run, added: 1 })).not.toHaveProperty("added");
  }, 120_000);

  it("presence: lenient reads an absent required nullable field as null, strict rejects it; a null optional field reads as absent", async () => {
    const { last_error: _absent, ...withoutLastError } = run;
    const withNullTemperature = { ...run, parallel_tool_calls: true, temperature: null, top_p: undefined };
    const lenient = await specSchemas();
    expect(lenient.RunSchema!.parse(withoutLastError)).toMatchObject({ last_error: null });
    const strict = await specSchemas({}, "strict");
    expect(failure(strict.RunSchema!, withoutLastError)).toContain("→ at last_error");
    // `temperature` is optional and nullable: null stays null in both.
    expect(strict.RunSchema!.parse(withNullTemperature)).toMatchObject({ temperature: null });
    // `incomplete_details.reason` is optional, not nullable: null reads as absent under both, as
    // in the other languages; a value of another type is still an error.
    const nullReason = { ...run, incomplete_details: { reason: null } };
    expect((lenient.RunSchema!.parse(nullReason) as { incomplete_details: object }).incomplete_details).toEqual({});
    expect((strict.RunSchema!.parse(nullReason) as { incomplete_details: object }).incomplete_details).toEqual({});
    expect(failure(strict.RunSchema!, { ...run, incomplete_details: { reason: 7 } })).toContain("→ at incomplete_details.reason");
    // Tolerant: anything may be absent or null; the types still check the values that are there.
    const tolerant = await specSchemas({}, "tolerant");
    expect(tolerant.RunSchema!.safeParse({ id: null, object: "thread.run" }).success).toBe(true);
    expect(failure(tolerant.RunSchema!, { object: "thread.runs" })).toContain("→ at object");
  }, 120_000);

  it("recursion, untagged unions in order, constraints", async () => {
    const s = await specSchemas();
    const tree = { value: "root", children: [{ value: "a", by_name: { b: { value: "b" } } }] };
    expect(s.TreeNodeSchema!.parse(tree)).toEqual(tree);
    expect(failure(s.TreeNodeSchema!, { value: "root", children: [{ by_name: { b: {} } }] })).toContain("→ at children[0].by_name.b.value");
    // ExpandableRun: the run object or its id.
    expect(s.ExpandableRunSchema!.parse("run_1")).toBe("run_1");
    expect(s.ExpandableRunSchema!.parse(run)).toMatchObject({ id: run.id });
    // `tools` has at most 20 items.
    expect(failure(s.RunSchema!, { ...run, tools: Array.from({ length: 21 }, () => ({ type: "code_interpreter" })) })).toContain("→ at tools");
  }, 120_000);

  it("patterns: Unicode mode as JSON Schema asks, browsers' legacy syntax from a string, Java's `\\p{Han}` unchecked", async () => {
    const dir = await writeZodModels(path.join(REPO, "test/fixtures/formats.yaml"), "lenient");
    const text = readFileSync(path.join(dir, "Formats.ts"), "utf8");
    expect(text).toContain("/^\\p{L}[\\p{L}\\p{N}_-]*$/u");
    expect(text).toContain('new RegExp("[^/:|\\\\000-\\\\037]+")');
    expect(text).toContain('pattern not checked (not a JavaScript regex): "^[A-Za-z \\\\p{Han}\\\\p{Katakana}]*$"');
    const formats = (await importZodModels(dir)).FormatsSchema!;
    const base = { i32: 1, i64: 2, u64: 3, stamp: 4 };
    expect(formats.parse({ ...base, handle: "Ωmega_2" })).toMatchObject({ handle: "Ωmega_2" });
    expect(failure(formats, { ...base, handle: "2fast" })).toContain("→ at handle");
    expect(formats.parse({ ...base, stream: "tool-1" })).toMatchObject({ stream: "tool-1" });
    // \000-\037 are the control characters, as browsers read octal escapes (the pattern is not anchored: no other character).
    expect(failure(formats, { ...base, stream: "\u0001\u001f" })).toContain("→ at stream");
    expect(formats.parse({ ...base, kana: "漢字 カタカナ" })).toMatchObject({ kana: "漢字 カタカナ" });
  }, 120_000);
});
