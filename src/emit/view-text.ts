// The text a file's inputs are keyed by (src/emit/reuse.ts, UnitRenderer.file): JSON, keeping
// apart what JSON would merge and refusing what is not plain data, so that two inputs with one
// text always render the same.

/** A mark no string of the inputs can be equal to: every string starting with NUL gets one NUL more. */
const MARK = "\u0000";

/** JSON of `value`, with undefined, -0 and non-finite numbers marked; throws on functions, Maps, Sets, Dates and other class instances. */
export function viewText(value: unknown): string {
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
