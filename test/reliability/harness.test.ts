// The fuzz harness's own parts, without toolchains: compiler output is mapped to the right set,
// failure signatures group instances of one class, the spec reducer keeps the failure while it
// cuts, and reference-only cycles are cut from generated sets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakBareCycles } from "./arbitrary/cycles.js";
import { scalaErrorsBySet } from "./compile/scala.js";
import { signature } from "./problem-signature.js";
import { reduce } from "./reduce.js";
import { componentSet, specText, type ComponentSet } from "./schema-arbitrary.js";
import type { SetProblem } from "./compile-batch.js";

const MAVEN_OUTPUT = `[INFO] Compiling 3 source files to /w/target/classes
[ERROR] -- [E040] Syntax Error: src/main/scala/fuzz/set12/Holder.scala:14:8 
[ERROR] 14 |  \`type\`2: Option[Long] = None
[ERROR]    |        ^
[INFO]    |        ':' expected, but integer literal found
[ERROR] -- Error: src/main/scala/fuzz/set3/Marker.scala:9:15 ---------
[ERROR] 9 | * Values: \`"*/"\`.
[ERROR]   |               ^
[INFO]   |               unclosed string literal
[ERROR] 2 errors found
[ERROR] Failed to execute goal net.alchim31.maven:scala-maven-plugin:4.9.2:compile (default) on project scala-host: scala compilation failed -> [Help 1]`;

describe("scalaErrorsBySet", () => {
  it("gives each problem block, message line included, to the set named by its path", () => {
    const { errors, unattributed } = scalaErrorsBySet(MAVEN_OUTPUT);
    expect([...errors.keys()].sort()).toEqual([12, 3]);
    expect(errors.get(12)![0]).toContain("':' expected, but integer literal found");
    expect(errors.get(3)![0]).toContain("unclosed string literal");
    expect(unattributed).toEqual([]);
  });
});

describe("signature", () => {
  it("is the same for two instances of one class and names the language", () => {
    const a: SetProblem = { set: 0, label: "a", lang: "typescript", stage: "compile", messages: ["set-0/Pet.ts:4: 'Extra' is declared but its value is never read."] };
    const b: SetProblem = { ...a, set: 9, messages: ["set-9/Order.ts:12: 'Owner2' is declared but its value is never read."] };
    expect(signature(a)).toBe(signature(b));
    expect(signature(a)).toBe("typescript compile: X is declared but its value is never read.");
    const scala = scalaErrorsBySet(MAVEN_OUTPUT).errors.get(12)!;
    expect(signature({ set: 12, label: "", lang: "scala", stage: "compile", messages: scala })).toBe("scala compile: X expected, but integer literal found");
    const notMember = (owner: string) => ({ set: 0, label: "", lang: "scala" as const, stage: "compile" as const, messages: [`-- [E008] Not Found Error: a.scala:1:1\n1 | x\n  | ^\n  | type Struct is not a member of object ${owner}.Struct`] });
    expect(signature(notMember("fuzz.set95.ItemList3"))).toBe(signature(notMember("fuzz.set0.ItemList")));
    expect(signature(notMember("fuzz.set0.ItemList"))).toBe("scala compile: type X is not a member of object X");
  });
});

describe("reduce", () => {
  it("cuts a set down to what still fails the same way", async () => {
    // A stand-in compiler: "fails" while some schema holds the value "*/".
    const fails = (s: ComponentSet) => specText(s).includes('"*/"');
    const start = fc.sample(componentSet(), { seed: 7, numRuns: 200 }).find((s) => fails(s) && Object.keys(s.schemas).length > 3)!;
    const { set, steps } = await reduce(start, { stillFails: async (sets) => sets.map(fails), size: (s) => specText(s).length, batch: 10, deadline: Date.now() + 60_000 });
    expect(fails(set)).toBe(true);
    expect(steps).toBeGreaterThan(0);
    expect(Object.keys(set.schemas).length).toBe(1);
    expect(specText(set).length).toBeLessThan(specText(start).length / 2);
  });
});

describe("breakBareCycles", () => {
  it("turns references that lead straight back to their component into strings, and keeps recursion through arrays", () => {
    const schemas = breakBareCycles({
      A: { oneOf: [{ $ref: "#/components/schemas/B" }, { type: "integer" }] },
      B: { allOf: [{ $ref: "#/components/schemas/A" }], nullable: true },
      Tree: { type: "array", items: { $ref: "#/components/schemas/Tree" } },
    });
    expect(schemas.A).toEqual({ oneOf: [{ type: "string" }, { type: "integer" }] });
    expect(schemas.B).toEqual({ allOf: [{ $ref: "#/components/schemas/A" }], nullable: true });
    expect(schemas.Tree).toEqual({ type: "array", items: { $ref: "#/components/schemas/Tree" } });
  });
});
