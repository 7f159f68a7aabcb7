// What one change is, before and after it is judged per target language.
import type { Model, IrDocument } from "../ir/types.js";
import type { ModelIndex } from "../ir/query.js";
import type { TargetCompat } from "../targets/target.js";
import type { CheckId, Severity } from "./checks.js";

/** What `diff` needs of an IR: the spec's identity and its models (a full IrDocument or a manifest snapshot). */
export interface DiffInput {
  spec: IrDocument["spec"];
  models: readonly Model[];
  /** The same models by id, when the input has them so (a snapshot read model by model, src/diff/snapshot-text.ts). */
  index?: ModelIndex;
}

export type Trait = keyof TargetCompat;

/**
 * How a change affects one use of the models generated from the OLD spec against an API that
 * follows the NEW spec: decoding its responses, or building requests it accepts. Conditional rules
 * are settled per target language by its compat traits.
 */
export type Rule = "breaking" | "safe" | { safeIf: Trait[] } | { breakingIf: Trait[] };

export type Verdict = "breaking" | "safe";

/** What a check says of a change, before it is placed (model, owner, path). */
export interface ChangeFacts {
  message: string;
  before?: string;
  after?: string;
  /** Enum values added or removed, as on the wire. */
  values?: (string | number | boolean)[];
  response: Rule;
  request: Rule;
}

export interface Change extends ChangeFacts {
  check: CheckId;
  /** The model the change is in: its id in the new spec (the old id for a removed model). */
  model: string;
  /** The top-level model it is reported under (new id when it still exists). */
  owner: string;
  /** Path below the owner: "" for the owner itself, "last_error.code", "tools[]", "metadata{*}". */
  where: string;
}

export interface ClassifiedChange extends Change {
  severity: Severity;
  /** Verdict per target language, for decoding responses / building requests with the old models. */
  responseBy: Record<string, Verdict>;
  requestBy: Record<string, Verdict>;
}

export type GroupStatus = "added" | "removed" | "renamed" | "changed";

/** Every change under one top-level model. */
export interface ChangeGroup {
  owner: string;
  /** Display name of the owner (its name words), in the new spec where it exists. */
  name: string;
  /** For a renamed owner: its old name. */
  oldName?: string;
  status: GroupStatus;
  worst: Severity;
  changes: ClassifiedChange[];
}

export interface DiffCounts {
  total: number;
  breaking: number;
  warning: number;
  info: number;
  modelsAdded: number;
  modelsRemoved: number;
  modelsRenamed: number;
  modelsChanged: number;
}

export interface DiffResult {
  old: DiffInput["spec"];
  new: DiffInput["spec"];
  /** Target languages the verdicts are given for. */
  languages: string[];
  counts: DiffCounts;
  /** Ordered: worst severity first, then by name. */
  groups: ChangeGroup[];
}
