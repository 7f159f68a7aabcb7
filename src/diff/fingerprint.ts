// A structural fingerprint of a model that ignores names, docs, defaults and constraints: two
// models with the same fingerprint have the same shape on the wire (to a fixed depth). Used to
// pair a removed model with an added one as a rename; the pair is then compared in full, so the
// fingerprint may be coarse.
import type { ModelIndex } from "../ir/query.js";
import type { Model, TypeExpr } from "../ir/types.js";

const DEPTH = 3;

export class Fingerprints {
  private readonly memo = new Map<string, string>();

  /** `anchors`: ids present in both specs; a reference to one is written as its id (it is compared on its own). */
  constructor(
    private readonly models: ModelIndex,
    private readonly anchors: ReadonlySet<string>,
  ) {}

  of(id: string, depth = DEPTH): string {
    const key = `${depth}\u0000${id}`;
    let fp = this.memo.get(key);
    if (fp === undefined) {
      this.memo.set(key, "…"); // a cycle reads as a placeholder
      const m = this.models.get(id);
      fp = m ? this.model(m, depth) : `missing`;
      this.memo.set(key, fp);
    }
    return fp;
  }

  private model(m: Model, depth: number): string {
    const n = m.nullable ? "?" : "";
    switch (m.kind) {
      case "object": {
        const fields = [...m.fields]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((f) => `${JSON.stringify(f.name)}${f.required ? "!" : ""}:${this.type(f.type, depth)}`);
        const extra = m.additionalProperties ? `,*:${this.type(m.additionalProperties, depth)}` : "";
        return `obj${n}{${fields.join(",")}${extra}}`;
      }
      case "enum":
        return `enum${n}(${m.members.map((x) => JSON.stringify(x.value)).sort().join(",")})`;
      case "union":
        return `${m.combinator}${n}(${m.variants.map((v) => this.type(v.type, depth)).join("|")})`;
      case "alias":
        return `alias${n}(${this.type(m.type, depth)})`;
    }
  }

  private type(t: TypeExpr, depth: number): string {
    const n = t.nullable ? "?" : "";
    switch (t.kind) {
      case "primitive":
        return `${t.type}${t.format ? `/${t.format}` : ""}${n}`;
      case "literal":
        return `=${JSON.stringify(t.value)}${n}`;
      case "unknown":
        return "any";
      case "array":
        return `[${this.type(t.items, depth)}]${n}`;
      case "map":
        return `{${this.type(t.values, depth)}}${n}`;
      case "ref":
        if (this.anchors.has(t.target)) return `@${t.target}${n}`;
        if (depth > 0) return `(${this.of(t.target, depth - 1)})${n}`;
        return `#${this.models.get(t.target)?.kind ?? "?"}${n}`;
    }
  }
}

/** Is the shape worth calling a rename on its own (not a bare alias or a one-value enum)? */
export function isSubstantial(m: Model): boolean {
  switch (m.kind) {
    case "object":
      return m.fields.length >= 2;
    case "enum":
      return m.members.length >= 2;
    case "union":
      return m.variants.length >= 2;
    case "alias":
      return false;
  }
}
