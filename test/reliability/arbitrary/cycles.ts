// A schema that is only references (an alias, a union of references, an allOf of them, with or
// without null) says nothing of its own: `A = B | null`, `B = A` is a cycle no value ends, and an
// allOf that merges itself is not a schema. Such cycles are cut; recursion through an object, an
// array or a map (which a value can end) is kept.
import type { Schema } from "./null-idioms.js";

const PREFIX = "#/components/schemas/";

function nameOf(r: string): string {
  return decodeURIComponent(r.slice(PREFIX.length)).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The components a schema reaches without passing through an object's properties, an array or a map. */
function bareTargets(s: Schema): string[] {
  if (typeof s.$ref === "string") return [nameOf(s.$ref)];
  return (["allOf", "anyOf", "oneOf"] as const).flatMap((k) => (Array.isArray(s[k]) ? (s[k] as Schema[]).flatMap(bareTargets) : []));
}

/** `s` with each bare reference replaced: dropped from an allOf, a string elsewhere. */
function cut(s: Schema): Schema {
  if (typeof s.$ref === "string") {
    const { $ref: _dropped, ...rest } = s;
    return { ...rest, type: "string" };
  }
  const out: Schema = { ...s };
  if (Array.isArray(s.allOf)) {
    const kept = (s.allOf as Schema[]).filter((m) => typeof m.$ref !== "string").map(cut);
    if (kept.length) out.allOf = kept;
    else delete out.allOf;
  }
  for (const k of ["anyOf", "oneOf"] as const) if (Array.isArray(s[k])) out[k] = (s[k] as Schema[]).map(cut);
  return out;
}

export function breakBareCycles(schemas: Record<string, Schema>): Record<string, Schema> {
  for (const name of Object.keys(schemas)) {
    const seen = new Set<string>();
    const reachesItself = (n: string): boolean => {
      const s = schemas[n];
      if (!s) return false;
      return bareTargets(s).some((t) => {
        if (t === name) return true;
        if (seen.has(t)) return false;
        seen.add(t);
        return reachesItself(t);
      });
    };
    if (reachesItself(name)) schemas[name] = cut(schemas[name]!);
  }
  return schemas;
}
