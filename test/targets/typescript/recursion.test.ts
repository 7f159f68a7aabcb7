// Recursive aliases tsc accepts: a map is an index-signature object type exactly where its values
// lead back, eagerly, to the alias being declared (tsc rejects `type Tree = Record<string, Tree> | Leaf`);
// and a nullable model is declared without null, each use saying `| null`.
import { describe, expect, it } from "vitest";
import { reachesEagerly } from "../../../src/targets/typescript/recursion.js";
import { typeString, type TsTypeContext } from "../../../src/targets/typescript/types.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Model, TypeExpr } from "../../../src/ir/types.js";
import type { NameTable } from "../../../src/naming/assign.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const ref = (name: string, nullable?: boolean): TypeExpr => ({ kind: "ref", target: `#/${name}`, ...(nullable ? { nullable } : {}) });
const map = (values: TypeExpr): TypeExpr => ({ kind: "map", values });
const array = (items: TypeExpr): TypeExpr => ({ kind: "array", items });
const str: TypeExpr = { kind: "primitive", type: "string" };
const alias = (name: string, type: TypeExpr, nullable?: boolean): Model => ({ id: `#/${name}`, kind: "alias", nameHint: [name], type, docs: {}, source, ...(nullable ? { nullable } : {}) });
const union = (name: string, ...types: TypeExpr[]): Model => ({ id: `#/${name}`, kind: "union", combinator: "oneOf", nameHint: [name], variants: types.map((type) => ({ type })), docs: {}, source });

const models = indexModels([
  alias("Leaf", str),
  union("Tree", map(ref("Tree")), ref("Leaf")),
  alias("Forest", map(array(ref("Tree")))),
  union("JsonLike", array(ref("JsonLike")), map(ref("JsonLike")), str),
  alias("Nested", array(array(ref("Nested")))),
  // Two aliases through each other's maps; and one that only refers to a recursive one.
  alias("A", map(ref("B"))),
  union("B", map(ref("A")), str),
  union("C", map(ref("Tree")), str),
  // Maps of maps back to the alias; a cycle through an interface, which tsc defers.
  union("Deep", map(map(ref("Deep"))), str),
  { id: "#/Box", kind: "object", nameHint: ["Box"], fields: [{ name: "inner", type: ref("Boxed"), required: true, docs: {}, source }], docs: {}, source },
  union("Boxed", map(ref("Box")), str),
  // Nullable models of every kind: declared without null, null at each use.
  alias("Metadata", map(str), true),
  { id: "#/Effort", kind: "enum", valueType: "string", members: [{ value: "low" }, { value: "high" }], nameHint: ["Effort"], docs: {}, source, nullable: true },
]);
const names = { path: (id: string) => [id.slice(2)] } as unknown as NameTable;
const ctx = (declaring?: string): TsTypeContext => ({ models, names, int64: "number", onRef: () => {}, ...(declaring ? { declaring } : {}) });
const declared = (name: string): string[] => {
  const m = models.get(`#/${name}`)!;
  const types = m.kind === "union" ? m.variants.map((v) => v.type) : m.kind === "alias" ? [m.type] : [];
  return types.map((t) => typeString(t, ctx(m.id)));
};

describe("which maps lead back to the alias being declared", () => {
  it.each<{ given: TypeExpr; declaring: string; want: boolean }>([
    { given: map(ref("Tree")), declaring: "#/Tree", want: true },
    { given: ref("Leaf"), declaring: "#/Tree", want: false },
    { given: map(array(ref("Tree"))), declaring: "#/Forest", want: false },
    { given: array(ref("JsonLike")), declaring: "#/JsonLike", want: false },
    { given: map(ref("B")), declaring: "#/A", want: true },
    { given: map(ref("A")), declaring: "#/B", want: true },
    { given: map(ref("Tree")), declaring: "#/C", want: false },
    { given: map(map(ref("Deep"))), declaring: "#/Deep", want: true },
    { given: map(ref("Box")), declaring: "#/Boxed", want: false },
  ])("$declaring: $given.kind -> $want", ({ given, declaring, want }) => {
    expect(reachesEagerly(given, declaring, models)).toBe(want);
  });
});

describe("alias declarations", () => {
  it.each<{ name: string; want: string[] }>([
    { name: "Tree", want: ["{ [key: string]: Tree }", "Leaf"] },
    { name: "Forest", want: ["Record<string, Array<Tree>>"] },
    { name: "JsonLike", want: ["Array<JsonLike>", "{ [key: string]: JsonLike }", "string"] },
    { name: "Nested", want: ["Array<Array<Nested>>"] },
    { name: "A", want: ["{ [key: string]: B }"] },
    { name: "B", want: ["{ [key: string]: A }", "string"] },
    { name: "C", want: ["Record<string, Tree>", "string"] },
    { name: "Deep", want: ["{ [key: string]: { [key: string]: Deep } }", "string"] },
    { name: "Boxed", want: ["Record<string, Box>", "string"] },
    { name: "Metadata", want: ["Record<string, string>"] },
  ])("$name", ({ name, want }) => {
    expect(declared(name)).toEqual(want);
  });

  it("a map outside a declaration stays a Record", () => {
    expect(typeString(map(ref("Tree")), ctx())).toBe("Record<string, Tree>");
  });
});

describe("null of a nullable model at the use site", () => {
  it.each<{ given: TypeExpr; want: string }>([
    { given: ref("Metadata", true), want: "Metadata | null" },
    // A reference the IR did not mark (an operation body, say) still takes the model's null.
    { given: ref("Metadata"), want: "Metadata | null" },
    { given: ref("Effort"), want: "Effort | null" },
    { given: array(ref("Metadata")), want: "Array<Metadata | null>" },
    { given: ref("Leaf"), want: "Leaf" },
  ])("$want", ({ given, want }) => {
    expect(typeString(given, ctx())).toBe(want);
  });
});
