// Views of the crate-level files: Cargo.toml, lib.rs, the `literals` module and the
// `serde_support` helpers (only the helpers some model uses are written: no dead code). The
// `decode` module (decoding whose errors name the JSON path and show the value) is the same in
// every crate: its template needs only the header.
import { compareStrings } from "../../common/order.js";
import type { IrDocument } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import type { RustOptions } from "./index.js";
import type { LiteralEntry, LiteralTable, LiteralValue } from "./literals.js";
import { literalMacroLines } from "./layout.js";
import { optionOf, resultOf, rustFloat, rustInteger, rustString, vecOf } from "./syntax.js";
import { presentTimestamp } from "./unix-seconds.js";
import type { NativeCrate } from "./types.js";

/** serde >= 1.0.181 for `#[serde(untagged)]` on one variant (the open enums' fallback). */
const SERDE_REQUIREMENT = "1.0.181";
const SERDE_JSON_REQUIREMENT = "1.0.100";
/**
 * serde_path_to_error (dtolnay's, depends only on serde and itoa) tracks the JSON path while
 * serde decodes: `decode::from_str` names it in errors, and tagged unions keep the path inside
 * a variant. Tracking it by hand would mean a wrapper around every serde Deserializer method.
 */
const SERDE_PATH_TO_ERROR_REQUIREMENT = "0.1";

/** The API's name in docs: "Pet Store 2.0.0". */
export function specAbout(ir: IrDocument): string {
  return [ir.spec.title, ir.spec.version].filter(Boolean).join(" ") || "an OpenAPI document";
}

/** The view of templates that write only the generated-file header (`gitignore`). */
export interface HeaderView {
  /** The generated-file header, as comment lines of the file's language (`// ...`, `# ...`). */
  header: string[];
}

/** src/decode.rs: decoding whose errors name the JSON path; the types of its fields and steps. */
export interface DecodeView extends HeaderView {
  /** The type of `DecodeError`'s shown value (`Option<String>`: none when the text is not JSON). */
  shownValue: string;
  /** What `DecodeError::value()` returns: the shown value, borrowed (`Option<&str>`). */
  shownValueRef: string;
  /** One step of a path: a key or an index, or none when serde did not say (`Option<Result<String, usize>>`). */
  step: string;
  /** What the decode functions return (`Result<T, DecodeError>`). */
  decoded: string;
  /** The steps of a path (`Vec<Step>`). */
  steps: string;
  /** The parameter giving the parsed document, when there is one (`impl FnOnce() -> Option<Value>`). */
  document: string;
  /** A path at the head of a message, and the rest (`Option<(&str, &str)>`). */
  leadingPath: string;
  /** The value at a path in the document, borrowed (`Option<&'v Value>`). */
  valueAt: string;
}

export function decodeView(header: string[]): DecodeView {
  return {
    header: header.map((l) => `// ${l}`),
    shownValue: optionOf("String"),
    shownValueRef: optionOf("&str"),
    step: optionOf(resultOf("String", "usize")),
    decoded: resultOf("T", "DecodeError"),
    steps: vecOf("Step"),
    document: `impl FnOnce() -> ${optionOf("Value")}`,
    leadingPath: optionOf("(&str, &str)"),
    valueAt: optionOf("&'v Value"),
  };
}

/** Cargo.toml: the crate's name, version and dependencies, each already a TOML string. */
export interface CargoView extends HeaderView {
  /** The crate name (option `crateName`), as a TOML string. */
  name: string;
  /** The crate version (option `crateVersion`), as a TOML string. */
  version: string;
  /** The package description, as a TOML string. */
  description: string;
  /** The serde version requirement, as a TOML string. */
  serde: string;
  /** The serde_json version requirement, as a TOML string. */
  serdeJson: string;
  /** The serde_path_to_error version requirement, as a TOML string. */
  serdePathToError: string;
  /** Dependency lines for `types: native` (chrono, uuid with their serde features), only those some model uses. */
  nativeDependencies: string[];
}

/** src/lib.rs: the crate's docs, its modules and re-exports. */
export interface LibView extends HeaderView {
  /** The crate's `//!` doc lines. */
  docs: string[];
  /** Whether `literals.rs` is written (a `mod literals;` line). */
  hasLiterals: boolean;
  /** Whether `serde_support.rs` is written. */
  hasSupport: boolean;
  /** Whether `operations.rs` is written. */
  hasOperations: boolean;
  /** The crate's own modules holding the user's mapped types (`crate::extra::Metadata` -> `extra`), declared `pub mod`. */
  userModules: string[];
  /** Every model's module identifier, sorted. */
  mods: string[];
  /** `module::Type` for each model, re-exported from the crate root, in the order of `mods`. */
  reexports: string[];
}

/** src/literals.rs: one marker type per literal value a field must hold (`"object": "run"`). */
export interface LiteralsView extends HeaderView {
  /** `string_literal!(...)` calls, laid out. */
  strings: string[];
  /** `integer_literal!(...)` calls, laid out. */
  integers: string[];
  /** `number_literal!(...)` calls, laid out. */
  floats: string[];
  /** `boolean_literal!(...)` calls, laid out. */
  booleans: string[];
}

/** src/serde_support.rs: the helpers the models use, each written only when some model needs it. */
/** The types `serde_support::unix_seconds_present` reads and writes. */
export interface PresentTimestampView {
  /** The field's type, as the module imports chrono's names (`Option<Option<DateTime<Utc>>>`). */
  value: string;
  /** What reading returns (`Result<Option<Option<DateTime<Utc>>>, D::Error>`). */
  read: string;
}

export interface SupportView extends HeaderView {
  /** `present`: an optional field that may be null reads a present `null` as `Some(None)`. */
  present: boolean;
  /** `required`: a required field that may be null must be present (strict presence). */
  required: boolean;
  /** `tag`: reading a tagged union's tag. */
  tag: boolean;
  /** `variant`: decoding one variant of a tagged union. */
  variant: boolean;
  /** `unix_seconds_present`: an optional Unix timestamp that may be null (`types: { unixtime: native }`). */
  unixSecondsPresent: PresentTimestampView | false;
  /** What `present` returns (`Result<Option<T>, D::Error>`). */
  presentRead: string;
}

/**
 * What `types: native` needs, with the serde features that make the types (de)serialize; only
 * the crates some model uses. chrono without default features: no clock or time zone database,
 * only the types and their serde forms (`std` for `ts_seconds`' error messages).
 */
const NATIVE_DEPENDENCIES: Record<NativeCrate, string> = {
  chrono: 'chrono = { version = "0.4.31", default-features = false, features = ["serde", "std"] }',
  uuid: 'uuid = { version = "1.4", default-features = false, features = ["serde", "std"] }',
};

export function cargoView(ir: IrDocument, options: RustOptions, header: string[], crates: ReadonlySet<NativeCrate> = new Set()): CargoView {
  return {
    nativeDependencies: (["chrono", "uuid"] as const).filter((c) => crates.has(c)).map((c) => NATIVE_DEPENDENCIES[c]),
    header: header.map((l) => `# ${l}`),
    name: rustString(options.crateName),
    version: rustString(options.crateVersion),
    description: rustString(`Serde models for ${specAbout(ir)}, generated by openapi-modelgen.`),
    serde: rustString(SERDE_REQUIREMENT),
    serdeJson: rustString(SERDE_JSON_REQUIREMENT),
    serdePathToError: rustString(SERDE_PATH_TO_ERROR_REQUIREMENT),
  };
}

export function libView(
  ir: IrDocument,
  modules: { ident: string; type: string }[],
  hasLiterals: boolean,
  hasSupport: boolean,
  hasOperations: boolean,
  ctx: { header: string[]; presence: PresencePolicy },
  options: RustOptions,
  userTypes: ReadonlySet<string> = new Set(),
): LibView {
  const byIdent = [...modules].sort((a, b) => compareStrings(a.ident.replace(/^r#/, ""), b.ident.replace(/^r#/, "")));
  const crateDocs = [
    `Models of ${specAbout(ir)}: one type per schema, re-exported here.`,
    ...(hasOperations ? ["`operations` lists every operation with the models of its parameters and bodies."] : []),
    "",
    "Decoding follows the spec: a required field must be present, and a wrong type is an error",
    "naming what was expected. Literal fields (`literals::*`) accept only their one value.",
    "`decode::from_str` decodes any model; its errors name the JSON path and show the value.",
    ...PRESENCE_DOCS[ctx.presence],
    ...openDocs(options),
    "An optional field that may be null is `Option<Option<T>>`: absent is `None`, `null` is",
    "`Some(None)`. Numbers are `f64`, integers `i64` unless a format says otherwise, maps `BTreeMap`.",
  ];
  return {
    header: ctx.header.map((l) => `// ${l}`),
    docs: crateDocs.map((l) => (l === "" ? "//!" : `//! ${l}`)),
    hasLiterals,
    hasSupport,
    hasOperations,
    userModules: userModules(userTypes),
    mods: byIdent.map((m) => m.ident),
    reexports: byIdent.map((m) => `${m.ident}::${m.type}`),
  };
}

/**
 * The crate's own modules the user's types live in (`crate::extra::Metadata` -> `extra`): lib.rs
 * declares them, and their files (`src/extra.rs`) are the user's, which generating leaves in place.
 */
function userModules(userTypes: ReadonlySet<string>): string[] {
  const mods = new Set<string>();
  for (const t of userTypes) {
    const m = /^crate::([A-Za-z_][A-Za-z0-9_]*)::/.exec(t);
    if (m) mods.add(m[1]!);
  }
  return [...mods].sort(compareStrings);
}

const PRESENCE_DOCS: Record<PresencePolicy, string[]> = {
  lenient: ["Presence is lenient: a required field that may be null may also be absent (read as `None`)."],
  strict: ["Presence is strict: every required field must be present, `null` or not."],
  tolerant: [
    "Presence is tolerant: every field may be absent or `null`, so every field is an `Option`",
    "(absent or `null` is `None`, which encoding leaves out) and every use must handle `None`;",
    "literals and union tags are still checked.",
  ],
};

/** What happens to an enum value or union tag the spec does not list. */
function openDocs(options: RustOptions): string[] {
  const kept = "kept in the `Unknown` variant and encodes back unchanged.";
  if (options.openEnums && options.openUnions)
    return [
      "Enums and tagged unions are open: a value or tag the spec does not list is kept in the",
      "`Unknown` variant and encodes back unchanged.",
    ];
  if (!options.openEnums && !options.openUnions)
    return ["Enums and tagged unions are closed: a value or tag the spec does not list is an error."];
  return options.openEnums
    ? ["Enums are open: a value the spec does not list is " + kept, "Tagged unions are closed: a tag the spec does not list is an error."]
    : [
        "Enums are closed: a value the spec does not list is an error.",
        "Tagged unions are open: an object whose tag the spec does not list is " + kept,
      ];
}

export function literalsView(literals: LiteralTable, header: string[]): LiteralsView {
  const of = (kind: string) => literals.entries.filter((e) => typeof e.value === kind);
  const numbers = of("number");
  const calls = (macro: string, entries: LiteralEntry[], value: (v: LiteralValue, e: LiteralEntry) => string) =>
    entries.flatMap((e) => literalMacroLines(macro, e.name, value(e.value, e)));
  return {
    header: header.map((l) => `// ${l}`),
    strings: calls("string_literal", of("string"), (v) => rustString(v as string)),
    integers: calls(
      "integer_literal",
      numbers.filter((e) => rustInteger(e.value as number, e.exact) !== undefined),
      (v, e) => rustInteger(v as number, e.exact)!,
    ),
    floats: calls(
      "number_literal",
      numbers.filter((e) => rustInteger(e.value as number, e.exact) === undefined),
      (v) => rustFloat(v as number),
    ),
    booleans: calls("boolean_literal", of("boolean"), String),
  };
}

export function supportView(helpers: ReadonlySet<string>, header: string[]): SupportView {
  return {
    header: header.map((l) => `// ${l}`),
    present: helpers.has("present"),
    required: helpers.has("required"),
    tag: helpers.has("tag"),
    variant: helpers.has("variant"),
    unixSecondsPresent: helpers.has("unix_seconds_present") && {
      // `DateTime` and `Utc` are imported by the helper's module.
      value: presentTimestamp("DateTime<Utc>"),
      read: resultOf(presentTimestamp("DateTime<Utc>"), "D::Error"),
    },
    presentRead: resultOf(optionOf("T"), "D::Error"),
  };
}

