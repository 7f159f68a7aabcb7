// Small IR models written in one line each, for tables over reference graphs.
import type { Field, Model, TypeExpr } from "../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };

export const ref = (target: string, nullable = false): TypeExpr => ({ kind: "ref", target, ...(nullable ? { nullable } : {}) });
export const arr = (items: TypeExpr): TypeExpr => ({ kind: "array", items });
export const dict = (values: TypeExpr): TypeExpr => ({ kind: "map", values });
export const str: TypeExpr = { kind: "primitive", type: "string" };

const field = (type: TypeExpr, i: number): Field => ({ name: `f${i}`, type, required: true, docs: {}, source });

export const obj = (id: string, ...types: TypeExpr[]): Model => ({ id, kind: "object", fields: types.map(field), nameHint: [id], docs: {}, source });
export const alias = (id: string, type: TypeExpr, nullable = false): Model => ({
  id,
  kind: "alias",
  type,
  nameHint: [id],
  docs: {},
  source,
  ...(nullable ? { nullable } : {}),
});
export const union = (id: string, ...types: TypeExpr[]): Model => ({
  id,
  kind: "union",
  combinator: "oneOf",
  variants: types.map((type) => ({ type })),
  nameHint: [id],
  docs: {},
  source,
});
export const enumOf = (id: string, ...values: string[]): Model => ({
  id,
  kind: "enum",
  valueType: "string",
  members: values.map((value) => ({ value })),
  nameHint: [id],
  docs: {},
  source,
});
