// Objects too wide for one case class. A JVM method takes at most 255 parameter slots, `this`
// included, and a `Long` or `Double` takes two: a case class's constructor, `apply` and `copy` of
// more fields than that do not compile (DocuSign's account settings have 674). Such an object's
// fields are held in parts, consecutive runs of fields each a case class of its own, so a field
// added in the middle moves only the fields at the parts' edges; the class reads every field
// through a member of the field's name, and its JSON stays one flat object.
import type { Field, TypeExpr } from "../../ir/types.js";
import { primitiveType, type FieldShape, type ScalaTypeContext } from "./types.js";

/** The parameter slots one constructor may use: 255, less the one `this` takes. */
export const MAX_PARAMETER_SLOTS = 254;

/**
 * The slots a parameter of this field takes: two for a value the JVM holds as a `long` or a
 * `double` (a required `Long` or `Double`, an alias of one, a numeric constant), one for a
 * reference (`Option`, a model, a list). A type the user maps is counted as two: it may be a value
 * class over a `Long`, and counting one too many only starts a part a field earlier.
 */
export function parameterSlots(f: Field, shape: FieldShape, ctx: ScalaTypeContext): 1 | 2 {
  if (shape.presence !== "required") return 1;
  return wideValue(f.type, ctx, new Set()) ? 2 : 1;
}

function wideValue(t: TypeExpr, ctx: ScalaTypeContext, seen: Set<string>): boolean {
  switch (t.kind) {
    case "literal":
      return typeof t.value === "number";
    case "primitive": {
      const choice = ctx.mappings?.format(t);
      if (choice) return !("native" in choice);
      const type = primitiveType(t);
      return type === "Long" || type === "Double";
    }
    case "ref": {
      if (ctx.mappings?.model(t.target) !== undefined) return true;
      const m = ctx.models.get(t.target);
      if (m?.kind !== "alias" || seen.has(m.id)) return false;
      seen.add(m.id);
      return wideValue(m.type, ctx, seen);
    }
    default:
      return false;
  }
}

/**
 * The fields' indexes in parts, each a consecutive run filled up to the limit, or null when every
 * field fits in the class itself. `reserved` is what the class's other parameters take (the map of
 * an open object's extra keys).
 */
export function partsOf(slots: readonly number[], reserved: number): number[][] | null {
  const total = slots.reduce((sum, s) => sum + s, reserved);
  if (total <= MAX_PARAMETER_SLOTS) return null;
  const parts: number[][] = [];
  let current: number[] = [];
  let used = 0;
  for (let i = 0; i < slots.length; i++) {
    if (used + slots[i]! > MAX_PARAMETER_SLOTS) {
      parts.push(current);
      current = [];
      used = 0;
    }
    current.push(i);
    used += slots[i]!;
  }
  parts.push(current);
  return parts;
}
