// The TypeScript target: interfaces and type aliases in the style of the official openai-node
// client, one file per top-level model, hoisted models in a namespace named after their parent,
// and `operations.ts`, the index of every operation's models (see operations.ts).
import { assignNames } from "../../naming/assign.js";
import { childrenByParent, indexModels } from "../../ir/query.js";
import type { OutputFile, Target, TargetContext } from "../target.js";
import { tsNamingRules } from "./naming.js";
import { fileView, type FileContext } from "./view.js";
import { formatWithPrettier } from "./prettier.js";
import { OPERATIONS_INTERFACE, operationsFileView } from "./operations.js";
import { multipartBodies } from "./uploads.js";

export const typescriptTarget: Target = {
  name: "typescript",
  renderWeight: 0.6,
  // Types over JSON.parse: nothing is checked when decoding, so unknown values pass through.
  compat: {
    enumUnknownFallback: true,
    unionUnknownTagFallback: true,
    uncheckedDecoding: true,
    ignoresUnknownFields: true,
    numbersShareOneType: true,
    integerFormatsShareOneType: true,
    stringFormatsShareOneType: true,
    optionalFieldAcceptsNull: false,
    checksConstraints: false,
  },
  async generate(ctx: TargetContext): Promise<OutputFile[]> {
    const { ir } = ctx;
    const models = indexModels(ir.models);
    const names = assignNames(ir, tsNamingRules);
    const children = childrenByParent(ir.models);
    const int64 = ctx.options.int64 === "bigint" ? "bigint" : "number";
    const fileCtx: FileContext = { models, names, children, int64, header: ctx.header, multipartBodies: multipartBodies(ir.operations) };
    const files: OutputFile[] = [];
    const tops = ir.models.filter((m) => !m.parent);
    const unsettled: OutputFile[] = [];
    for (const top of tops) {
      const view = fileView(top, fileCtx);
      const file = { path: `${names.type(top.id)}.ts`, contents: ctx.templates.render("model", view) };
      files.push(file);
      if (view.needsPrettier) unsettled.push(file);
    }
    const operations = operationsFileView(ir.operations, fileCtx);
    if (operations) {
      const file = { path: `${OPERATIONS_INTERFACE}.ts`, contents: ctx.templates.render("model", operations) };
      files.push(file);
      if (operations.needsPrettier) unsettled.push(file);
    }
    await formatWithPrettier(unsettled);
    const exports = [...tops.map((m) => names.type(m.id)), ...(operations ? [OPERATIONS_INTERFACE] : [])].sort();
    files.push({ path: "index.ts", contents: ctx.templates.render("index", { header: ctx.header, modules: exports }) });
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};
