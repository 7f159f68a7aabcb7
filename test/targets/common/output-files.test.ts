import { describe, expect, it } from "vitest";
import { finishedOutput } from "../../../src/targets/common/output-files.js";

const files = (...paths: string[]) => paths.map((path) => ({ path, contents: path }));

describe("finishedOutput: a target's files checked and sorted", () => {
  it.each([
    { given: ["b.ts", "a.ts", "index.ts"], want: ["a.ts", "b.ts", "index.ts"] },
    // Code-unit order, not the locale's: upper case before lower case, `_` between them.
    { given: ["lib/b.ex", "Cargo.toml", "lib/a_b.ex", "lib/aB.ex"], want: ["Cargo.toml", "lib/aB.ex", "lib/a_b.ex", "lib/b.ex"] },
    { given: ["src/x.rs", "src/x/y.rs", "src/x-y.rs"], want: ["src/x-y.rs", "src/x.rs", "src/x/y.rs"] },
  ])("$given -> $want", ({ given, want }) => {
    expect(finishedOutput("t", files(...given)).map((f) => f.path)).toEqual(want);
  });

  it.each([
    { given: ["Index.ts", "index.ts"], clash: "index.ts" },
    { given: ["src/pet.rs", "src/a.rs", "src/PET.rs"], clash: "src/PET.rs" },
  ])("refuses paths that differ only in case: $given", ({ given, clash }) => {
    expect(() => finishedOutput("lang", files(...given))).toThrow(`lang: two outputs would be written to ${clash}`);
  });
});
