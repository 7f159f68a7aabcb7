import { describe, expect, it } from "vitest";
import { fieldShape, newUses, primitiveType, qualifiedType, rustType, type RustTypeContext } from "../../../src/targets/rust/types.js";
import { analyzeRecursion } from "../../../src/targets/rust/recursion.js";
import { collectLiterals } from "../../../src/targets/rust/literals.js";
import { rustNamingRules } from "../../../src/targets/rust/naming.js";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, IrDocument, Model, TypeExpr } from "../../../src/ir/types.js";
import type { PresencePolicy } from "../../../src/targets/target.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const field = (name: string, type: TypeExpr, required = true): Field => ({ name, type, required, docs: {}, source });
const ref = (target: string, nullable?: boolean): TypeExpr => ({ kind: "ref", target, ...(nullable ? { nullable } : {}) });

const models: Model[] = [
  { id: "#/Usage", kind: "object", nameHint: ["Usage"], fields: [field("total", { kind: "primitive", type: "integer" })], docs: {}, source },
  { id: "#/Metadata", kind: "alias", nameHint: ["Metadata"], type: { kind: "map", values: { kind: "primitive", type: "string" }, nullable: true }, docs: {}, source },
  { id: "#/Anything", kind: "alias", nameHint: ["Anything"], type: { kind: "unknown" }, docs: {}, source },
  { id: "#/StepUsage", kind: "alias", nameHint: ["StepUsage"], type: ref("#/Usage"), nullable: true, docs: {}, source },
  { id: "#/String", kind: "object", nameHint: ["String"], fields: [], docs: {}, source },
  // TreeNode -> parent: TreeNode (by value: boxed), children: [TreeNode] (heap: not boxed)
  { id: "#/TreeNode", kind: "object", nameHint: ["TreeNode"], fields: [field("parent", ref("#/TreeNode"), false), field("children", { kind: "array", items: ref("#/TreeNode") })], docs: {}, source },
  // A <-> B by value through an Option: both boxed; C only points into the cycle: not boxed.
  { id: "#/A", kind: "object", nameHint: ["A"], fields: [field("b", ref("#/B", true))], docs: {}, source },
  { id: "#/B", kind: "object", nameHint: ["B"], fields: [field("a", ref("#/A"), false)], docs: {}, source },
  { id: "#/C", kind: "object", nameHint: ["C"], fields: [field("a", ref("#/A")), field("object", { kind: "literal", value: "thread.run" })], docs: {}, source },
  // A tagged union whose variant refers back to the union by value.
  { id: "#/Expr", kind: "union", combinator: "oneOf", nameHint: ["Expr"], variants: [{ type: ref("#/Not"), tags: ["not"] }], discriminator: { property: "type", origin: "inferred" }, docs: {}, source },
  { id: "#/Not", kind: "object", nameHint: ["Not"], fields: [field("type", { kind: "literal", value: "not" }), field("inner", ref("#/Expr"))], docs: {}, source },
];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const index = indexModels(models);
const names = assignNames(ir, rustNamingRules);
const literals = collectLiterals(ir);
const recursion = analyzeRecursion(index);
const ctx = (owner = "#/C"): RustTypeContext => ({ models: index, names, literals, recursion, owner, uses: newUses() });

describe("Rust type strings", () => {
  it.each<{ given: TypeExpr; want: string; owner?: string }>([
    { given: { kind: "primitive", type: "string" }, want: "String" },
    { given: { kind: "primitive", type: "string", format: "date-time" }, want: "String" },
    { given: { kind: "primitive", type: "string", format: "binary" }, want: "Vec<u8>" },
    { given: { kind: "primitive", type: "string", format: "binary", nullable: true }, want: "Option<Vec<u8>>" },
    { given: { kind: "array", items: { kind: "primitive", type: "string", format: "binary" } }, want: "Vec<Vec<u8>>" },
    { given: { kind: "primitive", type: "string", format: "byte" }, want: "String" },
    { given: { kind: "primitive", type: "integer" }, want: "i64" },
    { given: { kind: "primitive", type: "integer", format: "int32" }, want: "i32" },
    { given: { kind: "primitive", type: "integer", format: "int64" }, want: "i64" },
    { given: { kind: "primitive", type: "integer", format: "uint64" }, want: "u64" },
    { given: { kind: "primitive", type: "integer", format: "uint32" }, want: "u32" },
    { given: { kind: "primitive", type: "integer", format: "unixtime" }, want: "i64" },
    { given: { kind: "primitive", type: "integer", format: "unix-time", nullable: true }, want: "Option<i64>" },
    { given: { kind: "primitive", type: "number" }, want: "f64" },
    { given: { kind: "primitive", type: "number", format: "float" }, want: "f64" },
    { given: { kind: "primitive", type: "number", format: "unixtime" }, want: "f64" },
    { given: { kind: "primitive", type: "boolean" }, want: "bool" },
    { given: { kind: "literal", value: "thread.run" }, want: "literals::ThreadRun" },
    { given: { kind: "unknown" }, want: "serde_json::Value" },
    { given: { kind: "unknown", nullable: true }, want: "serde_json::Value" },
    { given: { kind: "array", items: ref("#/Usage") }, want: "Vec<Usage>" },
    { given: { kind: "array", items: { kind: "primitive", type: "string", nullable: true }, nullable: true }, want: "Option<Vec<Option<String>>>" },
    { given: { kind: "map", values: { kind: "primitive", type: "integer" } }, want: "BTreeMap<String, i64>" },
    { given: { kind: "map", values: { kind: "unknown" } }, want: "BTreeMap<String, serde_json::Value>" },
    { given: ref("#/Usage", true), want: "Option<Usage>" },
    // nullability of an alias (or of the model itself) shows at each use
    { given: ref("#/Metadata"), want: "Option<Metadata>" },
    { given: ref("#/StepUsage"), want: "Option<StepUsage>" },
    { given: ref("#/Anything"), want: "Anything" },
    { given: ref("#/String"), want: "StringValue" },
    // recursion: Box only for by-value references inside a cycle
    { given: ref("#/TreeNode"), owner: "#/TreeNode", want: "Box<TreeNode>" },
    { given: { kind: "array", items: ref("#/TreeNode") }, owner: "#/TreeNode", want: "Vec<TreeNode>" },
    { given: { kind: "map", values: ref("#/TreeNode") }, owner: "#/TreeNode", want: "BTreeMap<String, TreeNode>" },
    { given: ref("#/B", true), owner: "#/A", want: "Option<Box<B>>" },
    { given: ref("#/A"), owner: "#/B", want: "Box<A>" },
    { given: ref("#/A"), owner: "#/C", want: "A" },
    { given: ref("#/Expr"), owner: "#/Not", want: "Box<Expr>" },
    { given: ref("#/Not"), owner: "#/Expr", want: "Box<Not>" },
  ])("$want", ({ given, want, owner }) => {
    expect(rustType(given, ctx(owner))).toBe(want);
  });

  it("records what the file must import", () => {
    const c = ctx("#/C");
    rustType({ kind: "map", values: { kind: "array", items: ref("#/Usage") } }, c);
    rustType({ kind: "literal", value: "thread.run" }, c);
    expect(c.uses).toEqual({ models: new Set(["Usage"]), btreeMap: true, literals: true, support: new Set(), crates: new Set(), userTypes: new Set() });
  });

  it("formats map to types", () => {
    expect(primitiveType({ type: "integer", format: "int16" })).toBe("i64");
  });
});

describe("qualified type strings (the operation index, where nothing is imported)", () => {
  it.each<{ given: TypeExpr; want: string }>([
    { given: ref("#/Usage"), want: "crate::Usage" },
    { given: ref("#/Usage", true), want: "Option<crate::Usage>" },
    { given: ref("#/Metadata"), want: "Option<crate::Metadata>" },
    { given: ref("#/Anything"), want: "crate::Anything" },
    { given: ref("#/String"), want: "crate::StringValue" },
    // never boxed: the index holds no value of its own
    { given: ref("#/TreeNode"), want: "crate::TreeNode" },
    { given: { kind: "array", items: ref("#/Usage", true) }, want: "Vec<Option<crate::Usage>>" },
    { given: { kind: "map", values: ref("#/Usage") }, want: "std::collections::BTreeMap<String, crate::Usage>" },
    { given: { kind: "literal", value: "thread.run" }, want: "crate::literals::ThreadRun" },
    { given: { kind: "unknown", nullable: true }, want: "serde_json::Value" },
    { given: { kind: "primitive", type: "string", format: "binary" }, want: "Vec<u8>" },
    { given: { kind: "primitive", type: "integer", nullable: true }, want: "Option<i64>" },
  ])("$want", ({ given, want }) => {
    expect(qualifiedType(given, ctx())).toBe(want);
  });
});

describe("field presence", () => {
  const shape = (f: Field, presence: PresencePolicy = "lenient", ident = f.name) => fieldShape(f, ident, ctx(), presence);
  const int = (nullable = false): TypeExpr => ({ kind: "primitive", type: "integer", ...(nullable ? { nullable } : {}) });
  const present = 'deserialize_with = "crate::serde_support::present"';
  const skip = 'skip_serializing_if = "Option::is_none"';

  it.each<{ name: string; given: Field; presence?: PresencePolicy; ident?: string; want: { type: string; serde: string[] } }>([
    { name: "required", given: field("n", int()), want: { type: "i64", serde: [] } },
    { name: "required nullable, lenient", given: field("n", int(true)), want: { type: "Option<i64>", serde: [] } },
    { name: "required nullable, strict", given: field("n", int(true)), presence: "strict", want: { type: "Option<i64>", serde: ['deserialize_with = "crate::serde_support::required"'] } },
    { name: "required nullable alias, strict", given: field("m", ref("#/Metadata")), presence: "strict", want: { type: "Option<Metadata>", serde: ['deserialize_with = "crate::serde_support::required"'] } },
    { name: "optional", given: field("n", int(), false), want: { type: "Option<i64>", serde: ["default", skip] } },
    { name: "optional nullable", given: field("n", int(true), false), want: { type: "Option<Option<i64>>", serde: ["default", present, skip] } },
    { name: "required unknown, lenient", given: field("v", { kind: "unknown" }), want: { type: "serde_json::Value", serde: ["default"] } },
    { name: "required unknown, strict", given: field("v", { kind: "unknown" }), presence: "strict", want: { type: "serde_json::Value", serde: [] } },
    { name: "optional unknown keeps null", given: field("v", { kind: "unknown" }, false), want: { type: "Option<serde_json::Value>", serde: ["default", present, skip] } },
    { name: "keyword", given: field("type", int()), ident: "r#type", want: { type: "i64", serde: [] } },
    { name: "renamed", given: field("createdAt", int()), ident: "created_at", want: { type: "i64", serde: ['rename = "createdAt"'] } },
    { name: "not raw", given: field("self", int(), false), ident: "self_", want: { type: "Option<i64>", serde: ['rename = "self"', "default", skip] } },
    // tolerant: every field may be absent or null; a required one that does not admit null is shaped as optional
    { name: "required, tolerant", given: field("n", int()), presence: "tolerant", want: { type: "Option<i64>", serde: ["default", skip] } },
    { name: "required literal, tolerant: still its literal", given: field("object", { kind: "literal", value: "thread.run" }), presence: "tolerant", want: { type: "Option<literals::ThreadRun>", serde: ["default", skip] } },
    { name: "required nullable, tolerant: None writes null", given: field("n", int(true)), presence: "tolerant", want: { type: "Option<i64>", serde: [] } },
    { name: "required nullable alias, tolerant", given: field("m", ref("#/Metadata")), presence: "tolerant", want: { type: "Option<Metadata>", serde: [] } },
    { name: "required unknown, tolerant", given: field("v", { kind: "unknown" }), presence: "tolerant", want: { type: "serde_json::Value", serde: ["default"] } },
    { name: "optional, tolerant", given: field("n", int(), false), presence: "tolerant", want: { type: "Option<i64>", serde: ["default", skip] } },
    { name: "optional nullable, tolerant", given: field("n", int(true), false), presence: "tolerant", want: { type: "Option<Option<i64>>", serde: ["default", present, skip] } },
    { name: "renamed, tolerant", given: field("createdAt", int()), presence: "tolerant", ident: "created_at", want: { type: "Option<i64>", serde: ['rename = "createdAt"', "default", skip] } },
  ])("$name", ({ given, presence, ident, want }) => {
    expect(shape(given, presence, ident)).toEqual(want);
  });
});
