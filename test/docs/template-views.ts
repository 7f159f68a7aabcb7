// Writes docs/template-views.md, the reference of what each template receives, from the view types
// themselves (TypeScript compiler API): every field with its type and doc comment. The table below
// says which view type each template and partial renders with; the types and their comments are
// read from src/, so the reference cannot drift from the code (test/docs/template-views.test.ts).
import path from "node:path";
import ts from "typescript";

/** A template (or partial) of a target, and the exported view type it renders with. */
export interface TemplateEntry {
  target: string;
  /** Relative to templates/<target>/, without `.hbs`. */
  template: string;
  /** The module declaring the view type, relative to the repository. */
  source: string;
  /** An exported interface, or an exported function whose return type is the view. */
  type: string;
  /** How the template is reached, when it is a partial or shares a view. */
  note?: string;
}

const RUST = "src/targets/rust";
const ELIXIR = "src/targets/elixir";
const SCALA = "src/targets/scala";
const TS = "src/targets/typescript";

export const TEMPLATES: TemplateEntry[] = [
  { target: "rust", template: "model", source: `${RUST}/view.ts`, type: "ModelFileView", note: "one file per model; exactly one item is set, its partial renders it" },
  { target: "rust", template: "partials/struct", source: `${RUST}/view.ts`, type: "StructView", note: "`model`'s `struct`" },
  { target: "rust", template: "partials/string_enum", source: `${RUST}/enums.ts`, type: "StringEnumView", note: "`model`'s `stringEnum`" },
  { target: "rust", template: "partials/value_enum", source: `${RUST}/enums.ts`, type: "ValueEnumView", note: "`model`'s `valueEnum`" },
  { target: "rust", template: "partials/tagged_union", source: `${RUST}/unions.ts`, type: "TaggedUnionView", note: "`model`'s `taggedUnion`" },
  { target: "rust", template: "partials/untagged_union", source: `${RUST}/unions.ts`, type: "UntaggedUnionView", note: "`model`'s `untaggedUnion`" },
  { target: "rust", template: "partials/alias", source: `${RUST}/view.ts`, type: "AliasView", note: "`model`'s `alias`" },
  { target: "rust", template: "partials/newtype", source: `${RUST}/view.ts`, type: "NewtypeView", note: "`model`'s `newtype`" },
  { target: "rust", template: "operations", source: `${RUST}/operations.ts`, type: "OperationIndexView" },
  { target: "rust", template: "lib", source: `${RUST}/crate.ts`, type: "LibView" },
  { target: "rust", template: "cargo", source: `${RUST}/crate.ts`, type: "CargoView" },
  { target: "rust", template: "literals", source: `${RUST}/crate.ts`, type: "LiteralsView" },
  { target: "rust", template: "serde_support", source: `${RUST}/crate.ts`, type: "SupportView" },
  { target: "rust", template: "decode", source: `${RUST}/crate.ts`, type: "DecodeView" },
  { target: "rust", template: "gitignore", source: `${RUST}/crate.ts`, type: "HeaderView" },

  { target: "elixir", template: "model", source: `${ELIXIR}/view.ts`, type: "ModuleView", note: "one module per model" },
  { target: "elixir", template: "partials/header", source: `${ELIXIR}/view.ts`, type: "ModuleView", note: "included by every template; reads `header`" },
  { target: "elixir", template: "partials/moduledoc", source: `${ELIXIR}/view.ts`, type: "ModuleView", note: "included by `model`; reads `doc`" },
  { target: "elixir", template: "partials/codec_functions", source: `${ELIXIR}/view.ts`, type: "ModuleView", note: "included by `model`" },
  { target: "elixir", template: "operations", source: `${ELIXIR}/operations-view.ts`, type: "OperationsView" },
  { target: "elixir", template: "root", source: `${ELIXIR}/project.ts`, type: "RootView" },
  { target: "elixir", template: "codec", source: `${ELIXIR}/project.ts`, type: "CodecView" },
  { target: "elixir", template: "mix", source: `${ELIXIR}/project.ts`, type: "MixView" },
  { target: "elixir", template: "formatter", source: `${ELIXIR}/project.ts`, type: "ProjectCommonView" },
  { target: "elixir", template: "gitignore", source: `${ELIXIR}/project.ts`, type: "ProjectCommonView" },

  { target: "scala", template: "model", source: `${SCALA}/view.ts`, type: "FileView", note: "one file per top-level model" },
  { target: "scala", template: "partials/declaration", source: `${SCALA}/view.ts`, type: "DeclarationView", note: "`model`'s `declaration`, and each of `children`" },
  { target: "scala", template: "partials/caseclass", source: `${SCALA}/view.ts`, type: "DeclarationView", note: "from `declaration` when `isObject`" },
  { target: "scala", template: "partials/enumeration", source: `${SCALA}/view.ts`, type: "DeclarationView", note: "from `declaration` when `isEnum`" },
  { target: "scala", template: "partials/union", source: `${SCALA}/view.ts`, type: "DeclarationView", note: "from `declaration` when `isUnion`" },
  { target: "scala", template: "partials/alias", source: `${SCALA}/view.ts`, type: "DeclarationView", note: "from `declaration` when `isAlias`" },
  { target: "scala", template: "partials/children", source: `${SCALA}/view.ts`, type: "DeclarationView", note: "the hoisted models inside a companion" },
  { target: "scala", template: "operations", source: `${SCALA}/operations.ts`, type: "OperationsView" },
  { target: "scala", template: "pom", source: `${SCALA}/project.ts`, type: "PomView" },
  { target: "scala", template: "support", source: `${SCALA}/project.ts`, type: "SupportView" },
  { target: "scala", template: "nullable", source: `${SCALA}/project.ts`, type: "PackageFileView" },
  { target: "scala", template: "gitignore", source: `${SCALA}/project.ts`, type: "GitignoreView" },

  { target: "typescript", template: "model", source: `${TS}/view.ts`, type: "FileView", note: "one file per top-level model, and `operations.ts`" },
  { target: "typescript", template: "partials/declaration", source: `${TS}/view.ts`, type: "DeclarationView", note: "each of `model`'s `declarations`, and each of `children`" },
  { target: "typescript", template: "partials/doc_comment", source: `${TS}/view.ts`, type: "DeclarationView", note: "from `declaration`, for the declaration and for each of `members` (MemberView); reads `indent` and `doc`" },
  { target: "typescript", template: "index", source: `${TS}/index.ts`, type: "IndexView" },
  { target: "typescript", template: "zod-support", source: `${TS}/index.ts`, type: "ZodSupportView" },
];

interface Row {
  field: string;
  type: string;
  doc: string;
}

interface TypeDoc {
  name: string;
  source: string;
  doc: string;
  rows: Row[];
}

/** The reference page's markdown, for the view types of `entries` as declared under `repo`. */
export function templateViewsMarkdown(repo: string, entries: TemplateEntry[] = TEMPLATES): string {
  const files = [...new Set(entries.map((e) => path.join(repo, e.source)))];
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
  const checker = program.getTypeChecker();
  const rel = (file: string) => path.relative(repo, file).split(path.sep).join("/");
  const documented = new Map<string, TypeDoc>();
  const key = (source: string, name: string) => `${source}#${name}`;

  /** An exported declaration of `name` in `source`, resolved through re-exports. */
  const exported = (source: string, name: string): ts.Symbol => {
    const file = program.getSourceFile(path.join(repo, source));
    if (!file) throw new Error(`template views: cannot read ${source}`);
    const moduleSymbol = checker.getSymbolAtLocation(file);
    const symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
    if (!symbol) throw new Error(`template views: ${source} exports no ${name}`);
    return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };

  const queue: ts.Symbol[] = [];
  const enqueue = (symbol: ts.Symbol) => {
    const decl = symbol.declarations?.[0];
    if (!decl || !ts.isInterfaceDeclaration(decl)) return;
    const source = rel(decl.getSourceFile().fileName);
    if (!source.startsWith("src/") || documented.has(key(source, symbol.name))) return;
    documented.set(key(source, symbol.name), { name: symbol.name, source, doc: "", rows: [] });
    queue.push(symbol);
  };

  /** Interfaces named in a type node: documented too, after the ones the table names. */
  const referenced = (node: ts.Node) => {
    const visit = (n: ts.Node) => {
      if (ts.isTypeReferenceNode(n)) {
        let s = checker.getSymbolAtLocation(n.typeName);
        if (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
        if (s) enqueue(s);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
  };

  const docOf = (symbol: ts.Symbol) => oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker)));

  /** A property's rows: itself, and the members of an inline object type (`params[].name`). */
  const rowsOf = (prop: ts.Symbol, prefix: string): Row[] => {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    const typeNode = decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertyAssignment(decl)) ? (decl as ts.PropertySignature).type : undefined;
    const optional = prop.flags & ts.SymbolFlags.Optional ? "?" : "";
    const field = `${prefix}${prop.name}${optional}`;
    if (!typeNode) return [{ field, type: checker.typeToString(checker.getTypeOfSymbol(prop)), doc: docOf(prop) }];
    referenced(typeNode);
    const literal = inlineLiteral(typeNode);
    const row = { field, type: literal ? literal.spelled : oneLine(typeNode.getText()), doc: docOf(prop) };
    if (!literal) return [row];
    const members = checker.getPropertiesOfType(checker.getTypeFromTypeNode(literal.node));
    return [row, ...members.flatMap((m) => rowsOf(m, `${field}${literal.suffix}.`))];
  };

  for (const e of entries) enqueue(exported(e.source, e.type));
  while (queue.length) {
    const symbol = queue.shift()!;
    const decl = symbol.declarations![0]!;
    const entry = documented.get(key(rel(decl.getSourceFile().fileName), symbol.name))!;
    entry.doc = docOf(symbol);
    entry.rows = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).flatMap((p) => rowsOf(p, ""));
  }

  const out: string[] = [
    "<!-- Generated by test/docs/template-views.ts from the view types in src/targets/; do not edit.",
    "     UPDATE_GOLDEN=1 npx vitest run test/docs/template-views.test.ts rewrites it. -->",
    "# Template views",
    "",
    "What each built-in template receives. Override a template by putting a file of the same relative",
    "path under your `templates` folder (`openapi-modelgen templates eject <lang>` copies the",
    "built-ins to start from). Templates run in Handlebars strict mode: a field not listed here is an",
    "error naming the template's file and line. Every type and line is computed before the template",
    "runs; a template only lays text out. One helper is registered: `{{join list}}` writes a list's",
    'items separated by `, ` (`{{join list " | "}}` by the given text), e.g. `#[derive({{join derives}})]`.',
    "",
    "A field typed `X | null` is null when it does not apply (`{{#if x}}`/`{{#with x}}` test it);",
    "`string[]` fields hold whole lines unless the field says otherwise (`{{#each lines}}`).",
    "",
  ];
  for (const target of [...new Set(entries.map((e) => e.target))]) {
    out.push(`## ${target}`, "", "| template | view | |", "| --- | --- | --- |");
    for (const e of entries.filter((x) => x.target === target)) {
      out.push(`| \`templates/${e.target}/${e.template}.hbs\` | [${e.type}](#${anchor(target, e.type)}) | ${cell(e.note ?? "")} |`);
    }
    out.push("");
    const local = [...documented.values()].filter((d) => d.source.startsWith(`src/targets/${target}/`));
    for (const d of local.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      out.push(`### <a id="${anchor(target, d.name)}"></a>${target}: ${d.name}`, "", `\`${d.source}\`${d.doc ? `: ${d.doc}` : ""}`, "");
      out.push("| field | type | meaning |", "| --- | --- | --- |");
      for (const r of d.rows) out.push(`| \`${r.field}\` | \`${cell(r.type)}\` | ${cell(r.doc) || "(undocumented)"} |`);
      out.push("");
    }
  }
  const shared = [...documented.values()].filter((d) => !TARGET_DIRS.some((t) => d.source.startsWith(t)));
  if (shared.length) throw new Error(`template views: ${shared.map((d) => d.name).join(", ")} declared outside a target folder`);
  return out.join("\n");
}

const TARGET_DIRS = [RUST, ELIXIR, SCALA, TS].map((d) => `${d}/`);

/** Every documented field without a doc comment, as `target: Type.field`. */
export function undocumentedFields(markdown: string): string[] {
  const missing: string[] = [];
  let heading = "";
  for (const line of markdown.split("\n")) {
    const h = /^### <a id="[^"]*"><\/a>(.*)$/.exec(line);
    if (h) heading = h[1]!;
    const row = /^\| `([^`]+)` \| .* \| \(undocumented\) \|$/.exec(line);
    if (row) missing.push(`${heading}.${row[1]}`);
  }
  return missing;
}

/** An inline object type (`{ a: T }`, `{ a: T }[]`, `{ a: T } | null`), to document its members too. */
function inlineLiteral(node: ts.TypeNode): { node: ts.TypeLiteralNode; suffix: string; spelled: string } | undefined {
  if (ts.isTypeLiteralNode(node)) return { node, suffix: "", spelled: "object" };
  if (ts.isArrayTypeNode(node) && ts.isTypeLiteralNode(node.elementType)) return { node: node.elementType, suffix: "[]", spelled: "object[]" };
  if (ts.isUnionTypeNode(node)) {
    const literal = node.types.find(ts.isTypeLiteralNode);
    const rest = node.types.filter((t) => t !== literal).map((t) => t.getText());
    if (literal) return { node: literal, suffix: "", spelled: ["object", ...rest].join(" | ") };
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function anchor(target: string, name: string): string {
  return `${target}-${name}`.toLowerCase();
}
