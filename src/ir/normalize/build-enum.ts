// Enums and literals. A one-value enum, `const` and `x-stainless-const` are literals; two or
// more values make an enum model whose wire values are kept exactly.
import type { EnumMember, EnumModel, Model } from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import { isNullSchema, isSchemaObject, type Schema } from "./keywords.js";
import { literalDigits } from "./exact-digits.js";

type Scalar = string | number | boolean;

export function isScalar(v: unknown): v is Scalar {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/**
 * An `enum` of two or more values (null aside), each a string, number or boolean: an enum model.
 * One value of another kind (a list, an object) and the keyword is not represented: the schema is
 * typed by its other keywords (inlineType reports it), never narrowed to the values a model could hold.
 */
export function isScalarEnum(s: Schema): boolean {
  if (!Array.isArray(s.enum)) return false;
  let values = 0;
  for (const v of s.enum) {
    if (v === null) continue;
    if (!isScalar(v)) return false;
    values++;
  }
  return values >= 2;
}

/** The single value a schema allows, if it allows exactly one (null aside). */
export function literalOf(s: Schema): Scalar | undefined {
  if ("const" in s && isScalar(s.const)) return s.const;
  if (Array.isArray(s.enum)) {
    const values = s.enum.filter((v) => v !== null);
    if (values.length === 1 && isScalar(values[0])) return values[0];
  }
  return undefined;
}

type Common = Omit<Model, "kind">;

/**
 * `oneOf`/`anyOf` whose branches (null aside) are all single values, two or more: an enum written
 * as a union of consts, each branch's `title` naming its value.
 */
export function constBranches(s: Schema): Schema[] | undefined {
  // Asked of every schema (shapeOf): most have neither list, and the lists below were made anyway.
  if (!Array.isArray(s.oneOf) && !Array.isArray(s.anyOf)) return undefined;
  const branches = [...(Array.isArray(s.oneOf) ? s.oneOf : []), ...(Array.isArray(s.anyOf) ? s.anyOf : [])].filter((b) => !isNullSchema(b));
  if (branches.length < 2 || !branches.every((b) => isSchemaObject(b) && typeof b.$ref !== "string" && literalOf(b) !== undefined))
    return undefined;
  return branches as Schema[];
}

export function buildEnum(n: NormalizeContext, at: At, common: Common): EnumModel {
  const s = at.schema;
  const branches = constBranches(s);
  if (branches)
    return withFormat(
      enumOf(common, branches.map(literalOf), {
        descriptions: branches.map((b) => b.description),
        names: branches.map((b) => b.title),
        digits: branches.map((b) => literalDigits(n, at.doc, b, literalOf(b))),
      }),
      typeof s.format === "string" ? s.format : sharedFormat(branches),
    );
  const model = enumOf(common, s.enum as unknown[], {
    descriptions: (s["x-enum-descriptions"] ?? s["x-enumDescriptions"]) as unknown,
    names: (s["x-enum-varnames"] ?? s["x-enumNames"]) as unknown,
    digits: n.specs.integerItems(at.doc, s.enum as unknown[]) ?? [],
  });
  return withFormat(model, typeof s.format === "string" ? s.format : undefined);
}

function withFormat(model: EnumModel, format: string | undefined): EnumModel {
  return format === undefined ? model : { ...model, format };
}

/** The `format` every branch gives, when they give one and the same. */
function sharedFormat(branches: readonly Schema[]): string | undefined {
  const first = branches[0]?.format;
  return typeof first === "string" && branches.every((b) => b.format === first) ? first : undefined;
}

/**
 * Members from values, with descriptions and names given per position (x-enum-descriptions,
 * x-enum-varnames, branch titles), and the digits of integers beyond 2^53 (exact-digits.ts).
 */
function enumOf(
  common: Common,
  values: unknown[],
  given: { descriptions: unknown; names: unknown; digits: (string | undefined)[] },
): EnumModel {
  const { descriptions, names, digits } = given;
  const seen = new Set<string>();
  const members: EnumMember[] = [];
  values.forEach((value, i) => {
    // isScalarEnum let only scalars through; a union of consts has nothing else either.
    if (!isScalar(value)) return;
    const key = `${typeof value}:${String(value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const member: EnumMember = { value };
    const exact = digits[i];
    if (exact !== undefined) member.exact = exact;
    const d = Array.isArray(descriptions) ? descriptions[i] : undefined;
    if (typeof d === "string" && d !== "") member.description = d;
    const name = Array.isArray(names) ? names[i] : undefined;
    if (typeof name === "string" && /[A-Za-z]/.test(name)) member.name = name;
    members.push(member);
  });
  const kinds = new Set(
    members.map((m) => (typeof m.value === "number" ? (Number.isInteger(m.value) ? "integer" : "number") : typeof m.value)),
  );
  if (kinds.has("integer") && kinds.has("number")) kinds.delete("integer");
  const valueType = kinds.size === 1 ? ([...kinds][0] as EnumModel["valueType"]) : "mixed";
  return { ...common, kind: "enum", valueType, members };
}
