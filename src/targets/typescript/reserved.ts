// Names a generated TypeScript type may not take: keywords, and globals the generated code
// itself relies on or that users expect to mean the built-in (a model named `Array` would break
// `Array<T>`; one named `String` would confuse every reader), and file names the target writes
// itself.

import { WINDOWS_DEVICE_TYPE_NAMES } from "../common/windows-names.js";

export const TS_RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  // keywords and contextual keywords usable nowhere as type names
  "any", "as", "boolean", "break", "case", "catch", "class", "const", "continue", "debugger", "declare", "default",
  "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements",
  "import", "in", "infer", "instanceof", "interface", "keyof", "let", "module", "namespace", "never", "new", "null",
  "number", "object", "package", "private", "protected", "public", "readonly", "require", "return", "static",
  "string", "super", "switch", "symbol", "this", "throw", "true", "try", "type", "typeof", "undefined", "unique",
  "unknown", "var", "void", "while", "with", "yield", "bigint", "async", "await", "global", "asserts", "is", "satisfies",
  // globals
  "Array", "ArrayBuffer", "BigInt", "Blob", "Boolean", "DataView", "Date", "Error", "Exclude", "Extract", "File",
  "Function", "InstanceType", "JSON", "Map", "Math", "NonNullable", "Number", "Object", "Omit", "Parameters",
  "Partial", "Pick", "Promise", "Readonly", "ReadonlyArray", "Record", "RegExp", "Required", "ReturnType", "Set",
  "String", "Symbol", "Uint8Array", "URL", "WeakMap", "WeakSet",
  // a model file `Operations.ts` or `Index.ts` would be the operation index's `operations.ts` or
  // the barrel `index.ts` on a case-insensitive file system (macOS, Windows), and tsc rejects
  // two imports that differ only in casing
  "Operations",
  "Index",
  // file names Windows reserves for devices (`aux.rs`, `Con.ts`): such a repository cannot be checked out there
  ...WINDOWS_DEVICE_TYPE_NAMES,
]);
