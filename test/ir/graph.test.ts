import { describe, expect, it } from "vitest";
import { components } from "../../src/ir/graph.js";

describe("components (Tarjan)", () => {
  const groups = (nodes: string[], edges: Record<string, string[]>) => {
    const component = components(nodes, (n) => edges[n] ?? []);
    const byComponent = new Map<number, string[]>();
    for (const n of nodes) byComponent.set(component.get(n)!, [...(byComponent.get(component.get(n)!) ?? []), n]);
    return [...byComponent.values()].map((g) => g.sort().join("")).sort();
  };
  it.each<{ name: string; nodes: string[]; edges: Record<string, string[]>; want: string[] }>([
    { name: "no edges: each node alone", nodes: ["a", "b"], edges: {}, want: ["a", "b"] },
    { name: "a chain", nodes: ["a", "b", "c"], edges: { a: ["b"], b: ["c"] }, want: ["a", "b", "c"] },
    { name: "a cycle", nodes: ["a", "b", "c"], edges: { a: ["b"], b: ["c"], c: ["a"] }, want: ["abc"] },
    { name: "two cycles joined one way", nodes: ["a", "b", "c", "d"], edges: { a: ["b"], b: ["a", "c"], c: ["d"], d: ["c"] }, want: ["ab", "cd"] },
    { name: "a self-loop is a component of one", nodes: ["a", "b"], edges: { a: ["a", "b"] }, want: ["a", "b"] },
  ])("$name", ({ nodes, edges, want }) => {
    expect(groups(nodes, edges)).toEqual(want);
  });
});
