// The render worker's entry (bundled as dist/render-worker.js): renders and plans the targets it
// is sent, so a second core does some languages while the main thread does the rest; stages each
// as it is planned (when writing) and commits them when the main thread says every target rendered.
import { parentPort, workerData } from "node:worker_threads";
import { Timings } from "../timings.js";
import { commitOutput, type OutputJob, type PlannedOutput } from "../emit/output-job.js";
import { JobQueue, renderClaimed } from "./job-queue.js";
import { serializeError, type FromWorker, type Provision, type ToWorker } from "./worker-protocol.js";
import { takeProvisions } from "./provisions.js";
import { readBuiltTemplates } from "../render/templates.js";
import { shareKeyGraph } from "../emit/unit-keys.js";
import { resumeAfterStart } from "../common/v8-flags.js";
import { codeCacheState, saveTrainedCodeCache, scriptCodeCaches } from "../common/code-cache-state.js";

const port = parentPort;
if (!port) throw new Error("render worker: started outside a worker thread");
const send = (message: FromWorker) => port.postMessage(message);

let planned: { job: OutputJob; output: PlannedOutput }[] = [];

// The modules are loaded: the V8 flags the CLI set, paused while this thread started (v8-flags.ts).
resumeAfterStart((workerData as { v8Flags?: unknown } | null)?.v8Flags);
// Started while the main thread parses the spec: what needs no IR is done before it comes. After
// the flags are set again: the build trained the templates' code caches under them (templates.ts).
readBuiltTemplates();

port.on("message", async (message: ToWorker) => {
  const timings = new Timings();
  try {
    if (message.kind === "render") {
      const { ir, jobs, provisions, posted, keysBack } = message;
      if (keysBack) {
        keysBack.postMessage({ kind: "keys", graph: timings.measure("unit keys", () => shareKeyGraph(ir)) } satisfies Provision);
        keysBack.close();
      }
      const rendered = () => takeProvisions({ port: provisions, posted }, ir, jobs);
      planned = await renderClaimed(new JobQueue(jobs, message.claims, "light"), ir, message.settings, message.write, timings, rendered);
      provisions.close();
      saveTrainedCodeCache();
      const codeCache = codeCacheState();
      const scriptCaches = scriptCodeCaches();
      send({
        kind: "planned",
        ...(codeCache ? { codeCache } : {}),
        ...(scriptCaches.length ? { scriptCaches } : {}),
        results: planned.map((p) => ({ target: p.job.target, changes: p.output.changes, units: p.output.units })),
        timings: timings.entries(),
      });
    } else {
      for (const p of planned) commitOutput(p.job, p.output, timings);
      planned = [];
      saveTrainedCodeCache();
      send({ kind: "committed", timings: timings.entries() });
    }
  } catch (e) {
    send({ kind: "failed", error: serializeError(e) });
  }
});
