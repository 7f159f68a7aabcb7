// One run at a time per output folder: two `generate` runs into the same folder would otherwise
// interleave their swaps and leave a mix of both. The lock is a file beside the folder, created
// exclusively and holding the owner's pid; a run that finds it waits for the owner to finish, takes
// it over when the owner is gone (killed), and gives up with a clear error after a timeout.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class LockTimeout extends Error {
  override readonly name = "LockTimeout";
}

export interface Lock {
  release(): void;
}

/** The lock file of an output folder: `.<folder>.modelgen.lock` beside it (the folder itself may not exist yet). */
function lockPathFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.modelgen.lock`);
}

/** How long a run waits for another before failing: `MODELGEN_LOCK_TIMEOUT` seconds, else 120. */
function lockTimeoutMs(): number {
  const s = Number(process.env.MODELGEN_LOCK_TIMEOUT);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 120_000;
}

export async function acquireLock(outDir: string, timeoutMs = lockTimeoutMs(), pollMs = 50): Promise<Lock> {
  const file = lockPathFor(outDir);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const held = tryCreate(file);
    if (held) return held;
    const owner = readOwner(file);
    if (owner !== undefined && !isAlive(owner)) {
      // The owner was killed: its lock is stale. Removing and re-creating races only with another
      // waiter doing the same, and the exclusive create lets exactly one of them win.
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const who = owner !== undefined ? ` (pid ${owner})` : "";
      throw new LockTimeout(
        `another openapi-modelgen run${who} is writing ${outDir}; waited ${Math.round(timeoutMs / 1000)} s` +
          ` (remove ${file} if no run is active)`,
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

function tryCreate(file: string): Lock | undefined {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return undefined;
    if (code !== "ENOENT") throw e;
    mkdirSync(path.dirname(file), { recursive: true }); // `--out a/b/generated` with a/b not there yet
    fd = openSync(file, "wx");
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (readOwner(file) === process.pid) rmSync(file, { force: true });
    },
  };
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
