// A user's code over the customized OpenAI models (written beside them by
// test/compile/typescript.test.ts): the mapped model is the user's type, the overlay made
// `instructions` nullable, and RunStepObject is RunStep.
import type { RunObject, RunStep } from "./index.js";
import type { Metadata } from "./extra.js";

export function team(run: RunObject): string | undefined {
  const metadata: Metadata | null = run.metadata;
  return metadata?.["team"];
}

export const instructions = (run: RunObject): string | null => run.instructions;

export const stepId = (step: RunStep): string => step.id;
