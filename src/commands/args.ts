// The commands' argument parsing: node's parseArgs, its complaints (an unknown flag, a missing value)
// reported as usage errors, exit code 2.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../common/errors.js";

export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
