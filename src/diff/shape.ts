// Exact structural equality between an old and a new model (names and docs aside), for
// references that moved to another model: an inline schema extracted into a component, or a
// component replaced by an identical one. Cycles are assumed equal on the second visit.
import { isDeepStrictEqual } from "node:util";
import type { Model, TypeExpr } from "../ir/types.js";
import type { DiffContext } from "./context.js";

export class ShapeEquality {
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly ctx: DiffContext) {}

  models(oldId: string, newId: string, assumed = new Set<string>()): boolean {
    if (this.ctx.paired(oldId, newId)) return true;
    const key = `${oldId}\u0000${newId}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    if (assumed.has(key)) return true;
    assumed.add(key);
    const a = this.ctx.old.get(oldId);
    const b = this.ctx.new_.get(newId);
    const same = !!a && !!b && this.model(a, b, assumed);
    assumed.delete(key);
    // `false` holds whatever was assumed; `true` only when nothing was.
    if (!same || assumed.size === 0) this.memo.set(key, same);
    return same;
  }

  types(a: TypeExpr, b: TypeExpr, assumed = new Set<string>()): boolean {
    if (a.kind !== b.kind || !!a.nullable !== !!b.nullable || !isDeepStrictEqual(a.constraints ?? {}, b.constraints ?? {})) return false;
    switch (a.kind) {
      case "primitive":
        return b.kind === "primitive" && a.type === b.type && (a.format ?? "") === (b.format ?? "");
      case "literal":
        return b.kind === "literal" && a.value === b.value;
      case "unknown":
        return true;
      case "array":
        return b.kind === "array" && this.types(a.items, b.items, assumed);
      case "map":
        return b.kind === "map" && this.types(a.values, b.values, assumed);
      case "ref":
        return b.kind === "ref" && this.models(a.target, b.target, assumed);
    }
  }

  private model(a: Model, b: Model, assumed: Set<string>): boolean {
    if (a.kind !== b.kind || !!a.nullable !== !!b.nullable || !isDeepStrictEqual(a.default, b.default)) return false;
    switch (a.kind) {
      case "object": {
        if (b.kind !== "object" || a.fields.length !== b.fields.length) return false;
        if (!!a.additionalProperties !== !!b.additionalProperties) return false;
        if (a.additionalProperties && b.additionalProperties && !this.types(a.additionalProperties, b.additionalProperties, assumed))
          return false;
        const byName = new Map(b.fields.map((f) => [f.name, f]));
        return a.fields.every((f) => {
          const g = byName.get(f.name);
          return !!g && g.required === f.required && isDeepStrictEqual(g.default, f.default) && this.types(f.type, g.type, assumed);
        });
      }
      case "enum": {
        if (b.kind !== "enum") return false;
        const values = (m: typeof a) => m.members.map((x) => JSON.stringify(x.value)).sort().join(",");
        return values(a) === values(b);
      }
      case "union":
        return (
          b.kind === "union" &&
          a.variants.length === b.variants.length &&
          a.variants.every((v, i) => this.types(v.type, b.variants[i]!.type, assumed))
        );
      case "alias":
        return b.kind === "alias" && this.types(a.type, b.type, assumed);
    }
  }
}
