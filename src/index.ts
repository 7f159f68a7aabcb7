// The library entry (`import { generate, diff, loadIr } from "openapi-modelgen"`): what the CLI
// does, as functions that return structured results instead of printing, and throw typed errors.
export { generate } from "./api/generate.js";
export type { GenerateOptions, GenerateMode, GenerateResult, JobResult, LanguageResult } from "./api/generate.js";
export { diff, formatDiff } from "./api/diff.js";
export type { DiffOptions, DiffOutcome, DiffFormat, SpecComparison } from "./api/diff.js";
export { loadIr } from "./api/load-ir.js";
export type { LoadIrOptions, LoadedIr } from "./api/load-ir.js";
export { watch } from "./api/watch.js";
export type { WatchOptions, WatchRun, Watcher } from "./api/watch.js";
export type { ProjectOptions, ConfigObject } from "./api/project.js";
export type { JobOverrides } from "./api/jobs.js";
export type { SpecInput } from "./api/spec-source.js";

// Errors: SpecError for a problem in the spec (file, line, col, pointer), UsageError for bad
// options or settings, LockTimeout when another run keeps the output folder busy.
export { SpecError, UsageError } from "./common/errors.js";
export type { ErrorLocation } from "./common/errors.js";
export { LockTimeout } from "./emit/lock.js";

export type { IrDocument, Model, Degradation, SourceRef } from "./ir/types.js";
export type { DiffResult, ChangeGroup, ClassifiedChange } from "./diff/index.js";
export type { Severity, CheckId } from "./diff/checks.js";
export type { PresencePolicy } from "./targets/target.js";
export { TOOL_VERSION as version } from "./pipeline.js";
