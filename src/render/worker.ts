// The render worker's entry (bundled as dist/render-worker.js): renders the targets it is sent
// and replies with their files, so a second core renders some languages while the main thread
// renders the others.
import { parentPort } from "node:worker_threads";
import { renderTarget } from "./render-target.js";
import { serializeError, type RenderReply, type RenderRequest } from "./worker-protocol.js";

const port = parentPort;
if (!port) throw new Error("render worker: started outside a worker thread");

port.once("message", async (req: RenderRequest) => {
  let reply: RenderReply;
  try {
    const results: { target: string; files: Awaited<ReturnType<typeof renderTarget>>; ms: number }[] = [];
    for (const target of req.targets) {
      const t0 = performance.now();
      const files = await renderTarget(target, req.ir, req.settings);
      results.push({ target, files, ms: performance.now() - t0 });
    }
    reply = { ok: true, results };
  } catch (e) {
    reply = { ok: false, error: serializeError(e) };
  }
  port.postMessage(reply);
});
