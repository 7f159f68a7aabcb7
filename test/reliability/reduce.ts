// Shrinks a failing component set by editing the spec itself, after fast-check's own shrinking
// (which, through the arbitrary's `chain`, often keeps unrelated components): drop a component
// (its references become strings), drop a property, a union member, an enum value or an
// annotation, or replace a schema by `{type: string}`. Every one-step-smaller candidate is
// compiled in batches; the smallest that still fails the same way is kept, until none does or
// the time is up.
import type { ComponentSet } from "./schema-arbitrary.js";

type Json = unknown;
type Schema = Record<string, Json>;
type Path = (string | number)[];

const PREFIX = "#/components/schemas/";
const ANNOTATIONS = ["properties", "description", "title", "format", "default", "pattern", "minimum", "maximum", "readOnly", "deprecated", "x-stainless-const", "x-enum-varnames", "x-enumNames", "x-enum-descriptions", "required", "additionalProperties", "nullable", "discriminator"];
const MEMBER_LISTS = ["anyOf", "oneOf", "allOf", "enum", "required"];

const isObject = (v: Json): v is Schema => v !== null && typeof v === "object" && !Array.isArray(v);

function at(root: Json, p: Path): Json {
  return p.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], root);
}

function edited(set: ComponentSet, change: (schemas: Record<string, Schema>) => void): ComponentSet {
  const schemas = structuredClone(set.schemas);
  change(schemas);
  return { version: set.version, schemas };
}

/** References to `name` become strings; mapping entries naming it go. */
function dropReferences(node: Json, name: string): Json {
  if (Array.isArray(node)) return node.map((n) => dropReferences(n, name));
  if (!isObject(node)) return node;
  if (node.$ref === `${PREFIX}${encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"))}`) {
    const { $ref: _gone, ...rest } = node;
    return { ...rest, type: "string" };
  }
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "mapping" && isObject(v)) out[k] = Object.fromEntries(Object.entries(v).filter(([, target]) => target !== name && target !== `${PREFIX}${name}`));
    else out[k] = dropReferences(v, name);
  }
  return out;
}

/** Every schema node of the set with its path (components, properties, items, members...). */
function schemaNodes(set: ComponentSet): Path[] {
  const out: Path[] = [];
  const walk = (node: Json, p: Path) => {
    if (!isObject(node)) return;
    out.push(p);
    if (isObject(node.properties)) for (const k of Object.keys(node.properties)) walk(node.properties[k], [...p, "properties", k]);
    for (const k of ["items", "additionalProperties"]) if (isObject(node[k])) walk(node[k], [...p, k]);
    for (const k of ["anyOf", "oneOf", "allOf"]) if (Array.isArray(node[k])) for (const [i, m] of (node[k] as Json[]).entries()) walk(m, [...p, k, i]);
  };
  for (const name of Object.keys(set.schemas)) walk(set.schemas[name], [name]);
  return out;
}

/** What to drop at once, the biggest cuts first: halves, quarters, then one at a time (as delta debugging does). */
function dropGroups<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (const parts of [2, 4]) {
    const size = Math.ceil(list.length / parts);
    if (size > 1 && size < list.length) for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  }
  return [...out, ...list.map((x) => [x])];
}

/** Every candidate one edit smaller, the biggest cuts first. */
function smallerCandidates(set: ComponentSet): ComponentSet[] {
  const out: ComponentSet[] = [];
  const names = Object.keys(set.schemas);
  if (names.length > 1) {
    for (const group of dropGroups(names)) {
      out.push(
        edited(set, (s) => {
          for (const name of group) {
            delete s[name];
            for (const other of Object.keys(s)) s[other] = dropReferences(s[other], name) as Schema;
          }
        }),
      );
    }
  }
  const nodes = schemaNodes(set);
  for (const p of nodes) {
    const node = at(set.schemas, p) as Schema;
    if (isObject(node.properties)) {
      for (const group of dropGroups(Object.keys(node.properties))) {
        out.push(
          edited(set, (s) => {
            const properties = (at(s, p) as Schema).properties as Schema;
            for (const k of group) delete properties[k];
          }),
        );
      }
    }
    for (const k of MEMBER_LISTS) {
      const list = node[k];
      if (!Array.isArray(list) || list.length <= (k === "enum" ? 1 : 0)) continue;
      for (const i of list.keys()) {
        out.push(
          edited(set, (s) => {
            const n = at(s, p) as Schema;
            (n[k] as Json[]).splice(i, 1);
            if ((n[k] as Json[]).length === 0) delete n[k];
          }),
        );
      }
    }
  }
  for (const p of nodes) {
    const node = at(set.schemas, p) as Schema;
    if (!(Object.keys(node).length === 1 && node.type === "string")) {
      out.push(
        edited(set, (s) => {
          const parent = at(s, p.slice(0, -1)) as Record<string | number, Json>;
          parent[p[p.length - 1]!] = { type: "string" };
        }),
      );
    }
    for (const k of ANNOTATIONS) if (k in node) out.push(edited(set, (s) => delete (at(s, p) as Schema)[k]));
  }
  return out;
}

export interface ReduceOptions {
  /** Says, for each candidate, whether it still fails the same way. */
  stillFails: (sets: ComponentSet[]) => Promise<boolean[]>;
  size: (set: ComponentSet) => number;
  batch: number;
  deadline: number;
}

export async function reduce(set: ComponentSet, opts: ReduceOptions): Promise<{ set: ComponentSet; steps: number; timedOut: boolean }> {
  let current = set;
  let steps = 0;
  for (;;) {
    const candidates = smallerCandidates(current).filter((c) => opts.size(c) < opts.size(current));
    let next: ComponentSet | undefined;
    for (let i = 0; i < candidates.length && !next; i += opts.batch) {
      if (Date.now() > opts.deadline) return { set: current, steps, timedOut: true };
      const chunk = candidates.slice(i, i + opts.batch);
      const verdicts = await opts.stillFails(chunk);
      next = chunk.filter((_, j) => verdicts[j]).sort((a, b) => opts.size(a) - opts.size(b))[0];
    }
    if (!next) return { set: current, steps, timedOut: false };
    current = next;
    steps++;
  }
}
