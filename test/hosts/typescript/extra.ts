// The user's own type for the `Metadata` model (`map: { Metadata: { typescript: { from: "./extra.js",
// name: "Metadata" } } }`), written beside the generated files by test/compile/typescript.test.ts.
export type Metadata = Readonly<Record<string, string>> & { readonly __brand?: "Metadata" };
