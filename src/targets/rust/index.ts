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
import { validateOptions, withTypesOption } from "../common/options-schema.js";
import { derivedFile, namesFor, templateFile, unitRenderer } from "../common/units.js";
import { indexModels } from "../../ir/query.js";
import type { OutputFile, Target, TargetContext } from "../target.js";
import { collectLiterals } from "./literals.js";
import { crateName, moduleIdent, moduleName, rustNamingRules } from "./naming.js";
import { analyzeRecursion, type RecursionInfo } from "./recursion.js";
import { mappingsOf } from "../mappings.js";
import { checkedDecodingCompat } from "../common/compat.js";
import type { NativeCrate } from "./types.js";
import { modelFileView } from "./view.js";
import { tidy } from "./layout.js";
import { cargoView, decodeView, libView, literalsView, specAbout, supportView, type HeaderView } from "./crate.js";
import { operationIndexViewOf, resolvedParts } from "./operations.js";
import { finishedOutput } from "../common/output-files.js";
import { isSemver, SEMVER_PATTERN } from "../common/semver.js";

export interface RustOptions {
  crateName: string;
  crateVersion: string;
  openEnums: boolean;
  openUnions: boolean;
}

/**
 * This target's options as a JSON Schema (`rust: {...}` in the settings; composed into
 * modelgen.config.schema.json and checked by validateOptions wherever options come from).
 */
const RUST_OPTIONS_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: {
    crateName: {
      type: "string",
      pattern: "^[A-Za-z][A-Za-z0-9_-]*$",
      description: 'Package name in Cargo.toml: letters, digits, _ and - (default: the spec title in snake_case, e.g. "runs_api").',
    },
    crateVersion: {
      type: "string",
      pattern: SEMVER_PATTERN,
      description: "Package version, semver (default: the spec's version when it is semver, else 0.1.0).",
    },
    openEnums: {
      type: "boolean",
      description: "Keep enum values the spec does not list in an Unknown variant instead of rejecting them (default true).",
    },
    openUnions: {
      type: "boolean",
      description:
        "Keep tagged-union objects whose tag the spec does not list, as Unknown(Value), instead of rejecting them (default: openEnums).",
    },
  },
  additionalProperties: false,
};

const RUST_OPTIONS = withTypesOption(RUST_OPTIONS_SCHEMA);
const CRATE_NAME = new RegExp((RUST_OPTIONS_SCHEMA.properties as Record<string, { pattern: string }>).crateName!.pattern);

/** The options with their defaults, after the one check every target's options get (validateOptions). */
function rustOptions(ctx: Pick<TargetContext, "ir" | "options">): RustOptions {
  const o = ctx.options;
  validateOptions("rust", RUST_OPTIONS, o);
  const name = (o.crateName as string | undefined) ?? crateName(ctx.ir.spec.title);
  // A name made from the spec title is not checked by the schema.
  if (!CRATE_NAME.test(name))
    throw new UsageError(`rust: crateName: must match pattern "${CRATE_NAME.source}" (from the spec title: ${JSON.stringify(name)})`);
  const specVersion = ctx.ir.spec.version;
  const version = (o.crateVersion as string | undefined) ?? (specVersion && isSemver(specVersion) ? specVersion : "0.1.0");
  const open = (o.openEnums as boolean | undefined) ?? true;
  const openUnions = (o.openUnions as boolean | undefined) ?? open;
  return { crateName: name, crateVersion: version, openEnums: open, openUnions };
}

/** What one model's file uses, kept with its files between runs (plain data). */
interface ModelUses {
  support: string[];
  crates: string[];
  userTypes: string[];
}

/**
 * The module of a model's file: read from its path (`src/<module file>.rs`), so a kept model's
 * type name is not put through moduleName again (~2,700 times per regeneration).
 */
function moduleOf(files: readonly OutputFile[], type: string): string {
  const only = files.length === 1 ? files[0]!.path : "";
  return only.startsWith("src/") && only.endsWith(".rs") ? moduleIdent(only.slice(4, -3)) : moduleName(type).ident;
}

export const rustTarget: Target = {
  name: "rust",
  optionsSchema: RUST_OPTIONS_SCHEMA,
  compat: (options) => {
    const openEnums = options.openEnums !== false;
    const openUnions = typeof options.openUnions === "boolean" ? options.openUnions : openEnums;
    return checkedDecodingCompat(options, {
      enumUnknownFallback: openEnums,
      unionUnknownTagFallback: openUnions,
      integerFormatsShareOneType: false,
    });
  },
  generate(ctx: TargetContext): OutputFile[] {
    const { ir, templates } = ctx;
    const options = rustOptions(ctx);
    const models = indexModels(ir.models);
    const names = namesFor(ctx, rustNamingRules);
    const literals = collectLiterals(ir);
    const mappings = mappingsOf(ctx.options, ctx.mapped);
    // Which references need a Box is asked only by models that render: a regeneration that keeps
    // every model's file (or all but a few) does not analyze the whole graph's aliases.
    let recursion: RecursionInfo | undefined;
    const vc = {
      models,
      names,
      literals,
      get recursion(): RecursionInfo {
        return (recursion ??= analyzeRecursion(models));
      },
      presence: ctx.presence,
      openEnums: options.openEnums,
      openUnions: options.openUnions,
      header: ctx.header,
      mappings,
    };

    const files: OutputFile[] = [];
    const modules: { ident: string; type: string }[] = [];
    const support = new Set<string>();
    const crates = new Set<NativeCrate>();
    const userTypes = new Set<string>();
    // The literals table is built from every model: it joins the basis of every unit's key.
    const units = unitRenderer(ctx, names, literals.entries);
    // A mapped model is the user's type: no file of its own, every use names theirs.
    // Files that come out tidied already (a model's, kept or rendered; those rendered through `units.file`).
    const tidied = new Set<string>();
    for (const m of ir.models.filter((m) => mappings.model(m.id) === undefined)) {
      const type = names.type(m.id);
      const unit = units.unit(m.id, () => {
        const mod = moduleName(type);
        const { view, uses } = modelFileView(m, vc);
        const side: ModelUses = { support: [...uses.support], crates: [...uses.crates], userTypes: [...uses.userTypes] };
        const files = [{ path: `src/${mod.file}.rs`, contents: tidy(templates.render("model", view)) }];
        // Most models use none: then nothing is kept with their files (a seventh of the units file's bytes,
        // which every regeneration parses, writes and hashes again) and nothing is collected from them.
        return side.support.length + side.crates.length + side.userTypes.length ? { files, side } : { files };
      });
      modules.push({ ident: moduleOf(unit.files, type), type });
      for (const f of unit.files) tidied.add(f.path);
      // What the crate around the models needs (helpers, native crates, user modules) comes with each
      // model's files, kept or rendered, so a kept model still counts.
      const uses = unit.side;
      if (uses) {
        for (const helper of uses.support) support.add(helper);
        for (const c of uses.crates) crates.add(c as NativeCrate);
        for (const u of uses.userTypes) userTypes.add(u);
      }
      files.push(...unit.files);
    }
    // The crate's files around the models: each kept while its view (or what it is made from) is the same.
    const viewFile = (path: string, template: string, view: object): OutputFile => {
      tidied.add(path);
      return templateFile(units, templates, { path, template, view }, tidy);
    };
    const madeFile = <V extends object>(path: string, template: string, inputs: object, view: () => V): OutputFile => {
      tidied.add(path);
      return derivedFile(units, templates, { path, template, inputs, view }, tidy);
    };
    files.push(viewFile("Cargo.toml", "cargo", cargoView(ir, options, ctx.header, crates)));
    files.push(viewFile(".gitignore", "gitignore", { header: ctx.header.map((l) => `# ${l}`) } satisfies HeaderView));
    const operations = ir.operations ?? [];
    if (operations.length) {
      // Keyed by what the operations' parts resolve to (types, the params' notes): the view is built only to render.
      const resolved = operations.map((op) => resolvedParts(op, { models, names, literals, mappings }));
      const about = { header: ctx.header, about: specAbout(ir) };
      files.push(madeFile("src/operations.rs", "operations", { resolved, about }, () => operationIndexViewOf(operations, resolved, about)));
    }
    // lib.rs lists every model: keyed by the modules and what else libView reads.
    const flags = { literals: literals.entries.length > 0, support: support.size > 0, operations: operations.length > 0 };
    const libInputs = {
      modules,
      flags,
      header: ctx.header,
      presence: ctx.presence,
      options,
      about: specAbout(ir),
      userTypes: [...userTypes],
    };
    const lib = () => libView(ir, modules, flags.literals, flags.support, flags.operations, ctx, options, userTypes);
    files.push(madeFile("src/lib.rs", "lib", libInputs, lib));
    files.push(viewFile("src/decode.rs", "decode", decodeView(ctx.header)));
    if (literals.entries.length)
      files.push(
        madeFile("src/literals.rs", "literals", { header: ctx.header, entries: literals.entries }, () =>
          literalsView(literals, ctx.header),
        ),
      );
    if (support.size) files.push(viewFile("src/serde_support.rs", "serde_support", supportView(support, ctx.header)));
    // Model files and the views' files were tidied as they rendered (or kept as they are); the crate's other files are tidied here.
    return finishedOutput(
      "rust",
      files.map((f) => (tidied.has(f.path) ? f : { ...f, contents: tidy(f.contents) })),
    );
  },
};
