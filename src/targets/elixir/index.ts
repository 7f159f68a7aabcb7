// The Elixir target: a mix project of ex_openai-style modules (`@moduledoc` listing every field,
// `defstruct` with `@enforce_keys`, `@type t`), one file per model under one root namespace, each
// with `from_json/1` and `to_json/1` driven by its `__schema__/0` and the shared `<Root>.Codec`.
import { derivedFile, namesFor, unitRenderer } from "../common/units.js";
import { indexModels, isInlineEnum } from "../../ir/query.js";
import type { OutputFile, Target, TargetContext } from "../target.js";
import { checkModuleLength, elixirNamingRules, modulePath, rootNamespace } from "./naming.js";
import { moduleName } from "./types.js";
import { moduleView, type ModuleContext } from "./view.js";
import { apiTitle, projectFiles, projectSettings } from "./project.js";
import { multipartBodyIds, operationEntries, operationModelIds } from "./operation-index.js";
import { operationsView } from "./operations-view.js";
import { OPERATIONS_MODULE } from "./reserved.js";
import { ELIXIR_OPTIONS_SCHEMA, elixirOptions } from "./options.js";
import { finishedOutput } from "../common/output-files.js";
import { mappingsOf } from "../mappings.js";
import { checkedDecodingCompat } from "../common/compat.js";

export const elixirTarget: Target = {
  name: "elixir",
  optionsSchema: ELIXIR_OPTIONS_SCHEMA,
  // Enums and tagged unions keep what they do not list unless the options close them; numbers are
  // kept as JSON gave them.
  compat: (options) =>
    checkedDecodingCompat(options, {
      enumUnknownFallback: options.openEnums !== false,
      unionUnknownTagFallback: options.openUnions !== false,
      // Integers of every format are Elixir integers.
      integerFormatsShareOneType: true,
    }),
  generate(ctx: TargetContext): OutputFile[] {
    const { openEnums, openUnions } = elixirOptions(ctx.options);
    const { ir } = ctx;
    const namespace = rootNamespace(ctx.options.namespace, ir.spec.title, ir.spec.file);
    const settings = projectSettings(ctx, namespace);
    const header = ctx.header.map((l) => `# ${l}`);
    const operations = ir.operations ?? [];
    const mctx: ModuleContext = {
      models: indexModels(ir.models),
      names: namesFor(ctx, elixirNamingRules),
      namespace,
      presence: ctx.presence,
      openEnums,
      openUnions,
      header,
      multipartBodies: multipartBodyIds(operations),
      mappings: mappingsOf(ctx.options, ctx.mapped),
    };

    const files: OutputFile[] = [];
    const modules: string[] = [];
    // An inline enum is spelled where it is used, unless an operation names it as a body: the
    // operation index lists modules, so that one gets a module of its own.
    const named = operationModelIds(operations);
    const units = unitRenderer(ctx, mctx.names);
    for (const m of ir.models) {
      if (isInlineEnum(m) && !named.has(m.id)) continue;
      // A mapped model is the user's module: not generated, every use names theirs.
      if (mctx.mappings?.model(m.id) !== undefined) continue;
      const module = moduleName(m.id, mctx);
      checkModuleLength(module);
      modules.push(module);
      files.push(
        ...units.unit(m.id, () => ({
          files: [{ path: `lib/${modulePath(module)}.ex`, contents: ctx.templates.render("model", moduleView(m, mctx)) }],
        })).files,
      );
    }
    const operationsModule = operations.length ? `${namespace}.${OPERATIONS_MODULE}` : undefined;
    if (operationsModule) {
      // The view is a function of the entries (the operations, in every key's basis, and their parts' modules) and `info`.
      const entries = operationEntries(operations, mctx);
      const info = { module: operationsModule, header, title: apiTitle(ctx) };
      const inputs = { entries: entries.map((e) => ({ ...e, operation: e.operation.id })), info };
      const path = `lib/${modulePath(operationsModule)}.ex`;
      files.push(derivedFile(units, ctx.templates, { path, template: "operations", inputs, view: () => operationsView(entries, info) }));
    }
    files.push(
      ...projectFiles(
        ctx,
        {
          ...settings,
          namespace,
          header,
          openEnums,
          openUnions,
          modules: modules.sort(),
          ...(operationsModule ? { operationsModule } : {}),
        },
        units,
      ),
    );

    return finishedOutput("elixir", files);
  },
};
