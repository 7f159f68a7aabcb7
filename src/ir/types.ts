// The intermediate representation: a closed set of plain, JSON-serializable kinds.
// Every target reads only this; nothing here knows about any target language.

import type { SourceRef } from "../common/source.js";

/** Where a model or field was written (shared with the loader, which locates nodes). */
export type { SourceRef };

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Constraints from JSON Schema validation keywords, kept as written (3.0 boolean exclusives are converted to numbers). */
export interface Constraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  /**
   * The spec's digits for the bounds above that are integers beyond 2^53 (int64's:
   * 9223372036854775807), which their numbers hold only as the nearest double
   * (9223372036854775808): what targets print and the diff compares (boundText in query.ts).
   */
  exact?: Partial<Record<NumericBound, string>>;
}

/** The constraints whose value may be an integer a double does not hold exactly. */
export type NumericBound = "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf";

/** Documentation and annotations that travel with a schema. */
export interface Docs {
  title?: string;
  description?: string;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** `example` / `examples` as written. */
  examples?: JsonValue[];
  /** `x-*` keys as written, minus the ones the normalizer consumed (x-stainless-const). */
  extensions?: Record<string, JsonValue>;
}

export type PrimitiveName = "string" | "integer" | "number" | "boolean";

/**
 * A type as used somewhere (a field, an array item, a map value, a union variant).
 * `nullable` is the one IR concept for every null idiom of OpenAPI.
 */
export type TypeExpr =
  | PrimitiveType
  | LiteralType
  | RefType
  | ArrayType
  | MapType
  | UnknownType;

interface TypeBase {
  nullable?: boolean;
  constraints?: Constraints;
}

export interface PrimitiveType extends TypeBase {
  kind: "primitive";
  type: PrimitiveName;
  /** int32, int64, uint64, float, double, date-time, date, uuid, uri, byte, binary, unixtime, or any custom format. */
  format?: string;
  /** The spec gave no format; it was inferred (an integer described as a "Unix timestamp" is `unixtime`). */
  formatInferred?: true;
}

/** A single allowed value: `const`, a one-value `enum`, `x-stainless-const`. */
export interface LiteralType extends TypeBase {
  kind: "literal";
  value: string | number | boolean;
  /** The spec's digits when `value` is an integer beyond 2^53 that they spell otherwise (see Constraints.exact). */
  exact?: string;
  /** The schema's `format` (`int64`: TypeScript's `int64: bigint` writes the value as a bigint). */
  format?: string;
}

/** A reference to a named model, by model id. */
export interface RefType extends TypeBase {
  kind: "ref";
  target: string;
}

export interface ArrayType extends TypeBase {
  kind: "array";
  items: TypeExpr;
}

/** A string-keyed map (`additionalProperties` with no declared properties). */
export interface MapType extends TypeBase {
  kind: "map";
  values: TypeExpr;
}

/** Any JSON value (`{}`, `additionalProperties: true` values, schemas the IR cannot express). */
export interface UnknownType extends TypeBase {
  kind: "unknown";
}

export interface Field {
  /** The name on the wire, exactly as in the spec. */
  name: string;
  type: TypeExpr;
  required: boolean;
  default?: JsonValue;
  /** The spec's digits when `default` is an integer beyond 2^53 that they spell otherwise (see Constraints.exact). */
  defaultExact?: string;
  docs: Docs;
  source: SourceRef;
  /** An identifier chosen by the user (config `rename.fields`) instead of the wire name; the wire name stays `name`. */
  identifier?: string;
  /** Set on the fields of an operation's parameters model: where and how the parameter is sent. */
  parameter?: ParameterLocation;
}

export interface ParameterLocation {
  in: "path" | "query" | "header" | "cookie";
  /** As written in the spec (absent: the default for its location). */
  style?: string;
  explode?: boolean;
}

/**
 * Which part of the API a top-level model comes from (hoisted models share their parent's).
 * Absent: `components` (a component schema, or the inline schema of another component).
 */
export type ModelOrigin = "operation" | "parameters" | "webhook" | "file";

interface ModelBase {
  /** Stable identity: the JSON pointer of the defining schema, prefixed with its file when not the root spec. */
  id: string;
  /**
   * Name words from the outermost named schema down to this one, e.g. ["RunObject", "last_error"].
   * Targets derive identifiers from it; a component has one entry (its key, or a file name).
   */
  nameHint: string[];
  /** For hoisted inline schemas: the model whose definition contains this one. */
  parent?: string;
  docs: Docs;
  default?: JsonValue;
  /** The spec's digits when `default` is an integer beyond 2^53 that they spell otherwise (see Constraints.exact). */
  defaultExact?: string;
  /** Null is written on the model's own schema; every reference to it is nullable too. */
  nullable?: boolean;
  source: SourceRef;
  /** Where in the API the model comes from; absent for components (see ModelOrigin). */
  origin?: ModelOrigin;
  /** For request and response bodies: the media type the model describes (e.g. `multipart/form-data`). */
  mediaType?: string;
}

export interface ObjectModel extends ModelBase {
  kind: "object";
  fields: Field[];
  /** Type of extra keys: absent when the object is closed or says nothing (`additionalProperties` unset). */
  additionalProperties?: TypeExpr;
  /** Models whose fields were merged in through `allOf`. */
  mergedFrom?: string[];
}

export interface EnumMember {
  /** The value on the wire, kept exactly (it may be "", contain dots or start with a digit). */
  value: string | number | boolean;
  /** The spec's digits when `value` is an integer beyond 2^53 that they spell otherwise (see Constraints.exact). */
  exact?: string;
  /** The name the spec's authors gave the value (a const branch's `title`, `x-enum-varnames`, `x-enumNames`). */
  name?: string;
  description?: string;
}

/** A literal's or an enum member's value on the wire, with the spec's digits beyond 2^53. */
export type WireValue = Pick<EnumMember, "value" | "exact">;

export interface EnumModel extends ModelBase {
  kind: "enum";
  valueType: "string" | "integer" | "number" | "boolean" | "mixed";
  members: EnumMember[];
  /** The schema's `format`, or the one every const branch gives (`int64`: see LiteralType.format). */
  format?: string;
}

export interface UnionVariant {
  type: TypeExpr;
  /** The discriminator value(s) that select this variant, when the union is tagged. */
  tags?: string[];
  /**
   * A schema extending the union's type through allOf (or the type's own object), in the union of
   * a type's subtypes (ir/normalize/hierarchy.ts): named by its model, as tags such as Azure's
   * `#Microsoft.Media.H264Video` name no variant well.
   */
  subtype?: true;
}

export interface UnionModel extends ModelBase {
  kind: "union";
  variants: UnionVariant[];
  /** Present when every object variant is selected by one property holding distinct literal values. */
  discriminator?: {
    property: string;
    /** "declared": the spec has a `discriminator`; "inferred": found from the variants' literal properties. */
    origin: "declared" | "inferred";
  };
  /** `oneOf` (exactly one matches) or `anyOf`. */
  combinator: "oneOf" | "anyOf";
}

/** A named schema that is not an object, enum or union: a primitive, array, map, literal or unknown. */
export interface AliasModel extends ModelBase {
  kind: "alias";
  type: TypeExpr;
}

export type Model = ObjectModel | EnumModel | UnionModel | AliasModel;

export type DegradationKind =
  | "unsupported-keyword"
  | "became-unknown"
  | "dropped-constraint"
  | "allof-conflict"
  | "unresolved-discriminator"
  | "ignored-keyword"
  | "ignored-media-type";

/** A place where the IR could not represent the spec exactly. */
export interface Degradation {
  kind: DegradationKind;
  message: string;
  source: SourceRef;
}

/** How a request body is encoded: JSON (`application/json`, `*+json`), a URL-encoded form or a multipart form. */
export type BodyKind = "json" | "form" | "multipart";

export interface OperationBody {
  mediaType: string;
  kind: BodyKind;
  /** A reference to the body's model (an operation model, or the existing model a `$ref` names). */
  type: TypeExpr;
  required: boolean;
}

export interface OperationResponse {
  /** `200`, `4XX`, `default`, ... */
  status: string;
  mediaType: string;
  type: TypeExpr;
}

/** An operation of `paths`, `webhooks` or a callback, and the models of its parts. */
export interface Operation {
  /** The JSON pointer of the operation object (file-prefixed when not in the root document). */
  id: string;
  /** `operationId` when the spec gives one; else a name from the method and path (see `name`). */
  operationId?: string;
  /** Name words: the operationId's, or derived (method + path words; callback: parent + key + method; webhook: key + method). */
  name: string[];
  /** Lower case (`get`, `post`, ...). */
  method: string;
  /** The path template, the webhook's key, or the callback's runtime expression. */
  path: string;
  kind: "path" | "webhook" | "callback";
  /** For callbacks: the operation that declares it and the callback's key. */
  callbackOf?: { operation: string; name: string };
  /** The operation's `tags`, as written. */
  tags?: string[];
  docs: Docs;
  source: SourceRef;
  /** The model of the operation's parameters (path-item and operation parameters merged). */
  params?: string;
  requests: OperationBody[];
  responses: OperationResponse[];
}

export interface IrDocument {
  irVersion: 1;
  spec: {
    file: string;
    openapi: string;
    title?: string;
    version?: string;
  };
  /** Sorted by id, so the JSON form is deterministic. */
  models: Model[];
  /** Operations with at least one model, sorted by id (absent when there are none). */
  operations?: Operation[];
  report: Degradation[];
}
