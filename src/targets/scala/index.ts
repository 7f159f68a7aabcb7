// The Scala 3 target: zio-openai-style case classes, sealed traits and case objects with circe
// codecs written out per model (no macro derivation), one file per top-level model, hoisted models
// in their parent's companion, an index of the operations' models, and a Maven module around them.
import { derivedFile, namesFor, unitRenderer } from "../common/units.js";
import { childrenByParent, indexModels } from "../../ir/query.js";
import type { OutputFile, Target, TargetContext } from "../target.js";
import { packageName, scalaNamingRules } from "./naming.js";
import { projectFiles, SCALA_OPTIONS_SCHEMA, scalaOptions, sourceDir } from "./project.js";
import { fileView } from "./view.js";
import { multipartBodies, OPERATIONS_OBJECT, operationsViewOf, resolvedOperations } from "./operations.js";
import type { ImportName } from "./scope.js";
import { finishedOutput } from "../common/output-files.js";
import { mappingsOf } from "../mappings.js";
import { checkedDecodingCompat } from "../common/compat.js";

export const scalaTarget: Target = {
  name: "scala",
  optionsSchema: SCALA_OPTIONS_SCHEMA,
  // Enums keep unknown values (`Unknown(value)`) and tagged unions unknown tags (`Unknown(json)`)
  // unless an option closes them; Long vs Int vs BigInt differ.
  compat: (options) =>
    checkedDecodingCompat(options, {
      enumUnknownFallback: options.unknownEnumValues !== "reject",
      unionUnknownTagFallback: options.unknownUnionTags !== "reject",
      integerFormatsShareOneType: false,
    }),
  generate(ctx: TargetContext): OutputFile[] {
    const { ir } = ctx;
    const options = scalaOptions(ctx, packageName(ctx.options.package, ir.spec.title));
    const models = indexModels(ir.models);
    const names = namesFor(ctx, scalaNamingRules);
    const children = childrenByParent(ir.models);
    const dir = sourceDir(options.package);
    const units = unitRenderer(ctx, names);
    const files: OutputFile[] = projectFiles(ctx, options, units);
    const multipart = multipartBodies(ir);
    const mappings = mappingsOf(ctx.options, ctx.mapped);
    // A mapped model is the user's type: no file of its own (its hoisted models go with it), every use names theirs.
    for (const top of ir.models.filter((m) => !m.parent && mappings.model(m.id) === undefined)) {
      const unit = units.unit(top.id, () => {
        const scope = {
          models,
          names,
          options,
          presence: ctx.presence,
          children,
          multipartBodies: multipart,
          imports: new Set<ImportName>(),
          mappings,
        };
        const view = fileView(top, scope, ctx.header);
        return { files: [{ path: `${dir}/${names.type(top.id)}.scala`, contents: ctx.templates.render("model", view) }] };
      });
      files.push(...unit.files);
    }
    const operations = ir.operations;
    if (operations?.length) {
      // Keyed by what the operations' parts resolve to: the view is built only to render.
      const resolved = resolvedOperations(operations, { models, names, package: options.package, mappings });
      const about = { header: ctx.header, package: options.package };
      const view = () => operationsViewOf(operations, resolved, about);
      const path = `${dir}/${OPERATIONS_OBJECT}.scala`;
      files.push(derivedFile(units, ctx.templates, { path, template: "operations", inputs: { resolved, about }, view }));
    }
    return finishedOutput("scala", files);
  },
};
