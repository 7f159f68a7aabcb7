import { describe, expect, it } from "vitest";
import { ComponentFinder, components } from "../../src/ir/graph.js";

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
    {
      name: "two cycles joined one way",
      nodes: ["a", "b", "c", "d"],
      edges: { a: ["b"], b: ["a", "c"], c: ["d"], d: ["c"] },
      want: ["ab", "cd"],
    },
    { name: "a self-loop is a component of one", nodes: ["a", "b"], edges: { a: ["a", "b"] }, want: ["a", "b"] },
  ])("$name", ({ nodes, edges, want }) => {
    expect(groups(nodes, edges)).toEqual(want);
  });
});

describe("ComponentFinder (Tarjan kept between questions)", () => {
  // A graph with cycles, chains and a node nothing reaches: seeded, so the case is the same every run.
  const graph = (() => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const nodes = Array.from({ length: 60 }, (_, i) => `n${i}`);
    const edges: Record<string, string[]> = {};
    for (const n of nodes) edges[n] = nodes.filter(() => random() < 0.03);
    return { nodes, edges };
  })();

  it("asked about every node, numbers exactly as components does", () => {
    const { nodes, edges } = graph;
    const finder = new ComponentFinder((n) => edges[n]!);
    for (const n of nodes) finder.of(n);
    expect([...finder.comp]).toEqual([...components(nodes, (n) => edges[n]!)]);
  });

  it("asked about a few nodes, walks only what they reach, with the same components and sizes", () => {
    const { nodes, edges } = graph;
    const all = components(nodes, (n) => edges[n]!);
    const walked = new Set<string>();
    const finder = new ComponentFinder((n) => {
      walked.add(n);
      return edges[n]!;
    });
    const asked = ["n3", "n40"];
    const reach = new Set<string>();
    const visit = (n: string): void => {
      if (reach.has(n)) return;
      reach.add(n);
      for (const e of edges[n]!) visit(e);
    };
    for (const n of asked) visit(n);
    expect(reach.size).toBeLessThan(nodes.length);
    expect(reach.size).toBeGreaterThan(asked.length + 2);
    for (const a of asked)
      for (const b of reach) {
        expect(finder.of(a) === finder.of(b), `${a} ${b}`).toBe(all.get(a) === all.get(b));
        expect(finder.sizeOf(b)).toBe([...all.values()].filter((c) => c === all.get(b)).length);
      }
    expect([...walked].sort()).toEqual([...reach].sort());
  });
});
