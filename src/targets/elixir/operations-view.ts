// The view of `<Root>.Operations` (lib/<root>/operations.ex): the @moduledoc listing every
// operation with its models, the `operation` type, and the `@operations` data, every line laid out
// here so the template only places them.
import { operationsSpecs, operationTypeDeclaration } from "./codec-types.js";
import { code, joinParagraphs, textLines } from "./docs.js";
import { attributeTermLines, heredocLines, type MapEntry, type Term } from "./layout.js";
import { atomLiteral, keywordKey, stringLiteral } from "./naming.js";
import type { OperationEntry } from "./operation-index.js";

/** `<Root>.Operations`: every operation with the modules of its parts. */
export interface OperationsView {
  /** The generated-file header, as `#` comment lines. */
  header: string[];
  /** The module's full name (`PetStore.Operations`). */
  module: string;
  /** The `@moduledoc` heredoc's lines, indented. */
  doc: string[];
  /** `@typedoc` and `@type operation :: ...` laid out. */
  typeLines: string[];
  /** `@operations [...]`, the data of every operation, laid out. */
  operationsLines: string[];
  /** The `@spec` lines of `all/0` and `get/1`. */
  specs: {
    /** `@spec all() :: [operation()]` laid out. */
    all: string[];
    /** `@spec get(String.t()) :: {:ok, operation()} | :error` laid out. */
    get: string[];
  };
}

export interface OperationsInfo {
  /** The module, e.g. `PetStore.Operations`. */
  module: string;
  /** Header lines already commented. */
  header: string[];
  /** The API's title and version, as the root module names it. */
  title: string;
}

export function operationsView(entries: OperationEntry[], info: OperationsInfo): OperationsView {
  return {
    header: info.header,
    module: info.module,
    doc: heredocLines(operationsDoc(entries, info.title)),
    typeLines: operationTypeDeclaration().lines,
    operationsLines: attributeTermLines("operations", entries.map(operationTerm)),
    specs: operationsSpecs(),
  };
}

function operationsDoc(entries: OperationEntry[], title: string): string[] {
  return joinParagraphs(
    [`Every operation of ${title}, with the modules of its models.`],
    [
      "`all/0` lists them sorted by name; `get/1` finds one by name. `:name` is the operationId or,",
      "for an operation without one, a name made from its method and path (for a webhook, from its",
      "key and method; for a callback, from its operation, the callback's key and the method).",
      "`:operation_id` is the spec's own operationId or `nil`. `:path` is the path template, the",
      "webhook's key or the callback's runtime expression, as `:kind` says.",
    ],
    ["## Operations", "", ...entries.flatMap(operationDocLines)],
  );
}

const ofOperation = (operation: string | undefined) => (operation !== undefined ? ` of ${code(operation)}` : "");

/** One bullet per operation, with a line per model under it. */
export function operationDocLines(entry: OperationEntry): string[] {
  const op = entry.operation;
  const call = `${op.method.toUpperCase()} ${op.path}`;
  const where =
    op.kind === "webhook"
      ? `webhook ${code(op.path)}: ${code(op.method.toUpperCase())}`
      : op.kind === "callback" && entry.callback
        ? `callback ${code(entry.callback.key)}${ofOperation(entry.callback.operation)}: ${code(call)}`
        : code(call);
  // The summary's first line only: the bullet stays one line.
  const about = [where, textLines(op.docs.title)[0], op.docs.deprecated ? "deprecated" : undefined].filter(
    (x): x is string => x !== undefined,
  );
  const lines = [`  * ${code(entry.name)} - ${about.join(" - ")}`];
  if (entry.params) lines.push(`    * Parameters: ${code(entry.params)}`);
  for (const r of entry.requests) lines.push(`    * Request ${code(r.mediaType)}: ${code(r.module)}`);
  for (const r of entry.responses) lines.push(`    * Response ${r.status} ${code(r.mediaType)}: ${code(r.module)}`);
  return lines;
}

/** The entry of `@operations`: a map with the keys of the `operation` type, in its order. */
export function operationTerm(entry: OperationEntry): Term {
  const op = entry.operation;
  const byStatus = new Map<string, MapEntry[]>();
  for (const r of entry.responses) {
    const media = byStatus.get(r.status) ?? [];
    media.push({ key: `${stringLiteral(r.mediaType)} =>`, value: r.module });
    byStatus.set(r.status, media);
  }
  const entries: [string, Term][] = [
    ["name", stringLiteral(entry.name)],
    ["operation_id", op.operationId !== undefined ? stringLiteral(op.operationId) : "nil"],
    ["kind", atomLiteral(op.kind)],
    ["method", atomLiteral(op.method)],
    ["path", stringLiteral(op.path)],
    ["params", entry.params ?? "nil"],
    ["request", { map: entry.requests.map((r) => ({ key: `${stringLiteral(r.mediaType)} =>`, value: r.module })) }],
    ["responses", { map: [...byStatus].map(([status, media]) => ({ key: `${stringLiteral(status)} =>`, value: { map: media } })) }],
  ];
  return { map: entries.map(([key, value]) => ({ key: keywordKey(key), value })) };
}
