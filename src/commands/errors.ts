// How an error reaches the user: one line with an exit code for errors they can act on (1, or 2
// for usage), a stack trace for anything else (a bug, exit 70). Shared by the CLI's exit path and
// `generate --watch`, which prints the same line and keeps watching.
import { SpecError, UsageError } from "../common/errors.js";
import { LockTimeout } from "../emit/lock.js";

export function describeError(error: unknown): { text: string; exitCode: number } {
  if (error instanceof UsageError) return { text: `openapi-modelgen: ${error.message}`, exitCode: 2 };
  if (error instanceof SpecError) return { text: error.message, exitCode: 1 };
  if (error instanceof LockTimeout) return { text: `openapi-modelgen: ${error.message}`, exitCode: 1 };
  return { text: `openapi-modelgen: internal error (please report it): ${(error as Error)?.stack ?? String(error)}`, exitCode: 70 };
}
