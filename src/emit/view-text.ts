// The text a file's inputs are keyed by (src/emit/reuse.ts, UnitRenderer.file): JSON, keeping
// apart what JSON would merge and refusing what is not plain data, so that two inputs with one
// text always render the same.

/** A mark no string of the inputs can be equal to: every string starting with NUL gets one NUL more. */
const MARK = "\u0000";

/** JSON of `value`, with undefined, -0 and non-finite numbers marked; throws on functions, Maps, Sets, Dates and other class instances. */
export function viewText(value: unknown): string {
  // Views are almost always plain JSON data, for which the marking below changes nothing: checked
  // by a walk, then written by JSON.stringify without a replacer, which is several times faster
  // (a replacer is a call per value). Anything else takes the marking path.
  return isPlainJson(value, 0) ? JSON.stringify({ value }) : markedText(value);
}

/** Deeper than this, the marking path answers (and throws on a cycle, as JSON.stringify does). */
const MAX_DEPTH = 200;

/**
 * Whether JSON.stringify writes `value` as the marking replacer would: null, booleans, finite
 * numbers other than -0, strings not starting with the mark, arrays of those without holes, and
 * objects of Object.prototype or no prototype whose enumerable own values are those.
 */
export function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case "string":
      return !value.startsWith(MARK);
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "boolean":
      return true;
    case "object": {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** viewText through the marking replacer, whatever `value` holds. */
export function markedText(value: unknown): string {
  return JSON.stringify({ value }, function (this: Record<string, unknown>, key: string, v: unknown) {
    // The value before JSON's own conversion (a Date's toJSON would already have made it a string).
    const raw = key === "" ? v : this[key];
    if (raw === undefined) return `${MARK}undefined`;
    if (typeof raw === "string") return raw.startsWith(MARK) ? MARK + raw : raw;
    if (typeof raw === "number") return Number.isFinite(raw) && !Object.is(raw, -0) ? raw : `${MARK}${Object.is(raw, -0) ? "-0" : raw}`;
    if (typeof raw === "function" || typeof raw === "symbol" || typeof raw === "bigint")
      throw new Error(`view-text: a ${typeof raw} at "${key}"`);
    if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      const proto = Object.getPrototypeOf(raw);
      if (proto !== Object.prototype && proto !== null) throw new Error(`view-text: a ${proto?.constructor?.name ?? "object"} at "${key}"`);
    }
    return v;
  });
}
