// The files around the models that make generated/elixir a mix project users can depend on:
// mix.exs, the root module (an index of every model), the shared Codec, .formatter.exs, .gitignore.
import { UsageError } from "../../common/errors.js";
import { codecSpecs, codecTypeDeclarations, modelsSpecLines, type TypeDeclaration } from "./codec-types.js";
import type { OutputFile, PresencePolicy, TargetContext } from "../target.js";
import { derivedFile, templateFile, type UnitRenderer } from "../common/units.js";
import { joinParagraphs } from "./docs.js";
import { decodingRules, presenceSentence } from "./codec-doc.js";
import { defLines, heredocLines } from "./layout.js";
import { appName, modulePath, stringLiteral } from "./naming.js";
import { isSemver } from "../common/semver.js";

const APP = /^[a-z][a-z0-9_]*$/;

export interface ProjectInfo extends ProjectSettings {
  namespace: string;
  /** Header lines already commented (`# ...`). */
  header: string[];
  /** Every model module, sorted. */
  modules: string[];
  /** The operation index module, when the spec has operations. */
  operationsModule?: string;
  openEnums: boolean;
  openUnions: boolean;
}

export interface ProjectSettings {
  app: string;
  version: string;
}

/** The `app` and `version` options (checked before anything is rendered). */
export function projectSettings(ctx: TargetContext, namespace: string): ProjectSettings {
  return { app: projectApp(ctx.options.app, namespace), version: projectVersion(ctx.options.version, ctx.ir.spec.version) };
}

/** What every project file's template receives (`formatter`, `gitignore`, and the others' base). */
export interface ProjectCommonView {
  /** The generated-file header, as `#` comment lines. */
  header: string[];
  /** The root module (option `namespace`). */
  namespace: string;
  /** The shared codec module (`Namespace.Codec`). */
  codec: string;
}

/** mix.exs. */
export interface MixView extends ProjectCommonView {
  /** The OTP application name (option `app`). */
  app: string;
  /** The project version (option `version`), as an Elixir string. */
  version: string;
  /** The project description, as an Elixir string. */
  description: string;
}

/** The root module: its moduledoc and the list of every model module. */
export interface RootView extends ProjectCommonView {
  /** The `@moduledoc` heredoc's lines, indented. */
  doc: string[];
  /** `@spec models() :: [module()]` laid out. */
  modelsSpec: string[];
  /** `def models, do: [...]` laid out. */
  modelLines: string[];
}

/** The shared codec module: its moduledoc and the types and specs of its functions. */
export interface CodecView extends ProjectCommonView {
  /** The decoding rules of this build, as the `@moduledoc` heredoc's lines. */
  decodingDoc: string[];
  /** The codec's `@type` declarations, each laid out. */
  types: TypeDeclaration[];
  /** The `@spec` lines of the codec's public functions, by function. */
  specs: Record<"decode" | "encode" | "encodeBang" | "formatError", string[]>;
}

/** The project's files, each kept from the previous run while its view (or what the view is made from) is the same. */
export function projectFiles(ctx: TargetContext, info: ProjectInfo, units: UnitRenderer): OutputFile[] {
  const { namespace, header, app, version } = info;
  const title = apiTitle(ctx);
  const common: ProjectCommonView = { header, namespace, codec: `${namespace}.Codec` };
  const mix: MixView = { ...common, app, version: stringLiteral(version), description: stringLiteral(`Models for ${title}.`) };
  // The root module lists every model: built only to render, from these alone.
  const rootInputs = { common, title, operationsModule: info.operationsModule ?? null, presence: ctx.presence, modules: info.modules };
  const root = (): RootView => ({
    ...common,
    doc: heredocLines(rootDoc(namespace, title, info.operationsModule, ctx.presence)),
    modelsSpec: modelsSpecLines(),
    modelLines: defLines("models", { list: info.modules }),
  });
  const rules = { presence: ctx.presence, openEnums: info.openEnums, openUnions: info.openUnions };
  const codec = (): CodecView => ({
    ...common,
    decodingDoc: heredocLines(decodingRules(rules)),
    types: codecTypeDeclarations(),
    specs: codecSpecs(),
  });
  const { templates } = ctx;
  return [
    templateFile(units, templates, { path: "mix.exs", template: "mix", view: mix }),
    derivedFile(units, templates, { path: `lib/${modulePath(namespace)}.ex`, template: "root", inputs: rootInputs, view: root }),
    derivedFile(units, templates, {
      path: `lib/${modulePath(namespace)}/codec.ex`,
      template: "codec",
      inputs: { common, rules },
      view: codec,
    }),
    templateFile(units, templates, { path: ".formatter.exs", template: "formatter", view: common }),
    templateFile(units, templates, { path: ".gitignore", template: "gitignore", view: common }),
  ];
}

function rootDoc(namespace: string, title: string, operationsModule: string | undefined, presence: PresencePolicy): string[] {
  return joinParagraphs(
    [`Models for ${title}.`],
    [
      "Every model is a module with `from_json/1` (JSON decoded with string keys and `nil` for",
      "`null`, e.g. by `:jiffy.decode(text, [:return_maps, {:null_term, nil}])`) and `to_json/2`",
      "(a term for any JSON encoder, e.g. `:jiffy.encode(term, [:use_nil])`). Objects are structs,",
      "string enums are atoms, unions are the union of their variants' types. See",
      `\`${namespace}.Codec\` for the rules.`,
    ],
    operationsModule
      ? [`\`${operationsModule}\` lists every operation with the modules of its parameters, request`, "bodies and responses."]
      : [],
    [`Presence policy of this build is ${presenceSentence(presence)}`],
  );
}

/** "Pet Store 2.0.0": the spec's title and version, as the docs name the API. */
export function apiTitle(ctx: TargetContext): string {
  return [ctx.ir.spec.title, ctx.ir.spec.version].filter(Boolean).join(" ") || "the API";
}

function projectApp(option: unknown, namespace: string): string {
  if (option === undefined) return appName(namespace);
  if (typeof option !== "string" || !APP.test(option))
    throw new UsageError(`elixir: app must be a snake_case name such as "my_models", not ${JSON.stringify(option)}`);
  return option;
}

/** mix needs a SemVer version: the option, else the spec's version when it is one, else 0.1.0. */
function projectVersion(option: unknown, specVersion: string | undefined): string {
  if (option !== undefined) {
    if (typeof option !== "string" || !isSemver(option))
      throw new UsageError(`elixir: version must be SemVer such as "1.2.0", not ${JSON.stringify(option)}`);
    return option;
  }
  return specVersion && isSemver(specVersion) ? specVersion : "0.1.0";
}
