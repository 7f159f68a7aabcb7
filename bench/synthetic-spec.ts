// A large, deterministic spec built from the eight OpenAI specs: each copy's component schemas,
// paths and operationIds get a prefix of their own (S1, S2, ...; $refs rewritten to match), and
// copies are added, smallest spec first, until the document reaches the wanted size. Used by the
// benchmark (time per model on 20 MB) and the reliability suite (20 MB, > 10,000 models).
import { readFileSync } from "node:fs";
import path from "node:path";
import jsyaml from "js-yaml";

type Json = Record<string, unknown>;

const SPECS = [
  "openai-2023-11-28.yaml",
  "openai-2024-03-29.yaml",
  "openai-2024-06-24.yaml",
  "openai-2024-12-18.yaml",
  "openai-2025-04-29.yaml",
  "openai-2026-05-13.yaml",
  "openai-2026-07-15.yaml",
  "openai-2026-08-21.yaml",
];

/** The spec as JSON text of at least `minBytes`, and how many copies it holds. */
export function syntheticSpec(specsDir: string, minBytes: number): { text: string; copies: number } {
  const sources = SPECS.map((f) => jsyaml.load(readFileSync(path.join(specsDir, f), "utf8"), { schema: jsyaml.CORE_SCHEMA }) as Json);
  const out: Json = { openapi: "3.1.0", info: { title: "Synthetic API", version: "1.0.0" }, paths: {}, components: {} };
  const components = out.components as Record<string, Json>;
  const paths = out.paths as Json;
  let size = 0;
  let copies = 0;
  // Cycle through the specs until the size is reached; the size is estimated from each copy's text.
  while (size < minBytes) {
    const source = sources[copies % sources.length]!;
    const prefix = `S${copies + 1}`;
    const copy = prefixed(source, prefix);
    for (const [kind, entries] of Object.entries(copy.components as Record<string, Json>)) Object.assign((components[kind] ??= {}), entries);
    for (const [route, item] of Object.entries((copy.paths as Json | undefined) ?? {})) paths[`/${prefix.toLowerCase()}${route}`] = item;
    size += JSON.stringify(copy.components ?? {}).length + JSON.stringify(copy.paths ?? {}).length;
    copies++;
  }
  return { text: JSON.stringify(out), copies };
}

/** A deep copy with component names, $refs and operationIds prefixed; examples and extensions dropped where they refer back by name. */
function prefixed(spec: Json, prefix: string): Json {
  const rename = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => rename(v));
    if (value === null || typeof value !== "object") {
      const ref = key === "$ref" && typeof value === "string" ? /^#\/components\/([^/]+)\/(.*)$/.exec(value) : null;
      if (ref) return `#/components/${ref[1]}/${prefix}${ref[2]}`;
      if (key === "operationId" && typeof value === "string") return `${prefix}_${value}`;
      return value;
    }
    const obj = value as Json;
    const out: Json = {};
    for (const [k, v] of Object.entries(obj)) {
      // Discriminator mappings name schemas by $ref string too.
      if (k === "mapping" && v && typeof v === "object") {
        out[k] = Object.fromEntries(Object.entries(v as Json).map(([tag, ref]) => [tag, typeof ref === "string" ? (rename(ref, "$ref") as string) : ref]));
        continue;
      }
      out[k] = rename(v, k);
    }
    return out;
  };
  const copy = rename(spec) as Json;
  const components = Object.fromEntries(
    Object.entries((copy.components as Json | undefined) ?? {}).map(([kind, entries]) => [kind, Object.fromEntries(Object.entries(entries as Json).map(([k, v]) => [`${prefix}${k}`, v]))]),
  );
  return { components, paths: copy.paths ?? {} };
}
