// Runs a toolchain command with the tool paths, and says how long it took.
import { spawnSync } from "node:child_process";
import { withToolPaths } from "../../helpers/toolchain.js";

const TIMEOUT_MS = 30 * 60 * 1000;

export interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

export function runTool(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): ToolRun {
  const started = Date.now();
  // A compiler that hangs on some generated input must fail the run, not stall it.
  const r = spawnSync(cmd, args, { cwd, env: { ...withToolPaths(), ...env }, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, timeout: TIMEOUT_MS });
  return {
    status: r.status ?? -1,
    stdout: r.stdout ?? "",
    stderr: `${r.stderr ?? ""}${r.error ? String(r.error) : ""}`,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Adds one message to a set's list. */
export function addError(errors: Map<number, string[]>, id: number, message: string): void {
  const list = errors.get(id) ?? [];
  list.push(message);
  errors.set(id, list);
}
