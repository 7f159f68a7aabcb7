// View models for the TypeScript templates: one file per top-level model, its hoisted models in
// a namespace of the same name (openai-node style), every line already laid out.
import type { NameTable } from "../../naming/assign.js";
import { acceptsNull, unalias, type ModelIndex } from "../../ir/query.js";
import type { Model, ObjectModel, TypeExpr } from "../../ir/types.js";
import { isBinary } from "./uploads.js";
import { propertyKey } from "./naming.js";
import { isInlineEnum, unionParts, literal, type TsTypeContext } from "./types.js";
import { docLines, indexSignatureLines, propertyLines, typeAliasLines, type LayoutState } from "./layout.js";
import { docText } from "./docs.js";

export interface DeclarationView {
  indent: string;
  doc: string[];
  /** `export interface Name {` ... `}` */
  isInterface: boolean;
  /** `export type Name = ...;` lines */
  aliasLines: string[];
  name: string;
  /** Each member's lines (doc comment and property), blank line between members. */
  members: { lines: string[] }[];
  /** Hoisted models, declared in `export namespace Name { ... }`. */
  children: DeclarationView[];
}

export interface FileView {
  /** Some line's breaking is left to Prettier (see layout.ts). */
  needsPrettier: boolean;
  header: string[];
  imports: { name: string; from: string }[];
  declarations: DeclarationView[];
}

export interface FileContext {
  models: ModelIndex;
  names: NameTable;
  children: ReadonlyMap<string, Model[]>;
  int64: "number" | "bigint";
  header: string[];
  /** Models some operation sends as a multipart body: their binary fields are uploads (uploads.ts). */
  multipartBodies: ReadonlySet<string>;
}

/** The top-level model a model is declared under (itself when it has no parent). */
export function ownerOf(id: string, models: ModelIndex): string {
  let m = models.get(id);
  while (m?.parent) m = models.get(m.parent);
  return m?.id ?? id;
}

export function fileView(top: Model, ctx: FileContext): FileView {
  const referenced = new Set<string>();
  const types: TsTypeContext = {
    models: ctx.models,
    names: ctx.names,
    int64: ctx.int64,
    onRef: (id) => referenced.add(ownerOf(id, ctx.models)),
  };
  const layout: LayoutState = { needsPrettier: false };
  const declaration = declarationView(top, "", ctx, types, layout);
  referenced.delete(top.id);
  const imports = [...referenced]
    .map((id) => ctx.names.type(id))
    .sort()
    .map((name) => ({ name, from: `./${name}.js` }));
  return { needsPrettier: layout.needsPrettier, header: ctx.header, imports, declarations: [declaration] };
}

function declarationView(m: Model, indent: string, ctx: FileContext, types: TsTypeContext, layout: LayoutState): DeclarationView {
  const name = ctx.names.type(m.id);
  const view: DeclarationView = {
    indent,
    doc: docLines(indent, docText(m.docs, m.default !== undefined ? { default: m.default } : {})),
    isInterface: m.kind === "object",
    aliasLines: [],
    name,
    members: [],
    children: (ctx.children.get(m.id) ?? []).filter((c) => !isInlineEnum(c)).map((c) => declarationView(c, indent + "  ", ctx, types, layout)),
  };
  switch (m.kind) {
    case "object":
      if (m.fields.length === 0 && !m.additionalProperties) {
        // A closed object with no properties (`additionalProperties: false`): no key is allowed.
        view.isInterface = false;
        view.aliasLines = typeAliasLines(layout, indent, name, withNull(["Record<string, never>"], m.nullable));
      } else {
        view.members = objectMembers(m, indent + "  ", ctx.multipartBodies.has(m.id) ? { ...types, uploads: true } : types, layout);
      }
      break;
    case "enum":
      view.aliasLines = typeAliasLines(layout, indent, name, withNull(m.members.map((x) => literal(x.value)), m.nullable));
      break;
    case "union":
      view.aliasLines = typeAliasLines(layout, indent, name, withNull(uniq(m.variants.flatMap((v) => unionParts(v.type, types))), m.nullable));
      break;
    case "alias":
      view.aliasLines = typeAliasLines(layout, indent, name, withNull(unionParts(m.type, types), m.nullable));
      break;
  }
  return view;
}

function objectMembers(m: ObjectModel, indent: string, types: TsTypeContext, layout: LayoutState): { lines: string[] }[] {
  const members = m.fields.map((f) => {
    const type = fieldType(f.type, types);
    const doc = docText(f.docs, {
      type,
      ...(f.default !== undefined ? { default: f.default } : {}),
      int64: types.int64,
      parameter: f.parameter,
      upload: types.uploads,
    });
    const parts = unionParts(type, types);
    return { lines: [...docLines(indent, doc), ...propertyLines(layout, indent, propertyKey(f.name), !f.required, parts)] };
  });
  if (m.additionalProperties) {
    // An index signature must admit every declared property's type too.
    const parts = uniq([
      ...unionParts(m.additionalProperties, types),
      ...m.fields.flatMap((f) => unionParts(f.type, types)),
      ...(m.fields.some((f) => !f.required) ? ["undefined"] : []),
    ]);
    members.push({ lines: indexSignatureLines(layout, indent, parts.includes("unknown") ? ["unknown"] : parts) });
  }
  return members;
}

/** A part of a multipart body named as a binary alias (`file: FileBytes`) is an upload all the same. */
function fieldType(t: TypeExpr, types: TsTypeContext): TypeExpr {
  if (!types.uploads || t.kind !== "ref") return t;
  const target = unalias(t, types.models);
  return isBinary(target) ? { ...target, nullable: acceptsNull(t, types.models) } : t;
}

function withNull(parts: string[], nullable: boolean | undefined): string[] {
  return nullable && !parts.includes("null") && !parts.includes("unknown") ? [...parts, "null"] : parts;
}

function uniq(parts: string[]): string[] {
  return [...new Set(parts)];
}
