// Balancing languages between the main thread and the render worker (by each target's renderWeight).
import { describe, expect, it } from "vitest";
import { splitByCost } from "../../src/render/render-all.js";
import { rebuildError, serializeError } from "../../src/render/worker-protocol.js";
import { SpecError, UsageError } from "../../src/load/errors.js";

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
