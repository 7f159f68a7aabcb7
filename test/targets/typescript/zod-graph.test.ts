// Which zod schema references are lazy, which schemas are annotated, and the order a file declares
// them in: a const is readable only once initialized, and modules in an import cycle run one
// before the other. Each case is a few models in a few files.
import { describe, expect, it } from "vitest";
import { schemaGraph } from "../../../src/targets/typescript/zod/graph.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Model } from "../../../src/ir/types.js";
import { arr, obj, ref, str } from "../../ir/graph-fixtures.js";

/** Files by their top-level model; a model id "A.x" lives in file "A". */
function graphOf(models: Model[]) {
  const ownerOf = (id: string) => id.split(".")[0]!;
  const files = new Map<string, Model[]>();
  for (const m of models) files.set(ownerOf(m.id), [...(files.get(ownerOf(m.id)) ?? []), m]);
  return schemaGraph(files, indexModels(models), ownerOf);
}

describe("schemaGraph", () => {
  it.each<{ name: string; models: Model[]; order: Record<string, string[]>; annotated: string[]; lazy: [string, string][]; direct: [string, string][] }>([
    {
      name: "a hoisted model is declared before the one that uses it, and read directly",
      models: [obj("A", ref("A.x")), obj("A.x", str)],
      order: { A: ["A.x", "A"] },
      annotated: [],
      lazy: [],
      direct: [["A", "A.x"]],
    },
    {
      name: "a model referring to itself is lazy and annotated",
      models: [obj("Tree", arr(ref("Tree")))],
      order: { Tree: ["Tree"] },
      annotated: ["Tree"],
      lazy: [["Tree", "Tree"]],
      direct: [],
    },
    {
      name: "a cycle inside a file: the reference back is lazy",
      models: [obj("A", ref("A.x")), obj("A.x", ref("A"))],
      order: { A: ["A.x", "A"] },
      annotated: ["A", "A.x"],
      lazy: [["A.x", "A"]],
      direct: [["A", "A.x"]],
    },
    {
      name: "a file importing one outside its cycle reads it directly",
      models: [obj("A", ref("B")), obj("B", str)],
      order: { A: ["A"], B: ["B"] },
      annotated: [],
      lazy: [],
      direct: [["A", "B"]],
    },
    {
      name: "files importing each other: both ways lazy",
      models: [obj("A", ref("B")), obj("B", ref("A"))],
      order: { A: ["A"], B: ["B"] },
      annotated: ["A", "B"],
      lazy: [
        ["A", "B"],
        ["B", "A"],
      ],
      direct: [],
    },
    {
      name: "a file cycle through a third file; a file outside it reads directly",
      models: [obj("A", ref("B")), obj("B", ref("C")), obj("C", ref("A")), obj("D", ref("A"))],
      order: { A: ["A"], B: ["B"], C: ["C"], D: ["D"] },
      annotated: ["A", "B", "C"],
      lazy: [
        ["A", "B"],
        ["B", "C"],
        ["C", "A"],
      ],
      direct: [["D", "A"]],
    },
    {
      name: "files in an import cycle whose models are not on a model cycle: lazy, not annotated",
      models: [obj("A", ref("B.x")), obj("B", ref("A.y")), obj("A.y", str), obj("B.x", str)],
      order: { A: ["A", "A.y"], B: ["B", "B.x"] },
      annotated: [],
      lazy: [
        ["A", "B.x"],
        ["B", "A.y"],
      ],
      direct: [],
    },
  ])("$name", ({ models, order, annotated, lazy, direct }) => {
    const g = graphOf(models);
    expect(Object.fromEntries(g.order)).toEqual(order);
    expect([...g.annotated].sort()).toEqual(annotated);
    for (const [from, to] of lazy) expect(g.isLazy(from, to), `${from} -> ${to}`).toBe(true);
    for (const [from, to] of direct) expect(g.isLazy(from, to), `${from} -> ${to}`).toBe(false);
  });
});
