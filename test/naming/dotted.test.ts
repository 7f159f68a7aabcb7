// A model's dotted path, kept per name table: the same text as joining the path, and a table's
// answers never leak into another table's.
import { describe, expect, it } from "vitest";
import type { NameTable } from "../../src/naming/assign.js";
import { dottedPath } from "../../src/naming/dotted.js";

function table(paths: Record<string, string[]>, asked: string[] = []): NameTable {
  const fail = (): never => {
    throw new Error("not used");
  };
  return {
    type: (id) => paths[id]!.at(-1)!,
    path: (id) => {
      asked.push(id);
      return paths[id]!;
    },
    field: fail,
    member: fail,
    variant: fail,
  };
}

describe("dottedPath", () => {
  it("joins the path with dots", () => {
    const names = table({ a: ["Run"], b: ["Run", "LastError"], c: ["Run", "LastError", "Code"] });
    expect(["a", "b", "c"].map((id) => dottedPath(names, id))).toEqual(["Run", "Run.LastError", "Run.LastError.Code"]);
  });

  it("asks the table once per model", () => {
    const asked: string[] = [];
    const names = table({ a: ["Run"], b: ["Run", "Step"] }, asked);
    for (let i = 0; i < 3; i++) expect([dottedPath(names, "a"), dottedPath(names, "b")]).toEqual(["Run", "Run.Step"]);
    expect(asked).toEqual(["a", "b"]);
  });

  it("keeps each table's answers apart", () => {
    const typescript = table({ a: ["Run", "Step"] });
    const scala = table({ a: ["RunObject", "StepObject"] });
    expect([dottedPath(typescript, "a"), dottedPath(scala, "a"), dottedPath(typescript, "a")]).toEqual([
      "Run.Step",
      "RunObject.StepObject",
      "Run.Step",
    ]);
  });
});
