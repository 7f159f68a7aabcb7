// `generate --watch`: a run now, then one more after each edit to any input of the last run
// (debounced, so an editor's burst of writes is one run). A failing run is reported and watching
// goes on; edits made during a run start another when it ends. The writer leaves unchanged
// files alone, so tools watching the output see only real changes.
import { forgetToolBuild } from "../emit/fingerprint.js";
import { UsageError } from "../common/errors.js";
import { InputSet } from "./inputs.js";
import { InputWatcher } from "./input-watcher.js";
import { runGeneration, type GenerateOptions, type GenerateResult } from "./generate.js";

export interface WatchOptions extends GenerateOptions {
  /** Quiet time after the last change before a run starts (default 100 ms). */
  debounceMs?: number;
  /** Told the outcome of every run, the first one included. */
  onRun: (run: WatchRun) => void;
}

export type WatchRun =
  /** `changed`: the inputs whose edit started this run (absolute paths; empty for the first run). */
  | { ok: true; result: GenerateResult; changed: string[] }
  | { ok: false; error: unknown; changed: string[] };

export interface Watcher {
  /** How many files and folders are watched now. */
  watchedCount(): number;
  /** Stops watching; resolves when a run in progress has ended. */
  close(): Promise<void>;
}

export function watch(options: WatchOptions): Watcher {
  if (options.mode !== undefined && options.mode !== "write")
    throw new UsageError("watch writes: it does not combine with check or dry-run");
  const debounceMs = options.debounceMs ?? 100;
  const pending = new Set<string>();
  let last = new InputSet();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void start(), debounceMs);
  };
  const watcher = new InputWatcher((file) => {
    pending.add(file);
    schedule();
  });

  const runOnce = async (changed: string[]) => {
    // The tool's own hash covers the templates; a long-lived process must recompute it.
    forgetToolBuild();
    const inputs = new InputSet();
    try {
      const result = await runGeneration(options, inputs);
      last = inputs;
      if (!closed) watcher.update(inputs);
      options.onRun({ ok: true, result, changed });
    } catch (error) {
      // Keep watching what the last good run read, plus whatever this one got to: the fix may be in either.
      for (const f of inputs.files) last.files.add(f);
      for (const f of inputs.folders) last.folders.add(f);
      if (!closed) watcher.update(last);
      options.onRun({ ok: false, error, changed });
    }
  };

  const start = async () => {
    if (running || closed) return;
    const changed = [...pending].sort();
    pending.clear();
    running = runOnce(changed);
    await running;
    running = undefined;
    if (pending.size > 0) schedule();
  };

  void start();
  return {
    watchedCount: () => watcher.count(),
    async close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
