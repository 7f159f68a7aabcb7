// Machine-readable output: the whole result, each change with its verdict per language.
import type { DiffResult } from "./change.js";
import type { FormatOptions } from "./format-common.js";

export function formatJson(r: DiffResult, opts: FormatOptions = {}): string {
  const out = {
    tool: "openapi-modelgen",
    old: { ...r.old, ...(opts.oldLabel ? { file: opts.oldLabel } : {}) },
    new: { ...r.new, ...(opts.newLabel ? { file: opts.newLabel } : {}) },
    languages: r.languages,
    counts: r.counts,
    groups: r.groups.map((g) => ({
      ...g,
      changes: g.changes.map(({ response: _r, request: _q, responseBy, requestBy, ...c }) => ({
        ...c,
        response: responseBy,
        request: requestBy,
      })),
    })),
  };
  return JSON.stringify(out, null, 2) + "\n";
}
