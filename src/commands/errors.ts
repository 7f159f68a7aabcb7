// How an error reaches the user: one line with an exit code for errors they can act on (1, or 2
// for usage), a stack trace for anything else (a bug, exit 70). Shared by the CLI's exit path and
// `generate --watch`, which prints the same line and keeps watching.
import { SpecError, UsageError } from "../common/errors.js";
import { LockTimeout } from "../emit/lock.js";

export function describeError(error: unknown): { text: string; exitCode: number } {
  if (error instanceof UsageError) return { text: `openapi-modelgen: ${error.message}`, exitCode: 2 };
  if (error instanceof SpecError) return { text: error.message, exitCode: 1 };
  if (error instanceof LockTimeout) return { text: `openapi-modelgen: ${error.message}`, exitCode: 1 };
  if (isSystemRefusal(error)) return { text: `openapi-modelgen: the file system refused: ${error.message}`, exitCode: 1 };
  return { text: `openapi-modelgen: internal error (please report it): ${(error as Error)?.stack ?? String(error)}`, exitCode: 70 };
}

/**
 * What the machine refuses, not a bug: a folder without write permission, a full or read-only
 * disk, too many open files, a path where a folder should be. Node's message names the call and
 * the path (`EACCES: permission denied, mkdir 'out/.rust.tmp-12'`); the writer has removed what it
 * staged by then, so the output folder is as it was.
 */
function isSystemRefusal(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const fromSystem = error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";
  return fromSystem && typeof code === "string" && REFUSALS.has(code);
}

const REFUSALS = new Set([
  ...["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EIO"],
  ...["ENAMETOOLONG", "EMFILE", "ENFILE", "ENOTDIR", "EISDIR", "ELOOP"],
]);
