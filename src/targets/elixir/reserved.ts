// Names the Elixir target may not hand out, as data. Struct keys and enum atoms keep their wire
// names, so Elixir keywords (`end`, `do`, `fn`, `when`, ...) stay as they are: they are fine as
// atoms (`:end`) and as keyword keys in `%__MODULE__{end: ...}`. What must change is only what
// would change the meaning of a value or clash with what the generated code itself defines.

import { WINDOWS_DEVICE_TYPE_NAMES } from "../common/windows-names.js";

/** The module under the root namespace that lists every operation and its models. */
export const OPERATIONS_MODULE = "Operations";

/** Module names under the root namespace that the generated project itself uses. */
export const ELIXIR_RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  // the shared decoder/encoder module (`<Root>.Codec`)
  "Codec",
  // the mix project module (`<Root>.MixProject`)
  "MixProject",
  // the index of operations (`<Root>.Operations`), reserved even in specs without operations so a
  // model's name does not depend on whether the spec has paths
  OPERATIONS_MODULE,
  // file names Windows reserves for devices (`aux.rs`, `Con.ts`): such a repository cannot be checked out there
  ...WINDOWS_DEVICE_TYPE_NAMES,
]);

/** The struct key that holds the extra keys of an object with `additionalProperties`. */
export const EXTRA_KEYS_FIELD = "additional_properties";

/** Struct keys a wire name may not become. */
export const ELIXIR_RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  // every struct carries `__struct__`; a field of that name would replace the module tag
  "__struct__",
  // the extra-keys field of open objects, kept free in every model so its meaning never varies
  EXTRA_KEYS_FIELD,
]);

/**
 * Atoms that are not plain atoms: `nil`, `true` and `false` are the values null and the booleans.
 * A string enum value "true" spelled `:true` would read back as the boolean, so it is escaped.
 */
export const ELIXIR_RESERVED_ATOMS: ReadonlySet<string> = new Set(["nil", "true", "false"]);

/**
 * Elixir's reserved words. Listed for the naming tests (they must come through unchanged as
 * struct keys and atoms, because Elixir accepts them there) and for documentation.
 */
export const ELIXIR_KEYWORDS: readonly string[] = [
  "true", "false", "nil", "when", "and", "or", "not", "in", "fn", "do", "end", "catch", "rescue", "after", "else",
];

/** Erlang limits atoms to 255 characters. */
export const MAX_ATOM_LENGTH = 255;
