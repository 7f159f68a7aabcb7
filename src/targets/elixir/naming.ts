// Elixir naming: PascalCase module names nested under their parent model (`Root.Run.LastError`,
// one file each, as Elixir lays out modules), wire names kept as struct keys and enum atoms, and
// the literal syntax for atoms, keyword keys and strings.
import { UsageError } from "../../common/errors.js";
import type { NamingRules } from "../../naming/assign.js";
import { pascalCase, snakeCase, splitWords } from "../../naming/words.js";
import { isWindowsDeviceName } from "../common/windows-names.js";
import {
  ELIXIR_RESERVED_ATOMS,
  ELIXIR_RESERVED_FIELD_NAMES,
  ELIXIR_RESERVED_TYPE_NAMES,
  MAX_ATOM_LENGTH,
} from "./reserved.js";

/** A module name segment: PascalCase, starting with a letter (aliases cannot start with a digit). */
export function moduleSegment(words: readonly string[]): string {
  const name = pascalCase(words);
  if (name === "") return "Model";
  return /^[A-Z]/.test(name) ? name : `Model${name}`;
}

/** Erlang atoms hold at most 255 characters; longer wire names are cut (the scope dedupes). */
export function atomName(wire: string): string {
  const chars = [...wire];
  return chars.length > MAX_ATOM_LENGTH ? chars.slice(0, MAX_ATOM_LENGTH - 5).join("") : wire;
}

/** What a reserved candidate becomes; the naming scope still dedupes the result. */
function escapeReserved(candidate: string, kind: "type" | "field" | "member"): string {
  return kind === "type" ? `${candidate}Model` : `${candidate}_`;
}

/** The atom for a string literal or enum value outside the naming pass (same rule as members). */
export function literalAtomName(value: string): string {
  const name = atomName(value);
  return ELIXIR_RESERVED_ATOMS.has(name) ? escapeReserved(name, "member") : name;
}

export const elixirNamingRules: NamingRules = {
  typeName: moduleSegment,
  nestTypes: true,
  // Elixir always names a module by its full path, so `Run.Usage` cannot shadow `Usage`.
  nestedMayRepeatTopLevel: true,
  reservedTypeNames: ELIXIR_RESERVED_TYPE_NAMES,
  // Struct keys are the wire names, as ex_openai has them; the renderer quotes where needed.
  fieldName: atomName,
  reservedFieldNames: ELIXIR_RESERVED_FIELD_NAMES,
  // String members become atoms of the same text. Numbers and booleans are written as themselves
  // and never named; the prefix keeps them out of the way of string members in the scope.
  memberName: (value) => (typeof value === "string" ? atomName(value) : `${typeof value}:${String(value)}`),
  // An atom is the wire value itself (`:"fast-lane"`), so the names a spec gives values (titles,
  // x-enum-varnames) never replace it: they only appear in the docs.
  membersAreValues: true,
  reservedMemberNames: ELIXIR_RESERVED_ATOMS,
  escapeReserved,
  // Atoms are case-sensitive: `:asc` and `:ASC` are different values.
  caseInsensitiveMembers: false,
  // A module is an atom (`:"Elixir.RunsApi.Run.LastError"`, at most 255 characters) and names its
  // compiled file (`Elixir.RunsApi.Run.LastError.beam`, at most 255 bytes): the nested path leaves
  // room for a namespace of up to 62 characters (checkModuleLength).
  maxPathBytes: 180,
};

const PLAIN_ATOM = /^[A-Za-z_][A-Za-z0-9_]*[?!]?$/;

/** `:queued`, `:"thread.run"`, `:""`: an atom literal, quoted when it is not a plain identifier. */
export function atomLiteral(name: string): string {
  return PLAIN_ATOM.test(name) ? `:${name}` : `:${stringLiteral(name)}`;
}

/** `end:`, `"dotted.name":`: a keyword key (in `%__MODULE__{...}` types and struct literals). */
export function keywordKey(name: string): string {
  return PLAIN_ATOM.test(name) ? `${name}:` : `${stringLiteral(name)}:`;
}

/** A double-quoted Elixir string: escapes backslashes, quotes, interpolation and control characters. */
export function stringLiteral(value: string): string {
  return `"${escapeStringBody(value)}"`;
}

/** The characters escapeStringBody changes (`#` for `#{`; newline, return and tab are control characters). */
const STRING_ESCAPES = /[\\"#\u0000-\u001f\u007f\u2028\u2029]/;

function escapeStringBody(value: string): string {
  // Most values have nothing to escape: one scan instead of seven replacements.
  if (!STRING_ESCAPES.test(value)) return value;
  return value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/#\{/g, "\\#{")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

/** The characters heredocText changes (`#` for `#{`, `"` for `"""`). */
const HEREDOC_ESCAPES = /[\\#"]/;

/**
 * Text for the inside of a `"""` heredoc: backslashes and interpolation escaped, and a `"""`
 * inside the text broken so it cannot end the heredoc.
 */
export function heredocText(line: string): string {
  if (!HEREDOC_ESCAPES.test(line)) return line;
  return line.replace(/\\/g, "\\\\").replace(/#\{/g, "\\#{").replace(/"""/g, '\\"""');
}

const NAMESPACE = /^[A-Z][A-Za-z0-9_]*(\.[A-Z][A-Za-z0-9_]*)*$/;

/** The root namespace: the `namespace` option when given, else the spec title in PascalCase. */
export function rootNamespace(option: unknown, title: string | undefined, specFile: string): string {
  if (option !== undefined) {
    if (typeof option !== "string" || !NAMESPACE.test(option)) {
      throw new UsageError(`elixir: namespace must be an Elixir alias such as "MyApp.Models", not ${JSON.stringify(option)}`);
    }
    return option;
  }
  const fromFile = specFile.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const namespace = moduleSegment(splitWords(title || fromFile || "Api"));
  // Its file and folder (`lib/aux.ex`, `lib/aux/`) may not be names Windows reserves (a spec titled "Aux").
  return isWindowsDeviceName(underscore(namespace)) ? `${namespace}Api` : namespace;
}

/**
 * The most characters of a module's name: its atom (`:"Elixir.RunsApi.Run"`) holds 255, and its
 * compiled file (`Elixir.RunsApi.Run.beam`) is named by the atom and `.beam` within 255 bytes.
 */
const MAX_MODULE_LENGTH = MAX_ATOM_LENGTH - "Elixir.".length - ".beam".length;

/**
 * Fails for a module name too long to be compiled. The naming pass keeps nested paths short enough
 * (maxPathBytes) for a namespace of up to 62 characters; a longer namespace may not leave the room.
 */
export function checkModuleLength(module: string): void {
  if (module.length <= MAX_MODULE_LENGTH) return;
  const limit = `more than a module's atom and compiled file name hold (${MAX_MODULE_LENGTH})`;
  throw new UsageError(`elixir: the module ${module} has ${module.length} characters, ${limit}: a shorter namespace leaves room`);
}

/** `RunsApi.Run.LastError` -> `runs_api/run/last_error` (Macro.underscore of each segment). */
export function modulePath(module: string): string {
  return module.split(".").map(underscore).join("/");
}

/** The OTP application name of the project: the namespace in snake_case (`RunsApi` -> `runs_api`). */
export function appName(namespace: string): string {
  return namespace.split(".").map(underscore).join("_");
}

/** Elixir's Macro.underscore for one alias segment: `HTTPServer2` -> `http_server2`. */
function underscore(segment: string): string {
  return snakeCase(splitWords(segment));
}
