// Helpers for the OpenAPI objects around schemas (path items, operations, parameters, request
// bodies, responses, media types): following their `$ref`s and classifying media types.
import type { SourceDocument } from "../../load/loader.js";
import { appendPointer } from "../../load/pointer.js";
import type { BodyKind } from "../types.js";
import type { NormalizeContext } from "./context.js";
import { isSchemaObject, type Schema } from "./keywords.js";

/** An OpenAPI object (not a schema) and where it was written. */
export interface Located {
  doc: SourceDocument;
  pointer: string;
  value: Schema;
  /** Reached through a `$ref` (so named by where it is defined, not where it is used). */
  viaRef?: true;
}

/**
 * The object at `value`, following `$ref`s (to components or other files) until one is not a
 * reference. `what` names the expected object in errors ("a path item", "a parameter").
 */
export function follow(n: NormalizeContext, doc: SourceDocument, pointer: string, value: unknown, what: string): Located {
  const seen = new Set<string>();
  let cur: Located = { doc, pointer, value: expectObject(n, doc, pointer, value, what) };
  while (typeof cur.value.$ref === "string") {
    const key = n.specs.idOf(cur.doc, cur.pointer);
    if (seen.has(key))
      throw n.error({ doc: cur.doc, pointer: cur.pointer, schema: cur.value }, "$ref", `$ref chain loops back without reaching ${what}`);
    seen.add(key);
    const target = n.resolve(cur.value.$ref, cur.doc, cur.value, cur.pointer);
    cur = {
      doc: target.doc,
      pointer: target.pointer,
      value: expectObject(n, target.doc, target.pointer, target.value, what),
      viaRef: true,
    };
  }
  return cur;
}

function expectObject(n: NormalizeContext, doc: SourceDocument, pointer: string, value: unknown, what: string): Schema {
  if (isSchemaObject(value)) return value;
  const found = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  throw n.error({ doc, pointer, schema: value }, undefined, `expected ${what} (an object), found ${found}`);
}

/** The entries of a map-valued key (`content`, `responses`, `paths`), skipping `x-` extensions. */
export function entriesOf(at: Located, key: string): [string, unknown, string][] {
  const map = at.value[key];
  if (!isSchemaObject(map)) return [];
  return Object.entries(map)
    .filter(([k]) => !k.startsWith("x-"))
    .map(([k, v]) => [k, v, appendPointer(at.pointer, key, k)]);
}

const JSON_MEDIA = /^application\/(?:[\w.!#$&^-]+\+)?json\s*(?:;.*)?$/i;
const FORM_MEDIA = /^application\/x-www-form-urlencoded\s*(?:;.*)?$/i;
const MULTIPART_MEDIA = /^multipart\/form-data\s*(?:;.*)?$/i;

/** The kind of body a media type carries, or undefined for one the tool makes no model of. */
export function bodyKind(mediaType: string): BodyKind | undefined {
  if (JSON_MEDIA.test(mediaType)) return "json";
  if (FORM_MEDIA.test(mediaType)) return "form";
  if (MULTIPART_MEDIA.test(mediaType)) return "multipart";
  return undefined;
}

/** A response's kind of body: JSON only (a form is what a client sends). */
export function responseKind(mediaType: string): BodyKind | undefined {
  return JSON_MEDIA.test(mediaType) ? "json" : undefined;
}

// `text/json` (ASP.NET lists it beside application/json), a wildcard suffix (`application/` star
// `+json`) and the wildcards themselves (star/star, `application/` star: springdoc's default for
// every response of a Spring API).
const JSON_FALLBACK_MEDIA = /^(?:text\/json|application\/\*\+json|\*\/\*|application\/\*)\s*(?:;.*)?$/i;

/**
 * A media type whose schema is read as JSON's when its `content` has no media type the tool makes
 * a model of (mediaSchemas takes the first such one only then).
 */
export function isJsonFallback(mediaType: string): boolean {
  return JSON_FALLBACK_MEDIA.test(mediaType);
}


export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
