import { describe, expect, it } from "vitest";
import { aliasRightHandSide, findRecursiveAliases, isRecursiveAlias } from "../../../src/targets/scala/recursive-aliases.js";
import { codecOf, nestedCodec } from "../../../src/targets/scala/codecs.js";
import { valueType, type ScalaTypeContext } from "../../../src/targets/scala/types.js";
import type { Model, TypeExpr } from "../../../src/ir/types.js";
import type { NameTable } from "../../../src/naming/assign.js";

const src = { file: "", line: 1, col: 1, pointer: "" };
const ref = (name: string, nullable = false): TypeExpr => ({ kind: "ref", target: `#/${name}`, ...(nullable ? { nullable } : {}) });
const alias = (name: string, type: TypeExpr, extra: Partial<Model> = {}): Model => ({ id: `#/${name}`, kind: "alias", nameHint: [name], type, docs: {}, source: src, ...extra }) as Model;
const str: TypeExpr = { kind: "primitive", type: "string" };

// The failure classes of public specs (test/fixtures/failure-classes.yaml), and their neighbours.
const models = new Map<string, Model>(
  [
    // Nested = List[List[Nested]]: a cycle through arrays only.
    alias("Nested", { kind: "array", items: { kind: "array", items: ref("Nested") } }),
    // A = List[B], B = Map[String, A]: a cycle through two aliases.
    alias("A", { kind: "array", items: ref("B") }),
    alias("B", { kind: "map", values: ref("A") }),
    // C names a recursive alias without being in its cycle.
    alias("C", ref("A")),
    // R = List[R | null], itself nullable (anyOf with null): still a cycle.
    alias("R", { kind: "array", items: ref("R", true) }, { nullable: true }),
    // Forest = Map[String, List[Tree]]: Tree is a union (a sealed trait), which breaks the cycle.
    alias("Forest", { kind: "map", values: { kind: "array", items: ref("Tree") } }),
    { id: "#/Tree", kind: "union", combinator: "oneOf", nameHint: ["Tree"], variants: [{ type: { kind: "map", values: ref("Tree") } }, { type: ref("Leaf") }, { type: ref("Forest") }], docs: {}, source: src } as Model,
    alias("Leaf", str),
    // Through an object: a case class already breaks the cycle.
    alias("Children", { kind: "array", items: ref("Node") }),
    { id: "#/Node", kind: "object", nameHint: ["Node"], fields: [{ name: "children", type: ref("Children"), required: false, docs: {}, source: src }], docs: {}, source: src } as Model,
  ].map((m) => [m.id, m]),
);
const names = { path: (id: string) => [id.slice(2)] } as unknown as NameTable;
const ctx: ScalaTypeContext = { models, names, root: "_root_.acme.models", shadowed: new Set(), use: () => {} };

describe("Scala: recursive aliases become wrapper case classes", () => {
  it("finds exactly the aliases on a cycle of aliases, arrays and maps", () => {
    expect([...findRecursiveAliases(models)].sort()).toEqual(["#/A", "#/B", "#/Nested", "#/R"]);
  });

  it.each([
    { name: "Nested", recursive: true },
    { name: "C", recursive: false },
    { name: "Forest", recursive: false },
    { name: "Leaf", recursive: false },
    { name: "Children", recursive: false },
    { name: "Tree", recursive: false },
  ])("$name: recursive $recursive", ({ name, recursive }) => {
    expect(isRecursiveAlias(`#/${name}`, models)).toBe(recursive);
  });

  it.each<{ given: TypeExpr; type: string; codec: string }>([
    // A recursive alias has a companion with its own codec; the expansion stops there.
    { given: ref("Nested"), type: "Nested", codec: "Nested.codec" },
    { given: { kind: "array", items: ref("A") }, type: "List[A]", codec: "JsonSupport.list(A.codec)" },
    { given: ref("C"), type: "C", codec: "A.codec" },
    { given: ref("R"), type: "Option[R]", codec: "JsonSupport.option(R.codec)" },
    // Others read as the type they stand for.
    { given: ref("Forest"), type: "Forest", codec: "JsonSupport.map(JsonSupport.list(Tree.codec))" },
    { given: ref("Children"), type: "Children", codec: "JsonSupport.list(Node.codec)" },
  ])("$type reads with $codec", ({ given, type, codec }) => {
    expect(valueType(given, ctx)).toBe(type);
    expect(nestedCodec(given, ctx)).toBe(codec);
  });

  it("the wrapped value's codec refers back to the wrapper (the cycle closes through it)", () => {
    const nested = models.get("#/Nested") as Extract<Model, { kind: "alias" }>;
    expect(codecOf(nested.type, ctx)).toBe("JsonSupport.list(JsonSupport.list(Nested.codec))");
  });
});

describe("Scala: an alias that only names another alias on a cycle is written with the chain's end type", () => {
  const obj = (name: string, field: TypeExpr): Model =>
    ({ id: `#/${name}`, kind: "object", nameHint: [name], fields: [{ name: "next", type: field, required: false, docs: {}, source: src }], docs: {}, source: src }) as Model;
  const union = (name: string, variant: TypeExpr): Model =>
    ({ id: `#/${name}`, kind: "union", combinator: "oneOf", nameHint: [name], variants: [{ type: str }, { type: variant }], docs: {}, source: src }) as Model;
  const chains = new Map<string, Model>(
    [
      // Alias -> ListValue = List[Node], Node.next: Alias (the fuzz finding).
      alias("Alias", ref("ListValue")),
      alias("ListValue", { kind: "array", items: ref("Node") }),
      obj("Node", ref("Alias")),
      // A chain of three, one hop nullable, through a union and a map.
      alias("A1", ref("A2")),
      alias("A2", ref("A3", true)),
      alias("A3", ref("M")),
      alias("M", { kind: "map", values: ref("U") }),
      union("U", { kind: "array", items: ref("A1") }),
      // Not on a cycle: kept as written.
      alias("Plain", ref("Leaf")),
      alias("Leaf", str),
      alias("ToList", ref("ListValue")),
      // Names a recursive alias (a wrapper case class): the chain stops there.
      alias("Nested", { kind: "array", items: ref("Nested") }),
      alias("ToNested", ref("Nested")),
      // On a cycle, but not only a name: kept.
      alias("Wrapped", { kind: "array", items: ref("WNode") }),
      obj("WNode", ref("Wrapped")),
    ].map((m) => [m.id, m]),
  );

  it.each<{ given: string; want: TypeExpr }>([
    { given: "Alias", want: { kind: "array", items: ref("Node") } },
    { given: "ListValue", want: { kind: "array", items: ref("Node") } },
    { given: "A1", want: { kind: "map", values: ref("U") } },
    { given: "A2", want: { kind: "map", values: ref("U") } },
    { given: "A3", want: { kind: "map", values: ref("U") } },
    { given: "Plain", want: ref("Leaf") },
    { given: "ToList", want: ref("ListValue") },
    { given: "ToNested", want: ref("Nested") },
    { given: "Wrapped", want: { kind: "array", items: ref("WNode") } },
  ])("type $given = ...", ({ given, want }) => {
    expect(aliasRightHandSide(`#/${given}`, chains)).toEqual(want);
  });
});
