// Graph helpers over model ids, shared by targets (Rust's recursion boxing, zod's lazy references
// and annotations) and the render cache (keys over what each model reaches).

/**
 * Strongly connected components (Tarjan), as a component number per node. Components are numbered
 * in reverse topological order: every edge leads to a component of the same or a lower number.
 */
export function components(nodes: readonly string[], edges: (n: string) => readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const comp = new Map<string, number>();
  let next = 0;
  let compCount = 0;
  // Iterative, so deep reference chains in big specs cannot overflow the JS stack.
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; out: readonly string[]; i: number }[] = [];
    const open = (n: string) => {
      index.set(n, next);
      low.set(n, next++);
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, out: edges(n), i: 0 });
    };
    open(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.out.length) {
        const w = frame.out[frame.i++]!;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.set(w, compCount);
        } while (w !== frame.node);
        compCount++;
      }
    }
  }
  return comp;
}
