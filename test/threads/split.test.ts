// Balancing languages between the main thread and the render worker (by each language's weight in src/threads/render-weights.ts).
import { describe, expect, it } from "vitest";
import { claimOrder } from "../../src/threads/render-all.js";
import { JobQueue } from "../../src/threads/job-queue.js";
import type { OutputJob } from "../../src/emit/output-job.js";
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

describe("claimOrder", () => {
  it.each([
    { given: ["typescript", "rust", "elixir", "scala"], want: ["scala", "rust", "elixir", "typescript"] },
    { given: ["typescript", "rust", "elixir"], want: ["rust", "elixir", "typescript"] },
    { given: ["elixir"], want: ["elixir"] },
    // Equal weights: by name.
    { given: ["kotlin", "go", "rust"], want: ["go", "kotlin", "rust"] },
  ])("$given -> $want", ({ given, want }) => {
    expect(claimOrder(given)).toEqual(want);
  });
});

describe("JobQueue", () => {
  const jobs = ["scala", "rust", "elixir", "typescript"].map((target) => ({ target }) as OutputJob);

  it("hands each job to exactly one of two views of the same flags: the main thread's from the heavy end, the worker's from the light end", () => {
    const main = new JobQueue(jobs);
    const worker = new JobQueue(jobs, main.claims, "light");
    const got = [main.next(), worker.next(), worker.next(), main.next(), main.next(), worker.next()].map((j) => j?.target);
    expect(got).toEqual(["scala", "typescript", "elixir", "rust", undefined, undefined]);
  });

  it.each([
    ["the worker", ["light", "heavy"]],
    ["the main thread", ["heavy", "light"]],
  ] as const)("leaves the heavier of the last two to the main thread when %s asks first", (_, order) => {
    const main = new JobQueue(jobs);
    const worker = new JobQueue(jobs, main.claims, "light");
    main.next();
    worker.next();
    const got: Record<string, string | undefined> = {};
    for (const end of order) got[end] = (end === "heavy" ? main : worker).next()?.target;
    expect(got).toEqual({ heavy: "rust", light: "elixir" });
  });

  it("lets the faster thread take more: one view can claim every job", () => {
    const main = new JobQueue(jobs);
    const claimed: string[] = [];
    for (let j = main.next(); j; j = main.next()) claimed.push(j.target);
    expect(claimed).toEqual(["scala", "rust", "elixir", "typescript"]);
    expect(new JobQueue(jobs, main.claims, "light").next()).toBeUndefined();
    const worker = new JobQueue(jobs, undefined, "light");
    const fromLight: string[] = [];
    for (let j = worker.next(); j; j = worker.next()) fromLight.push(j.target);
    expect(fromLight).toEqual(["typescript", "elixir", "rust", "scala"]);
  });

  it("queues on separate flags do not share claims", () => {
    const a = new JobQueue(jobs);
    const b = new JobQueue(jobs);
    expect([a.next()?.target, b.next()?.target]).toEqual(["scala", "scala"]);
  });

  it("handles no jobs", () => {
    expect(new JobQueue([]).next()).toBeUndefined();
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
