// read-ahead (src/common/read-ahead.ts): the bytes a worker read for this run are taken when the
// main thread reads the file, once; anything not arrived, asked twice, or asked after the run is
// read from the disk; a run's files never outlive it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { endReadAhead, expectReadAhead, prefetchedBodyCrc, readAheadTaken, readPrefetched, type ReadAheadMessage } from "../../src/common/read-ahead.js";

/** The folders tempFile made, removed after each test. */
const folders: string[] = [];

function tempFile(name: string, text: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "modelgen-read-ahead-"));
  folders.push(folder);
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

/** Posts like the worker does, and waits until the message is there to take (one macrotask is enough in-process). */
async function post(port: import("node:worker_threads").MessagePort, message: ReadAheadMessage): Promise<void> {
  port.postMessage(message);
  await new Promise((done) => setTimeout(done, 20));
}

afterEach(() => {
  endReadAhead();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("readPrefetched", () => {
  it("reads the disk when no run expects files", () => {
    const file = tempFile("a.txt", "on disk\n");
    expect(readPrefetched(file).toString("utf8")).toBe("on disk\n");
    expect(readAheadTaken()).toEqual({ files: 0, bytes: 0 });
  });

  it("takes the bytes the worker posted, once; then reads the disk", async () => {
    const file = tempFile("a.txt", "on disk\n");
    const port = expectReadAhead();
    await post(port, { file, bytes: new TextEncoder().encode("read ahead\n") });
    const taken = readPrefetched(file);
    expect(Buffer.isBuffer(taken)).toBe(true);
    expect(taken.toString("utf8")).toBe("read ahead\n");
    expect(readAheadTaken()).toEqual({ files: 1, bytes: 11 });
    expect(readPrefetched(file).toString("utf8")).toBe("on disk\n");
    expect(readAheadTaken()).toEqual({ files: 1, bytes: 11 });
  });

  it("hands out the body checksum the worker took with the bytes, and none for bytes read from the disk", async () => {
    const file = tempFile("a.txt", "on disk\n");
    const port = expectReadAhead();
    await post(port, { file, bytes: new TextEncoder().encode("head\nbody\n"), bodyCrc: 0x1234 });
    const taken = readPrefetched(file);
    expect(prefetchedBodyCrc(taken)).toBe(0x1234);
    expect(prefetchedBodyCrc(readPrefetched(file))).toBeUndefined();
  });

  it("finds a file by its absolute path, however the caller names it", async () => {
    const file = tempFile("a.txt", "on disk\n");
    const port = expectReadAhead();
    await post(port, { file, bytes: new TextEncoder().encode("read ahead\n") });
    const relative = path.relative(process.cwd(), file);
    expect(readPrefetched(relative).toString("utf8")).toBe("read ahead\n");
  });

  it("keeps the view the worker posted (a slice of a larger buffer)", async () => {
    const file = tempFile("a.txt", "on disk\n");
    const port = expectReadAhead();
    const whole = new TextEncoder().encode("xxsliceyy");
    await post(port, { file, bytes: whole.subarray(2, 7) });
    expect(readPrefetched(file).toString("utf8")).toBe("slice");
  });

  it("reads the disk, with its errors, for a file not arrived", async () => {
    const port = expectReadAhead();
    const other = tempFile("other.txt", "x");
    await post(port, { file: other, bytes: new Uint8Array([1]) });
    const missing = path.join(path.dirname(other), "missing.txt");
    expect(() => readPrefetched(missing)).toThrow(/ENOENT/);
    // What arrived for another file stays for it.
    expect([...readPrefetched(other)]).toEqual([1]);
  });

  it("drops what a run did not take when it ends, and what is posted after", async () => {
    const file = tempFile("a.txt", "on disk\n");
    const port = expectReadAhead();
    await post(port, { file, bytes: new TextEncoder().encode("read ahead\n") });
    endReadAhead();
    expect(readAheadTaken()).toEqual({ files: 0, bytes: 0 });
    // Posting on a closed channel is a no-op (a worker still reading when its run ended).
    port.postMessage({ file, bytes: new TextEncoder().encode("late\n") });
    expect(readPrefetched(file).toString("utf8")).toBe("on disk\n");
  });

  it("a new run starts with nothing of the one before", async () => {
    const file = tempFile("a.txt", "on disk\n");
    const first = expectReadAhead();
    await post(first, { file, bytes: new TextEncoder().encode("first run\n") });
    expectReadAhead();
    expect(readPrefetched(file).toString("utf8")).toBe("on disk\n");
  });
});
