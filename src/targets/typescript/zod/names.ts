// Names of the schema consts: `<Model>Schema` for a top-level model (`RunObjectSchema`), the words
// of its path for a hoisted one (`RunObject.LastError` -> `RunObjectLastErrorSchema`). They are all
// exported from the index beside the model types, so one scope covers them: a name never repeats
// a model's type name (`ResponseFormatJsonSchemaSchema` is a model in OpenAI's spec) nor another
// schema's, nor a name the generated files import (`z`, the support helpers); a collision gets the
// smallest free number (`FooSchema2`). Top-level models claim names first, then hoisted ones, each
// in IR order, so a name changes only when the spec does.
import type { NameTable } from "../../../naming/assign.js";
import { NameScope } from "../../../naming/scope.js";
import type { Model } from "../../../ir/types.js";
import { TS_RESERVED_TYPE_NAMES } from "../reserved.js";
import { SUPPORT_EXPORTS } from "./support.js";
import { hasSchema } from "./graph.js";

export function schemaNames(models: readonly Model[], names: NameTable): Map<string, string> {
  const topLevel = models.filter((m) => !m.parent);
  const reserved = new Set([...TS_RESERVED_TYPE_NAMES, "z", ...SUPPORT_EXPORTS, ...topLevel.map((m) => names.type(m.id))]);
  const scope = new NameScope(reserved);
  const out = new Map<string, string>();
  for (const m of topLevel) out.set(m.id, scope.claim(`${names.type(m.id)}Schema`));
  for (const m of models) {
    if (m.parent && hasSchema(m)) out.set(m.id, scope.claim(`${names.path(m.id).join("")}Schema`));
  }
  return out;
}
