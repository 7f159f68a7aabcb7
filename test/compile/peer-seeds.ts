// Where the peer (openapi-typescript) reads a spec construct differently from us, found in the
// raw spec: which constructs a schema (or any raw subtree, such as an operation's request body)
// contains, and how such a difference spreads to every schema that references an affected one.

/** Constructs the peer types differently, as found in a raw schema (see PEER_DIFFERENCES). */
export type RawConstruct = "freeForm" | "refNullable" | "requiredOnly" | "binary";

/** The constructs used anywhere inside a raw schema (or any raw spec subtree); `$ref`s are not followed. */
export function rawConstructs(value: unknown): Set<RawConstruct> {
  const found = new Set<RawConstruct>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(visit);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.$ref === "string" && o.nullable === true) found.add("refNullable");
    if (Array.isArray(o.allOf) && o.allOf.some((m) => m !== null && typeof m === "object" && (m as Record<string, unknown>).nullable === true && !("type" in m))) found.add("refNullable");
    for (const k of ["oneOf", "anyOf"]) {
      const branches = o[k];
      if (Array.isArray(branches) && branches.every((b) => b !== null && typeof b === "object" && Object.keys(b).every((x) => x === "required"))) found.add("requiredOnly");
    }
    const structural = ["properties", "additionalProperties", "allOf", "oneOf", "anyOf", "items", "enum", "$ref"].some((k) => k in o);
    if (o.type === "object" && !structural) found.add("freeForm");
    if (o.type === "string" && o.format === "binary") found.add("binary");
    for (const [k, x] of Object.entries(o)) if (k !== "properties" || typeof x === "object") visit(x);
  };
  visit(value);
  return found;
}

/** Component schema names by the constructs each contains. */
export function componentSeeds(root: unknown): Record<RawConstruct, Set<string>> {
  const seeds: Record<RawConstruct, Set<string>> = { freeForm: new Set(), refNullable: new Set(), requiredOnly: new Set(), binary: new Set() };
  const schemas = (root as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) for (const c of rawConstructs(schema)) seeds[c].add(name);
  return seeds;
}

/** Splits the peer's `components.schemas` into one text block per schema. */
export function schemaBlocks(dts: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  for (const line of dts.split("\n")) {
    const m = /^ {8}"?([^"\s?:]+)"?\??: /.exec(line);
    if (m) {
      if (current) blocks.set(current, lines.join("\n"));
      current = m[1];
      lines = [];
    }
    if (current) lines.push(line);
  }
  if (current) blocks.set(current, lines.join("\n"));
  return blocks;
}

/** `seeds` plus every schema whose peer type references one of them, transitively. */
export function closeOverReferences(seeds: Set<string>, blocks: Map<string, string>): Set<string> {
  const refs = new Map([...blocks].map(([name, text]) => [name, [...text.matchAll(/components\["schemas"\]\["([^"]+)"\]/g)].map((m) => m[1]!)]));
  const out = new Set(seeds);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, targets] of refs) {
      if (!out.has(name) && targets.some((t) => out.has(t))) {
        out.add(name);
        grew = true;
      }
    }
  }
  return out;
}
