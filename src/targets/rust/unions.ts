// Union views.
//
// Tagged unions (a discriminator declared or inferred) dispatch on the tag. They are not
// `#[serde(tag = "...")]` enums: serde removes the tag before the variant sees the object, but
// our variant structs keep their tag field (it is a checked literal, and the structs are used on
// their own too), so decoding would fail with "missing field `type`" and encoding would write the
// tag twice. Instead Deserialize reads the object, looks at the tag and hands the whole object to
// the variant it names (one tag or several: `"eq" | "ne" => ...`); Serialize is derived
// `untagged`, as each variant writes its own tag. An unknown tag is kept in
// `Unknown(serde_json::Value)` (open, the default) or rejected naming the expected tags.
//
// Untagged unions are `#[serde(untagged)]` with the variants in an order that decodes without
// ambiguity (see ../common/untagged-order.ts).
import type { UnionModel } from "../../ir/types.js";
import { docComment } from "./docs.js";
import { armLines, armPatternLines, chainLines, implOpen, itemOpen, rejectTagLines, tupleVariantLines } from "./layout.js";
import { NameScope } from "../../naming/scope.js";
import { UNKNOWN_VARIANT } from "./reserved.js";
import { rustString } from "./syntax.js";
import { coreType, rustType, type RustTypeContext } from "./types.js";
import { decodeOrder, type DecodeRules } from "../common/untagged-order.js";
import { tagArms } from "../common/tag-arms.js";

/** One variant of a union: `Name(Type),`. */
export interface UnionVariantView {
  /** The variant's identifier. */
  name: string;
  /** `Name(Type),` laid out, indented. */
  lines: string[];
}

/** `pub enum` of tuple variants told apart by a tag property; Deserialize written by hand (dispatch on the tag). */
export interface TaggedUnionView {
  /** The `///` doc comment's lines, ending with a note on how the tag is read. */
  docs: string[];
  /** The enum's identifier. */
  name: string;
  /** The traits in `#[derive(...)]`, in order (Deserialize is written by hand, below the enum). */
  derives: string[];
  /** `pub enum Name {` laid out as rustfmt does (the brace on its own line when too wide). */
  head: string[];
  /** `impl<'de> Deserialize<'de> for Name {` laid out. */
  deserializeHead: string[];
  /** The tag property, as a Rust string literal. */
  property: string;
  /** One tuple variant per schema of the union. */
  variants: UnionVariantView[];
  /** The `match` arms of Deserialize, one per tag (or group of tags sharing variants). */
  arms: DispatchArm[];
  /** An object with an unlisted tag is kept as `Unknown(serde_json::Value)` (option `openUnions`). */
  open: boolean;
  /** The identifier of the variant keeping an unlisted tag's object. */
  unknownName: string;
  /** That variant's `///` doc comment lines. */
  unknownDocs: string[];
  /** The closed union's last arm, rejecting an unknown tag with the expected ones. */
  rejectLines: string[];
}

/**
 * One `match` arm of a tagged union's Deserialize: the tags (`"eq" | "ne"`) and the variants to
 * try, in order. Usually one; several when variants share a tag (OpenAI's `"message"` items
 * are three schemas), then the most specific is tried first and the last one's error is kept.
 */
export interface DispatchArm {
  /** Lines of the arm, as rustfmt lays them out, for the common one-variant arm. */
  lines: string[];
  /** For an arm with attempts: the pattern's lines, the last ending in ` => {`. */
  openLines: string[];
  /** Variants before the last, each tried on a copy of the object. */
  attempts: string[];
  /** For an arm with attempts: the variant tried last. */
  last: string;
  /** For an arm with attempts: the block's last expression, decoding the last variant, laid out. */
  lastLines: string[];
}

/** `pub enum` of tuple variants decoded by `#[serde(untagged)]`, most specific first. */
export interface UntaggedUnionView {
  /** The `///` doc comment's lines. */
  docs: string[];
  /** The enum's identifier. */
  name: string;
  /** The traits in `#[derive(...)]`, in order. */
  derives: string[];
  /** `pub enum Name {` laid out as rustfmt does. */
  head: string[];
  /** One tuple variant per schema, in the order serde tries them (most specific first). */
  variants: UnionVariantView[];
}

export function isTagged(m: UnionModel): boolean {
  return m.discriminator !== undefined && m.variants.every((v) => v.tags?.length);
}

export function taggedUnionView(m: UnionModel, ctx: RustTypeContext, openEnums: boolean, openUnions: boolean): TaggedUnionView {
  const property = m.discriminator!.property;
  ctx.uses.support.add("tag");
  ctx.uses.support.add("variant");
  const variants = m.variants.map((v, i) => {
    const name = ctx.names.variant(m.id, i);
    // Variants are objects: never null, so no `Option`.
    return { name, lines: tupleVariantLines("    ", name, coreType(v.type, ctx)) };
  });
  const tags = [...new Set(m.variants.flatMap((v) => v.tags!))];
  // The fallback takes `Unknown` unless a tag already named a variant so (then `Unknown2`).
  const scope = new NameScope(new Set(), true);
  for (const v of variants) scope.claim(v.name);
  const note = `/// Decoded by its \`${property}\` tag; each variant writes its own tag when encoded.`;
  const docs = docComment(m.docs);
  const name = ctx.names.type(m.id);
  return {
    docs: docs.length ? [...docs, "///", note] : [note],
    name,
    derives: ["Debug", "Clone", "PartialEq", "Serialize"],
    head: itemOpen("pub enum", name),
    deserializeHead: implOpen("impl<'de> Deserialize<'de>", name),
    property: rustString(property),
    variants,
    arms: dispatchArms(m, ctx, variants.map((v) => v.name), openEnums),
    open: openUnions,
    unknownName: scope.claim(UNKNOWN_VARIANT),
    unknownDocs: [`/// An object whose \`${property}\` this version of the spec does not list, kept as it came.`],
    rejectLines: rejectTagLines(" ".repeat(12), tags.map(rustString)),
  };
}

export function untaggedUnionView(m: UnionModel, ctx: RustTypeContext, openEnums: boolean): UntaggedUnionView {
  const name = ctx.names.type(m.id);
  return {
    docs: docComment(m.docs),
    name,
    derives: ["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
    head: itemOpen("pub enum", name),
    variants: decodeOrder(variantTypes(m), ctx.models, rustDecodeRules(openEnums)).map((i) => {
      const name = ctx.names.variant(m.id, i);
      return { name, lines: tupleVariantLines("    ", name, rustType(m.variants[i]!.type, ctx)) };
    }),
  };
}

/** serde reads `Vec<u8>` (format: binary) from an array of integers. */
const rustDecodeRules = (openEnums: boolean): DecodeRules => ({ openEnums, bytesAreArrays: true });

const variantTypes = (m: UnionModel) => m.variants.map((v) => v.type);

/** Arms in the order of each tag's first appearance; tags with the same variants share an arm. */
export function dispatchArms(m: UnionModel, ctx: RustTypeContext, names: string[], openEnums: boolean): DispatchArm[] {
  return tagArms(m.variants.map((v) => v.tags!)).map(({ tags, variants }) => {
    const types = variants.map((i) => m.variants[i]!.type);
    const ranked = decodeOrder(types, ctx.models, rustDecodeRules(openEnums)).map((j) => names[variants[j]!]!);
    const indent = " ".repeat(12);
    const alternatives = tags.map(rustString);
    const openLines = armPatternLines(indent, alternatives);
    openLines[openLines.length - 1] += " => {";
    const last = ranked[ranked.length - 1]!;
    // The variant that decides is decoded by `serde_support::variant`, which keeps the path inside
    // it. The module is imported, so the call is as wide as the `serde_json::from_value(value)` it
    // replaced and every arm keeps the layout rustfmt gives it.
    const head = "serde_support::variant(value)";
    const call = `.map(Self::${last})`;
    return {
      lines: armLines(indent, alternatives, head, call),
      openLines,
      attempts: ranked.slice(0, -1),
      last,
      lastLines: chainLines(`${indent}    `, head, call),
    };
  });
}
