// Enums and literals. A one-value enum, `const` and `x-stainless-const` are literals; two or
// more values make an enum model whose wire values are kept exactly.
import type { EnumMember, EnumModel, Model } from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import type { Schema } from "./keywords.js";

type Scalar = string | number | boolean;

function isScalar(v: unknown): v is Scalar {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
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

export function buildEnum(n: NormalizeContext, at: At, common: Common): EnumModel {
  const s = at.schema;
  const descriptions = (s["x-enum-descriptions"] ?? s["x-enumDescriptions"]) as unknown;
  const seen = new Set<string>();
  const members: EnumMember[] = [];
  (s.enum as unknown[]).forEach((value, i) => {
    if (value === null) return;
    if (!isScalar(value)) {
      n.report("became-unknown", at, `enum value ${JSON.stringify(value)} is not a string, number or boolean and is dropped`);
      return;
    }
    const key = `${typeof value}:${String(value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const member: EnumMember = { value };
    const d = Array.isArray(descriptions) ? descriptions[i] : undefined;
    if (typeof d === "string" && d !== "") member.description = d;
    members.push(member);
  });
  const kinds = new Set(members.map((m) => (typeof m.value === "number" ? (Number.isInteger(m.value) ? "integer" : "number") : typeof m.value)));
  if (kinds.has("integer") && kinds.has("number")) kinds.delete("integer");
  const valueType = kinds.size === 1 ? ([...kinds][0] as EnumModel["valueType"]) : "mixed";
  return { ...common, kind: "enum", valueType, members };
}
