// Balancing languages between the main thread and the render worker (by each language's weight in src/threads/render-weights.ts).
import { describe, expect, it } from "vitest";
import { splitByCost } from "../../src/threads/render-all.js";
import { RENDER_WEIGHTS, renderWeight } from "../../src/threads/render-weights.js";
import { TARGET_NAMES } from "../../src/targets/registry.js";
import { rebuildError, serializeError } from "../../src/threads/worker-protocol.js";
import { SpecError, UsageError } from "../../src/common/errors.js";

describe("renderWeight", () => {
  it.each([
    { given: "scala", want: 1.1 },
    { given: "typescript", want: 0.6 },
    // A language the table does not know counts as typical.
    { given: "kotlin", want: 1 },
  ])("$given: $want", ({ given, want }) => {
    expect(renderWeight(given)).toBe(want);
  });

  it("knows every registered target", () => {
    expect(Object.keys(RENDER_WEIGHTS).sort()).toEqual([...TARGET_NAMES].sort());
  });
});

describe("splitByCost", () => {
  it.each([
    { given: ["typescript", "rust", "elixir", "scala"], want: [["scala", "typescript"], ["rust", "elixir"]] },
    { given: ["typescript", "rust", "elixir"], want: [["rust"], ["elixir", "typescript"]] },
    { given: ["typescript", "rust"], want: [["rust"], ["typescript"]] },
    { given: ["elixir"], want: [["elixir"], []] },
    { given: ["scala", "rust", "typescript", "elixir"], want: [["scala", "typescript"], ["rust", "elixir"]] },
  ])("$given -> $want", ({ given, want }) => {
    expect(splitByCost(given)).toEqual(want);
  });
});

describe("errors crossing from the worker", () => {
  it("keep their class, so the CLI prints them as one line", () => {
    const spec = rebuildError(serializeError(new SpecError({ file: "a.yaml", line: 3, col: 5, pointer: "/x" }, "bad")));
    expect(spec).toBeInstanceOf(SpecError);
    expect(spec.message).toBe("a.yaml:3:5 #/x: bad");
    const usage = rebuildError(serializeError(new UsageError("rust: bad option")));
    expect(usage).toBeInstanceOf(UsageError);
    expect(usage.message).toBe("rust: bad option");
    const other = rebuildError(serializeError(new TypeError("boom")));
    expect(other.constructor).toBe(Error);
    expect(other.stack).toContain("(in the render worker)");
  });
});
