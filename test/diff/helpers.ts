// Test helpers for the diff: two inline specs in, changes out, verdicts in a compact form.
import { irOfSchemas, model } from "../helpers/spec.js";
import type { IrDocument } from "../../src/ir/types.js";
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

/**
 * An IR whose one model's default is NaN, which JSON writes as null. The loader refuses `.nan` in a
 * spec or an overlay (test/load/not-json-number.test.ts); the snapshot stays safe for an IR holding
 * one all the same: it must not take it for the null it is written as.
 */
export function withNaNDefault(): IrDocument {
  const ir = irOfSchemas("N: { type: number, default: 0 }\n");
  Object.assign(model(ir, "N"), { default: Number.NaN });
  return ir;
}
