// How a schema's expression becomes its declaration under each `validatorTypes`. The expression
// itself is the same in both; only the wrapper (and the names it imports) differs:
// - inferred: zod's own types. `export const RunSchema = <expr>;`, and for a model on a reference
//   cycle (TypeScript cannot infer a type that depends on itself, graph.ts)
//   `export const TreeSchema: z.ZodType<Tree> = recursive<Tree>(<expr>);`;
// - declared: every schema is its model's `z.ZodType<Model>` by declaration, the expression
//   being loosely typed (loose.ts): `export const RunSchema = typed<Run>(<expr>);`, and on a cycle
//   also annotated (the const must not be inferred from itself), with zod's type imported as
//   `zod` (the `z` of a model file being the loose one): `: zod.ZodType<Tree> = typed<Tree>(...)`.
import type { ValidatorTypes } from "../options.js";
import { call, ident, type ZodExpr } from "./expr.js";
import type { SupportExport } from "./support.js";

export interface SchemaDeclaration {
  /** The const's type annotation, when it has one. */
  annotation?: string;
  value: ZodExpr;
  /** Names the wrapper uses beside the expression's own: support helpers, and `z` when the annotation names it. */
  uses: (SupportExport | "z")[];
  /** The annotation names zod's types as `zod` (`import type { z as zod } from "zod"`). */
  zodTypeImport: boolean;
}

/** The declaration of the schema of a model of type `type` (`Run`, `RunObject.LastError`). */
export function schemaDeclaration(type: string, expr: ZodExpr, onCycle: boolean, mode: ValidatorTypes): SchemaDeclaration {
  if (mode === "declared") {
    const value = call(ident(`typed<${type}>`), expr);
    return onCycle
      ? { annotation: `zod.ZodType<${type}>`, value, uses: ["typed"], zodTypeImport: true }
      : { value, uses: ["typed"], zodTypeImport: false };
  }
  return onCycle
    ? { annotation: `z.ZodType<${type}>`, value: call(ident(`recursive<${type}>`), expr), uses: ["z", "recursive"], zodTypeImport: false }
    : { value: expr, uses: [], zodTypeImport: false };
}
