// node:worker_threads, loaded when a worker starts (the render worker, the stat prefetch) or the
// main thread takes a worker's messages: a run that starts none (TypeScript only, a small spec, a
// rerun with nothing to do) does not load it (~1.7 ms on this VM).
import { lazyPackage } from "./lazy-package.js";

export const workerThreads = lazyPackage<typeof import("node:worker_threads")>("node:worker_threads");
