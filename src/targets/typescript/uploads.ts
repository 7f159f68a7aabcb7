// Binary strings (`type: string, format: binary`) as uploads. Raw bytes are what a multipart part
// carries (a file), and JSON cannot carry them, so only the fields of a model some operation sends
// as a multipart body are typed as the upload type; elsewhere (a JSON body that says `binary`
// where it means a file name, as OpenAI's CreateUploadRequest.filename does) a binary string
// stays `string`, the type JSON gives it.
import { acceptsNull, unalias, type ModelIndex } from "../../ir/query.js";
import type { Operation, TypeExpr } from "../../ir/types.js";

/**
 * The upload type: what `FormData` and `fetch` accept (a `File` is one). A global of the DOM lib
 * and of @types/node (Node >= 18), and a reserved type name, so no model can shadow it.
 */
export const BINARY_TYPE = "Blob";

/** The ids of the models some operation sends as a multipart body (their fields are the parts). */
export function multipartBodies(operations: readonly Operation[] | undefined): Set<string> {
  const ids = new Set<string>();
  for (const op of operations ?? [])
    for (const r of op.requests) if (r.kind === "multipart" && r.type.kind === "ref") ids.add(r.type.target);
  return ids;
}

/** A binary string, or an array of them (a part that takes several files). */
export function isBinary(t: TypeExpr): boolean {
  return (t.kind === "primitive" && t.type === "string" && t.format === "binary") || (t.kind === "array" && isBinary(t.items));
}

/** A part of a multipart body named as a binary alias (`file: FileBytes`) is an upload all the same. */
export function uploadFieldType(t: TypeExpr, models: ModelIndex): TypeExpr {
  if (t.kind !== "ref") return t;
  const target = unalias(t, models);
  return isBinary(target) ? { ...target, nullable: acceptsNull(t, models) } : t;
}
