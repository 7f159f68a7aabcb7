// Splitting any spec name (schema keys, property names, enum values) into words, and joining
// words in the case styles targets use.

const SYMBOL_WORDS: Record<string, string> = {
  "+": "plus",
  "-": "minus",
  "*": "star",
  "/": "slash",
  "<": "lt",
  ">": "gt",
  "=": "eq",
  "!": "not",
  "@": "at",
  "%": "percent",
  "&": "and",
  "|": "or",
  ".": "dot",
  "#": "hash",
  $: "dollar",
};

/**
 * "RunStepObject" -> Run Step Object; "api.v1.Account" -> api v1 Account; "HTTPServer" -> HTTP Server;
 * "gpt-4o" -> gpt 4o. A name with no letters or digits spells its symbols ("+" -> plus; "" -> empty).
 */
export function splitWords(name: string): string[] {
  // A copy: callers may change their list.
  return cachedWords(name).slice();
}

/** The cached words of `name`, shared: not to be changed. */
function cachedWords(name: string): readonly string[] {
  let words = splitCache.get(name);
  if (words === undefined) {
    if (splitCache.size >= SPLIT_CACHE_LIMIT) splitCache.clear();
    splitCache.set(name, (words = split(name)));
  }
  return words;
}

/**
 * Every language names every model, field and member from the same spec names, and a regeneration
 * names them all again: the words of each name are worked out once per process (bounded, for a
 * long-lived `--watch`).
 */
const splitCache = new Map<string, readonly string[]>();
const SPLIT_CACHE_LIMIT = 200_000;

function split(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
  if (words.length === 0) {
    const spelled = [...name].map((c) => SYMBOL_WORDS[c]).filter((w): w is string => w !== undefined);
    return spelled.length ? spelled : ["empty"];
  }
  // Keep a leading sign so "+1" and "-1" stay apart.
  const sign = /^[+-]/.exec(name)?.[0];
  return sign && /^\d/.test(words[0]!) ? [SYMBOL_WORDS[sign]!, ...words] : words;
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

export function pascalCase(words: readonly string[]): string {
  return words.map(capitalize).join("");
}

export function camelCase(words: readonly string[]): string {
  // Indexed, not `const [first, ...rest] = words`: a name per field, and destructuring runs the iterator protocol.
  let out = words.length ? words[0]!.toLowerCase() : "";
  for (let i = 1; i < words.length; i++) out += capitalize(words[i]!);
  return out;
}

export function snakeCase(words: readonly string[]): string {
  return words.map((w) => w.toLowerCase()).join("_");
}

/** Words of every entry of a name hint, in order. */
export function hintWords(hint: string[]): string[] {
  // flatMap copies the words into its own list: no copy per entry needed.
  return hint.flatMap(cachedWords);
}
