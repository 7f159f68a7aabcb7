// Inline schemas of the components that are not schemas: request bodies, responses, parameters and
// headers. Each is named by its component key, so every operation that refers to it agrees.
import type { NormalizeContext } from "./context.js";
import { bodyKind, entriesOf, follow, responseKind, type Located } from "./spec-objects.js";
import type { BodyKind } from "../types.js";
import { mediaSchemas } from "./operations.js";
import { partType, objectDocs } from "./parts.js";
import { typeOf } from "./schema-to-type.js";
import { isSchemaObject } from "./keywords.js";
import type { WalkRoot } from "./incremental/walk.js";

/** One root per component request body, response, parameter and header, in that order. */
export function componentPartRoots(n: NormalizeContext, components: Located, withParameters: boolean): WalkRoot[] {
  const roots: WalkRoot[] = [];
  for (const [collection, kindOf] of [
    ["requestBodies", bodyKind],
    ["responses", responseKind],
  ] as const) {
    for (const [key, value, pointer] of entriesOf(components, collection)) {
      roots.push({ pointer, run: () => bodyPart(n, components, collection, kindOf, key, value, pointer) });
    }
  }
  if (!withParameters) return roots;
  for (const collection of ["parameters", "headers"]) {
    for (const [key, value, pointer] of entriesOf(components, collection)) {
      roots.push({ pointer, run: () => parameterPart(n, components, collection, key, value, pointer) });
    }
  }
  return roots;
}

function bodyPart(
  n: NormalizeContext,
  components: Located,
  collection: "requestBodies" | "responses",
  kindOf: (mt: string) => BodyKind | undefined,
  key: string,
  value: unknown,
  pointer: string,
): void {
  const part = follow(n, components.doc, pointer, value, collection === "responses" ? "a response" : "a request body");
  if (part.viaRef) return; // defined where the reference leads
  for (const media of mediaSchemas(n, part, kindOf)) {
    partType(n, media.at, { hint: [key, ...media.suffix], mediaType: media.mediaType, docs: objectDocs(part.value) });
  }
}

function parameterPart(n: NormalizeContext, components: Located, collection: string, key: string, value: unknown, pointer: string): void {
  const param = follow(n, components.doc, pointer, value, collection === "headers" ? "a header" : "a parameter");
  if (param.viaRef || param.value.schema === undefined) return;
  // Only schemas that are models (objects, enums, unions) are hoisted; a primitive stays a field type.
  const schema = param.value.schema;
  if (!isSchemaObject(schema)) return;
  typeOf(n, n.child({ doc: param.doc, pointer: param.pointer, schema: param.value, owner: `${param.pointer}/schema` }, "schema", schema), [
    key,
  ]);
}
