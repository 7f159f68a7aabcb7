// Where Rust needs a Box: a reference held by value inside a cycle of by-value references (an
// Option included), never one under a Vec or BTreeMap; and which aliases form a cycle of aliases
// only (emitted as newtype structs). Each case is a small reference graph.
import { describe, expect, it } from "vitest";
import { analyzeRecursion } from "../../../src/targets/rust/recursion.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Model } from "../../../src/ir/types.js";
import { alias, arr, dict, obj, ref, str, union } from "../../ir/graph-fixtures.js";

describe("analyzeRecursion", () => {
  it.each<{ name: string; models: Model[]; boxed: [string, string][]; notBoxed: [string, string][]; newtypes: string[] }>([
    { name: "a struct holding itself", models: [obj("A", ref("A"))], boxed: [["A", "A"]], notBoxed: [], newtypes: [] },
    { name: "a struct holding an Option of itself", models: [obj("A", ref("A", true))], boxed: [["A", "A"]], notBoxed: [], newtypes: [] },
    { name: "a struct holding a Vec of itself", models: [obj("A", arr(ref("A")))], boxed: [], notBoxed: [["A", "A"]], newtypes: [] },
    { name: "a struct holding a map of itself", models: [obj("A", dict(ref("A")))], boxed: [], notBoxed: [["A", "A"]], newtypes: [] },
    {
      name: "two structs holding each other; a third pointing in is not on the cycle",
      models: [obj("A", ref("B")), obj("B", ref("A")), obj("C", ref("A"))],
      boxed: [
        ["A", "B"],
        ["B", "A"],
      ],
      notBoxed: [["C", "A"]],
      newtypes: [],
    },
    {
      name: "a cycle through an alias is a cycle between the types around it",
      models: [obj("A", ref("B")), alias("B", ref("A"))],
      boxed: [
        ["A", "B"],
        ["B", "A"],
      ],
      notBoxed: [],
      newtypes: [],
    },
    {
      name: "a cycle through a union",
      models: [union("U", ref("A"), str), obj("A", ref("U"))],
      boxed: [
        ["A", "U"],
        ["U", "A"],
      ],
      notBoxed: [],
      newtypes: [],
    },
    {
      name: "a cycle broken by a Vec anywhere needs no Box",
      models: [obj("A", ref("B")), obj("B", arr(ref("A")))],
      boxed: [],
      notBoxed: [
        ["A", "B"],
        ["B", "A"],
      ],
      newtypes: [],
    },
    { name: "an alias of a Vec of itself is a newtype", models: [alias("Tree", arr(ref("Tree")))], boxed: [], notBoxed: [["Tree", "Tree"]], newtypes: ["Tree"] },
    {
      name: "two aliases through a map and a Vec are both newtypes",
      models: [alias("X", dict(ref("Y"))), alias("Y", arr(ref("X"))), alias("Z", ref("X"))],
      boxed: [],
      notBoxed: [],
      newtypes: ["X", "Y"],
    },
    { name: "a reference to a missing model is ignored", models: [obj("A", ref("Missing"))], boxed: [], notBoxed: [["A", "Missing"]], newtypes: [] },
  ])("$name", ({ models, boxed, notBoxed, newtypes }) => {
    const info = analyzeRecursion(indexModels(models));
    for (const [from, to] of boxed) expect(info.boxed(from, to), `${from} -> ${to}`).toBe(true);
    for (const [from, to] of notBoxed) expect(info.boxed(from, to), `${from} -> ${to}`).toBe(false);
    expect([...info.newtypeAliases].sort()).toEqual(newtypes);
  });

  it("finds a cycle ten thousand models deep without overflowing the stack", () => {
    const n = 10_000;
    const models = Array.from({ length: n }, (_, i) => obj(`M${i}`, ref(`M${(i + 1) % n}`)));
    const info = analyzeRecursion(indexModels(models));
    expect(info.boxed("M0", "M1")).toBe(true);
    expect(info.boxed(`M${n - 1}`, "M0")).toBe(true);
  });
});
