// Two type expressions at the same place (a field, an alias, an array item): null gained or lost,
// constraints, and how the set of accepted values changed (same, wider, narrower, different).
import { integerRange, literalText, unalias, type ModelIndex } from "../ir/query.js";
import type { PrimitiveType, TypeExpr } from "../ir/types.js";
import type { Rule } from "./change.js";
import { compareConstraints, constraintText } from "./constraints.js";
import type { DiffContext, Site } from "./context.js";
import { joinPath, typeText } from "./describe.js";
import type { ShapeEquality } from "./shape.js";

type Relation = { kind: "same" } | { kind: "widened" | "narrowed" | "changed" | "literal"; response?: Rule; note?: string };

const SAME: Relation = { kind: "same" };
const ENUM_OPEN: Rule = { safeIf: ["enumUnknownFallback", "uncheckedDecoding"] };

export function compareTypes(o: TypeExpr, n: TypeExpr, site: Site, ctx: DiffContext, shapes: ShapeEquality): void {
  if (!(o.kind === "ref" && n.kind === "ref" && ctx.paired(o.target, n.target))) {
    o = unalias(o, ctx.old);
    n = unalias(n, ctx.new_);
  }
  if (o.kind !== "unknown" && n.kind !== "unknown") {
    if (!o.nullable && n.nullable) {
      ctx.emit("nullable-gained", site, {
        message: "now admits null",
        response: site.optionalField ? { safeIf: ["optionalFieldAcceptsNull"] } : "breaking",
        request: "safe",
      });
    } else if (o.nullable && !n.nullable) {
      ctx.emit("nullable-lost", site, { message: "no longer admits null", response: "safe", request: "breaking" });
    }
  }
  for (const c of compareConstraints(o.constraints, n.constraints)) {
    const { before, after } = c;
    const what =
      before === undefined
        ? `${c.keyword} ${after === undefined ? "" : constraintText(after)} added`
        : after === undefined
          ? `${c.keyword} ${constraintText(before)} removed`
          : `${c.keyword} ${constraintText(before)} → ${constraintText(after)}`;
    const e = {
      message: what,
      ...(c.before !== undefined ? { before: String(c.before) } : {}),
      ...(c.after !== undefined ? { after: String(c.after) } : {}),
    };
    if (c.direction === "tightened") ctx.emit("constraint-tightened", site, { ...e, response: "safe", request: "breaking" });
    else ctx.emit("constraint-loosened", site, { ...e, response: { breakingIf: ["checksConstraints"] }, request: "safe" });
  }
  if (o.kind === "array" && n.kind === "array") {
    compareTypes(o.items, n.items, { ...site, path: joinPath(site.path, "[]"), optionalField: false }, ctx, shapes);
    return;
  }
  if (o.kind === "map" && n.kind === "map") {
    compareTypes(o.values, n.values, { ...site, path: joinPath(site.path, "{}"), optionalField: false }, ctx, shapes);
    return;
  }

  const r = relate(o, n, ctx, shapes, true);
  if (r.kind === "same") return;
  const before = typeText({ ...o, nullable: false }, ctx.old);
  const after = typeText({ ...n, nullable: false }, ctx.new_);
  const message = `${before} → ${after}${r.note ? ` (${r.note})` : ""}`;
  switch (r.kind) {
    case "literal":
      ctx.emit("literal-changed", site, { message, before, after, response: "breaking", request: "breaking" });
      return;
    case "widened":
      ctx.emit("type-widened", site, { message, before, after, response: r.response ?? "breaking", request: "safe" });
      return;
    case "narrowed":
      ctx.emit("type-narrowed", site, { message, before, after, response: "safe", request: "breaking" });
      return;
    case "changed":
      ctx.emit("type-changed", site, { message, before, after, response: r.response ?? "breaking", request: "breaking" });
      return;
  }
}

/** How the values `n` accepts relate to those `o` accepted (nullability aside). */
function relate(o: TypeExpr, n: TypeExpr, ctx: DiffContext, shapes: ShapeEquality, lookIntoUnions: boolean): Relation {
  if (o.kind === "ref" && n.kind === "ref" && (ctx.paired(o.target, n.target) || shapes.models(o.target, n.target))) return SAME;
  if (o.kind === "primitive" && n.kind === "primitive") return primitives(o, n);
  if (o.kind === "literal" && n.kind === "literal") return literalText(o) === literalText(n) ? SAME : { kind: "literal" };
  if (o.kind === "unknown" && n.kind === "unknown") return SAME;
  if (n.kind === "unknown") return { kind: "widened" };
  if (o.kind === "unknown") return { kind: "narrowed" };

  // A free-form object (a map of anything) and a declared one: the declared one is narrower.
  if (isAnyMap(o) && isObject(n, ctx.new_)) return { kind: "narrowed", note: "now a declared object" };
  if (isObject(o, ctx.old) && isAnyMap(n)) return { kind: "widened", note: "now a free-form object" };

  // Enums and literals as sets of values, against each other and against their base primitive.
  const ov = valueSet(o, ctx.old);
  const nv = valueSet(n, ctx.new_);
  const openOld: Rule = o.kind === "literal" ? "breaking" : ENUM_OPEN;
  if (ov && nv) {
    const added = [...nv.values].filter((v) => !ov.values.has(v));
    const removed = [...ov.values].filter((v) => !nv.values.has(v));
    if (!added.length && !removed.length) return SAME;
    const note = [added.length ? `adds ${added.join(", ")}` : "", removed.length ? `drops ${removed.join(", ")}` : ""]
      .filter(Boolean)
      .join("; ");
    if (!removed.length) return { kind: "widened", response: openOld, note };
    if (!added.length) return { kind: "narrowed", note };
    return { kind: "changed", note };
  }
  if (ov && n.kind === "primitive" && baseMatches(ov.base, n.type)) return { kind: "widened", response: openOld };
  if (nv && o.kind === "primitive" && baseMatches(nv.base, o.type)) return { kind: "narrowed" };

  // A type that became a union containing it, or a union that became one of its variants.
  if (lookIntoUnions) {
    // (A variant that contains the old type counts too: an enum now inside `string | enum`.)
    const nu = unionVariants(n, ctx.new_);
    if (nu?.some((v) => ["same", "widened"].includes(relate(o, v, ctx, shapes, false).kind)))
      return { kind: "widened", note: "now within a union" };
    const ou = unionVariants(o, ctx.old);
    if (ou?.some((v) => ["same", "narrowed"].includes(relate(v, n, ctx, shapes, false).kind)))
      return { kind: "narrowed", note: "was within a union" };
  }
  return { kind: "changed" };
}

function primitives(o: PrimitiveType, n: PrimitiveType): Relation {
  if (o.type === n.type) {
    if (o.type === "integer") {
      const [a0, a1] = integerRange(o.format);
      const [b0, b1] = integerRange(n.format);
      if (a0 === b0 && a1 === b1) return SAME;
      if (b0 <= a0 && a1 <= b1) return { kind: "widened", response: { safeIf: ["integerFormatsShareOneType", "numbersShareOneType"] } };
      if (a0 <= b0 && b1 <= a1) return { kind: "narrowed" };
      return { kind: "changed", response: { safeIf: ["integerFormatsShareOneType", "numbersShareOneType"] } };
    }
    if (o.type === "string") {
      const a = o.format ?? "";
      const b = n.format ?? "";
      if (a === b) return SAME;
      if (!b) return { kind: "widened", response: { safeIf: ["stringFormatsShareOneType"] } };
      if (!a) return { kind: "narrowed" };
      return { kind: "changed", response: { safeIf: ["stringFormatsShareOneType"] } };
    }
    return SAME; // number formats (float, double) and booleans
  }
  if (o.type === "integer" && n.type === "number") return { kind: "widened", response: { safeIf: ["numbersShareOneType"] } };
  if (o.type === "number" && n.type === "integer") return { kind: "narrowed" };
  return { kind: "changed" };
}

interface ValueSet {
  values: Set<string>;
  base: "string" | "integer" | "number" | "boolean" | "mixed";
}

/** The values a literal or an enum (through a reference) allows, as JSON texts (the spec's digits beyond 2^53 kept). */
function valueSet(t: TypeExpr, models: ModelIndex): ValueSet | undefined {
  if (t.kind === "literal") return { values: new Set([literalText(t)]), base: baseOf(t.value) };
  if (t.kind !== "ref") return undefined;
  const m = models.get(t.target);
  if (m?.kind !== "enum") return undefined;
  return { values: new Set(m.members.map(literalText)), base: m.valueType };
}

function baseOf(v: string | number | boolean): ValueSet["base"] {
  return typeof v === "string" ? "string" : typeof v === "boolean" ? "boolean" : Number.isInteger(v) ? "integer" : "number";
}

function baseMatches(base: ValueSet["base"], type: PrimitiveType["type"]): boolean {
  return base === type || (base === "integer" && type === "number");
}

function isAnyMap(t: TypeExpr): boolean {
  return t.kind === "map" && t.values.kind === "unknown";
}

function isObject(t: TypeExpr, models: ModelIndex): boolean {
  return t.kind === "ref" && models.get(t.target)?.kind === "object";
}

function unionVariants(t: TypeExpr, models: ModelIndex): TypeExpr[] | undefined {
  if (t.kind !== "ref") return undefined;
  const m = models.get(t.target);
  return m?.kind === "union" ? m.variants.map((v) => v.type) : undefined;
}
