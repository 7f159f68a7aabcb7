// Wall-clock time per pipeline phase (`generate --timings`, the benchmark): phases add up when
// measured twice, a failing phase is still counted, and the table lines up.
import { describe, expect, it } from "vitest";
import { Timings } from "../src/timings.js";

describe("Timings", () => {
  it("tells each phase as it starts and keeps phases in first-seen order", async () => {
    const started: string[] = [];
    const t = new Timings((phase) => started.push(phase));
    expect(t.measure("load", () => 1)).toBe(1);
    expect(await t.measureAsync("render", async () => "done")).toBe("done");
    t.measure("load", () => undefined);
    expect(started).toEqual(["load", "render", "load"]);
    expect(t.entries().map(([phase]) => phase)).toEqual(["load", "render"]);
  });

  it("adds up a phase measured several times, and recorded time from elsewhere", () => {
    const t = new Timings();
    t.record("worker", 2.5);
    t.record("worker", 1.5);
    t.record("write", 0);
    expect(t.entries()).toEqual([
      ["worker", 4],
      ["write", 0],
    ]);
  });

  it.each([
    { name: "sync", run: (t: Timings) => t.measure("fails", () => { throw new Error("boom"); }) },
    { name: "async", run: (t: Timings) => t.measureAsync("fails", async () => { throw new Error("boom"); }) },
  ])("counts a phase that throws ($name)", async ({ run }) => {
    const t = new Timings();
    await expect(async () => run(t)).rejects.toThrow("boom");
    expect(t.entries().map(([phase]) => phase)).toEqual(["fails"]);
  });

  it("formats one aligned row per phase and the total", () => {
    const t = new Timings();
    t.record("normalize", 12.34);
    t.record("a phase with a long name", 1000);
    const lines = t.format().split("\n");
    expect(lines[0]).toBe("timings:");
    expect(lines[1]).toBe(`  ${"normalize".padEnd(24)}      12.3 ms`);
    expect(lines[2]).toBe("  a phase with a long name    1000.0 ms");
    expect(lines[3]).toMatch(/^ {2}total {20} +\d+\.\d ms$/);
    expect(lines[4]).toBe("");
  });
});
