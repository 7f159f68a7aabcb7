// A list of strings stored by what each adds to the one before it: the model ids a units file
// keeps (src/emit/reuse.ts) are sorted and share long prefixes (`#/components/schemas/`), so
// this stores about half the text, which every regeneration parses, hashes and writes again.

/** `list` as the length each entry shares with the entry before it, and the rest of the entry. */
export interface FrontCoded {
  shared: number[];
  rest: string[];
}

export function frontCode(list: readonly string[]): FrontCoded {
  const shared: number[] = [];
  const rest: string[] = [];
  let before = "";
  for (const s of list) {
    const n = sharedLength(before, s);
    shared.push(n);
    rest.push(s.slice(n));
    before = s;
  }
  return { shared, rest };
}

/**
 * How many leading characters `a` and `b` share, by halving with native prefix comparisons: the ids
 * share 20-40 characters (`#/components/schemas/...`), one loop step per character before.
 */
function sharedLength(a: string, b: string): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.startsWith(b.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The list `frontCode` was given, or undefined when `coded` is not what it makes (a damaged file). */
export function frontDecode(coded: unknown): string[] | undefined {
  const { shared, rest } = (coded ?? {}) as Partial<FrontCoded>;
  if (!Array.isArray(shared) || !Array.isArray(rest) || shared.length !== rest.length) return undefined;
  const list: string[] = [];
  let before = "";
  for (let i = 0; i < shared.length; i++) {
    const n = shared[i];
    const tail = rest[i];
    if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > before.length || typeof tail !== "string") return undefined;
    before = before.slice(0, n as number) + tail;
    list.push(before);
  }
  return list;
}
