// Literal types (`object: "thread.run"`): one unit struct per distinct value, in the crate's
// `literals` module, that serializes as the value and rejects any other value on decode. Named
// like enum variants (`literals::ThreadRun`); the module is their own namespace, so they never
// collide with model names. Literals are not models, so the IR naming pass has no scope for
// them: this is the one scope they get, filled in sorted order so names are deterministic.
import { compareStrings } from "../../common/order.js";
import type { IrDocument, WireValue } from "../../ir/types.js";
import { literalVisitor } from "../../ir/type-facts.js";
import { NameScope } from "../../naming/scope.js";
import { escapeReserved, memberName } from "./naming.js";
import { RUST_RESERVED_TYPE_NAMES } from "./reserved.js";

export type LiteralValue = string | number | boolean;

export interface LiteralEntry {
  name: string;
  value: LiteralValue;
  /** The spec's digits of an integer beyond 2^53 (LiteralType.exact). */
  exact?: string;
}

export interface LiteralTable {
  /** Entries sorted by kind (boolean, number, string) and then value as written. */
  entries: LiteralEntry[];
  /** The literal's type name inside the `literals` module. */
  name(literal: WireValue): string;
}

/** Two integers beyond 2^53 that read as one double are two literals: the key is the value as written. */
const key = (v: LiteralValue, exact: string | undefined) => `${typeof v}:${exact ?? String(v)}`;

export function collectLiterals(ir: IrDocument): LiteralTable {
  const values = new Map<string, { value: LiteralValue; exact: string | undefined }>();
  // Every type of every model, each regeneration (literalVisitor: a model the normalizer took back
  // from its record and nothing has read says its literals without parsing).
  const collectIn = literalVisitor((value, exact) => {
    const k = key(value, exact);
    if (!values.has(k)) values.set(k, { value, exact });
  });
  for (let i = 0; i < ir.models.length; i++) collectIn(ir.models[i]!);
  const sorted = [...values.entries()].sort((a, b) => compareStrings(a[0], b[0]));
  const scope = new NameScope(RUST_RESERVED_TYPE_NAMES, true);
  const names = new Map<string, string>();
  const entries = sorted.map(([k, { value, exact }]) => {
    const candidate = memberName(exact ?? value);
    const name = scope.claim(RUST_RESERVED_TYPE_NAMES.has(candidate) ? escapeReserved(candidate, "type") : candidate);
    names.set(k, name);
    return exact === undefined ? { name, value } : { name, value, exact };
  });
  return {
    entries,
    name({ value, exact }) {
      const name = names.get(key(value, exact));
      if (name === undefined) throw new Error(`rust: literal ${exact ?? JSON.stringify(value)} was not collected`);
      return name;
    },
  };
}
