// renderClaimed (src/threads/job-queue.ts) gives the event loop a turn after each target, so the
// callbacks of I/O issued before (the caches' writes, in steps) run while later targets render,
// not all after the last one.
import { describe, expect, it, vi } from "vitest";
import type { OutputJob, PlannedOutput } from "../../src/emit/output-job.js";
import type { IrDocument } from "../../src/ir/types.js";
import type { RenderSettings } from "../../src/render/render-target.js";
import { Timings } from "../../src/timings.js";

const order: string[] = [];

vi.mock("../../src/emit/output-job.js", () => ({
  // Rendering is synchronous work inside a promise already settled: no turn of the event loop of its own.
  renderAndPlanJob: async (job: OutputJob): Promise<PlannedOutput> => {
    order.push(`render ${job.target}`);
    return { target: job.target, changes: { added: [], changed: [], deleted: [], unchanged: [] }, files: [] } as unknown as PlannedOutput;
  },
  stageOutput: (job: OutputJob, planned: PlannedOutput) => {
    order.push(`stage ${job.target}`);
    return planned;
  },
}));

const { JobQueue, renderClaimed } = await import("../../src/threads/job-queue.js");

describe("renderClaimed", () => {
  it("runs I/O callbacks between two targets", async () => {
    order.length = 0;
    const jobs = ["scala", "rust", "elixir"].map((target) => ({ target }) as OutputJob);
    // A step of a write finishing, then issuing the next (as the caches' writes do).
    setImmediate(() => {
      order.push("write: step 1");
      setImmediate(() => order.push("write: step 2"));
    });
    const planned = await renderClaimed(new JobQueue(jobs), {} as IrDocument, {} as RenderSettings, true, new Timings());
    expect(planned.map((p) => p.job.target)).toEqual(["scala", "rust", "elixir"]);
    expect(order).toEqual(["render scala", "stage scala", "write: step 1", "render rust", "stage rust", "write: step 2", "render elixir", "stage elixir"]);
  });
});
