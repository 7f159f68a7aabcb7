// Test helpers for the diff: two inline specs in, changes out, verdicts in a compact form.
import { irOfSchemas } from "../helpers/spec.js";
import { allChanges, diffIr, judgesFor, type DiffResult } from "../../src/diff/index.js";
import type { ClassifiedChange } from "../../src/diff/change.js";
import type { Target, TargetCompat } from "../../src/targets/target.js";
import type { SeverityOverrides } from "../../src/diff/index.js";

/** A target double whose generated models keep anything they do not know (TypeScript-like). */
export const OPEN: Pick<Target, "name" | "compat"> = {
  name: "open",
  compat: {
    enumUnknownFallback: true,
    unionUnknownTagFallback: true,
    uncheckedDecoding: true,
    ignoresUnknownFields: true,
    numbersShareOneType: true,
    integerFormatsShareOneType: true,
    stringFormatsShareOneType: true,
    optionalFieldAcceptsNull: true,
    checksConstraints: false,
  } satisfies TargetCompat,
};

/** A target double that declares nothing: every trait takes its conservative value. */
const CLOSED: Pick<Target, "name" | "compat"> = { name: "closed" };

export const JUDGES = judgesFor([OPEN, CLOSED]);

export function diffSchemas(oldYaml: string, newYaml: string, severity: SeverityOverrides = {}, judges = JUDGES): DiffResult {
  return diffIr(irOfSchemas(oldYaml), irOfSchemas(newYaml), { judges, severity });
}

/** "safe", "breaking", or "open:safe closed:breaking" when the two doubles differ. */
function verdicts(by: Record<string, string>): string {
  const values = new Set(Object.values(by));
  if (values.size === 1) return [...values][0]!;
  return Object.entries(by).map(([k, v]) => `${k}:${v}`).join(" ");
}

export interface Row {
  check: string;
  owner: string;
  where: string;
  severity: string;
  response: string;
  request: string;
}

export function rows(r: DiffResult): Row[] {
  return allChanges(r).map(row);
}

function row(c: ClassifiedChange): Row {
  return { check: c.check, owner: c.owner.replace("#/components/schemas/", ""), where: c.where, severity: c.severity, response: verdicts(c.responseBy), request: verdicts(c.requestBy) };
}
