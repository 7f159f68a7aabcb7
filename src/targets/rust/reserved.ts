// Words a generated Rust identifier may not be, as data. Escapes live in naming.ts.

import { WINDOWS_DEVICE_TYPE_NAMES } from "../common/windows-names.js";

/** Strict and reserved keywords of Rust 2021 (plus `gen`, reserved from 2024 on): usable only as raw identifiers. */
export const RUST_KEYWORDS: ReadonlySet<string> = new Set([
  "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
  "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
  "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
  "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof", "unsized",
  "virtual", "yield",
]);

/** Keywords that cannot be raw identifiers (`r#self` is an error), so they need another escape. */
export const NOT_RAW: ReadonlySet<string> = new Set(["self", "Self", "super", "crate", "_"]);

/**
 * Type names a model may not take. Generated code names these unqualified (`String`, `Option`,
 * `Vec`, `Box`, `BTreeMap`, `Result`, the serde traits) or uses them as paths (`std`, `serde`,
 * `serde_json`, the support modules), so a model with one of these names would shadow them. The
 * prelude's other names are kept free for the same reason users expect: `Some(x)` must still
 * mean the prelude's. `Self` is a keyword.
 */
export const RUST_RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  "Self",
  // std names the generated code writes unqualified
  "String", "Option", "Some", "None", "Vec", "Box", "Result", "Ok", "Err", "BTreeMap", "Default",
  // the rest of the prelude users rely on in code next to the models
  "Clone", "Copy", "Debug", "Drop", "Eq", "Fn", "FnMut", "FnOnce", "From", "Hash", "Into", "IntoIterator",
  "Iterator", "Ord", "PartialEq", "PartialOrd", "Send", "Sized", "Sync", "ToOwned", "ToString", "Unpin",
  // serde names imported or written in generated files
  "Serialize", "Deserialize", "Serializer", "Deserializer",
  // module names: a model module `std.rs`, `serde.rs`, ... would shadow the crate of that name,
  // `super` and `crate` cannot be raw identifiers, `lib.rs` is the crate root, and `decode.rs`,
  // `literals.rs`, `operations.rs` and `serde_support.rs` are the target's own modules
  "Std",
  "Core",
  "Alloc",
  "Super",
  "Crate",
  "Serde",
  "SerdeJson",
  "SerdePathToError",
  "Lib",
  "Main",
  "Decode",
  "Literals",
  "Operations",
  "SerdeSupport",
  // file names Windows reserves for devices (`aux.rs`, `Con.ts`): such a repository cannot be checked out there
  ...WINDOWS_DEVICE_TYPE_NAMES,
]);

/** Name of the fallback variant of open enums and tagged unions; a wire value spelled like it is escaped. */
export const UNKNOWN_VARIANT = "Unknown";

/** Enum variant names that are taken: `Self` is a keyword, `Unknown` is the fallback variant. */
export const RUST_RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set(["Self", UNKNOWN_VARIANT]);

