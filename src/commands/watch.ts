// `generate --watch` on a terminal: one line per run (time, summary, the edit that started it),
// errors as the one line they always print, and a clean stop on Ctrl-C.
import { watch, type WatchRun } from "../api/watch.js";
import type { GenerateOptions } from "../api/generate.js";
import { projectPath } from "../api/project.js";
import { describeError } from "./errors.js";
import { summaryLine } from "./generate-report.js";

export function runWatch(options: GenerateOptions, cwd: string, quiet: boolean): Promise<number> {
  return new Promise((resolve) => {
    let announced = false;
    const onRun = (run: WatchRun) => {
      const stamp = `[${new Date().toTimeString().slice(0, 8)}]`;
      const cause = run.changed.length ? ` (changed: ${run.changed.map((f) => projectPath(cwd, f)).join(", ")})` : "";
      if (run.ok) {
        if (!quiet) process.stderr.write(`${stamp} ${summaryLine(run.result)}${cause}\n`);
      } else {
        process.stderr.write(`${stamp} ${describeError(run.error).text}${cause}\n`);
      }
      if (!announced && !quiet) {
        announced = true;
        process.stderr.write(`watching ${watcher.watchedCount()} inputs (spec files, config, templates); Ctrl-C stops\n`);
      }
    };
    const watcher = watch({ ...options, onRun });
    const stop = () => {
      void watcher.close().then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
