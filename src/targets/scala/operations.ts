// The operation index (Operations.scala): one object per operation of `paths`, `webhooks` and
// callbacks, saying its operationId, method and path and naming the model of each part as a type
// member, so a user finds an operation's models in one place (`Operations.ListPets.Response200`).
import { compareStrings } from "../../common/order.js";
import type { Mappings } from "../mappings.js";
import type { ModelIndex } from "../../ir/query.js";
import type { IrDocument, Operation, TypeExpr } from "../../ir/types.js";
import type { NameTable } from "../../naming/assign.js";
import { docBlock, inlineCode, textLines } from "./docs.js";
import { packLines } from "./enums.js";
import { importLines, type ImportName } from "./imports.js";
import { scalaString } from "./naming.js";
import { OPERATION_TRAIT, operationObjectNames, partNames } from "./operation-names.js";
import { valueType } from "./types.js";
import { listOf, optionOf } from "./syntax.js";

/** The file's name and its object's: reserved as a model name (reserved.ts), so no model takes it. */
export const OPERATIONS_OBJECT = "Operations";

/** One operation's `object`, extending `Operation`. */
export interface OperationView {
  /** The object's scaladoc lines, indented. */
  doc: string[];
  /** The object's name. */
  name: string;
  /** `val operationId: Option[String] = Some("listPets")` and the like, as name, type and value. */
  values: {
    /** The `val`'s name. */
    name: string;
    /** Its type. */
    type: string;
    /** Its value, a Scala expression. */
    value: string;
  }[];
  /** `type Params = ListPetsParams` and the like. */
  members: {
    /** The member's scaladoc lines, indented. */
    doc: string[];
    /** The type member's name (`Params`, `Request`, `Response200`). */
    name: string;
    /** The model's type. */
    type: string;
  }[];
}

/** Operations.scala: every operation with the models of its parts. */
export interface OperationsView {
  /** The generated-file header's lines, without the `// ` the template adds. */
  header: string[];
  /** The package every model is declared in. */
  package: string;
  /** `import` lines, one per package. */
  imports: string[];
  /** The trait every operation object extends. */
  traitName: string;
  /** The type of the trait's `operationId` (`Option[String]`). */
  operationIdType: string;
  /** One object per operation, sorted by name. */
  operations: OperationView[];
  /** The type of `all` (`List[Operation]`). */
  allType: string;
  /** The operation objects for `List(...)`, packed into lines. */
  allLines: string[];
}

export interface OperationsScope {
  models: ModelIndex;
  names: NameTable;
  package: string;
  /** Formats and models the settings map (absent: wire types). */
  mappings?: Mappings;
}

/** The models some operation sends as a multipart body (their fields are the parts). */
export function multipartBodies(ir: Pick<IrDocument, "operations">): Set<string> {
  const ids = new Set<string>();
  for (const op of ir.operations ?? []) {
    for (const r of op.requests) if (r.kind === "multipart" && r.type.kind === "ref") ids.add(r.type.target);
  }
  return ids;
}

/**
 * A part's type as the index writes it, both ways: `plain` where its model's first name is not
 * hidden, `rooted` (from the package root) where it is; `first` is that name (null: the type names
 * no generated model). A part's type names at most one model (arrays and maps hold one type), so
 * whether that one name is hidden is the only thing the two spellings differ by.
 */
export interface ResolvedType {
  plain: string;
  rooted: string;
  first: string | null;
}

/**
 * All that the index reads of the models and names: each operation's parts (in the operations'
 * order) and the library names they import. The view is made from these and the operations alone
 * (operationsViewOf), so a regeneration keys the file by them and builds the view only to render.
 */
export interface ResolvedOperations {
  parts: { params: ResolvedType | null; requests: ResolvedType[]; responses: ResolvedType[] }[];
  imports: ImportName[];
}

export function resolvedOperations(operations: readonly Operation[], scope: OperationsScope): ResolvedOperations {
  const imports = new Set<ImportName>();
  const base = {
    models: scope.models,
    names: scope.names,
    root: `_root_.${scope.package}`,
    use: (n: ImportName) => imports.add(n),
    ...(scope.mappings ? { mappings: scope.mappings } : {}),
  };
  const resolve = (t: TypeExpr): ResolvedType => {
    const asked: string[] = [];
    const plain = valueType(t, {
      ...base,
      shadowed: {
        has: (n: string) => {
          asked.push(n);
          return false;
        },
      },
    });
    if (asked.length > 1) throw new Error("scala: an operation part's type names more than one model");
    const rooted = asked.length ? valueType(t, { ...base, shadowed: { has: () => true } }) : plain;
    return { plain, rooted, first: asked[0] ?? null };
  };
  const parts = operations.map((op) => ({
    params: op.params ? resolve({ kind: "ref", target: op.params }) : null,
    requests: op.requests.map((r) => resolve(r.type)),
    responses: op.responses.map((r) => resolve(r.type)),
  }));
  return { parts, imports: [...imports].sort(compareStrings) };
}

/** The index's view, or undefined when the spec has no operations (then no file is written). */
export function operationsView(
  operations: readonly Operation[] | undefined,
  scope: OperationsScope,
  header: string[],
): OperationsView | undefined {
  if (!operations?.length) return undefined;
  return operationsViewOf(operations, resolvedOperations(operations, scope), { header, package: scope.package });
}

/** The index's view from the operations and what their parts resolve to (nothing else is read). */
export function operationsViewOf(
  operations: readonly Operation[],
  resolved: ResolvedOperations,
  about: { header: string[]; package: string },
): OperationsView {
  const objectNames = operationObjectNames(operations);
  // Inside the index these names are declared around every member, so a model whose first name
  // is one of them is written from the package root.
  const declared = new Set([OPERATION_TRAIT, ...objectNames.values()]);
  const views = operations.map((op, i) => operationView(op, objectNames, declared, resolved.parts[i]!));
  views.sort((a, b) => compareStrings(a.name, b.name));
  return {
    header: about.header,
    package: about.package,
    imports: importLines(resolved.imports),
    traitName: OPERATION_TRAIT,
    operationIdType: optionOf("String"),
    operations: views,
    allType: listOf(OPERATION_TRAIT),
    allLines: packLines(
      views.map((v) => v.name),
      96,
    ),
  };
}

function operationView(
  op: Operation,
  objectNames: ReadonlyMap<string, string>,
  declared: ReadonlySet<string>,
  resolved: ResolvedOperations["parts"][number],
): OperationView {
  const name = objectNames.get(op.id)!;
  const parts = partNames(op);
  const memberNames = [...(parts.params ? [parts.params] : []), ...parts.requests, ...parts.responses];
  // The index's names and the operation's own members, without copying the index's hundreds of names per operation.
  const shadowed = (n: string) => declared.has(n) || memberNames.includes(n);
  const member = (memberName: string, doc: string, type: ResolvedType) => ({
    doc: docBlock("    ", [doc]),
    name: memberName,
    type: type.first !== null && shadowed(type.first) ? type.rooted : type.plain,
  });
  const members: OperationView["members"] = [];
  if (resolved.params && parts.params) {
    members.push(
      member(parts.params, "The parameters: each field says where it is sent (path, query, header or cookie).", resolved.params),
    );
  }
  op.requests.forEach((r, i) => {
    members.push(
      member(
        parts.requests[i]!,
        `Request body, ${inlineCode(r.mediaType)} (${r.required ? "required" : "optional"}).`,
        resolved.requests[i]!,
      ),
    );
  });
  op.responses.forEach((r, i) => {
    members.push(member(parts.responses[i]!, `Response ${inlineCode(r.status)}, ${inlineCode(r.mediaType)}.`, resolved.responses[i]!));
  });
  return {
    doc: docBlock("  ", operationDoc(op, objectNames)),
    name,
    values: [
      {
        name: "operationId",
        type: "Option[String]",
        value: op.operationId === undefined ? "None" : `Some(${scalaString(op.operationId)})`,
      },
      { name: "name", type: "String", value: scalaString(name) },
      { name: "method", type: "String", value: scalaString(op.method.toUpperCase()) },
      { name: "path", type: "String", value: scalaString(op.path) },
      { name: "kind", type: "String", value: scalaString(op.kind) },
    ],
    members,
  };
}

/** Summary, description, deprecation, then where the operation is: `GET /pets`, a webhook or a callback. */
export function operationDoc(op: Operation, objectNames: ReadonlyMap<string, string>): string[] {
  const paragraphs = [
    textLines(op.docs.title),
    textLines(op.docs.description),
    op.docs.deprecated ? ["Deprecated."] : [],
    whereLines(op, objectNames),
  ];
  return paragraphs.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : ["", ...p]));
}

function whereLines(op: Operation, objectNames: ReadonlyMap<string, string>): string[] {
  const method = op.method.toUpperCase();
  switch (op.kind) {
    case "path":
      return textLines(inlineCode(`${method} ${op.path}`));
    case "webhook":
      return textLines(`Webhook ${inlineCode(op.path)}: a ${inlineCode(method)} request the API sends to the receiver's URL.`);
    case "callback": {
      const parent = op.callbackOf ? objectNames.get(op.callbackOf.operation) : undefined;
      const of = op.callbackOf ? ` ${inlineCode(op.callbackOf.name)}${parent ? ` of ${inlineCode(parent)}` : ""}` : "";
      return textLines(`Callback${of}: a ${inlineCode(method)} request the API sends to ${inlineCode(op.path)}.`);
    }
  }
}
