// Workers made with their own stdio (so the parent's streams are not built as they start) still
// have what they write passed on to the parent's stdout and stderr.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forwardOutput, OWN_STDIO } from "../../src/common/worker-stdio.js";

afterEach(() => vi.restoreAllMocks());

/** What the parent's stdout and stderr were given while a worker running `code` ran. */
async function outputOf(code: string): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => err.push(String(chunk)) > 0);
  const worker = forwardOutput(new Worker(code, { eval: true, ...OWN_STDIO }));
  // The last chunks may arrive after the exit: waited for until each stream ends.
  await Promise.all([once(worker, "exit"), once(worker.stdout, "end"), once(worker.stderr, "end")]);
  return { out: out.join(""), err: err.join("") };
}

describe("a worker's own stdio", () => {
  it("passes on what the worker writes", async () => {
    const got = await outputOf(`process.stdout.write("to stdout\\n"); console.error("to stderr");`);
    expect(got).toEqual({ out: "to stdout\n", err: "to stderr\n" });
  });

  it("passes on nothing when the worker writes nothing", async () => {
    expect(await outputOf(`let x = 1 + 1;`)).toEqual({ out: "", err: "" });
  });
});
