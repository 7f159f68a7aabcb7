// A union model as a sealed trait. Inline variants hoisted into the union (objects, enums, unions)
// extend it directly; other variants get a wrapper case class in the companion (zio-openai style),
// and a constant variant is a case object. Tagged unions dispatch on the tag; untagged ones try
// their variants in order, listed enum values first so `Unknown(...)` never steals another variant's value.
import { unalias } from "../../ir/query.js";
import type { Model, UnionModel, UnionVariant } from "../../ir/types.js";
import { NameScope } from "../../naming/scope.js";
import { SCALA_RESERVED_TYPE_NAMES } from "./reserved.js";
import { literalCodec, nestedCodec, type CodecContext } from "./codecs.js";
import { docBlock, modelDoc } from "./docs.js";
import { scalaString } from "./naming.js";
import type { FileScope } from "./scope.js";
import { literalValue, modelRef, valueType } from "./types.js";
import { tagArms } from "../common/tag-arms.js";

/** A sealed trait of variants and its codec (dispatch on the tag, or trying each variant). */
export interface UnionView {
  /** The cases declared in the companion for variants that are not declared there themselves. */
  wrappers: {
    /** The case's scaladoc lines, indented. */
    doc: string[];
    /** The case's name. */
    name: string;
    /** The wrapped value's type ("" for a case object). */
    valueType: string;
    /** A literal variant (one constant): a `case object`, not a case class around a value. */
    isCaseObject: boolean;
  }[];
  /** An open tagged union's case for objects with a tag the spec does not list (`Unknown(json: Json)`), else null. */
  unknown: {
    /** The case's scaladoc lines, indented. */
    doc: string[];
    /** The case's name. */
    name: string;
  } | null;
  /** Body of `Decoder.instance { c => ... }`, one entry per line. */
  decoderLines: string[];
  /** The encoder's `case pattern => expression` lines, one per variant. */
  encodeCases: {
    /** The pattern matching the variant. */
    pattern: string;
    /** The expression writing it. */
    expr: string;
  }[];
}

type Shape =
  | { kind: "direct"; child: Model }
  | { kind: "caseObject"; name: string }
  | { kind: "wrapper"; name: string };

/** A variant declared inside the union itself: it can extend the sealed trait instead of being wrapped. */
export function directChild(u: UnionModel, v: UnionVariant, models: FileScope["models"]): Model | undefined {
  if (v.type.kind !== "ref" || v.type.nullable) return undefined;
  const m = models.get(v.type.target);
  if (!m || m.parent !== u.id || m.nullable) return undefined;
  return m.kind === "object" || m.kind === "enum" || m.kind === "union" ? m : undefined;
}

/** The case of an open tagged union that keeps an object with an unlisted tag. */
const UNKNOWN_CASE = "Unknown";

/** Does the union keep objects whose tag it does not list (`Unknown(json)`)? Only tagged unions can tell. */
function keepsUnknownTags(u: UnionModel, scope: FileScope): boolean {
  return scope.options.unknownUnionTags === "keep" && !!u.discriminator && u.variants.some((v) => v.tags?.length);
}

/**
 * Variant names. Wrappers sit in the companion beside the union's hoisted models, so those names
 * are claimed first and a wrapper that would repeat one gets the next free suffix. The unknown-tag
 * case claims last: `Unknown`, unless a variant already took it (then `Unknown2`).
 */
function variantShapes(u: UnionModel, scope: FileScope): { shapes: Shape[]; unknownName: string | undefined } {
  const names = new NameScope(SCALA_RESERVED_TYPE_NAMES, true);
  for (const child of scope.children.get(u.id) ?? []) names.claim(scope.names.type(child.id));
  const directSeen = new Set<string>();
  const shapes = u.variants.map((v, i): Shape => {
    const child = directChild(u, v, scope.models);
    if (child && !directSeen.has(child.id)) {
      directSeen.add(child.id);
      return { kind: "direct", child };
    }
    const name = names.claim(scope.names.variant(u.id, i));
    return v.type.kind === "literal" && !v.type.nullable ? { kind: "caseObject", name } : { kind: "wrapper", name };
  });
  return { shapes, unknownName: keepsUnknownTags(u, scope) ? names.claim(UNKNOWN_CASE) : undefined };
}

/** The names a union's companion declares that could hide a top-level model. */
export function unionShadows(u: UnionModel, scope: FileScope): string[] {
  const { shapes, unknownName } = variantShapes(u, scope);
  return [...shapes.flatMap((s) => (s.kind === "direct" ? [] : [s.name])), ...(unknownName ? [unknownName] : [])];
}

/** The enum a variant reads (through aliases), whose listed-values-only decoder goes first. */
function enumOf(v: UnionVariant, scope: FileScope): string | undefined {
  const t = unalias(v.type, scope.models);
  if (t.kind !== "ref" || t.nullable) return undefined;
  return scope.models.get(t.target)?.kind === "enum" ? t.target : undefined;
}

/** Does the variant's object carry the tag itself? If not, the encoder adds it. */
function carriesTag(v: UnionVariant, property: string, scope: FileScope): boolean {
  const t = unalias(v.type, scope.models);
  const m = t.kind === "ref" ? scope.models.get(t.target) : undefined;
  return m?.kind !== "object" || m.fields.some((f) => f.name === property);
}

/** A variant's type as prose shows it: without the `_root_` prefix that code may need. */
function plainType(t: UnionVariant["type"], scope: FileScope): string {
  return valueType(t, { models: scope.models, names: scope.names, root: "", shadowed: new Set(), use: () => {} });
}

export function unionView(
  u: UnionModel,
  indent: string,
  self: string,
  scope: FileScope,
  ctx: CodecContext,
): { doc: string[]; view: UnionView } {
  const { shapes, unknownName } = variantShapes(u, scope);
  const view: UnionView = { wrappers: [], unknown: null, decoderLines: [], encodeCases: [] };
  const label = scalaString(scope.names.path(u.id).join("."));
  const lenient = scope.options.unknownEnumValues === "keep";
  const property = u.discriminator?.property;
  const tagged: { tags: string[]; decode: (cursor: string) => string }[] = [];
  const first: string[] = [];
  const fallback: string[] = [];
  const variantLines: string[] = [];

  u.variants.forEach((v, i) => {
    const shape = shapes[i]!;
    const enumId = enumOf(v, scope);
    let decode: (cursor: string, known: boolean) => string;
    let encode: { pattern: string; expr: string };
    if (shape.kind === "direct") {
      const ref = modelRef(shape.child.id, ctx);
      decode = (cursor, known) => `${ref}.${known && enumId ? "knownDecoder" : "codec"}.tryDecode(${cursor})`;
      encode = { pattern: `v: ${ref}`, expr: `${ref}.codec(v)` };
      variantLines.push(`\`${scope.names.path(shape.child.id).join(".")}\``);
    } else if (shape.kind === "caseObject" && v.type.kind === "literal") {
      const codec = literalCodec(v.type);
      const literal = literalValue(v.type.value, v.type.exact);
      decode = (cursor) => `${codec}.tryDecode(${cursor}).map(_ => ${shape.name})`;
      encode = { pattern: shape.name, expr: `${codec}(${literal})` };
      view.wrappers.push({
        doc: docBlock(`${indent}  `, [`The constant \`${literal.replace(/`/g, "'")}\`.`]),
        name: shape.name,
        valueType: "",
        isCaseObject: true,
      });
      variantLines.push(`\`${literal.replace(/`/g, "'")}\``);
    } else {
      const type = valueType(v.type, ctx);
      const codec = nestedCodec(v.type, ctx);
      // A listed-values-only first pass for enum variants, so `Unknown` never takes another variant's value.
      const known = enumId ? `${modelRef(enumId, ctx)}.knownDecoder` : undefined;
      decode = (cursor, first) => `${first && known ? known : codec}.tryDecode(${cursor}).map(${shape.name}(_))`;
      encode = { pattern: `${shape.name}(v)`, expr: `${codec}(v)` };
      const shown = plainType(v.type, scope);
      view.wrappers.push({
        doc: docBlock(`${indent}  `, [`A \`${shown}\` variant.`]),
        name: shape.name,
        valueType: type,
        isCaseObject: false,
      });
      variantLines.push(shown === shape.name ? `\`${shown}\`` : `\`${shown}\` (as \`${shape.name}\`)`);
    }
    if (property && v.tags?.length) {
      tagged.push({ tags: v.tags, decode: (cursor) => decode(cursor, false) });
      if (!carriesTag(v, property, scope))
        encode.expr = `JsonSupport.withTag(${encode.expr}, ${scalaString(property)}, ${scalaString(v.tags[0]!)})`;
    } else {
      first.push(`h => ${decode("h", true)},`);
      if (lenient && enumId) fallback.push(`h => ${decode("h", false)},`);
    }
    view.encodeCases.push(encode);
  });

  if (property && unknownName) {
    // An object whose tag no variant lists, kept whole and written back as it came.
    scope.imports.add("Json");
    const doc = `An object whose \`${property}\` the spec does not list, kept as received and written back unchanged.`;
    view.unknown = { doc: docBlock(`${indent}  `, [doc]), name: unknownName };
    view.encodeCases.push({ pattern: `${unknownName}(json)`, expr: "json" });
    // With untagged variants beside the tagged ones, an unlisted tag still tries them first.
    if (first.length) fallback.push(`h => JsonSupport.unlistedTag(h, ${scalaString(property)}).map(${unknownName}(_)),`);
  }

  const tryInOrder = (): string[] => [
    `JsonSupport.firstOf[${self}](c, ${label},`,
    "  List(",
    ...first.map((l) => `    ${l}`),
    "  ),",
    ...(fallback.length ? ["  List(", ...fallback.map((l) => `    ${l}`), "  ),"] : ["  Nil,"]),
    ")",
  ];
  if (property && tagged.length) {
    const allTags = [...new Set(tagged.flatMap((t) => t.tags))];
    const unlisted = unknownName
      ? [`  case Right(_) => Right(${unknownName}(c.value))`, "  case Left(failure) => Left(failure)"]
      : [
          `  case other => JsonSupport.unknownTag(c, ${label}, ${scalaString(property)}` +
            `, other, List(${allTags.map(scalaString).join(", ")}))`,
        ];
    view.decoderLines = [
      `JsonSupport.tag(c, ${scalaString(property)}) match {`,
      ...tagArms(tagged.map((t) => t.tags)).map(({ tags, variants: indexes }) => {
        const variants = indexes.map((i) => tagged[i]!);
        const pattern = tags.map((tag) => `Right(${scalaString(tag)})`).join(" | ");
        if (variants.length === 1) return `  case ${pattern} => ${variants[0]!.decode("c")}`;
        // Several variants share the tag (told apart by other fields): the first that decodes wins.
        return `  case ${pattern} => JsonSupport.firstOf[${self}](c, ${label}` +
          `, List(${variants.map((v) => `h => ${v.decode("h")}`).join(", ")}), Nil)`;
      }),
      ...(first.length ? ["  case _ =>", ...tryInOrder().map((l) => `    ${l}`)] : unlisted),
      "}",
    ];
  } else {
    view.decoderLines = tryInOrder();
  }

  const unlistedTagNote = unknownName
    ? ` An object with a tag the spec does not list decodes as \`${unknownName}(json)\` and is written back unchanged.`
    : " A tag the spec does not list is rejected.";
  const how = property
    ? `Tagged by \`${property}\`: the tag picks the variant.${tagged.length ? unlistedTagNote : ""}`
    : "Untagged: variants are tried in order and the first that decodes wins (listed enum values before unknown ones).";
  const doc = modelDoc(u, [`One of: ${variantLines.join(", ")}.`, how]);
  return { doc: docBlock(indent, doc), view };
}
