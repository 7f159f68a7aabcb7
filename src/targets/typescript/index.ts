// The TypeScript target: interfaces and type aliases in the style of the official openai-node
// client, one file per top-level model, hoisted models in a namespace named after their parent,
// and `operations.ts`, the index of every operation's models (see operations.ts). With
// `validators: zod`, each file also declares a zod 4 schema per model (see zod/), helped by
// `zod-support.ts`.
import type { NameTable } from "../../naming/assign.js";
import { derivedFile, namesFor, unitRenderer } from "../common/units.js";
import { childrenByParent, indexModels, isInlineEnum, ownerOf, type ModelIndex } from "../../ir/query.js";
import type { IrDocument, Model } from "../../ir/types.js";
import type { OutputFile, Target, TargetContext } from "../target.js";
import { tsNamingRules } from "./naming.js";
import { fileView, type FileContext } from "./view.js";
import { formatWithPrettier } from "./prettier.js";
import { OPERATIONS_INTERFACE, operationsFileViewOf, resolvedOperations } from "./operations.js";
import { multipartBodies } from "./uploads.js";
import { TS_OPTIONS_SCHEMA, TS_USER_TYPE_SCHEMA, tsOptions, type TsOptions } from "./options.js";
import { schemaGraph } from "./zod/graph.js";
import { schemaNames } from "./zod/names.js";
import { SUPPORT_FILE } from "./zod/support.js";
import { looseTyping, type LooseTyping } from "./zod/loose.js";
import type { ZodContext } from "./zod/view.js";
import { finishedOutput } from "../common/output-files.js";

/** index.ts: re-exports every model file. */
export interface IndexView {
  /** The generated-file header's lines, without the `// ` the template adds. */
  header: string[];
  /** Every model file's module name (`RunObject`), sorted. */
  modules: string[];
  /** One `export type * from "./Name.js";` line per module (`export *` with validators). */
  exports: string[];
}

/** zod-support.ts, written with `validators: zod`: the helpers the schemas import. */
export interface ZodSupportView {
  /** The generated-file header's lines, without the `// ` the template adds. */
  header: string[];
  /** Spec patterns the schemas do not check (not JavaScript regular expressions), listed in a comment. */
  uncheckedPatterns: string[];
  /** Declared validator types (the default): the loosely typed zod and helpers the model files import; null when inferred. */
  loose: LooseTyping | null;
}
import { mappingsOf, stringFormatsMapped } from "../mappings.js";

export const typescriptTarget: Target = {
  name: "typescript",
  optionsSchema: TS_OPTIONS_SCHEMA,
  userTypeSchema: TS_USER_TYPE_SCHEMA,
  // Types over JSON.parse check nothing when decoding, so unknown values pass through; the zod
  // validators check what the options say.
  compat: (raw) => {
    const options = tsOptions(raw);
    const zod = options.validators === "zod";
    return {
      enumUnknownFallback: !zod || options.openEnums,
      unionUnknownTagFallback: !zod || options.openUnions,
      uncheckedDecoding: !zod,
      ignoresUnknownFields: !zod || options.unknownKeys !== "strict",
      numbersShareOneType: true,
      integerFormatsShareOneType: true,
      // A string format mapped to a type of its own (`types:`) is no longer interchangeable.
      stringFormatsShareOneType: !stringFormatsMapped(raw, false),
      // The validators read null in an optional field as absent (zod/presence.ts).
      optionalFieldAcceptsNull: zod,
      checksConstraints: zod,
    };
  },
  async generate(ctx: TargetContext): Promise<OutputFile[]> {
    const { ir } = ctx;
    const options = tsOptions(ctx.options);
    const models = indexModels(ir.models);
    const names = namesFor(ctx, tsNamingRules);
    const children = childrenByParent(ir.models);
    const uncheckedPatterns: string[] = [];
    const mappings = mappingsOf(ctx.options, ctx.mapped);
    const fileCtx: FileContext = {
      mappings,
      models,
      names,
      children,
      int64: options.int64,
      header: ctx.header,
      multipartBodies: multipartBodies(ir.operations),
      ...(options.validators === "zod"
        ? {
            zod: {
              ...zodContext(ir, models, children, names, options, ctx, uncheckedPatterns),
              isMapped: (id: string) => mappings.model(id) !== undefined,
            },
          }
        : {}),
    };
    const files: OutputFile[] = [];
    // A mapped model is the user's type: no file of its own (its hoisted models go with it), every use names theirs.
    const tops = ir.models.filter((m) => !m.parent && mappings.model(m.id) === undefined);
    const unsettled: OutputFile[] = [];
    // With validators, rendering a file also collects the patterns the support file lists, so
    // every file renders (no reuse of the previous run's files).
    const units = fileCtx.zod ? unitRenderer({ ir, options: ctx.options }, names) : unitRenderer(ctx, names);
    for (const top of tops) {
      const unit = units.unit(top.id, () => {
        const view = fileView(top, fileCtx);
        const file = { path: `${names.type(top.id)}.ts`, contents: ctx.templates.render("model", view) };
        if (view.needsPrettier) unsettled.push(file);
        return { files: [file] };
      });
      files.push(...unit.files);
    }
    const operations = ir.operations?.length ? ir.operations : undefined;
    if (operations) {
      // Keyed by what the operations resolve to (their parts' types, the imports): the view is built only to render.
      const resolved = resolvedOperations(operations, fileCtx);
      const path = `${OPERATIONS_INTERFACE}.ts`;
      const inputs = { template: "model", inputs: { resolved, header: ctx.header } };
      const file = units.file(path, inputs, () => {
        const view = operationsFileViewOf(operations, resolved, ctx.header);
        const rendered = { path, contents: ctx.templates.render("model", view) };
        // A layout Prettier decides: formatted after rendering, as a model's file is (the same inputs, the same text).
        if (view.needsPrettier) unsettled.push(rendered);
        return rendered;
      });
      files.push(file);
    }
    if (fileCtx.zod)
      files.push({
        path: `${SUPPORT_FILE}.ts`,
        contents: ctx.templates.render(SUPPORT_FILE, {
          header: ctx.header,
          uncheckedPatterns,
          loose: options.validatorTypes === "declared" ? looseTyping() : null,
        } satisfies ZodSupportView),
      });
    await formatWithPrettier(unsettled);
    const modules = [...tops.map((m) => names.type(m.id)), ...(operations ? [OPERATIONS_INTERFACE] : [])].sort();
    // With validators the files hold values (the schemas) too.
    const values = fileCtx.zod !== undefined;
    const exports = () => modules.map((m) => `export ${values ? "*" : "type *"} from "./${m}.js";`);
    const index = (): IndexView => ({ header: ctx.header, modules, exports: exports() });
    files.push(
      derivedFile(units, ctx.templates, {
        path: "index.ts",
        template: "index",
        inputs: { header: ctx.header, modules, values },
        view: index,
      }),
    );
    return finishedOutput("typescript", files);
  },
};

/** What the schemas need across files: their names, which references are lazy, the options. */
function zodContext(
  ir: IrDocument,
  models: ModelIndex,
  children: ReadonlyMap<string, Model[]>,
  names: NameTable,
  options: TsOptions,
  ctx: TargetContext,
  uncheckedPatterns: string[],
): ZodContext {
  const owner = (id: string) => ownerOf(id, models)?.id ?? id;
  const files = new Map<string, Model[]>();
  const declared = (m: Model): Model[] => [m, ...(children.get(m.id) ?? []).filter((c) => !isInlineEnum(c)).flatMap(declared)];
  for (const top of ir.models.filter((m) => !m.parent)) files.set(top.id, declared(top));
  return {
    models,
    names,
    schemaNames: schemaNames(ir.models, names),
    graph: schemaGraph(files, models, owner),
    options,
    presence: ctx.presence,
    multipartBodies: multipartBodies(ir.operations),
    ownerOf: owner,
    uncheckedPatterns,
  };
}
