// IR type expressions as zod 4 schema expressions, mirroring the TypeScript types of types.ts so
// that `z.infer<typeof XSchema>` is the model's own type: `z.string()`, `z.int()` (an int64 too:
// `number` is exact up to 2^53, and the schema says so by rejecting what it cannot hold; or the
// `int64` helper under `int64: bigint`), `z.literal(v)`, `z.array`, `z.record(z.string(), V)`,
// `z.unknown()`, another model's schema (lazily where graph.ts says so), enums (open or closed),
// and the constraints zod checks (lengths, bounds, patterns that compile as JavaScript regexes).
import { boundText, isInlineEnum, type ModelIndex } from "../../../ir/query.js";
import type { Constraints, EnumModel, NumericBound, TypeExpr } from "../../../ir/types.js";
import { stringLiteral } from "../naming.js";
import { isBigint, isBigintValue, wireLiteral } from "../types.js";
import { array, arrow, call, helper, ident, method, nullable, text, zod, type ZodExpr } from "./expr.js";
import type { ZodMethod } from "./loose.js";

export interface ZodTypeContext {
  models: ModelIndex;
  /** Is the model mapped to a type of the user's (`map:`)? Its values are the user's to check: `z.unknown()`. */
  isMapped?(id: string): boolean;
  /** The schema const of a model (see names.ts). */
  schemaName(id: string): string;
  /** The model whose schema is being written. */
  from: string;
  /** Is a reference from `from` to `to` written `z.lazy(() => ...)`? (graph.ts) */
  isLazy(from: string, to: string): boolean;
  int64: "number" | "bigint";
  openEnums: boolean;
  /** A field of a multipart body: a binary string is an upload (a Blob), as in the types. */
  uploads?: boolean;
  /** Told about every model whose schema an expression mentions (for imports). */
  onRef(id: string): void;
  /** Told about a pattern that does not compile as a JavaScript regex (left unchecked). */
  onUncheckedPattern(pattern: string): void;
}

/** The schema of a type where it is used: `.nullable()` when it admits null (as `T | null` in the types). */
export function typeSchema(t: TypeExpr, ctx: ZodTypeContext): ZodExpr {
  const base = baseSchema(t, ctx);
  return admitsNull(t, ctx.models) && t.kind !== "unknown" ? nullable(base) : base;
}

/** Null written at the use: the type says so, or it refers to a nullable model (declared without null). */
function admitsNull(t: TypeExpr, models: ModelIndex): boolean {
  return t.nullable === true || (t.kind === "ref" && models.get(t.target)?.nullable === true);
}

/** The schema of a type without its null. */
export function baseSchema(t: TypeExpr, ctx: ZodTypeContext): ZodExpr {
  switch (t.kind) {
    case "primitive":
      return primitiveSchema(t.type, t.format, t.constraints, ctx);
    case "literal": {
      const value = zod("literal", text(wireLiteral(t, t.format, ctx.int64)));
      // A bigint literal checks the int64 helper's bigint, from a JSON number or a bigint alike.
      return isBigintValue(t, t.format, ctx.int64) ? method(helper("int64"), "pipe", value) : value;
    }
    case "unknown":
      return zod("unknown");
    case "array":
      return withChecks(zod("array", typeSchema(t.items, ctx)), [
        ["min", t.constraints?.minItems],
        ["max", t.constraints?.maxItems],
      ]);
    case "map":
      return zod("record", zod("string"), typeSchema(t.values, ctx));
    case "ref":
      return refSchema(t.target, ctx);
  }
}

/** Another model's schema, or an inline enum's values written where they are used (as the types do). */
function refSchema(id: string, ctx: ZodTypeContext): ZodExpr {
  const target = ctx.models.get(id);
  if (isInlineEnum(target)) return enumSchema(target, ctx);
  if (ctx.isMapped?.(id)) return zod("unknown");
  ctx.onRef(id);
  const name = ident(ctx.schemaName(id));
  return ctx.isLazy(ctx.from, id) ? zod("lazy", arrow(name)) : name;
}

/**
 * `z.enum([...])` for string values, `z.literal([...])` otherwise; open (the default) through
 * `openEnum`, which lets a value of the same kind pass while the type stays the listed values.
 * Bigint values (`int64: bigint`) are checked after the int64 helper made the value a bigint:
 * openEnum lets any int64 pass, closed they are the helper piped into the literals.
 */
export function enumSchema(m: Pick<EnumModel, "members" | "format">, ctx: Pick<ZodTypeContext, "int64" | "openEnums">): ZodExpr {
  const listed = array(m.members.map((x) => text(wireLiteral(x, m.format, ctx.int64))));
  const known = m.members.every((x) => typeof x.value === "string") ? zod("enum", listed) : zod("literal", listed);
  if (ctx.openEnums) return helper("openEnum", known);
  return m.members.some((x) => isBigintValue(x, m.format, ctx.int64)) ? method(helper("int64"), "pipe", known) : known;
}

function primitiveSchema(type: string, format: string | undefined, c: Constraints | undefined, ctx: ZodTypeContext): ZodExpr {
  switch (type) {
    case "string":
      if (format === "binary" && ctx.uploads) return zod("instanceof", ident("Blob"));
      return withChecks(zod("string"), [["min", c?.minLength], ["max", c?.maxLength], ["regex", patternExpr(c?.pattern, ctx)]]);
    case "boolean":
      return zod("boolean");
    case "integer":
      // As types.ts types it: bigint only for int64/uint64 under `int64: bigint`.
      if (isBigint(format, ctx.int64)) return bigintSchema(c);
      return withChecks(zod("int"), numberChecks(c));
    default:
      return withChecks(zod("number"), numberChecks(c));
  }
}

/** Bounds as the spec wrote them: beyond 2^53 its digits (JavaScript reads them as the same double). */
function numberChecks(c: Constraints | undefined): [ZodMethod, ZodExpr | undefined][] {
  const bound = (key: NumericBound) => {
    const written = c && boundText(c, key);
    return written === undefined ? undefined : text(written);
  };
  return [
    ["min", bound("minimum")],
    ["max", bound("maximum")],
    ["gt", bound("exclusiveMinimum")],
    ["lt", bound("exclusiveMaximum")],
    ["multipleOf", bound("multipleOf")],
  ];
}

/**
 * The int64 helper (a bigint from a JSON number or a bigint), piped into `z.bigint()` with the
 * bounds when there are any, as bigints: an integer is at least 1.5 when it is at least 2, so a
 * fractional bound is the integer inside it; a fractional multipleOf, which no bigint check
 * says, is left out.
 */
function bigintSchema(c: Constraints | undefined): ZodExpr {
  const int64 = helper("int64");
  if (!c) return int64;
  const bound = (key: NumericBound, round: "ceil" | "floor", closed: ZodMethod, open: ZodMethod): [ZodMethod, ZodExpr | undefined] => {
    const value = c[key];
    if (value === undefined) return [closed, undefined];
    const digits = c.exact?.[key];
    if (digits === undefined && !Number.isInteger(value)) return [closed, text(`${BigInt(Math[round](value))}n`)];
    return [key.startsWith("exclusive") ? open : closed, text(`${digits ?? BigInt(value)}n`)];
  };
  const step = c.multipleOf;
  const multiple = step !== undefined && Number.isInteger(step) ? text(`${c.exact?.multipleOf ?? BigInt(step)}n`) : undefined;
  const checks: [ZodMethod, ZodExpr | undefined][] = [
    bound("minimum", "ceil", "min", "gt"),
    bound("maximum", "floor", "max", "lt"),
    bound("exclusiveMinimum", "ceil", "min", "gt"),
    bound("exclusiveMaximum", "floor", "max", "lt"),
    ["multipleOf", multiple],
  ];
  if (checks.every(([, v]) => v === undefined)) return int64;
  return method(int64, "pipe", withChecks(zod("bigint"), checks));
}

/** `base.min(1).max(5)`: each check that has a value, in the given order. */
function withChecks(base: ZodExpr, checks: [ZodMethod, number | ZodExpr | undefined][]): ZodExpr {
  let e = base;
  for (const [name, value] of checks) {
    if (value === undefined) continue;
    e = method(e, name, typeof value === "number" ? text(String(value)) : value);
  }
  return e;
}

/**
 * A pattern as a regular expression, when it is one JavaScript reads: with the `u` flag, as JSON
 * Schema asks patterns to be built (Core 2020-12, "Regular Expressions"; ajv does the same), as a
 * regex literal; else, when it compiles only by the legacy syntax of web browsers (ECMA-262 Annex
 * B: octal escapes such as `\000`, identity escapes such as `\-` outside a class), through
 * `new RegExp` from a string, which keeps that meaning and which tsc does not check as a literal's
 * syntax. Otherwise unchecked: specs carry other dialects (`(?i)`, Java's `\p{Han}`), and a
 * `\p{..}` or `\u{..}` that Unicode mode refuses would, without it, match its own letters.
 */
export function patternExpr(pattern: string | undefined, ctx: Pick<ZodTypeContext, "onUncheckedPattern">): ZodExpr | undefined {
  if (pattern === undefined) return undefined;
  const unicode = compiles(pattern, "u");
  if (!unicode && (hasUnicodeEscape(pattern) || !compiles(pattern, ""))) {
    ctx.onUncheckedPattern(pattern);
    return undefined;
  }
  // A regex literal cannot hold a line break; a string literal can.
  if (unicode && !/[\n\r\u2028\u2029]/.test(pattern)) return text(`/${escapeSlashes(pattern)}/u`);
  return call(ident("new RegExp"), text(stringLiteral(pattern)), ...(unicode ? [text('"u"')] : []));
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

/** Whether the pattern writes `\p{`, `\P{` or `\u{` (an escape of Unicode mode's), not after an escaped backslash. */
function hasUnicodeEscape(pattern: string): boolean {
  for (let i = 0; i < pattern.length - 2; i++) {
    if (pattern[i] !== "\\") continue;
    if ("pPu".includes(pattern[i + 1]!) && pattern[i + 2] === "{") return true;
    i++;
  }
  return false;
}

/** `/` ends a regex literal: escape every one not already escaped (`\/` means `/` in a regex too). */
function escapeSlashes(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      out += ch + (pattern[i + 1] ?? "");
      i++;
    } else out += ch === "/" ? "\\/" : ch;
  }
  return out;
}
