// The files around the models that make generated/scala a Maven module users can build and
// depend on: pom.xml (Scala 3 and circe from Maven Central), .gitignore, the shared codec support
// and the three-state `Nullable`.
import { templateFile, type UnitRenderer } from "../common/units.js";
import { UsageError } from "../../common/errors.js";
import { validateOptions, withTypesOption } from "../common/options-schema.js";
import type { OutputFile, PresencePolicy, TargetContext } from "../target.js";
import { splitWords } from "../../naming/words.js";
import type { ScalaOptions } from "./scope.js";
import { mappingsOf, type Mappings } from "../mappings.js";

/** Versions the generated module builds with (all on Maven Central). */
export const SCALA_VERSION = "3.3.7";
export const CIRCE_VERSION = "0.14.15";
export const SCALA_MAVEN_PLUGIN_VERSION = "4.9.2";
/** Warnings are errors: the generated code must compile clean. */
const COMPILER_ARGS = ["-deprecation", "-feature", "-unchecked", "-Werror"];
/** The forked compiler's JVM: C1 only halves a one-shot compile on two cores (test/hosts/TOOLCHAINS.md). */
const COMPILER_JVM_ARGS = ["-Xss8m", "-XX:TieredStopAtLevel=1"];

const MAVEN_ID = /^[A-Za-z0-9_.-]+$/;

/**
 * This target's options as a JSON Schema (`scala: {...}` in the settings; composed into
 * modelgen.config.schema.json). scalaOptions checks the same at run time, for options that reach the
 * library without the schema, and what a schema cannot say (a package segment that is a keyword).
 */
export const SCALA_OPTIONS_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: {
    package: {
      type: "string",
      pattern: "^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*$",
      description:
        "Package of the models: dot-separated lower-case identifiers, no Scala keyword" +
        ' (default from the spec title, e.g. "runsapi.models").',
    },
    unknownEnumValues: {
      enum: ["keep", "reject"],
      description: "An enum value the spec does not list: kept in the enum's Unknown(value) case (default) or rejected.",
    },
    unknownUnionTags: {
      enum: ["keep", "reject"],
      description: "A tagged-union object whose tag the spec does not list: kept in the union's Unknown(json) case (default) or rejected.",
    },
    artifactId: {
      type: "string",
      pattern: MAVEN_ID.source,
      description: 'Maven artifactId of the generated module (default from the spec title, e.g. "runs-api-models").',
    },
    version: {
      type: "string",
      pattern: MAVEN_ID.source,
      description: 'Maven version of the generated module (default the spec\'s version when it is a Maven version, else "0.1.0").',
    },
  },
  additionalProperties: false,
};

const SCALA_OPTIONS = withTypesOption(SCALA_OPTIONS_SCHEMA);

/** Reads this target's options (`scala: {...}` in the config), after the one check every target's options get (validateOptions). */
export function scalaOptions(
  ctx: Pick<TargetContext, "ir" | "options">,
  packageName: string,
): ScalaOptions & { artifactId: string; version: string } {
  const o = ctx.options;
  validateOptions("scala", SCALA_OPTIONS, o);
  const artifactId =
    (o.artifactId as string | undefined) ??
    `${splitWords(ctx.ir.spec.title ?? "api")
      .join("-")
      .toLowerCase()}-models`;
  // One made from the spec title is not checked by the schema.
  if (!MAVEN_ID.test(artifactId))
    throw new UsageError(`scala: artifactId: must match pattern "${MAVEN_ID.source}" (from the spec title: ${JSON.stringify(artifactId)})`);
  const version =
    (o.version as string | undefined) ?? (ctx.ir.spec.version && MAVEN_ID.test(ctx.ir.spec.version) ? ctx.ir.spec.version : "0.1.0");
  const keepOrReject = (key: "unknownEnumValues" | "unknownUnionTags") => (o[key] as "keep" | "reject" | undefined) ?? "keep";
  return {
    package: packageName,
    unknownEnumValues: keepOrReject("unknownEnumValues"),
    unknownUnionTags: keepOrReject("unknownUnionTags"),
    artifactId,
    version,
  };
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Which optional codecs JsonSupport defines: those of the formats mapped to JDK types, and `provided` when a user's type is mapped. */
function supportCodecs(mappings: Mappings): Record<"offsetDateTime" | "localDate" | "uuid" | "epochSeconds" | "provided", boolean> {
  const native = new Set(mappings.natives);
  return {
    offsetDateTime: native.has("date-time"),
    localDate: native.has("date"),
    uuid: native.has("uuid"),
    epochSeconds: native.has("unixtime"),
    provided: mappings.hasUserTypes,
  };
}

/** Where a package's files go: `src/main/scala/runsapi/models/`. */
export function sourceDir(pkg: string): string {
  return `src/main/scala/${pkg.split(".").join("/")}`;
}

/** The presence policy of the build, as JsonSupport's scaladoc states it. */
const PRESENCE_DOCS: Record<PresencePolicy, string> = {
  lenient: "lenient: a required field that admits null may be absent and reads as `None` (or `Json.Null`).",
  strict: "strict: every required field must be present, even one that admits null.",
  tolerant:
    "tolerant: every field may be absent or null." +
    " A required field is an `Option` too (`None` when absent or null, left out when written);" +
    " literals, enum values and tags are still checked.",
};

function enumDoc(options: ScalaOptions): string {
  return options.unknownEnumValues === "keep"
    ? "a value the spec does not list decodes as the enum's `Unknown(value)` and is written back unchanged."
    : "a value the spec does not list is rejected (`unknownEnumValues: reject`).";
}

function unionDoc(options: ScalaOptions): string {
  return options.unknownUnionTags === "keep"
    ? "Tagged unions dispatch on their tag; an object whose tag the spec does not list decodes as the union's `Unknown(json)`" +
        " and is written back unchanged."
    : "Tagged unions dispatch on their tag; a tag the spec does not list is rejected (`unknownUnionTags: reject`).";
}

/** .gitignore. */
export interface GitignoreView {
  /** The generated-file header's lines, without the `# ` the template adds. */
  header: string[];
}

/** A Scala source file of the package beside the models (`Nullable.scala`). */
export interface PackageFileView extends GitignoreView {
  /** The package every model is declared in (option `package`). */
  package: string;
}

/** JsonSupport.scala: the codec helpers the models use, and this build's decoding rules. */
export interface SupportView extends PackageFileView {
  /** The presence policy's rule, for the scaladoc. */
  presenceDoc: string;
  /** What an enum does with a value the spec does not list, for the scaladoc. */
  enumDoc: string;
  /** What a tagged union does with a tag the spec does not list, for the scaladoc. */
  unionDoc: string;
  /** `"true"` unless presence is strict: a required field that admits null may be absent. */
  lenient: string;
}

/** pom.xml: Maven coordinates, versions and compiler settings, XML-escaped. */
export interface PomView {
  /** The generated-file header's lines, escaped for an XML comment. */
  header: string[];
  /** The Maven groupId (the package). */
  groupId: string;
  /** The Maven artifactId (option `artifactId`). */
  artifactId: string;
  /** The project version (option `version`). */
  version: string;
  /** The project name, XML-escaped. */
  name: string;
  /** The project description, XML-escaped. */
  description: string;
  /** The Scala 3 version compiled against. */
  scalaVersion: string;
  /** The circe version. */
  circeVersion: string;
  /** The scala-maven-plugin version. */
  pluginVersion: string;
  /** scalac arguments, one `<arg>` each. */
  compilerArgs: readonly string[];
  /** JVM arguments of the compiler, one `<jvmArg>` each. */
  jvmArgs: readonly string[];
}

/** The project's files, each kept from the previous run while its view is the same. */
export function projectFiles(
  ctx: TargetContext,
  options: ScalaOptions & { artifactId: string; version: string },
  units: UnitRenderer,
): OutputFile[] {
  const header = ctx.header;
  const title = [ctx.ir.spec.title, ctx.ir.spec.version].filter(Boolean).join(" ") || "the API";
  const pom: PomView = {
    header: header.map(xml).map((l) => l.replace(/--/g, "- -")),
    groupId: options.package,
    artifactId: options.artifactId,
    version: options.version,
    name: xml(`${ctx.ir.spec.title ?? "API"} models`),
    description: xml(`Models for ${title} with circe codecs, generated by openapi-modelgen.`),
    scalaVersion: SCALA_VERSION,
    circeVersion: CIRCE_VERSION,
    pluginVersion: SCALA_MAVEN_PLUGIN_VERSION,
    compilerArgs: COMPILER_ARGS,
    jvmArgs: COMPILER_JVM_ARGS,
  };
  const common: PackageFileView = { header, package: options.package };
  const support: SupportView = {
    ...common,
    presenceDoc: PRESENCE_DOCS[ctx.presence],
    enumDoc: enumDoc(options),
    unionDoc: unionDoc(options),
    lenient: ctx.presence === "strict" ? "false" : "true",
    ...supportCodecs(mappingsOf(ctx.options, ctx.mapped)),
  };
  const dir = sourceDir(options.package);
  const { templates } = ctx;
  return [
    templateFile(units, templates, { path: "pom.xml", template: "pom", view: pom }),
    templateFile(units, templates, { path: ".gitignore", template: "gitignore", view: { header } satisfies GitignoreView }),
    templateFile(units, templates, { path: `${dir}/JsonSupport.scala`, template: "support", view: support }),
    templateFile(units, templates, { path: `${dir}/Nullable.scala`, template: "nullable", view: common }),
  ];
}
