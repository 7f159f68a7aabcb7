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
import { valueType, type ScalaTypeContext } from "./types.js";
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

/** The index's view, or undefined when the spec has no operations (then no file is written). */
export function operationsView(
  operations: readonly Operation[] | undefined,
  scope: OperationsScope,
  header: string[],
): OperationsView | undefined {
  if (!operations?.length) return undefined;
  const objectNames = operationObjectNames(operations);
  const imports = new Set<ImportName>();
  // Inside the index these names are declared around every member, so a model whose first name
  // is one of them is written from the package root.
  const declared = new Set([OPERATION_TRAIT, ...objectNames.values()]);
  const views = operations.map((op) => operationView(op, objectNames, declared, scope, imports));
  views.sort((a, b) => compareStrings(a.name, b.name));
  return {
    header,
    package: scope.package,
    imports: importLines(imports),
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
  scope: OperationsScope,
  imports: Set<ImportName>,
): OperationView {
  const name = objectNames.get(op.id)!;
  const parts = partNames(op);
  const memberNames = [...(parts.params ? [parts.params] : []), ...parts.requests, ...parts.responses];
  const ctx: ScalaTypeContext = {
    models: scope.models,
    names: scope.names,
    root: `_root_.${scope.package}`,
    // The index's names and the operation's own members, without copying the index's hundreds of names per operation.
    shadowed: { has: (n: string) => declared.has(n) || memberNames.includes(n) },
    use: (n) => imports.add(n),
    ...(scope.mappings ? { mappings: scope.mappings } : {}),
  };
  const member = (memberName: string, doc: string, type: TypeExpr) => ({
    doc: docBlock("    ", [doc]),
    name: memberName,
    type: valueType(type, ctx),
  });
  const members: OperationView["members"] = [];
  if (op.params && parts.params) {
    members.push(
      member(parts.params, "The parameters: each field says where it is sent (path, query, header or cookie).", {
        kind: "ref",
        target: op.params,
      }),
    );
  }
  op.requests.forEach((r, i) => {
    members.push(member(parts.requests[i]!, `Request body, ${inlineCode(r.mediaType)} (${r.required ? "required" : "optional"}).`, r.type));
  });
  op.responses.forEach((r, i) => {
    members.push(member(parts.responses[i]!, `Response ${inlineCode(r.status)}, ${inlineCode(r.mediaType)}.`, r.type));
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
