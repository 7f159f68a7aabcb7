// View models for the Scala templates: one file per top-level model, hoisted models declared in
// their parent's companion object (`Run.LastError`), every type and codec expression prepared here.
import { codecTypeOf, objectCodecTypeOf } from "./syntax.js";
import type { Model, TypeExpr } from "../../ir/types.js";
import { codecOf } from "./codecs.js";
import { enumView, type EnumView } from "./enums.js";
import { docBlock, modelDoc } from "./docs.js";
import { objectView, type ObjectView } from "./objects.js";
import { importLines } from "./imports.js";
import { codecContext, type FileScope } from "./scope.js";
import { coreType, modelRef } from "./types.js";
import { aliasRightHandSide, isRecursiveAlias } from "./recursive-aliases.js";
import { directChild, unionShadows, unionView, type UnionView } from "./unions.js";

/** Why a recursive alias is a case class, in its scaladoc. */
const RECURSIVE_ALIAS_NOTE =
  "Recursive, so a case class around the value (a Scala type alias cannot refer to itself); its JSON is the value alone, with no wrapper.";

/** One model's declaration and its companion object (hoisted models nested in it as `children`). */
export interface DeclarationView {
  /** Spaces before each line: two per level of nesting in a companion object. */
  indent: string;
  /** The scaladoc block's lines, indented (`@param` lines for a case class's fields). */
  doc: string[];
  /**
   * Annotations written above a case class or sealed trait, one per line (none built in): the
   * place for an override's own, e.g. `@SerialVersionUID(1L)` (not written for type aliases).
   */
  annotations: string[];
  /** The type's identifier. */
  name: string;
  /** The model's type as written inside its own companion. */
  self: string;
  /** ` extends Parent` for a variant declared inside its union, else "". */
  extendsClause: string;
  /** An object schema: `final case class` (partial `caseclass`, view in `object`). */
  isObject: boolean;
  /** An enum: a sealed trait of case objects (partial `enumeration`, view in `enumeration`). */
  isEnum: boolean;
  /** A union: a sealed trait of variants (partial `union`, view in `union`). */
  isUnion: boolean;
  /** Any other schema: `type Name = ...` (partial `alias`). */
  isAlias: boolean;
  /** The case class's parameters and codec, for an object; else null. */
  object: ObjectView | null;
  /** The cases and codec, for an enum; else null. */
  enumeration: EnumView | null;
  /** The variants and codec, for a union; else null. */
  union: UnionView | null;
  /** The right-hand side of `type Name = ...` for an alias; the wrapped value's type for a recursive one. */
  aliasType: string;
  /** A recursive alias, written as `final case class Name(value: ...)` (see recursive-aliases.ts). */
  isRecursiveAlias: boolean;
  /** For a recursive alias: the codec of the wrapped value. */
  aliasValueCodec: string;
  /** For a recursive alias: the type of that codec (`Codec[List[Tree]]`). */
  aliasValueCodecType: string;
  /** The type of the companion's `given codec` (`Codec[Color]`; `Codec.AsObject[Run]` for a case class); "" for a plain alias. */
  codecType: string;
  /** Hoisted models, declared in the companion. */
  children: DeclarationView[];
}

/** One Scala file per top-level model. */
export interface FileView {
  /** The generated-file header's lines, without the `// ` the template adds. */
  header: string[];
  /** The package every model is declared in. */
  package: string;
  /** `import` lines, one per package. */
  imports: string[];
  /** The file's top-level model (its hoisted models are its `children`). */
  declaration: DeclarationView;
}

export function fileView(top: Model, scope: FileScope, header: string[]): FileView {
  const declaration = declarationView(top, "", new Set(), scope);
  return { header, package: scope.options.package, imports: importLines(scope.imports), declaration };
}

function declarationView(m: Model, indent: string, shadowed: ReadonlySet<string>, scope: FileScope): DeclarationView {
  const ctx = codecContext(scope, shadowed);
  const parent = m.parent ? scope.models.get(m.parent) : undefined;
  const isVariant = parent?.kind === "union" && parent.variants.some((v) => directChild(parent, v, scope.models)?.id === m.id);
  const view: DeclarationView = {
    indent,
    doc: [],
    annotations: [],
    name: scope.names.type(m.id),
    self: modelRef(m.id, ctx),
    // Sealed traits extend Product with Serializable (as zio-openai's do), so a list of variants
    // infers the trait and `productPrefix` works on every value; a variant extends its union.
    extendsClause:
      isVariant && parent
        ? ` extends ${modelRef(parent.id, ctx)}`
        : m.kind === "enum" || m.kind === "union"
          ? " extends Product with Serializable"
          : "",
    isObject: m.kind === "object",
    isEnum: m.kind === "enum",
    isUnion: m.kind === "union",
    isAlias: m.kind === "alias",
    object: null,
    enumeration: null,
    union: null,
    aliasType: "",
    isRecursiveAlias: false,
    aliasValueCodec: "",
    aliasValueCodecType: "",
    codecType: "",
    children: [],
  };
  let inner = shadowed;
  switch (m.kind) {
    case "object": {
      scope.imports.add("Codec").add("Decoder").add("Encoder");
      const { doc, view: object, shadows } = objectView(m, indent, scope, ctx);
      Object.assign(view, { doc, object });
      // A wide object's parts are declared in its companion, beside its hoisted models.
      if (shadows.length) inner = new Set([...shadowed, ...shadows]);
      break;
    }
    case "enum": {
      scope.imports.add("Codec").add("Decoder").add("Encoder");
      // Case objects are terms in the companion: one named like a model's first name would hide it.
      const members = new Set([...shadowed, ...m.members.map((x) => scope.names.member(m.id, x.value)), "Unknown"]);
      view.self = modelRef(m.id, codecContext(scope, members));
      const { doc, view: enumeration } = enumView(m, indent, view.self, scope);
      Object.assign(view, { doc, enumeration });
      break;
    }
    case "union": {
      scope.imports.add("Codec").add("Decoder").add("Encoder");
      inner = new Set([...shadowed, ...unionShadows(m, scope)]);
      const innerCtx = codecContext(scope, inner);
      view.self = modelRef(m.id, innerCtx);
      const { doc, view: union } = unionView(m, indent, view.self, scope, innerCtx);
      Object.assign(view, { doc, union });
      break;
    }
    case "alias": {
      const value: TypeExpr = { ...aliasRightHandSide(m.id, scope.models), nullable: false };
      view.aliasType = coreType(value, ctx);
      if (isRecursiveAlias(m.id, scope.models)) {
        scope.imports.add("Codec").add("Decoder").add("Encoder");
        view.isRecursiveAlias = true;
        view.aliasValueCodec = codecOf(value, ctx);
        view.aliasValueCodecType = codecTypeOf(view.aliasType);
        view.doc = docBlock(indent, modelDoc(m, [RECURSIVE_ALIAS_NOTE]));
      } else {
        view.doc = docBlock(indent, modelDoc(m));
      }
      break;
    }
  }
  // After the cases above: an enum's or union's own name may be qualified inside its companion.
  if (m.kind === "object") view.codecType = objectCodecTypeOf(view.self);
  else if (m.kind !== "alias" || view.isRecursiveAlias) view.codecType = codecTypeOf(view.self);
  view.children = (scope.children.get(m.id) ?? []).map((c) => declarationView(c, `${indent}  `, inner, scope));
  return view;
}
