// Enum views. String enums derive serde with a `rename_all` rule chosen to fit most values and
// per-variant renames for the rest. Enums of integers, numbers, booleans or mixed values cannot
// be renamed by serde (renames are strings), so they get written-out Serialize/Deserialize impls.
//
// Unknown values (OpenAI adds enum values often): by default an enum is open, with a last
// variant `Unknown(String)` (`Unknown(i64)`, `Unknown(serde_json::Value)`) that keeps the value
// and writes it back unchanged; for string enums that variant is `#[serde(untagged)]`, which
// serde tries only after every named variant. With the target option `openEnums: false` an
// unknown value is a decode error naming the expected values.
import type { EnumModel } from "../../ir/types.js";
import type { NameTable } from "../../naming/assign.js";
import { docComment } from "./docs.js";
import { implOpen, itemOpen, serdeAttr } from "./layout.js";
import { UNKNOWN_VARIANT } from "./reserved.js";
import { rustFloat, rustInteger, rustIntegerOf, rustString } from "./syntax.js";
import { literalText } from "../../ir/query.js";

/** serde's `rename_all` rules for variants, as serde applies them (serde_derive's `RenameRule`). */
export const RENAME_RULES: Record<string, (variant: string) => string> = {
  snake_case: (v) => snake(v),
  lowercase: (v) => v.toLowerCase(),
  UPPERCASE: (v) => v.toUpperCase(),
  "kebab-case": (v) => snake(v).replace(/_/g, "-"),
  SCREAMING_SNAKE_CASE: (v) => snake(v).toUpperCase(),
  camelCase: (v) => v.charAt(0).toLowerCase() + v.slice(1),
};

/** The rules in the order above, ties going to the earlier. */
const RULE_NAMES = Object.keys(RENAME_RULES);

function snake(variant: string): string {
  let out = "";
  for (let i = 0; i < variant.length; i++) {
    const ch = variant[i]!;
    if (i > 0 && ch >= "A" && ch <= "Z") out += "_";
    out += ch.toLowerCase();
  }
  return out;
}

/**
 * The `rename_all` rule that leaves the fewest variants needing their own rename (none when no
 * rule beats serde's default of the variant name itself; ties go to the earlier rule above).
 */
export function chooseRenameRule(variants: { ident: string; wire: string }[]): string | undefined {
  let best: string | undefined;
  let bestMisses = variants.filter((v) => v.ident !== v.wire).length;
  // Once per enum model: the rules by index, no entries destructured (see README "Speed").
  for (let i = 0; i < RULE_NAMES.length; i++) {
    const apply = RENAME_RULES[RULE_NAMES[i]!]!;
    const misses = variants.filter((v) => apply(v.ident) !== v.wire).length;
    if (misses < bestMisses) {
      best = RULE_NAMES[i];
      bestMisses = misses;
    }
  }
  return best;
}

/** One value of a string enum. */
export interface VariantView {
  /** The variant's `///` doc comment lines (the value's description), unindented. */
  docs: string[];
  /** The `#[serde(rename = ...)]` attribute's lines, indented (none when `rename_all` fits). */
  attrs: string[];
  /** The variant's identifier. */
  name: string;
}

/** `pub enum` of unit variants for an enum of strings; serde derived, with `rename_all` or per-variant renames. */
export interface StringEnumView {
  /** The `///` doc comment's lines. */
  docs: string[];
  /** The enum's identifier. */
  name: string;
  /** `pub enum Name {` laid out as rustfmt does (the brace on its own line when too wide). */
  head: string[];
  /** The traits in `#[derive(...)]`, in order (`Copy` only when the enum is closed). */
  derives: string[];
  /** `#[serde(rename_all = "...")]` line, or "" */
  containerAttr: string;
  /** One unit variant per value. */
  variants: VariantView[];
  /** A value the spec does not list is kept as `Unknown(String)` (option `openEnums`). */
  open: boolean;
  /** That variant's `///` doc comment lines. */
  unknownDocs: string[];
  /** The identifier of the variant keeping an unlisted value. */
  unknownName: string;
}

/** One value of an enum of numbers, booleans or mixed values. */
export interface ValueVariantView {
  /** The variant's `///` doc comment lines (the value's description). */
  docs: string[];
  /** The variant's identifier. */
  name: string;
  /** The expression writing the value (`serializer.serialize_i64(3)`). */
  serialize: string;
  /** The `match` pattern reading the value (`3`, `value if value == 1.5_f64`). */
  pattern: string;
}

/** `pub enum` for an enum of numbers, booleans or mixed values; Serialize and Deserialize written by hand. */
export interface ValueEnumView {
  /** The `///` doc comment's lines. */
  docs: string[];
  /** The enum's identifier. */
  name: string;
  /** `pub enum Name {` laid out as rustfmt does. */
  head: string[];
  /** `impl Serialize for Name {` laid out. */
  serializeHead: string[];
  /** `impl<'de> Deserialize<'de> for Name {` laid out. */
  deserializeHead: string[];
  /** The traits in `#[derive(...)]`, in order (serde's are written by hand below the enum). */
  derives: string[];
  /** One unit variant per value. */
  variants: ValueVariantView[];
  /** `i64` or `serde_json::Value`: what the value is read as before it is matched. */
  readAs: string;
  /** A value the spec does not list is kept in an `Unknown` variant (option `openEnums`). */
  open: boolean;
  /** The identifier of the variant keeping an unlisted value. */
  unknownName: string;
  /** The type that variant holds (`i64` or `serde_json::Value`). */
  unknownType: string;
  /** That variant's `///` doc comment lines. */
  unknownDocs: string[];
  /** The closed enum's last match arm, an error for an unknown value `other` (rustfmt's layout). */
  rejectLines: string[];
}

const UNKNOWN_DOCS = ["/// A value this version of the spec does not list, kept as it came so it encodes back unchanged."];

export function stringEnumView(m: EnumModel, names: NameTable, open: boolean): StringEnumView {
  const idents = m.members.map((x) => ({ ident: names.member(m.id, x.value), wire: String(x.value), description: x.description }));
  const rule = chooseRenameRule(idents);
  const apply = rule ? RENAME_RULES[rule]! : (v: string) => v;
  const name = names.type(m.id);
  return {
    docs: docComment(m.docs),
    name,
    head: itemOpen("pub enum", name),
    derives: open
      ? ["Debug", "Clone", "PartialEq", "Eq", "Hash", "Serialize", "Deserialize"]
      : ["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash", "Serialize", "Deserialize"],
    containerAttr: rule ? `#[serde(rename_all = "${rule}")]` : "",
    variants: idents.map((v) => ({
      docs: docComment({ ...(v.description ? { description: v.description } : {}) }),
      attrs: apply(v.ident) === v.wire ? [] : serdeAttr("    ", [`rename = ${rustString(v.wire)}`]),
      name: v.ident,
    })),
    open,
    unknownDocs: UNKNOWN_DOCS,
    unknownName: UNKNOWN_VARIANT,
  };
}

/** Enums of integers read as `i64`; numbers, booleans and mixed values as `serde_json::Value`. */
export function valueEnumView(m: EnumModel, names: NameTable, open: boolean): ValueEnumView {
  const integers =
    m.valueType === "integer" && m.members.every((x) => typeof x.value === "number" && rustInteger(x.value, x.exact) !== undefined);
  const variants = m.members.map((x) => {
    const name = names.member(m.id, x.value);
    const docs = docComment({ ...(x.description ? { description: x.description } : {}) });
    const v = x.value;
    if (integers) {
      const int = rustInteger(v as number, x.exact)!;
      return { docs, name, serialize: `serializer.serialize_i64(${int})`, pattern: int };
    }
    if (typeof v === "string")
      return { docs, name, serialize: `serializer.serialize_str(${rustString(v)})`, pattern: `value if value == ${rustString(v)}` };
    if (typeof v === "boolean") return { docs, name, serialize: `serializer.serialize_bool(${v})`, pattern: `value if value == ${v}` };
    // An integer as its type holds it (serde_json compares a number with an i64 or u64 exactly), else an f64.
    const int = rustIntegerOf(v, x.exact);
    return int !== undefined
      ? { docs, name, serialize: `serializer.serialize_${int.type}(${int.text})`, pattern: `value if value == ${int.text}_${int.type}` }
      : { docs, name, serialize: `serializer.serialize_f64(${rustFloat(v)})`, pattern: `value if value == ${rustFloat(v)}_f64` };
  });
  const expected = m.members.map(literalText).join(", ");
  // `Unknown(i64)` keeps every trait a unit variant has; `Unknown(serde_json::Value)` is not `Copy`/`Hash`.
  const plain = integers || !open;
  const name = names.type(m.id);
  return {
    docs: docComment(m.docs),
    name,
    head: itemOpen("pub enum", name),
    serializeHead: implOpen("impl Serialize", name),
    deserializeHead: implOpen("impl<'de> Deserialize<'de>", name),
    derives: plain ? ["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash"] : ["Debug", "Clone", "PartialEq"],
    variants,
    readAs: integers ? "i64" : "serde_json::Value",
    open,
    unknownName: UNKNOWN_VARIANT,
    unknownType: integers ? "i64" : "serde_json::Value",
    unknownDocs: UNKNOWN_DOCS,
    // Both calls are wider than rustfmt's 60-column call width, so their arguments go one per line.
    rejectLines: integers
      ? [
          "            other => Err(serde::de::Error::invalid_value(",
          "                serde::de::Unexpected::Signed(other),",
          `                &${rustString(`one of ${expected}`)},`,
          "            )),",
        ]
      : [
          "            other => Err(serde::de::Error::custom(format_args!(",
          '                "unknown value {other}, expected one of {}",',
          `                ${rustString(expected)}`,
          "            ))),",
        ],
  };
}
