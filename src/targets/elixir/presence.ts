// How the presence policy shapes a field: its presence in the codec descriptor, its codec type,
// its struct type and whether `@enforce_keys` lists it. Under `tolerant`, every field may be absent
// or null when decoding (a response that deviates from the spec still decodes); literals, enum
// values and tags are still checked, and encoding still leaves out what is nil and not nullable.
import type { Field } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import type { Term, TypeDoc } from "./layout.js";
import { admitsNil, codecTerm, fieldTypeDoc, typeDoc, withNil, type ElixirTypeContext } from "./types.js";

export type Presence = ":required" | ":nil_if_absent" | ":optional" | ":optional_nullable";

/** How the codec treats a field that is absent from the JSON object. */
export function presenceOf(f: Field, policy: PresencePolicy, ctx: ElixirTypeContext): Presence {
  // An optional field that allows null is written as null when nil, so responses that spell out
  // their nulls come back unchanged; any-typed fields stay absent (null is not what they declare).
  if (!f.required) return f.type.kind !== "unknown" && admitsNil(f.type, ctx) ? ":optional_nullable" : ":optional";
  if (admitsNil(f.type, ctx)) return policy === "strict" ? ":required" : ":nil_if_absent";
  // Tolerant: a required field the spec never sends as null may be absent too; nil is left out
  // when writing, as the field was when read.
  return policy === "tolerant" ? ":optional" : ":required";
}

/** Tolerant presence reads `null` in any field as nil: a field whose type does not admit it gets a nullable codec. */
export function fieldCodecTerm(f: Field, policy: PresencePolicy, ctx: ElixirTypeContext): Term {
  const term = codecTerm(f.type, ctx);
  return policy === "tolerant" && !admitsNil(f.type, ctx) ? { tuple: [":nullable", term] } : term;
}

/** The struct field's typespec: nil wherever the field may be missing or null under the policy. */
export function fieldTypeUnder(f: Field, policy: PresencePolicy, ctx: ElixirTypeContext): TypeDoc {
  return policy === "tolerant" ? withNil(typeDoc(f.type, ctx)) : fieldTypeDoc(f.type, f.required, ctx);
}

/** `@enforce_keys` lists the required fields, except under tolerant presence, where none must be given. */
export function isEnforced(f: Field, policy: PresencePolicy): boolean {
  return f.required && policy !== "tolerant";
}
