// The Rust target: a crate of serde models in the style of async-openai, one module file per
// model (hoisted inline models too, named with all their words), `lib.rs` re-exporting every
// type at the crate root, `operations.rs` naming each operation's models, and the Cargo.toml.
//
// Options (`rust:` in the config file):
//   crateName     the package name (default: the spec title in snake_case, `runs_api`)
//   crateVersion  the package version (default: the spec's version when it is semver, else 0.1.0)
//   openEnums     keep enum values the spec does not list instead of rejecting them (default true)
//   openUnions    keep tagged-union objects whose tag the spec does not list, as `Unknown(Value)`,
//                 instead of rejecting them (default: openEnums, so `openEnums: false` alone
//                 still closes both, as it did before unions had their own switch)
import { UsageError } from "../../common/errors.js";
import { assignNames } from "../../naming/assign.js";
import { unitRenderer } from "../common/units.js";
import { indexModels } from "../../ir/query.js";
import type { OutputFile, Target, TargetContext } from "../target.js";
import { collectLiterals } from "./literals.js";
import { crateName, moduleName, rustNamingRules } from "./naming.js";
import { analyzeRecursion } from "./recursion.js";
import { modelFileView } from "./view.js";
import { cargoView, libView, literalsView, specAbout, supportView, type HeaderView } from "./crate.js";
import { operationIndexView } from "./operations.js";
import { finishedOutput } from "../common/output-files.js";

export interface RustOptions {
  crateName: string;
  crateVersion: string;
  openEnums: boolean;
  openUnions: boolean;
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const CRATE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

const KNOWN_OPTIONS = ["crateName", "crateVersion", "openEnums", "openUnions"];

function rustOptions(ctx: Pick<TargetContext, "ir" | "options">): RustOptions {
  const o = ctx.options;
  const unknown = Object.keys(o).filter((k) => !KNOWN_OPTIONS.includes(k));
  if (unknown.length) throw new UsageError(`rust: unknown option(s) ${unknown.join(", ")} (known: ${KNOWN_OPTIONS.join(", ")})`);
  const name = o.crateName ?? crateName(ctx.ir.spec.title);
  if (typeof name !== "string" || !CRATE_NAME.test(name))
    throw new UsageError(`rust: crateName must be a crate name (letters, digits, _ and -), got ${JSON.stringify(name)}`);
  const specVersion = ctx.ir.spec.version;
  const version = o.crateVersion ?? (specVersion && SEMVER.test(specVersion) ? specVersion : "0.1.0");
  if (typeof version !== "string" || !SEMVER.test(version))
    throw new UsageError(`rust: crateVersion must be a semver version, got ${JSON.stringify(version)}`);
  const open = o.openEnums ?? true;
  if (typeof open !== "boolean") throw new UsageError(`rust: openEnums must be true or false, got ${JSON.stringify(open)}`);
  const openUnions = o.openUnions ?? open;
  if (typeof openUnions !== "boolean") throw new UsageError(`rust: openUnions must be true or false, got ${JSON.stringify(openUnions)}`);
  return { crateName: name, crateVersion: version, openEnums: open, openUnions };
}

export const rustTarget: Target = {
  name: "rust",
  compat: (options) => {
    const openEnums = options.openEnums !== false;
    const openUnions = typeof options.openUnions === "boolean" ? options.openUnions : openEnums;
    return {
      enumUnknownFallback: openEnums,
      unionUnknownTagFallback: openUnions,
      uncheckedDecoding: false,
      // serde skips keys a struct does not declare (no `deny_unknown_fields`).
      ignoresUnknownFields: true,
      numbersShareOneType: false,
      integerFormatsShareOneType: false,
      stringFormatsShareOneType: true,
      // An optional field is `Option<T>`, and serde reads `null` into `None` as well.
      optionalFieldAcceptsNull: true,
      checksConstraints: false,
    };
  },
  generate(ctx: TargetContext): OutputFile[] {
    const { ir, templates } = ctx;
    const options = rustOptions(ctx);
    const models = indexModels(ir.models);
    const names = assignNames(ir, rustNamingRules);
    const literals = collectLiterals(ir);
    const recursion = analyzeRecursion(models);
    const vc = {
      models,
      names,
      literals,
      recursion,
      presence: ctx.presence,
      openEnums: options.openEnums,
      openUnions: options.openUnions,
      header: ctx.header,
    };

    const files: OutputFile[] = [];
    const modules: { ident: string; type: string }[] = [];
    const support = new Set<string>();
    // The literals table is built from every model: it joins the basis of every unit's key.
    const units = unitRenderer(ctx, names, literals.entries);
    for (const m of ir.models) {
      const type = names.type(m.id);
      const mod = moduleName(type);
      modules.push({ ident: mod.ident, type });
      const unit = units.unit(m.id, () => {
        const { view, uses } = modelFileView(m, vc);
        return { files: [{ path: `src/${mod.file}.rs`, contents: tidy(templates.render("model", view)) }], side: [...uses.support] };
      });
      for (const helper of unit.side ?? []) support.add(helper);
      files.push(...unit.files);
    }
    files.push({ path: "Cargo.toml", contents: templates.render("cargo", cargoView(ir, options, ctx.header)) });
    files.push({
      path: ".gitignore",
      contents: templates.render("gitignore", { header: ctx.header.map((l) => `# ${l}`) } satisfies HeaderView),
    });
    const operations = ir.operations ?? [];
    if (operations.length) {
      const view = operationIndexView(operations, { models, names, literals, header: ctx.header, about: specAbout(ir) });
      files.push({ path: "src/operations.rs", contents: templates.render("operations", view) });
    }
    files.push({
      path: "src/lib.rs",
      contents: templates.render(
        "lib",
        libView(ir, modules, literals.entries.length > 0, support.size > 0, operations.length > 0, ctx, options),
      ),
    });
    files.push({ path: "src/decode.rs", contents: templates.render("decode", { header: ctx.header.map((l) => `// ${l}`) }) });
    if (literals.entries.length)
      files.push({ path: "src/literals.rs", contents: templates.render("literals", literalsView(literals, ctx.header)) });
    if (support.size)
      files.push({ path: "src/serde_support.rs", contents: templates.render("serde_support", supportView(support, ctx.header)) });
    // Model files were tidied as they rendered (or kept as they are); the crate's other files are tidied here.
    const unitFiles = new Set(modules.map((m) => `src/${moduleName(m.type).file}.rs`));
    return finishedOutput(
      "rust",
      files.map((f) => (unitFiles.has(f.path) ? f : { ...f, contents: tidy(f.contents) })),
    );
  },
};

/** Templates leave blank lines where optional parts are missing: one blank line at most, one newline at the end. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n").replace(/\n*$/, "\n");
}
