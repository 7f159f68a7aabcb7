// The view of one model file: header, `use` lines and the model's item, every type string and
// attribute already computed. Templates only lay these out.
import type { NameTable } from "../../naming/assign.js";
import { defaultText, type ModelIndex } from "../../ir/query.js";
import type { AliasModel, Model, ObjectModel } from "../../ir/types.js";
import type { PresencePolicy } from "../target.js";
import { NameScope } from "../../naming/scope.js";
import { docComment } from "./docs.js";
import { aliasLines, fieldLines, itemOpen, serdeAttr, useList } from "./layout.js";
import { stringEnumView, valueEnumView, type StringEnumView, type ValueEnumView } from "./enums.js";
import type { LiteralTable } from "./literals.js";
import type { RecursionInfo } from "./recursion.js";
import type { Mappings } from "../mappings.js";
import { coreType, fieldShape, newUses, type RustTypeContext, type Uses } from "./types.js";
import { isTagged, taggedUnionView, untaggedUnionView, type TaggedUnionView, type UntaggedUnionView } from "./unions.js";

/** One field of a struct: its doc comment, serde attribute and declaration. */
export interface FieldView {
  /** The field's `///` doc comment lines, unindented (the template indents them). */
  docs: string[];
  /** The `#[serde(...)]` attribute's lines, indented (none when serde's defaults fit). */
  attrs: string[];
  /** `pub name: Type,` (one line, or two when too wide), indented. */
  lines: string[];
}

/** `pub struct`: an object schema. */
export interface StructView {
  /** The `///` doc comment's lines. */
  docs: string[];
  /** The struct's identifier. */
  name: string;
  /** The traits in `#[derive(...)]`, in order. */
  derives: string[];
  /** `pub struct Name {` laid out */
  head: string[];
  /** The fields, in the schema's order; the extra keys' map last when `additionalProperties` is set. */
  fields: FieldView[];
}

/** `pub type Name = T;`: a schema that names another type. */
export interface AliasView {
  /** The `///` doc comment's lines. */
  docs: string[];
  /** The alias's identifier. */
  name: string;
  /** The aliased type. */
  type: string;
  /** `pub type Name = Type;` laid out */
  lines: string[];
}

/** An alias on a cycle of aliases, written as a one-field tuple struct. */
export interface NewtypeView extends AliasView {
  /** The traits in `#[derive(...)]`, in order. */
  derives: string[];
}

/** Exactly one item is set; the others are null (templates run in strict mode: every key exists). */
export interface ModelFileView {
  /** The generated-file header, as `//` comment lines. */
  header: string[];
  /** The `use` lines as rustfmt orders them (a blank line between other crates' and the crate's own). */
  uses: string[];
  /** An object schema: `pub struct` (partial `struct`). */
  struct: StructView | null;
  /** An enum of strings (partial `string_enum`). */
  stringEnum: StringEnumView | null;
  /** An enum of numbers, booleans or mixed values (partial `value_enum`). */
  valueEnum: ValueEnumView | null;
  /** A union told apart by a tag property (partial `tagged_union`). */
  taggedUnion: TaggedUnionView | null;
  /** A union without a usable tag, decoded by trying each variant (partial `untagged_union`). */
  untaggedUnion: UntaggedUnionView | null;
  /** Any other schema: `pub type Name = T;` (partial `alias`). */
  alias: AliasView | null;
  /** An alias on a cycle of aliases, written as `pub struct Name(pub T);` (partial `newtype`). */
  newtype: NewtypeView | null;
}

export interface ViewContext {
  models: ModelIndex;
  names: NameTable;
  literals: LiteralTable;
  recursion: RecursionInfo;
  presence: PresencePolicy;
  openEnums: boolean;
  openUnions: boolean;
  header: string[];
  mappings?: Mappings;
}

export function modelFileView(m: Model, vc: ViewContext): { view: ModelFileView; uses: Uses } {
  const uses = newUses();
  const ctx: RustTypeContext = {
    models: vc.models,
    names: vc.names,
    literals: vc.literals,
    recursion: vc.recursion,
    owner: m.id,
    uses,
    ...(vc.mappings ? { mappings: vc.mappings } : {}),
  };
  const view: ModelFileView = {
    header: vc.header.map((l) => `// ${l}`),
    uses: [],
    struct: null,
    stringEnum: null,
    valueEnum: null,
    taggedUnion: null,
    untaggedUnion: null,
    alias: null,
    newtype: null,
  };
  switch (m.kind) {
    case "object":
      view.struct = structView(m, ctx, vc.presence);
      break;
    case "enum":
      if (m.valueType === "string") view.stringEnum = stringEnumView(m, vc.names, vc.openEnums);
      else view.valueEnum = valueEnumView(m, vc.names, vc.openEnums);
      break;
    case "union":
      if (isTagged(m)) view.taggedUnion = taggedUnionView(m, ctx, vc.openEnums, vc.openUnions);
      else view.untaggedUnion = untaggedUnionView(m, ctx, vc.openEnums);
      break;
    case "alias":
      if (vc.recursion.newtypeAliases.has(m.id)) {
        const alias = aliasView(m, ctx);
        const note = "/// A struct, not a type alias: the type refers to itself through aliases only.";
        view.newtype = {
          ...alias,
          docs: alias.docs.length ? [...alias.docs, "///", note] : [note],
          derives: ["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
        };
      } else view.alias = aliasView(m, ctx);
      break;
  }
  view.uses = useLines(uses, m.kind !== "alias" || vc.recursion.newtypeAliases.has(m.id));
  return { view, uses };
}

function structView(m: ObjectModel, ctx: RustTypeContext, presence: PresencePolicy): StructView {
  const fields: FieldView[] = m.fields.map((f) => {
    const name = ctx.names.field(m.id, f.name);
    const shape = fieldShape(f, name, ctx, presence);
    return {
      docs: docComment(f.docs, {
        type: f.type,
        ...(f.default !== undefined ? { default: defaultText(f) } : {}),
        ...(f.parameter ? { parameter: f.parameter } : {}),
      }),
      attrs: serdeAttr("    ", shape.serde),
      lines: fieldLines("    ", name, shape.type),
    };
  });
  if (m.additionalProperties) {
    // Extra keys: a map flattened beside the declared fields, named clear of them.
    const scope = new NameScope(new Set());
    for (const f of m.fields) scope.claim(ctx.names.field(m.id, f.name));
    const name = scope.claim("additional_properties");
    fields.push({
      docs: ["/// Keys beyond the declared fields (`additionalProperties`)."],
      attrs: serdeAttr("    ", ["flatten"]),
      lines: fieldLines("    ", name, coreType({ kind: "map", values: m.additionalProperties }, ctx)),
    });
  }
  const name = ctx.names.type(m.id);
  return {
    docs: docComment(m.docs, m.default !== undefined ? { default: defaultText(m) } : {}),
    name,
    derives: ["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
    head: itemOpen("pub struct", name),
    fields,
  };
}

function aliasView(m: AliasModel, ctx: RustTypeContext): AliasView {
  // The alias names the type itself; its nullability goes on each use (`Option<Metadata>`).
  const name = ctx.names.type(m.id);
  const type = coreType(m.type, ctx);
  return {
    docs: docComment(m.docs, { type: m.type, ...(m.default !== undefined ? { default: defaultText(m) } : {}) }),
    name,
    type,
    lines: aliasLines(name, type),
  };
}

/** `use` lines as rustfmt orders them: other crates, then (after a blank line) the crate's own items. */
function useLines(uses: Uses, serde: boolean): string[] {
  const outside: string[] = [];
  if (serde) outside.push("use serde::{Deserialize, Serialize};");
  if (uses.btreeMap) outside.push("use std::collections::BTreeMap;");
  const own: string[] = [];
  if (uses.literals) own.push("use crate::literals;");
  // Tagged unions call `serde_support::variant` in every arm (see unions.ts).
  if (uses.support.has("variant")) own.push("use crate::serde_support;");
  const models = [...uses.models].sort();
  if (models.length) own.push(...useList("crate", models));
  return outside.length && own.length ? [...outside, "", ...own] : [...outside, ...own];
}
