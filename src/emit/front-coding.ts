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
    let n = 0;
    const max = Math.min(before.length, s.length);
    while (n < max && before.charCodeAt(n) === s.charCodeAt(n)) n++;
    shared.push(n);
    rest.push(s.slice(n));
    before = s;
  }
  return { shared, rest };
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
