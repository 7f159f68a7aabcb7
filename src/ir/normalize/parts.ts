// The schema of one part of an API (a request or response body, a component request body or
// response) as a model: an inline schema becomes a model under its own pointer, a `$ref` (or a
// wrapper around one) points at the existing model and makes none.
import type { Docs, ModelOrigin, TypeExpr } from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import { mergeDocs } from "./keywords.js";
import { defineModel, typeOf } from "./schema-to-type.js";

export interface PartInfo {
  hint: string[];
  origin?: ModelOrigin;
  mediaType?: string;
  /** Docs of the surrounding object (body, response, operation), for a schema that has none of its own. */
  docs: Docs;
}

export function partType(n: NormalizeContext, at: At, part: PartInfo): TypeExpr {
  const id = n.idOf(at);
  const existed = n.models.has(id);
  const use = typeOf(n, at, part.hint);
  let type = use.type;
  if (type.kind !== "ref") {
    // A primitive, array, map or literal body: an alias model, so the part has a name.
    defineModel(n, at, part.hint);
    type = { kind: "ref", target: id };
  }
  const model = n.models.get(id);
  if (!existed && model && type.target === id) {
    const stamped = { ...model, docs: mergeDocs(model.docs, part.docs) };
    if (part.origin) stamped.origin = part.origin;
    if (part.mediaType) stamped.mediaType = part.mediaType;
    n.models.set(id, stamped);
  }
  return type;
}

/** Docs of an OpenAPI object that describes a part: its summary as title, its description. */
export function objectDocs(value: Record<string, unknown>): Docs {
  const docs: Docs = {};
  if (typeof value.summary === "string" && value.summary.trim() !== "") docs.title = value.summary;
  if (typeof value.description === "string" && value.description.trim() !== "") docs.description = value.description;
  if (value.deprecated === true) docs.deprecated = true;
  return docs;
}
