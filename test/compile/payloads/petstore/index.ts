// Stands in for the generated index in the repository's own type check (tsconfig.json), so the
// payloads beside it are checked against the committed golden output of the petstore fixture.
// test/compile/typescript.test.ts copies operations.ts beside freshly generated files instead.
export type * from "../../../golden/petstore/typescript/index.js";
