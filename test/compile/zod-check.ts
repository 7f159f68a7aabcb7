// The type-level agreement of the validators with the models: for every model that has a schema,
// `z.infer<typeof XSchema>` and `X` are mutually assignable. One assertion a line, so a failing
// line names its model.
import type { IrDocument } from "../../src/ir/types.js";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { indexModels } from "../../src/ir/query.js";
import { hasSchema } from "../../src/targets/typescript/zod/graph.js";
import { schemaNames } from "../../src/targets/typescript/zod/names.js";

export const TYPE_UTILS = `export type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
`;

/** The check file's text, and which model each assertion line is about (1-based line -> model path). */
export function inferCheck(ir: IrDocument): { text: string; lineModel: Map<number, string> } {
  const names = assignNames(ir, tsNamingRules);
  const schemas = schemaNames(ir.models, names);
  const models = indexModels(ir.models);
  const lines = ['import type { z } from "zod";', 'import type * as M from "./index.js";', 'import type { Assert, MutuallyAssignable } from "./type-utils.js";'];
  const lineModel = new Map<number, string>();
  for (const m of ir.models) {
    if (!hasSchema(models.get(m.id))) continue;
    const type = names.path(m.id).join(".");
    lineModel.set(lines.length + 1, type);
    lines.push(`export type _${lines.length} = Assert<MutuallyAssignable<z.infer<typeof M.${schemas.get(m.id)}>, M.${type}>>;`);
  }
  return { text: lines.join("\n") + "\n", lineModel };
}
