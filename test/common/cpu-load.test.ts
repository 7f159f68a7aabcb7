import os from "node:os";
import { describe, expect, it } from "vitest";
import { loadNow, runnableOf } from "../../src/common/cpu-load.js";

describe("runnableOf", () => {
  it.each([
    { text: "0.50 0.40 0.30 2/345 6789\n", want: 2 },
    { text: "1.39 1.38 1.47 1/83 11365", want: 1 },
    { text: "7.00 6.00 5.00 12/1024 1\n", want: 12 },
    { text: "0.50 0.40 0.30 0/345 6789\n", want: undefined },
    { text: "0.50 0.40 0.30 x/345 6789\n", want: undefined },
    { text: "", want: undefined },
  ])("$text -> $want", ({ text, want }) => expect(runnableOf(text)).toBe(want));
});

describe("loadNow", () => {
  it("is the fewest runnable tasks of its readings (one other task runnable for an instant is not load)", () => {
    const readings = ["0.1 0.1 0.1 3/90 1", "0.1 0.1 0.1 1/90 1", "0.1 0.1 0.1 2/90 1"];
    let i = 0;
    expect(loadNow(() => readings[i++]!)).toBe(1);
    expect(i).toBe(3);
  });

  it("is the 1-minute load average where /proc/loadavg cannot be read or read as it is written", () => {
    expect(loadNow(() => { throw new Error("ENOENT"); })).toBe(os.loadavg()[0]);
    expect(loadNow(() => "not a loadavg")).toBe(os.loadavg()[0]);
  });

  it("on this machine, counts this thread", () => {
    expect(loadNow()).toBeGreaterThanOrEqual(process.platform === "linux" ? 1 : 0);
  });
});
