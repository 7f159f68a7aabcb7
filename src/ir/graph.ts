// Graph helpers over model ids, shared by targets (Rust's recursion boxing, zod's lazy references
// and annotations) and the render cache (keys over what each model reaches).

/**
 * Strongly connected components (Tarjan), as a component number per node. Components are numbered
 * in reverse topological order: every edge leads to a component of the same or a lower number.
 */
export function components(nodes: readonly string[], edges: (n: string) => readonly string[]): Map<string, number> {
  const finder = new ComponentFinder(edges);
  for (const root of nodes) finder.of(root);
  return finder.comp;
}

/**
 * What `components` gives, on node numbers in typed arrays instead of string-keyed maps (Tarjan's
 * walk, iterative, visiting roots and edges in the same order): `out[v]` the nodes `v` points to
 * (numbers below `out.length`); the component number of each node. The render cache's keys
 * (emit/unit-keys.ts) are worked out over every model of every regeneration.
 */
export function componentNumbers(out: readonly (readonly number[])[]): Int32Array {
  const n = out.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const stack: number[] = [];
  const work: number[] = [];
  let visited = 0;
  let count = 0;
  const open = (v: number) => {
    index[v] = low[v] = visited++;
    next[v] = 0;
    stack.push(v);
    work.push(v);
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    open(root);
    while (work.length) {
      const v = work[work.length - 1]!;
      const list = out[v]!;
      if (next[v]! < list.length) {
        const w = list[next[v]!++]!;
        if (index[w] === -1) open(w);
        else if (comp[w] === -1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return comp;
}

/**
 * Tarjan's walk kept between questions: `of(n)` explores only what `n` reaches (not yet explored),
 * and a node's component is exact once it is known (all of an SCC is found before its number is
 * given). Asked every node in order, it numbers as `components` does (that is how `components` works).
 * A caller that asks about a few nodes (a regeneration renders a few models) walks only what they reach.
 */
export class ComponentFinder {
  /** Node -> its component number (in reverse topological order, as `components`). */
  readonly comp = new Map<string, number>();
  private readonly index = new Map<string, number>();
  private readonly low = new Map<string, number>();
  private readonly onStack = new Set<string>();
  private readonly stack: string[] = [];
  /** Component number -> how many nodes it has. */
  private readonly sizes: number[] = [];
  private next = 0;

  constructor(private readonly edges: (n: string) => readonly string[]) {}

  /** The component of `root`, exploring what it reaches first if it was not yet. */
  of(root: string): number {
    if (!this.index.has(root)) this.explore(root);
    return this.comp.get(root)!;
  }

  /** How many nodes share `node`'s component. */
  sizeOf(node: string): number {
    return this.sizes[this.of(node)]!;
  }

  private explore(root: string): void {
    const { index, low, onStack, stack, comp } = this;
    // Iterative, so deep reference chains in big specs cannot overflow the JS stack.
    const work: { node: string; out: readonly string[]; i: number }[] = [];
    const open = (n: string) => {
      index.set(n, this.next);
      low.set(n, this.next++);
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, out: this.edges(n), i: 0 });
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
        const number = this.sizes.length;
        let size = 0;
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.set(w, number);
          size++;
        } while (w !== frame.node);
        this.sizes.push(size);
      }
    }
  }
}
