// What the main thread hands the render worker after its share (src/threads/provisions.ts,
// src/emit/unit-keys.ts): the worker's keys and snapshot must be exactly those it would make itself.
import { describe, expect, it } from "vitest";
import { MessageChannel, Worker } from "node:worker_threads";
import { postProvision, takeProvisions } from "../../src/threads/provisions.js";
import { adoptKeyGraph, shareKeyGraph, unitKeys } from "../../src/emit/unit-keys.js";
import { snapshotFileOf, type SnapshotFile } from "../../src/emit/manifest.js";
import { snapshotIr, snapshotText } from "../../src/diff/snapshot.js";
import type { OutputJob } from "../../src/emit/output-job.js";
import { loadIrNow } from "../../src/api/load-ir.js";
import type { IrDocument, Model } from "../../src/ir/types.js";

const docs = { description: undefined } as unknown as Model["docs"];
const source = { file: "a.yaml", line: 1, col: 1, pointer: "/x" };
function irOf(models: Model[]): IrDocument {
  return { irVersion: 1, spec: { title: "t", version: "1" }, models, report: [] } as unknown as IrDocument;
}
const object = (id: string, refs: string[]): Model =>
  ({
    kind: "object",
    id,
    nameHint: [id],
    docs,
    source,
    fields: refs.map((r) => ({ name: r.toLowerCase(), type: { kind: "ref", target: r }, required: true, docs, source })),
  }) as unknown as Model;
const models = () => [object("A", ["B"]), object("B", ["A", "C"]), object("C", []), object("D", ["C"])];

describe("a key graph handed to another thread", () => {
  it("is taken for a copy of the same IR, and gives the keys that copy would work out", () => {
    const main = irOf(models());
    const shared = structuredClone(shareKeyGraph(main));
    const copy = irOf(structuredClone(main.models));
    expect(adoptKeyGraph(copy, shared)).toBe(true);
    expect([...unitKeys(copy)]).toEqual([...unitKeys(irOf(models()))]);
  });

  it.each([
    ["other ids", () => irOf([...models(), object("E", [])])],
    ["the same ids in another order", () => irOf(models().reverse())],
  ])("is refused for an IR of %s", (_, other) => {
    const shared = structuredClone(shareKeyGraph(irOf(models())));
    const ir = other();
    expect(adoptKeyGraph(ir, shared)).toBe(false);
    expect([...unitKeys(ir)]).toEqual([...unitKeys(structuredClone(ir))]);
  });

  it.each(["spec/openapi.yaml", "../shared/specs/openai/openai-2026-08-21.yaml"])(
    "is taken by the render worker's copy of the IR of %s (structured clone), with the same keys",
    (spec) => {
      const { ir } = loadIrNow({ spec: new URL(`../../${spec}`, import.meta.url).pathname });
      const copy = structuredClone(ir);
      expect(adoptKeyGraph(copy, structuredClone(shareKeyGraph(ir)))).toBe(true);
      expect([...unitKeys(copy)]).toEqual([...unitKeys(structuredClone(ir))]);
    },
    60_000,
  );

  it("is not taken over keys already worked out", () => {
    const ir = irOf(models());
    const own = unitKeys(ir);
    expect(adoptKeyGraph(ir, structuredClone(shareKeyGraph(irOf(models()))))).toBe(false);
    expect(unitKeys(ir)).toBe(own);
  });
});

/** A snapshot file as it crosses threads: its encoded bytes arrive as a Uint8Array (a Buffer's structured clone). */
function asPosted(file: SnapshotFile | undefined) {
  return file && { ...file, encoded: file.encoded && [...file.encoded] };
}

describe("takeProvisions", () => {
  const jobs = () => ["rust", "scala"].map((target) => ({ target }) as OutputJob);

  it("takes the keys and the snapshot posted so far", () => {
    const ir = irOf(models());
    const snapshot = snapshotFileOf(snapshotText(snapshotIr(ir)));
    const { port1, port2 } = new MessageChannel();
    const posted = new SharedArrayBuffer(4);
    const copy = irOf(structuredClone(ir.models));
    postProvision(port1, posted, { kind: "keys", graph: shareKeyGraph(ir) });
    postProvision(port1, posted, { kind: "snapshot", snapshot });
    const mine = jobs();
    takeProvisions({ port: port2, posted }, copy, mine);
    expect(mine.map((j) => asPosted(j.snapshot))).toEqual([snapshot, snapshot].map(asPosted));
    // The graph was taken: another is refused, as for keys already worked out.
    expect(adoptKeyGraph(copy, shareKeyGraph(irOf(models())))).toBe(false);
    expect([...unitKeys(copy)]).toEqual([...unitKeys(ir)]);
    port1.close();
  });

  it("waits for a snapshot the main thread posts later (a worker that rendered first, on a small spec)", async () => {
    const ir = irOf(models());
    const snapshot = snapshotFileOf(snapshotText(snapshotIr(ir)));
    const { port1, port2 } = new MessageChannel();
    const posted = new SharedArrayBuffer(4);
    const go = new SharedArrayBuffer(4);
    // Another thread posts 200 ms after this one is about to wait, as postProvision does. No clock is
    // asserted: a busy machine may start the wait late, and then the snapshot is there at once.
    const late = new Worker(
      `const { workerData } = require("node:worker_threads");
       const count = new Int32Array(workerData.posted);
       Atomics.wait(new Int32Array(workerData.go), 0, 0);
       Atomics.wait(count, 0, 0, 200);
       workerData.port.postMessage({ kind: "snapshot", snapshot: workerData.snapshot });
       Atomics.add(count, 0, 1);
       Atomics.notify(count, 0);`,
      { eval: true, workerData: { port: port1, posted, go, snapshot }, transferList: [port1] },
    );
    await new Promise((started) => late.once("online", started));
    const mine = jobs();
    Atomics.store(new Int32Array(go), 0, 1);
    Atomics.notify(new Int32Array(go), 0);
    // Without waiting for the post, the jobs would have no snapshot (the post is 200 ms away).
    takeProvisions({ port: port2, posted }, ir, mine);
    expect(mine.map((j) => asPosted(j.snapshot))).toEqual([snapshot, snapshot].map(asPosted));
    await late.terminate();
  });

  it("returns at once when every job has its snapshot", () => {
    const { port2 } = new MessageChannel();
    const ir = irOf(models());
    const mine = jobs().map((j) => ({ ...j, snapshot: snapshotFileOf(snapshotText(snapshotIr(ir))) }));
    takeProvisions({ port: port2, posted: new SharedArrayBuffer(4) }, ir, mine);
    expect(mine.every((j) => j.snapshot)).toBe(true);
  });
});
