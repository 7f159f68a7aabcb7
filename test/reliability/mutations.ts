// Random edits of real specs, as a user's hand or a broken export makes them: a node deleted, a
// type swapped, a $ref broken, a value of the wrong kind, a YAML syntax error. Each returns the
// edited files and a description that says how to reproduce it.
import { parse, stringify } from "yaml";
import type { Random } from "./random.js";

export type SpecFiles = Record<string, string>;

export interface Mutant {
  files: SpecFiles;
  description: string;
}

type Path = (string | number)[];

/** Every path to a value inside `root` (not the root itself), in document order. */
function paths(root: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (root !== null && typeof root === "object") {
    for (const [k, v] of Object.entries(root)) {
      const p = [...at, Array.isArray(root) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

function parentOf(root: unknown, p: Path): { parent: Record<string | number, unknown>; key: string | number } {
  let cur = root as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  return { parent: cur, key: p[p.length - 1]! };
}

const show = (p: Path) => "/" + p.map(String).join("/");

const STRUCTURAL: ((value: unknown, rng: Random) => string | undefined)[] = [
  // Delete a node.
  (root, rng) => {
    const all = paths(root);
    if (!all.length) return undefined;
    const p = rng.pick(all);
    const { parent, key } = parentOf(root, p);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return `deleted ${show(p)}`;
  },
  // Swap a type.
  (root, rng) => {
    const all = paths(root).filter((p) => p[p.length - 1] === "type");
    if (!all.length) return undefined;
    const p = rng.pick(all);
    const { parent, key } = parentOf(root, p);
    const to = rng.pick(["string", "integer", "number", "boolean", "object", "array", "null", "nonsense", 42, ["string", "null"], ["object", "array"]]);
    parent[key] = to;
    return `set ${show(p)} to ${JSON.stringify(to)}`;
  },
  // Break a $ref.
  (root, rng) => {
    const all = paths(root).filter((p) => p[p.length - 1] === "$ref");
    if (!all.length) return undefined;
    const p = rng.pick(all);
    const { parent, key } = parentOf(root, p);
    const was = String(parent[key]);
    const to = rng.pick([`${was}Missing`, "#/components/schemas/DoesNotExist", "missing-file.yaml", "#not-a-pointer", 7, "https://example.com/remote.yaml", "#"]);
    parent[key] = to;
    return `set ${show(p)} from ${JSON.stringify(was)} to ${JSON.stringify(to)}`;
  },
  // A value of the wrong kind where a schema keyword expects another.
  (root, rng) => {
    const keys = ["properties", "required", "items", "enum", "allOf", "oneOf", "anyOf", "additionalProperties", "parameters", "responses", "content", "schema", "paths", "components", "discriminator", "nullable", "const"];
    const all = paths(root).filter((p) => keys.includes(String(p[p.length - 1])));
    if (!all.length) return undefined;
    const p = rng.pick(all);
    const { parent, key } = parentOf(root, p);
    const to = rng.pick([null, "text", 3, [], {}, [1, "a"], { x: 1 }, true]);
    parent[key] = to;
    return `set ${show(p)} to ${JSON.stringify(to)}`;
  },
];

const TEXTUAL: ((text: string, rng: Random) => { text: string; description: string })[] = [
  (text, rng) => {
    const lines = text.split("\n");
    const i = rng.int(lines.length);
    const bad = rng.pick(["  : bad key", "\tindented: with a tab", "key: [unclosed", "- orphan list item", '"unterminated: string', "{ a: 1", "  &anchor", "*undefined_alias"]);
    lines.splice(i, 0, bad);
    return { text: lines.join("\n"), description: `inserted ${JSON.stringify(bad)} before line ${i + 1}` };
  },
  (text, rng) => {
    const cut = rng.int(text.length);
    return { text: text.slice(0, cut), description: `truncated at byte ${cut}` };
  },
];

/** One random edit of one of the files. */
export function mutate(files: SpecFiles, rng: Random): Mutant {
  const names = Object.keys(files).sort();
  const file = rng.pick(names);
  const out = { ...files };
  if (rng.next() < 0.2) {
    const { text, description } = rng.pick(TEXTUAL)(files[file]!, rng);
    out[file] = text;
    return { files: out, description: `${file}: ${description}` };
  }
  const value = parse(files[file]!) as unknown;
  for (let attempt = 0; attempt < 8; attempt++) {
    const description = rng.pick(STRUCTURAL)(value, rng);
    if (description === undefined) continue;
    out[file] = file.endsWith(".json") ? JSON.stringify(value, null, 2) : stringify(value, { aliasDuplicateObjects: false });
    return { files: out, description: `${file}: ${description}` };
  }
  return { files: out, description: `${file}: unchanged` };
}
