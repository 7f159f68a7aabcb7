// The operation index, `src/operations.rs`: one module per operation of the spec (paths, webhooks,
// callbacks) holding its `OPERATION_ID`, `METHOD` and `PATH` and a type alias per part (`Params`,
// `Request`, `Response200`, ...) naming the model of that part, so a user finds an operation's
// models by the operation. The aliases name types only; they add no type and no import.
import { compareStrings } from "../../common/order.js";
import type { Mappings } from "../mappings.js";
import type { ModelIndex } from "../../ir/query.js";
import type { BodyKind, Model, Operation } from "../../ir/types.js";
import { parameterPlaces } from "../../ir/type-facts.js";
import type { NameTable } from "../../naming/assign.js";
import { NameScope } from "../../naming/scope.js";
import { camelCase, hintWords, pascalCase, snakeCase, splitWords } from "../../naming/words.js";
import { assignmentLines } from "./layout.js";
import type { LiteralTable } from "./literals.js";
import { escapeReserved } from "./naming.js";
import { RUST_KEYWORDS } from "./reserved.js";
import { docLines, rustString } from "./syntax.js";
import { qualifiedType } from "./types.js";

/** One `pub const` or `pub type` of an operation's module, laid out and indented. */
export interface OperationItemView {
  /** The item's `///` doc comment lines, indented. */
  docs: string[];
  /** The item, laid out as rustfmt does, indented. */
  lines: string[];
}

/** One operation's `pub mod`: its constants (id, method, path) and the types of its parts. */
export interface OperationModuleView {
  /** The module's `///` doc comment lines. */
  docs: string[];
  /** The module's identifier. */
  ident: string;
  /** The module's items, a blank line between them. */
  items: OperationItemView[];
}

/** src/operations.rs: one module per operation. */
export interface OperationIndexView {
  /** The generated-file header, as `//` comment lines. */
  header: string[];
  /** The file's `//!` doc lines. */
  docs: string[];
  /** One module per operation, sorted by identifier. */
  modules: OperationModuleView[];
}

export interface OperationIndexContext {
  models: ModelIndex;
  names: NameTable;
  literals: LiteralTable;
  header: string[];
  /** "Pet Store 2.0.0": what the API is called in the file's docs. */
  about: string;
  /** Formats and models the settings map (absent: wire types). */
  mappings?: Mappings;
}

const INDENT = "    ";

export function operationIndexView(operations: Operation[], ctx: OperationIndexContext): OperationIndexView {
  return operationIndexViewOf(
    operations,
    operations.map((op) => resolvedParts(op, ctx)),
    { header: ctx.header, about: ctx.about },
  );
}

/**
 * The view from the operations and what their parts resolve to (`resolved`, one per operation, in
 * order) alone: a regeneration keys the file by those and builds the view only to render it.
 */
export function operationIndexViewOf(
  operations: Operation[],
  resolved: readonly ResolvedParts[],
  about: Pick<OperationIndexContext, "header" | "about">,
): OperationIndexView {
  const idents = operationModuleNames(operations);
  const modules = operations.map((op, i) => ({
    docs: moduleDocs(op, idents),
    ident: idents.get(op.id)!,
    items: moduleItems(op, resolved[i]!),
  }));
  modules.sort((a, b) => compareStrings(a.ident.replace(/^r#/, ""), b.ident.replace(/^r#/, "")));
  return { header: about.header.map((l) => `// ${l}`), docs: fileDocs(about.about), modules };
}

/**
 * Module identifiers: the operation's name words in snake_case (`listPets` -> `list_pets`).
 * Operations with an `operationId` claim first (by id), derived names after them, so a name the
 * spec gives is never the one that takes a suffix. Keywords become raw (`r#type`).
 */
export function operationModuleNames(operations: Operation[]): Map<string, string> {
  const scope = new NameScope(RUST_KEYWORDS);
  const names = new Map<string, string>();
  const ordered = [...operations.filter((o) => o.operationId !== undefined), ...operations.filter((o) => o.operationId === undefined)];
  for (const op of ordered) {
    const snake = snakeCase(hintWords(op.name));
    const candidate = /^[0-9]/.test(snake) ? `_${snake}` : snake;
    // A module name follows the rules of a field name: raw when a keyword, `self_` when it cannot be raw.
    names.set(op.id, scope.claim(RUST_KEYWORDS.has(candidate) ? escapeReserved(candidate, "field") : candidate));
  }
  return names;
}

/** A type alias of an operation's module: the name, its `///` lines' text, the type it names. */
export interface PartAlias {
  name: string;
  docs: string[];
  type: string;
}

function moduleItems(op: Operation, resolved: ResolvedParts): OperationItemView[] {
  const constant = (name: string, value: string, docs: string[] = []): OperationItemView => ({
    docs: docs.map((l) => `${INDENT}/// ${l}`),
    lines: assignmentLines(INDENT, `pub const ${name}: &str`, rustString(value)),
  });
  const items = [
    constant("OPERATION_ID", op.operationId ?? camelCase(hintWords(op.name)), op.operationId ? [] : [derivedNote(op)]),
    constant("METHOD", op.method.toUpperCase()),
    constant("PATH", op.path, pathNote(op)),
  ];
  for (const part of partAliasesOf(op, resolved)) {
    items.push({ docs: part.docs.map((l) => `${INDENT}/// ${l}`), lines: assignmentLines(INDENT, `pub type ${part.name}`, part.type) });
  }
  return items;
}

/**
 * `Params`; `Request` for the body in `application/json` (else the first media type), and
 * `RequestForm`, `RequestMultipart` or `Request` + the media type's words for the others; per
 * response status, `Response<status>` (`Response200`, `Response4xx`, `ResponseDefault`) plus the
 * media type's words for a second media type. This is the rule the IR names the models by, so
 * `Request` is `<Op>Request` unless the body is a shared model. A scope per module keeps the
 * names apart should two media types spell the same words.
 */
export function partAliases(op: Operation, ctx: Pick<OperationIndexContext, "models" | "names" | "literals" | "mappings">): PartAlias[] {
  return partAliasesOf(op, resolvedParts(op, ctx));
}

/** All that an operation's aliases read of the models and names: the params' note and the types its parts name. */
export interface ResolvedParts {
  params: { note: string; type: string } | null;
  /** One per request body, in order. */
  requests: string[];
  /** One per response, in order. */
  responses: string[];
}

export function resolvedParts(
  op: Operation,
  ctx: Pick<OperationIndexContext, "models" | "names" | "literals" | "mappings">,
): ResolvedParts {
  return {
    params: op.params
      ? { note: paramsNote(ctx.models.get(op.params)), type: qualifiedType({ kind: "ref", target: op.params }, ctx) }
      : null,
    requests: op.requests.map((body) => qualifiedType(body.type, ctx)),
    responses: op.responses.map((r) => qualifiedType(r.type, ctx)),
  };
}

function partAliasesOf(op: Operation, resolved: ResolvedParts): PartAlias[] {
  const scope = new NameScope();
  const out: PartAlias[] = [];
  if (resolved.params) out.push({ name: scope.claim("Params"), docs: [resolved.params.note], type: resolved.params.type });
  const primaryRequest = primary(op.requests);
  op.requests.forEach((body, i) => {
    const words = body === primaryRequest ? [] : bodyWords(body.kind, body.mediaType);
    out.push({
      name: scope.claim(pascalCase(["Request", ...words])),
      docs: [`The request body as \`${body.mediaType}\` (${body.required ? "required" : "optional"}).`],
      type: resolved.requests[i]!,
    });
  });
  const statuses = [...new Set(op.responses.map((r) => r.status))];
  for (const status of statuses) {
    const primaryResponse = primary(op.responses.filter((r) => r.status === status));
    op.responses.forEach((r, i) => {
      if (r.status !== status) return;
      const words = r === primaryResponse ? [] : mediaTypeWords(r.mediaType);
      out.push({
        // Lower case first: `2XX` would split into `2 XX` and read `Response2Xx`.
        name: scope.claim(pascalCase(["Response", ...splitWords(status.toLowerCase()), ...words])),
        docs: [`The body of the \`${status}\` response as \`${r.mediaType}\`.`],
        type: resolved.responses[i]!,
      });
    });
  }
  return out;
}

/** The part that takes the plain name: the first plain `application/json`, else the first. */
function primary<T extends { mediaType: string }>(parts: T[]): T | undefined {
  return parts.find((p) => /^application\/json\s*(?:;.*)?$/i.test(p.mediaType)) ?? parts[0];
}

function bodyWords(kind: BodyKind, mediaType: string): string[] {
  return kind === "form" ? ["Form"] : kind === "multipart" ? ["Multipart"] : mediaTypeWords(mediaType);
}

/** `application/merge-patch+json; charset=utf-8` -> merge patch json. */
function mediaTypeWords(mediaType: string): string[] {
  const subtype = mediaType.split(";")[0]!.trim().split("/")[1] ?? mediaType;
  return splitWords(subtype);
}

const LOCATIONS = ["path", "query", "header", "cookie"] as const;

/** "Path, query and header parameters.": where the operation's parameters are sent. */
function paramsNote(model: Model | undefined): string {
  // Known without the model's fields for one a regeneration has not parsed (ir/type-facts.ts).
  const used = model ? parameterPlaces(model) : [];
  const where = LOCATIONS.filter((l) => used.includes(l));
  if (where.length === 0) return "The parameters.";
  const list = where.length === 1 ? where[0]! : `${where.slice(0, -1).join(", ")} and ${where.at(-1)!}`;
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} parameters.`;
}

function derivedNote(op: Operation): string {
  const from =
    op.kind === "path" ? "method and path" : op.kind === "webhook" ? "webhook's name and method" : "operation, callback name and method";
  return `The spec gives no \`operationId\`: derived from the ${from}.`;
}

function pathNote(op: Operation): string[] {
  if (op.kind === "webhook") return ["The webhook's name (a webhook has no path)."];
  if (op.kind === "callback") return ["The callback's runtime expression: it gives the URL the request goes to."];
  return [];
}

function moduleDocs(op: Operation, idents: Map<string, string>): string[] {
  const { title, description } = op.docs;
  const body = [...docLines(title ?? "")];
  if (description && description !== title) body.push(...(body.length ? [""] : []), ...docLines(description));
  const method = op.method.toUpperCase();
  let where: string[];
  if (op.kind === "path") where = [`\`${method} ${op.path}\``];
  else if (op.kind === "webhook") where = [`Webhook \`${op.path}\`: the API sends \`${method}\` requests to an endpoint you register.`];
  else {
    // The parent's module, when it has one (an operation with no models has none).
    const parent = op.callbackOf ? idents.get(op.callbackOf.operation) : undefined;
    const of = op.callbackOf ? ` \`${op.callbackOf.name}\`${parent ? ` of \`${parent}\`` : ""}` : "";
    where = [`Callback${of}:`, `the API sends \`${method} ${op.path}\` to your endpoint.`];
  }
  const notes = [...where, ...(op.docs.deprecated ? ["Deprecated."] : [])];
  const lines = body.length ? [...body, "", ...notes] : notes;
  return lines.map((l) => (l === "" ? "///" : `/// ${l}`));
}

function fileDocs(about: string): string[] {
  return [
    `Every operation of ${about}, one module each, named after its \`operationId\` (else its`,
    "method and path), with the models of its parts:",
    "",
    "- `OPERATION_ID`, `METHOD` and `PATH` (for a webhook its name, for a callback its runtime",
    "  expression);",
    "- `Params`: the path, query, header and cookie parameters, as one struct;",
    "- `Request`: the request body (`RequestForm`, `RequestMultipart`, ... in other media types);",
    "- `Response200`, `Response404`, `ResponseDefault`, ...: the body of each response, by status.",
    "",
    "Each alias names one of the crate's models, so `Response200` is the type to decode that",
    "response into. There is no client here: only the types to encode and decode.",
  ].map((l) => (l === "" ? "//!" : `//! ${l}`));
}
