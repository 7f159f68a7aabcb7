// The zod schema of each IR construct, per option and presence policy (flat text; layout is
// zod-print.test.ts), the lazy references and annotations of recursion, and the schema names.
import { describe, expect, it } from "vitest";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, IrDocument, Model, TypeExpr } from "../../../src/ir/types.js";
import { assignNames } from "../../../src/naming/assign.js";
import { tsNamingRules } from "../../../src/targets/typescript/naming.js";
import { tsOptions } from "../../../src/targets/typescript/options.js";
import { typescriptTarget } from "../../../src/targets/typescript/index.js";
import type { PresencePolicy } from "../../../src/targets/target.js";
import { schemaGraph } from "../../../src/targets/typescript/zod/graph.js";
import { components } from "../../../src/ir/graph.js";
import { modelSchema, type ModelSchemaContext } from "../../../src/targets/typescript/zod/models.js";
import { schemaNames } from "../../../src/targets/typescript/zod/names.js";
import { decodeOrder } from "../../../src/targets/common/untagged-order.js";
import { flat } from "../../../src/targets/typescript/zod/print.js";
import { patternExpr, typeSchema } from "../../../src/targets/typescript/zod/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const id = (name: string) => `#/components/schemas/${name}`;
const ref = (name: string, nullable?: boolean): TypeExpr => ({ kind: "ref", target: id(name), ...(nullable ? { nullable } : {}) });
const str: TypeExpr = { kind: "primitive", type: "string" };
const field = (name: string, type: TypeExpr, required = true): Field => ({ name, type, required, docs: {}, source });
const obj = (name: string, fields: Field[], extra: Partial<Model> = {}): Model => ({ id: id(name), kind: "object", nameHint: [name], fields, docs: {}, source, ...extra }) as Model;

const models: Model[] = [
  obj("Cat", [field("type", { kind: "literal", value: "cat" }), field("name", str)]),
  obj("Dog", [field("type", { kind: "literal", value: "dog" }), field("bark", { kind: "primitive", type: "boolean" }, false)]),
  { id: id("Pet"), kind: "union", combinator: "oneOf", nameHint: ["Pet"], discriminator: { property: "type", origin: "declared" }, variants: [{ type: ref("Cat"), tags: ["cat"] }, { type: ref("Dog"), tags: ["dog"] }], docs: {}, source },
  { id: id("Status"), kind: "enum", valueType: "string", members: [{ value: "queued" }, { value: "done" }], nameHint: ["Status"], docs: {}, source },
  { id: id("Level"), kind: "enum", valueType: "integer", members: [{ value: 1 }, { value: 2 }], nameHint: ["Level"], docs: {}, source },
  { id: id("Meta"), kind: "alias", nameHint: ["Meta"], type: { kind: "map", values: str }, nullable: true, docs: {}, source },
  obj("Run", [
    field("id", { ...str, constraints: { minLength: 1, maxLength: 64, pattern: "^run_[a-z/]+$" } }),
    field("status", ref("Status")),
    field("metadata", ref("Meta", true)),
    field("note", str, false),
    field("extra", { ...str, nullable: true }, false),
    field("count", { kind: "primitive", type: "integer", format: "int64", constraints: { minimum: 0 } }),
    field("data", { kind: "unknown" }),
  ]),
  obj("Tree", [field("children", { kind: "array", items: ref("Tree") }, false)]),
  { id: id("Bytes"), kind: "alias", nameHint: ["Bytes"], type: { kind: "primitive", type: "string", format: "binary" }, docs: {}, source },
  obj("Upload", [field("file", ref("Bytes")), field("files", { kind: "array", items: { kind: "primitive", type: "string", format: "binary" } }, false)]),
  obj("Bag", [field("name", str, false)], { additionalProperties: { kind: "primitive", type: "integer" } }),
  { id: id("Either"), kind: "union", combinator: "anyOf", nameHint: ["Either"], variants: [{ type: str }, { type: ref("Cat") }, { type: { kind: "primitive", type: "integer" } }, { type: { kind: "literal", value: "none" } }], docs: {}, source },
];
const index = indexModels(models);
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const names = assignNames(ir, tsNamingRules);
const schemas = schemaNames(models, names);
const graph = schemaGraph(new Map(models.map((m) => [m.id, [m]])), index, (x) => x);

function schemaOf(name: string, options: Record<string, unknown> = {}, presence: PresencePolicy = "lenient", uploads = false): string {
  const o = tsOptions({ validators: "zod", ...options });
  const ctx: ModelSchemaContext = {
    models: index,
    schemaName: (x) => schemas.get(x)!,
    from: id(name),
    isLazy: graph.isLazy,
    int64: o.int64,
    openEnums: o.openEnums,
    openUnions: o.openUnions,
    unknownKeys: o.unknownKeys,
    presence,
    annotated: graph.annotated,
    onRef: () => {},
    onUncheckedPattern: () => {},
    ...(uploads ? { uploads } : {}),
  };
  return flat(modelSchema(index.get(id(name))!, ctx));
}

/** The context typeSchema is given for a field of Run, with int64 typed as asked. */
const typeContext = (int64: "number" | "bigint") => ({
  models: index,
  schemaName: (x: string) => schemas.get(x)!,
  from: id("Run"),
  isLazy: () => false,
  int64,
  openEnums: true,
  onRef: () => {},
  onUncheckedPattern: () => {},
});

describe("zod schemas of the IR", () => {
  it.each<{ name: string; options?: Record<string, unknown>; presence?: PresencePolicy; want: string }>([
    { name: "Status", want: 'openEnum(z.enum(["queued", "done"]))' },
    { name: "Status", options: { openEnums: false }, want: 'z.enum(["queued", "done"])' },
    { name: "Level", want: "openEnum(z.literal([1, 2]))" },
    { name: "Meta", want: "z.record(z.string(), z.string())" },
    { name: "Pet", want: 'openTags(z.discriminatedUnion("type", [CatSchema, DogSchema]))' },
    { name: "Pet", options: { openUnions: false }, want: 'z.discriminatedUnion("type", [CatSchema, DogSchema])' },
    // A literal before an object with a tag before an integer before any string.
    { name: "Either", want: 'z.union([z.literal("none"), CatSchema, z.int(), z.string()])' },
    {
      name: "Run",
      want:
        'passthroughObject({ id: z.string().min(1).max(64).regex(/^run_[a-z\\/]+$/u), status: StatusSchema, metadata: z.nullable(MetaSchema).default(null), note: nullAsAbsent(z.string()), extra: z.string().nullable().optional(), count: z.int().min(0), data: z.unknown().default(null) })',
    },
    {
      name: "Run",
      presence: "strict",
      options: { unknownKeys: "strict", int64: "bigint" },
      want:
        'z.strictObject({ id: z.string().min(1).max(64).regex(/^run_[a-z\\/]+$/u), status: StatusSchema, metadata: z.nullable(MetaSchema), note: nullAsAbsent(z.string()), extra: z.string().nullable().optional(), count: int64.pipe(z.bigint().min(0n)), data: z.unknown() })',
    },
    { name: "Dog", presence: "tolerant", options: { unknownKeys: "strip" }, want: 'z.object({ type: tolerant(z.literal("dog")), bark: tolerant(z.boolean().optional()) })' },
    { name: "Bag", want: "z.object({ name: nullAsAbsent(z.string()) }).catchall(z.int())" },
    { name: "Tree", want: "passthroughObject({ children: nullAsAbsent(z.array(z.lazy(() => TreeSchema))) })" },
  ])("$name $options $presence", ({ name, options, presence, want }) => {
    expect(schemaOf(name, options, presence)).toBe(want);
  });

  it("a multipart body's binary parts are Blobs, as their types are (a binary alias too)", () => {
    expect(schemaOf("Upload", {}, "lenient", true)).toBe("passthroughObject({ file: z.instanceof(Blob), files: nullAsAbsent(z.array(z.instanceof(Blob))) })");
    expect(schemaOf("Upload")).toBe("passthroughObject({ file: BytesSchema, files: nullAsAbsent(z.array(z.string())) })");
  });

  it("a null written at the use of a nullable model", () => {
    const ctx = typeContext("number");
    expect(flat(typeSchema({ kind: "array", items: ref("Meta") }, ctx))).toBe("z.array(z.nullable(MetaSchema))");
  });

  it("bounds beyond 2^53 are written with the spec's digits, others as numbers", () => {
    const ctx = typeContext("number");
    const exact = { minimum: "-9223372036854775808", maximum: "9223372036854775807" };
    const int64: TypeExpr = { kind: "primitive", type: "integer", format: "int64", constraints: { minimum: -(2 ** 63), maximum: 2 ** 63, exact } };
    expect(flat(typeSchema(int64, ctx))).toBe("z.int().min(-9223372036854775808).max(9223372036854775807)");
    const gt: TypeExpr = { kind: "primitive", type: "number", constraints: { exclusiveMinimum: 2 ** 60, multipleOf: 0.5, exact: { exclusiveMinimum: "1152921504606846977" } } };
    expect(flat(typeSchema(gt, ctx))).toBe("z.number().gt(1152921504606846977).multipleOf(0.5)");
  });

  it.each([
    { name: "no bounds: the helper alone", c: undefined, want: "int64" },
    { name: "bounds as bigints, the spec's digits beyond 2^53", c: { minimum: -(2 ** 63), maximum: 2 ** 63, exact: { minimum: "-9223372036854775808", maximum: "9223372036854775807" } }, want: "int64.pipe(z.bigint().min(-9223372036854775808n).max(9223372036854775807n))" },
    { name: "exclusive bounds", c: { exclusiveMinimum: 0, exclusiveMaximum: 10 }, want: "int64.pipe(z.bigint().gt(0n).lt(10n))" },
    { name: "fractional bounds: the integers inside them", c: { minimum: 1.5, exclusiveMaximum: 9.5 }, want: "int64.pipe(z.bigint().min(2n).max(9n))" },
    { name: "an integer multipleOf; a fractional one no bigint check says", c: { multipleOf: 2 }, want: "int64.pipe(z.bigint().multipleOf(2n))" },
    { name: "a fractional multipleOf alone", c: { multipleOf: 0.5 }, want: "int64" },
  ])("int64: bigint, $name", ({ c, want }) => {
    const ctx = typeContext("bigint");
    const t: TypeExpr = { kind: "primitive", type: "integer", format: "int64", ...(c ? { constraints: c } : {}) };
    expect(flat(typeSchema(t, ctx))).toBe(want);
  });

  it("a pattern that is not a JavaScript regex is left unchecked and reported", () => {
    const unchecked: string[] = [];
    expect(patternExpr("(?i)^abc$", { onUncheckedPattern: (p) => unchecked.push(p) })).toBeUndefined();
    expect(unchecked).toEqual(["(?i)^abc$"]);
    expect(flat(patternExpr("a\nb", { onUncheckedPattern: () => {} })!)).toBe('new RegExp("a\\nb", "u")');
  });

  it.each([
    { name: "Unicode mode, as JSON Schema builds patterns", given: "^[a-z0-9_-]{1,64}$", want: "/^[a-z0-9_-]{1,64}$/u" },
    { name: "a Unicode property", given: "^\\p{L}+$", want: "/^\\p{L}+$/u" },
    { name: "a slash escaped in the literal", given: "^a/b$", want: "/^a\\/b$/u" },
    { name: "octal escapes: legacy syntax only, from a string", given: "[^/:|\\000-\\037]+", want: 'new RegExp("[^/:|\\\\000-\\\\037]+")' },
    { name: "an identity escape outside a class: legacy only", given: "^a\\-b$", want: 'new RegExp("^a\\\\-b$")' },
    { name: "a property Unicode mode refuses (Java's)", given: "^[A-Za-z \\p{Han}]*$", want: undefined },
    { name: "a code point escape Unicode mode refuses", given: "^\\u{110000}$", want: undefined },
    { name: "an escaped backslash before p{ is no property", given: "^\\\\p{2}$", want: "/^\\\\p{2}$/u" },
    { name: "not a regex at all", given: "(?i)abc", want: undefined },
  ])("$name", ({ given, want }) => {
    const unchecked: string[] = [];
    const e = patternExpr(given, { onUncheckedPattern: (p) => unchecked.push(p) });
    expect(e && flat(e)).toBe(want);
    expect(unchecked).toEqual(want === undefined ? [given] : []);
  });
});

describe("recursion", () => {
  it("annotates the schemas on a cycle and makes the back reference lazy", () => {
    expect([...graph.annotated]).toEqual([id("Tree")]);
    expect(graph.isLazy(id("Tree"), id("Tree"))).toBe(true);
    // Different files outside any import cycle: direct.
    expect(graph.isLazy(id("Pet"), id("Cat"))).toBe(false);
  });

  it("in one file, dependencies first; a reference into a file of the same import cycle is lazy", () => {
    const a = obj("A", [field("b", ref("B"))]);
    const aChild = { ...obj("AChild", [field("x", str)]), id: `${id("A")}/properties/c`, parent: id("A") } as Model;
    const aWithChild = { ...a, fields: [...(a as { fields: Field[] }).fields, field("c", { kind: "ref", target: aChild.id })] } as Model;
    const b = obj("B", [field("a", { kind: "ref", target: aChild.id })]);
    const all = indexModels([aWithChild, aChild, b]);
    const owner = (x: string) => (x === aChild.id ? id("A") : x);
    const g = schemaGraph(new Map([[id("A"), [aWithChild, aChild]], [id("B"), [b]]]), all, owner);
    expect(g.order.get(id("A"))).toEqual([aChild.id, id("A")]);
    expect(g.isLazy(id("A"), aChild.id)).toBe(false);
    // A imports B and B imports A: a cycle of files, though no model refers back to itself.
    expect(g.isLazy(id("A"), id("B"))).toBe(true);
    expect(g.isLazy(id("B"), aChild.id)).toBe(true);
    expect(g.annotated.size).toBe(0);
  });

  it("strongly connected components", () => {
    const edges: Record<string, string[]> = { a: ["b"], b: ["a", "c"], c: [], d: ["d"] };
    const c = components(Object.keys(edges), (n) => edges[n]!);
    expect(c.get("a")).toBe(c.get("b"));
    expect(c.get("c")).not.toBe(c.get("a"));
  });
});

describe("schema names", () => {
  it("never repeat a type name or each other", () => {
    const clash: Model[] = [obj("Format", [field("x", str)]), obj("FormatSchema", [field("y", str)])];
    const m = schemaNames(clash, assignNames({ ...ir, models: clash }, tsNamingRules));
    expect(m.get(id("Format"))).toBe("FormatSchema2");
    expect(m.get(id("FormatSchema"))).toBe("FormatSchemaSchema");
  });
});

describe("options", () => {
  it("defaults and errors", () => {
    expect(tsOptions({})).toEqual({ int64: "number", unknownKeys: "passthrough", openEnums: true, openUnions: true, validatorTypes: "declared" });
    expect(tsOptions({ validatorTypes: "inferred" }).validatorTypes).toBe("inferred");
    expect(() => tsOptions({ validatorTypes: "exact" })).toThrow('typescript: validatorTypes: must be one of "declared", "inferred"');
    expect(() => tsOptions({ validators: "yup" })).toThrow('typescript: validators: must be one of "zod"');
    expect(() => tsOptions({ openEnums: "no" })).toThrow("typescript: openEnums: must be boolean");
    expect(() => tsOptions({ unknwonKeys: "strip" })).toThrow('typescript: unknown setting "unknwonKeys"');
  });

  it("compatibility traits for diff follow the options", () => {
    const compat = typescriptTarget.compat as (o: Record<string, unknown>) => Record<string, boolean>;
    expect(compat({})).toMatchObject({ uncheckedDecoding: true, enumUnknownFallback: true, checksConstraints: false });
    expect(compat({ validators: "zod", openEnums: false, unknownKeys: "strict" })).toMatchObject({
      uncheckedDecoding: false,
      enumUnknownFallback: false,
      unionUnknownTagFallback: true,
      ignoresUnknownFields: false,
      optionalFieldAcceptsNull: true,
      checksConstraints: true,
    });
  });

  it("untagged order follows the other languages: open enums after numbers, strings last", () => {
    const u = index.get(id("Either"))! as Extract<Model, { kind: "union" }>;
    const types = u.variants.map((v) => v.type);
    expect(decodeOrder(types, index, { openEnums: true, bytesAreArrays: false })).toEqual([3, 1, 2, 0]);
  });
});
