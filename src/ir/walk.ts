// Generic traversal of the type expressions inside models.
import type { Model, TypeExpr } from "./types.js";

/** Calls `fn` on every type expression, outermost first. */
export function forEachType(t: TypeExpr, fn: (t: TypeExpr) => void): void {
  fn(t);
  if (t.kind === "array") forEachType(t.items, fn);
  else if (t.kind === "map") forEachType(t.values, fn);
}

/** Every type expression a model uses directly (fields, variants, alias target, extra keys). */
export function typesOfModel(m: Model): TypeExpr[] {
  switch (m.kind) {
    case "object":
      return [...m.fields.map((f) => f.type), ...(m.additionalProperties ? [m.additionalProperties] : [])];
    case "union":
      return m.variants.map((v) => v.type);
    case "alias":
      return [m.type];
    case "enum":
      return [];
  }
}

/**
 * Does `test` hold for some type expression a model uses (those `typesOfModel` gives and every one
 * inside them, outermost first)? Stops at the first that does, and allocates nothing: the diff asks
 * it of every model after each regeneration.
 */
export function someTypeOfModel(m: Model, test: (t: TypeExpr) => boolean): boolean {
  switch (m.kind) {
    case "object": {
      const fields = m.fields;
      for (let i = 0; i < fields.length; i++) if (someType(fields[i]!.type, test)) return true;
      return m.additionalProperties ? someType(m.additionalProperties, test) : false;
    }
    case "union": {
      const variants = m.variants;
      for (let i = 0; i < variants.length; i++) if (someType(variants[i]!.type, test)) return true;
      return false;
    }
    case "alias":
      return someType(m.type, test);
    case "enum":
      return false;
  }
}

function someType(t: TypeExpr, test: (t: TypeExpr) => boolean): boolean {
  for (let at = t; ;) {
    if (test(at)) return true;
    if (at.kind === "array") at = at.items;
    else if (at.kind === "map") at = at.values;
    else return false;
  }
}

/** Rebuilds a model with `fn` applied bottom-up to every type expression. */
export function mapTypes(m: Model, fn: (t: TypeExpr) => TypeExpr): Model {
  const map = (t: TypeExpr): TypeExpr => {
    if (t.kind === "array") return fn({ ...t, items: map(t.items) });
    if (t.kind === "map") return fn({ ...t, values: map(t.values) });
    return fn(t);
  };
  switch (m.kind) {
    case "object": {
      const out = { ...m, fields: m.fields.map((f) => ({ ...f, type: map(f.type) })) };
      if (m.additionalProperties) out.additionalProperties = map(m.additionalProperties);
      return out;
    }
    case "union":
      return { ...m, variants: m.variants.map((v) => ({ ...v, type: map(v.type) })) };
    case "alias":
      return { ...m, type: map(m.type) };
    case "enum":
      return m;
  }
}
