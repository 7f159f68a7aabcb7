// JSON Pointer (RFC 6901) helpers. Pointers are kept in their escaped string form ("/a~1b/0").

// Both are on the normalizer's hot path (every $ref and every pointer built): most tokens need no escaping.
export function escapeToken(token: string): string {
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  if (!token.includes("~")) return token;
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * `pointer` with one token more: the normalizer's step to a child schema, a call per schema it
 * walks (appendPointer's list of tokens is an array made at every call until the JIT optimizes it).
 */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${typeof token === "number" ? token : escapeToken(token)}`;
}

export function appendPointer(pointer: string, ...tokens: (string | number)[]): string {
  let out = pointer;
  for (let i = 0; i < tokens.length; i++) out = childPointer(out, tokens[i]!);
  return out;
}

/** Splits an escaped pointer ("" is the whole document) into raw tokens. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split("/").map(unescapeToken);
}

/** The fragment of a $ref (after '#'), percent-decoded, as an escaped pointer. */
export function fragmentToPointer(fragment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    decoded = fragment;
  }
  return decoded;
}

export type Lookup = { found: true; value: unknown; parent: unknown; key: string | undefined } | { found: false; missingAt: string };

/** Walks `pointer` from `root`. On a miss, says which prefix was missing. */
export function lookupPointer(root: unknown, pointer: string): Lookup {
  let value: unknown = root;
  let parent: unknown;
  let key: string | undefined;
  const tokens = parsePointer(pointer);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, token)) {
      return { found: false, missingAt: appendPointer("", ...tokens.slice(0, i + 1)) };
    }
    parent = value;
    key = token;
    value = (value as Record<string, unknown>)[token];
  }
  return { found: true, value, parent, key };
}
