import path from "node:path";
import { describe, expect, it } from "vitest";
import { joinNormal } from "../../src/emit/join-path.js";

describe("joinNormal", () => {
  // Every case must give path.join's answer: plain paths take the short way, the rest path.join's.
  const cases: [base: string, rel: string, want: string][] = [
    ["/out/.typescript.tmp-1", "models/RunObject.ts", "/out/.typescript.tmp-1/models/RunObject.ts"],
    ["/out/.rust.tmp-1", "src/lib.rs", "/out/.rust.tmp-1/src/lib.rs"],
    ["out", ".modelgen-manifest.json", "out/.modelgen-manifest.json"],
    ["out", "a/.hidden/b..c/...", "out/a/.hidden/b..c/..."],
    ["out", "models/../escape.ts", "out/escape.ts"],
    ["out", "./models/a.ts", "out/models/a.ts"],
    ["out", "models/./a.ts", "out/models/a.ts"],
    ["out", "models//a.ts", "out/models/a.ts"],
    ["out", "models/a/", "out/models/a/"],
    ["out", "..", "."],
    ["out", "/abs.ts", "out/abs.ts"],
    ["out", "", "out"],
    ["/", "a.ts", "/a.ts"],
    ["", "a.ts", "a.ts"],
  ];
  it.each(cases)("joinNormal(%j, %j) is %j, as path.join gives", (base, rel, want) => {
    expect(joinNormal(base, rel)).toBe(want);
    expect(joinNormal(base, rel)).toBe(path.join(base, rel));
  });
});
