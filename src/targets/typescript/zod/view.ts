// The zod half of a model file: one `export const <Model>Schema` per model of the file (its
// hoisted models too; inline enums are written where they are used), after the types, in the
// order graph.ts gives (dependencies first), and the imports they need: `z` (zod's, or under
// declared types the loose one of zod-support.ts), other files' schemas, the support helpers.
import { compareStrings } from "../../../common/order.js";
import type { ModelIndex } from "../../../ir/query.js";
import type { Model } from "../../../ir/types.js";
import type { NameTable } from "../../../naming/assign.js";
import type { PresencePolicy } from "../../target.js";
import type { TsOptions } from "../options.js";
import { schemaDeclaration } from "./declaration.js";
import { identifiers } from "./expr.js";
import type { SchemaGraph } from "./graph.js";
import { modelSchema, type ModelSchemaContext } from "./models.js";
import { declarationLines, PRINT_WIDTH, type PrintState } from "./print.js";
import { SUPPORT_EXPORTS, SUPPORT_FILE } from "./support.js";

/** zod's namespace in a type annotation under declared types (a model file's `z` is the loose one). */
const ZOD_TYPES = "zod";

export interface ZodContext {
  models: ModelIndex;
  names: NameTable;
  schemaNames: ReadonlyMap<string, string>;
  graph: SchemaGraph;
  options: TsOptions;
  presence: PresencePolicy;
  multipartBodies: ReadonlySet<string>;
  ownerOf(id: string): string;
  /** Collects the patterns left unchecked, for the support file's list. */
  uncheckedPatterns: string[];
  /** Models mapped to the user's types (`map:`): no schema of theirs exists. */
  isMapped?(id: string): boolean;
}

export interface SchemaSection {
  /** zod's import (inferred types) or its types' (declared, on a cycle), the schema imports and the support import, laid out. */
  importLines: string[];
  /** One declaration each, laid out; a blank line between them. */
  schemas: { lines: string[] }[];
}

export function schemaSection(top: Model, ctx: ZodContext, st: PrintState): SchemaSection {
  const used = new Set<string>();
  const referenced = new Set<string>();
  const schemas = (ctx.graph.order.get(top.id) ?? []).map((id) => {
    const m = ctx.models.get(id)!;
    const name = ctx.schemaNames.get(id)!;
    const schemaCtx: ModelSchemaContext = {
      models: ctx.models,
      ...(ctx.isMapped ? { isMapped: ctx.isMapped } : {}),
      schemaName: (target) => ctx.schemaNames.get(target)!,
      from: id,
      isLazy: ctx.graph.isLazy,
      int64: ctx.options.int64,
      openEnums: ctx.options.openEnums,
      openUnions: ctx.options.openUnions,
      unknownKeys: ctx.options.unknownKeys,
      presence: ctx.presence,
      annotated: ctx.graph.annotated,
      ...(ctx.multipartBodies.has(id) ? { uploads: true } : {}),
      onRef: (target) => referenced.add(target),
      onUncheckedPattern: (pattern) => ctx.uncheckedPatterns.push(`${ctx.names.path(id).join(".")}: ${JSON.stringify(pattern)}`),
    };
    const type = ctx.names.path(id).join(".");
    const declared = schemaDeclaration(type, modelSchema(m, schemaCtx), ctx.graph.annotated.has(id), ctx.options.validatorTypes);
    for (const n of identifiers(declared.value)) used.add(n);
    for (const n of declared.uses) used.add(n);
    if (declared.zodTypeImport) used.add(ZOD_TYPES);
    return { lines: declarationLines(name, declared.annotation, declared.value, st) };
  });

  const byFile = new Map<string, string[]>();
  for (const id of referenced) {
    const file = ctx.ownerOf(id);
    if (file === top.id) continue;
    byFile.set(file, [...(byFile.get(file) ?? []), ctx.schemaNames.get(id)!]);
  }
  const declaredTypes = ctx.options.validatorTypes === "declared";
  const importLines: string[] = [];
  if (used.has(ZOD_TYPES)) importLines.push(`import type { z as ${ZOD_TYPES} } from "zod";`);
  // Declared types: the model files call the loose `z` of the support file, not zod's.
  if (used.has("z") && !declaredTypes) importLines.push('import { z } from "zod";');
  for (const [file, names] of [...byFile]
    .map(([f, n]) => [ctx.names.type(f), n] as const)
    .sort(([a], [b]) => compareStrings(a, b))) {
    importLines.push(...importLinesFor(names, `./${file}.js`));
  }
  const support = [...(declaredTypes && used.has("z") ? ["z"] : []), ...SUPPORT_EXPORTS.filter((n) => used.has(n))];
  if (support.length) importLines.push(...importLinesFor([...support], `./${SUPPORT_FILE}.js`));
  return { importLines, schemas };
}

/** `import { A, B } from "./x.js";`, one name a line when too wide (Prettier keeps a lone name on its line). */
function importLinesFor(names: string[], from: string): string[] {
  const sorted = [...new Set(names)].sort();
  const flat = `import { ${sorted.join(", ")} } from "${from}";`;
  if (flat.length <= PRINT_WIDTH || sorted.length === 1) return [flat];
  return ["import {", ...sorted.map((n) => `  ${n},`), `} from "${from}";`];
}
