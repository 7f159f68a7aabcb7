// Inline schemas of the components that are not schemas: request bodies, responses, parameters and
// headers. Each is named by its component key, so every operation that refers to it agrees.
import type { NormalizeContext } from "./context.js";
import { bodyKind, entriesOf, follow, type Located } from "./spec-objects.js";
import { mediaSchemas } from "./operations.js";
import { partType, objectDocs } from "./parts.js";
import { typeOf } from "./schema-to-type.js";
import { isSchemaObject } from "./keywords.js";

export function normalizeComponentParts(n: NormalizeContext, components: Located, withParameters: boolean): void {
  for (const [collection, accepts] of [
    ["requestBodies", (mt: string) => bodyKind(mt) !== undefined],
    ["responses", (mt: string) => bodyKind(mt) === "json"],
  ] as const) {
    for (const [key, value, pointer] of entriesOf(components, collection)) {
      const part = follow(n, components.doc, pointer, value, collection === "responses" ? "a response" : "a request body");
      if (part.viaRef) continue; // defined where the reference leads
      for (const media of mediaSchemas(n, part, accepts)) {
        const kind = bodyKind(media.mediaType)!;
        partType(n, media.at, { hint: [key, ...media.suffix(kind)], mediaType: media.mediaType, docs: objectDocs(part.value) });
      }
    }
  }
  if (!withParameters) return;
  for (const collection of ["parameters", "headers"]) {
    for (const [key, value, pointer] of entriesOf(components, collection)) {
      const param = follow(n, components.doc, pointer, value, collection === "headers" ? "a header" : "a parameter");
      if (param.viaRef || param.value.schema === undefined) continue;
      // Only schemas that are models (objects, enums, unions) are hoisted; a primitive stays a field type.
      const schema = param.value.schema;
      if (!isSchemaObject(schema)) continue;
      typeOf(
        n,
        n.child({ doc: param.doc, pointer: param.pointer, schema: param.value, owner: `${param.pointer}/schema` }, "schema", schema),
        [key],
      );
    }
  }
}
