// View models for the TypeScript templates: one file per top-level model, its hoisted models in
// a namespace of the same name (openai-node style), every line already laid out.
import type { NameTable } from "../../naming/assign.js";
import { defaultText, isInlineEnum, ownerOf, type ModelIndex } from "../../ir/query.js";
import type { Model, ObjectModel, TypeExpr } from "../../ir/types.js";
import { forEachType } from "../../ir/walk.js";
import { uploadFieldType } from "./uploads.js";
import { propertyKey } from "./naming.js";
import { unionParts, wireLiteral, type TsTypeContext } from "./types.js";
import { indexSignatureLines, propertyLines, typeAliasLines, type LayoutState } from "./layout.js";
import { docText } from "./docs.js";
import { schemaSection, type ZodContext } from "./zod/view.js";
import type { Mappings } from "../mappings.js";

/** One model's `export interface` or `export type`, and its hoisted models in `export namespace Name`. */
export interface DeclarationView {
  /** Spaces before each line: two per level of `export namespace` nesting. */
  indent: string;
  /**
   * The doc comment's text, one entry per line, without the comment's markers (partial
   * `doc_comment` writes the opening, the leading stars and the closing); an empty entry is a
   * blank line; none: no comment.
   */
  doc: string[];
  /** `export interface Name {` ... `}` */
  isInterface: boolean;
  /** `export type Name = ...;` lines */
  aliasLines: string[];
  /** The type's identifier. */
  name: string;
  /** The interface's members (properties, then the index signature), a blank line between them. */
  members: MemberView[];
  /** Hoisted models, declared in `export namespace Name { ... }`. */
  children: DeclarationView[];
}

/** One member of an interface: its doc comment and its property (or index signature). */
export interface MemberView {
  /** Spaces before each line: the interface's indent and two more. */
  indent: string;
  /** The doc comment's text, one entry per line, as `DeclarationView.doc`. */
  doc: string[];
  /** The property (`key?: Type;`), laid out as Prettier does, indented. */
  lines: string[];
}

/** One TypeScript file per top-level model (and `operations.ts`). */
export interface FileView {
  /** Some line's breaking is left to Prettier (see layout.ts). */
  needsPrettier: boolean;
  /** The generated-file header's lines, without the `// ` the template adds. */
  header: string[];
  /** The type imports (kept for templates written before `importLines`). */
  imports: {
    /** The imported type's name. */
    name: string;
    /** The module it comes from (`./Name.js`). */
    from: string;
  }[];
  /** Every import line, laid out: the type imports, then the validators' (`z`, schemas, helpers). */
  importLines: string[];
  /** The file's top-level declaration (one; its hoisted models are its `children`). */
  declarations: DeclarationView[];
  /** The validators (`typescript: { validators: zod }`): one declaration each, laid out. */
  schemas: {
    /** The schema's declaration, laid out. */
    lines: string[];
  }[];
}

export interface FileContext {
  models: ModelIndex;
  names: NameTable;
  children: ReadonlyMap<string, Model[]>;
  int64: "number" | "bigint";
  header: string[];
  /** Models some operation sends as a multipart body: their binary fields are uploads (uploads.ts). */
  multipartBodies: ReadonlySet<string>;
  /** Set when validators are on: what the schemas of each file need (zod/view.ts). */
  zod?: ZodContext;
  /** Formats and models the settings map to the user's types. */
  mappings?: Mappings;
}

/** The type context of one file, which records what the file's types refer to, and the imports that makes. */
export function fileTypes(ctx: FileContext): { types: TsTypeContext; imports(self?: string): { name: string; from: string }[] } {
  const referenced = new Set<string>();
  const userImports = new UserImports();
  const types: TsTypeContext = {
    models: ctx.models,
    names: ctx.names,
    int64: ctx.int64,
    onRef: (id) => referenced.add(ownerOf(id, ctx.models)?.id ?? id),
    ...(ctx.mappings ? { mappings: ctx.mappings, onUserImport: (from: string, name: string) => userImports.add(from, name) } : {}),
  };
  // The user's types first, then the file of each model referenced but the file's own (`self`).
  const imports = (self?: string) => [...userImports.list(), ...typeImports([...referenced].filter((id) => id !== self), ctx.names)];
  return { types, imports };
}

export function fileView(top: Model, ctx: FileContext): FileView {
  const file = fileTypes(ctx);
  const layout: LayoutState = { needsPrettier: false };
  const declaration = declarationView(top, "", ctx, file.types, layout);
  const imports = file.imports(top.id);
  const zod = ctx.zod ? schemaSection(top, ctx.zod, layout) : undefined;
  return {
    needsPrettier: layout.needsPrettier,
    header: ctx.header,
    imports,
    importLines: [...imports.map(typeImportLine), ...(zod?.importLines ?? [])],
    declarations: [declaration],
    schemas: zod?.schemas ?? [],
  };
}

/** The user's types a file imports (`map:` and `typescript: { types: ... }`), one line each, by module then name. */
class UserImports {
  private readonly seen = new Map<string, { name: string; from: string }>();
  add(from: string, name: string): void {
    this.seen.set(`${from}\u0000${name}`, { name, from });
  }
  list(): { name: string; from: string }[] {
    return [...this.seen.values()].sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }
}

/** `import type { Name } from "./Name.js";` for each referenced file, by name. */
function typeImports(files: Iterable<string>, names: NameTable): { name: string; from: string }[] {
  return [...files]
    .map((id) => names.type(id))
    .sort()
    .map((name) => ({ name, from: `./${name}.js` }));
}

/** A lone name: Prettier keeps the line whole however long. */
export function typeImportLine(i: { name: string; from: string }): string {
  return `import type { ${i.name} } from "${i.from}";`;
}

function declarationView(m: Model, indent: string, ctx: FileContext, types: TsTypeContext, layout: LayoutState): DeclarationView {
  const name = ctx.names.type(m.id);
  const view: DeclarationView = {
    indent,
    doc: docText(m.docs, {
      ...(m.default !== undefined ? { default: defaultText(m) } : {}),
      ...(m.kind === "enum" ? { members: m.members } : {}),
    }),
    isInterface: m.kind === "object",
    aliasLines: [],
    name,
    members: [],
    children: (ctx.children.get(m.id) ?? [])
      .filter((c) => !isInlineEnum(c))
      .map((c) => declarationView(c, indent + "  ", ctx, types, layout)),
  };
  // A nullable model is declared without null: every use writes `| null` (see types.ts).
  const declaring = { ...types, declaring: m.id };
  switch (m.kind) {
    case "object":
      if (m.fields.length === 0 && !m.additionalProperties) {
        // A closed object with no properties (`additionalProperties: false`): no key is allowed.
        view.isInterface = false;
        view.aliasLines = typeAliasLines(layout, indent, name, ["Record<string, never>"]);
      } else {
        view.members = objectMembers(m, indent + "  ", ctx.multipartBodies.has(m.id) ? { ...types, uploads: true } : types, layout);
      }
      break;
    case "enum":
      view.aliasLines = typeAliasLines(
        layout,
        indent,
        name,
        m.members.map((x) => wireLiteral(x, m.format, types.int64)),
      );
      break;
    case "union":
      view.aliasLines = typeAliasLines(layout, indent, name, uniq(m.variants.flatMap((v) => unionParts(v.type, declaring))));
      break;
    case "alias":
      view.aliasLines = typeAliasLines(layout, indent, name, unionParts(m.type, declaring));
      break;
  }
  return view;
}

function objectMembers(m: ObjectModel, indent: string, types: TsTypeContext, layout: LayoutState): MemberView[] {
  const members = m.fields.map((f) => {
    const type = types.uploads ? uploadFieldType(f.type, types.models) : f.type;
    const doc = docText(f.docs, {
      type,
      ...(f.default !== undefined ? { default: defaultText(f) } : {}),
      int64: types.int64,
      parameter: f.parameter,
      upload: types.uploads,
    });
    const parts = unionParts(type, types);
    return { indent, doc, lines: propertyLines(layout, indent, propertyKey(f.name), !f.required, parts) };
  });
  if (m.additionalProperties) {
    // An index signature must admit every declared property's type too.
    const parts = uniq([
      ...unionParts(m.additionalProperties, types),
      ...m.fields.flatMap((f) => unionParts(f.type, types)),
      ...(m.fields.some((f) => !f.required) ? ["undefined"] : []),
    ]);
    // `unknown` absorbs every other part, but a model named only by the extra keys' type keeps its
    // part: its import is written from the IR's references and must stay in use (noUnusedLocals).
    const ownRefs = hasRef(m.additionalProperties) ? unionParts(m.additionalProperties, types).filter((p) => p !== "unknown") : [];
    members.push({
      indent,
      doc: [],
      lines: indexSignatureLines(layout, indent, parts.includes("unknown") ? [...ownRefs, "unknown"] : parts),
    });
  }
  return members;
}

function uniq(parts: string[]): string[] {
  return [...new Set(parts)];
}

/** Does the type name a model anywhere (so the file imports it)? */
function hasRef(t: TypeExpr): boolean {
  let found = false;
  forEachType(t, (x) => {
    if (x.kind === "ref") found = true;
  });
  return found;
}
