// Rust syntax: literals for values taken from the spec (strings, numbers), `///` doc lines, and the
// generic types every type string is built from (`Option<T>`, `Result<T, E>`).
import { descriptionLines } from "../common/description-lines.js";
import { quotedString } from "../common/quoted-string.js";
import { inIntegerRange } from "../../ir/query.js";

/** A Rust string literal: `"thread.run"`, with `\`, `"` and control characters escaped (`\u{7f}`). */
export function rustString(value: string): string {
  return quotedString(value, (code) => `\\u{${code.toString(16)}}`);
}

/** An `i64` literal, or undefined when the number is not an integer in range. */
export function rustInteger(value: number, exact?: string): string | undefined {
  const int = rustIntegerOf(value, exact);
  return int?.type === "i64" ? int.text : undefined;
}

/**
 * An integer as a Rust literal and the type that holds it: within 2^53, or the spec's digits of a
 * larger one (`exact`: LiteralType.exact, EnumMember.exact) within `i64`'s or `u64`'s range. Any
 * other number was read as the nearest double, and is an `f64`.
 */
export function rustIntegerOf(value: number, exact?: string): { text: string; type: "i64" | "u64" } | undefined {
  if (exact === undefined) return Number.isSafeInteger(value) ? { text: String(value), type: "i64" } : undefined;
  const n = BigInt(exact);
  if (inIntegerRange(n, "int64")) return { text: exact, type: "i64" };
  return inIntegerRange(n, "uint64") ? { text: exact, type: "u64" } : undefined;
}

/** An `f64` literal: always with a `.` or exponent so Rust reads it as a float. */
export function rustFloat(value: number): string {
  const s = String(value);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** Doc lines for `///`: no trailing spaces, no leading or doubled blank lines. */
export function docLines(text: string): string[] {
  return descriptionLines(text);
}

/** `Option<T>`. */
export function optionOf(type: string): string {
  return `Option<${type}>`;
}

/** `Result<T, E>`. */
export function resultOf(ok: string, err: string): string {
  return `Result<${ok}, ${err}>`;
}

/** `Vec<T>`. */
export function vecOf(type: string): string {
  return `Vec<${type}>`;
}

/** `Box<T>`: a value held on the heap (a reference cycle held by value). */
export function boxOf(type: string): string {
  return `Box<${type}>`;
}

/** `BTreeMap<String, T>` (deterministic key order), with its full path where nothing is imported. */
export function stringMapOf(values: string, qualified = false): string {
  return `${qualified ? "std::collections::" : ""}BTreeMap<String, ${values}>`;
}
