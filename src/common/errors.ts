// Errors the user can act on, raised by every stage (load, ir, targets, render, emit), so they
// live here rather than in any one of them. They print as one line, `file:line:col pointer:
// message`, and the CLI turns them into exit code 1 (2 for usage errors) with no stack trace.

export interface ErrorLocation {
  file: string;
  line?: number;
  col?: number;
  pointer?: string;
}

export class SpecError extends Error {
  override readonly name = "SpecError";
  constructor(
    readonly location: ErrorLocation,
    readonly detail: string,
  ) {
    super(formatLocated(location, detail));
  }
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function formatLocated(loc: ErrorLocation, detail: string): string {
  const where = loc.line !== undefined ? `${loc.file}:${loc.line}:${loc.col ?? 1}` : loc.file;
  const pointer = loc.pointer !== undefined ? ` ${loc.pointer === "" ? "#" : "#" + loc.pointer}` : "";
  return `${where}${pointer}: ${detail}`;
}
