// The typespecs of the generated support modules: `<Namespace>.Codec` (the JSON term the models
// take and give, error reasons, the `__schema__/0` descriptions), the root module and
// `<Namespace>.Operations`, and their public functions' specs. Written here with the same type
// mapping and layout as the models' own specs (primitiveSpec, union, attributeLines), so
// templates only place them.
import { HTTP_METHODS } from "../../ir/normalize/spec-objects.js";
import type { Operation } from "../../ir/types.js";
import { attributeLines, keywordMapTypeLines, text, union, type TypeDoc } from "./layout.js";
import { primitiveSpec } from "./types.js";
import { atomLiteral, stringLiteral } from "./naming.js";

const string = primitiveSpec("string");
const boolean = primitiveSpec("boolean");
const t = (s: string) => text(s);
const list = (item: TypeDoc): TypeDoc => ({ kind: "list", item });
const map = (key: string, value: TypeDoc): TypeDoc => ({ kind: "map", key, value });

/** One `@typedoc` + `@type` declaration, as lines. */
export interface TypeDeclaration {
  /** The `@typedoc` and `@type` lines, laid out. */
  lines: string[];
}

/** `@typedoc "..."` for one line, a heredoc for several. */
function typedocLines(doc: string | string[]): string[] {
  return typeof doc === "string" ? [`  @typedoc ${stringLiteral(doc)}`] : ['  @typedoc """', ...doc.map((l) => `  ${l}`), '  """'];
}

function declaration(doc: string | string[], name: string, type: TypeDoc): TypeDeclaration {
  return { lines: [...typedocLines(doc), ...attributeLines(`@type ${name} ::`, type)] };
}

/** The Codec module's types, in the order they are declared. */
export function codecTypeDeclarations(): TypeDeclaration[] {
  return [
    declaration(
      "A JSON value as the models take and give it: string keys, `nil` for `null`.",
      "json",
      union([t("nil"), t(boolean), t(primitiveSpec("number")), t(string), list(t("json()")), map(`optional(${string})`, t("json()"))]),
    ),
    declaration(
      "Where a value sits in the JSON document: object keys and list indexes, outermost first.",
      "path",
      list(union([t(string), t("non_neg_integer()")])),
    ),
    declaration(
      "Why a JSON value does not fit a model.",
      "error",
      union([
        t("{:missing_field, path()}"),
        t(`{:invalid_type, path(), expected :: ${string}, value :: term()}`),
        t("{:invalid_enum, path(), value :: term()}"),
        t("{:invalid_literal, path(), expected :: term(), value :: term()}"),
        t("{:unknown_tag, path(), value :: term()}"),
        t("{:no_matching_variant, path(), [error()]}"),
        t("{:invalid_format, path(), value :: term()}"),
      ]),
    ),
    declaration(
      [
        "The type of a value, as the generated `__schema__/0` functions write it. An enum lists its",
        "values with the terms they decode to; an open one also names the JSON types of the values",
        "it keeps without listing them. `:date_time`, `:date`, `:uuid` and `:unixtime` are formats read",
        "as Elixir's own types (`types: native`); `{:external, module}` is a type of yours, read and",
        "written by its module's `from_json/1` (`{:ok, value}` or `{:error, reason}`) and `to_json/1`.",
      ],
      "type",
      union(
        [
          ":string",
          ":integer",
          ":number",
          ":boolean",
          ":any",
          "{:literal, json(), term()}",
          "{:enum, [{json(), term()}]}",
          "{:enum, [{json(), term()}], unknown :: [:string | :integer | :number | :boolean]}",
          "{:list, type()}",
          "{:map, type()}",
          "{:nullable, type()}",
          "{:model, module()}",
          ":date_time",
          ":date",
          ":uuid",
          ":unixtime",
          "{:external, module()}",
        ].map(t),
      ),
    ),
    declaration(
      [
        "How a field may be absent: `:required` never; `:nil_if_absent` is a required field that allows",
        "`null` under lenient presence; `:optional` may be absent and is left out when `nil`;",
        "`:optional_nullable` may be absent and is written as `null` when `nil`.",
      ],
      "presence",
      union([":required", ":nil_if_absent", ":optional", ":optional_nullable"].map(t)),
    ),
    declaration(
      "Encoding options: `optional_nils: :omit` leaves out every optional field that is `nil`.",
      "encode_options",
      t("[optional_nils: :null | :omit]"),
    ),
    declaration("A struct field: struct key, JSON key, type, presence.", "field", t(`{atom(), ${string}, type(), presence()}`)),
    declaration("A union's variant: its type and the tags that select it.", "variant", t(`{type(), tags :: [${string}]}`)),
    declaration(
      [
        "An object of a tagged union whose tag the spec does not list, kept as it was received (open",
        "unions, the default); encoding writes it back unchanged.",
      ],
      "unknown_variant",
      map(`optional(${string})`, t("json()")),
    ),
    declaration(
      "What a model module's `__schema__/0` returns.",
      "schema",
      union([
        t(`{:object, [field()], extra :: nil | {atom(), type()}}`),
        t(`{:union, [variant()], tag :: ${string} | nil, unknown_tags :: :keep | :reject}`),
        t("{:type, type()}"),
      ]),
    ),
  ];
}

/** The Codec module's public functions' specs, by function. */
export function codecSpecs(): Record<"decode" | "encode" | "encodeBang" | "formatError", string[]> {
  const ok = (value: string) => union([t(`{:ok, ${value}}`), t("{:error, error()}")]);
  return {
    decode: attributeLines("@spec decode(json(), type()) ::", ok("term()")),
    encode: attributeLines("@spec encode(term(), type(), encode_options()) ::", ok("json()")),
    encodeBang: attributeLines("@spec encode!(term(), type(), encode_options()) ::", t("json()")),
    formatError: attributeLines("@spec format_error(error()) ::", t(string)),
  };
}

/** The root module's `models/0` spec. */
export function modelsSpecLines(): string[] {
  return attributeLines("@spec models() ::", list(t("module()")));
}

const OPERATION_KINDS: readonly Operation["kind"][] = ["path", "webhook", "callback"];

/** The `Operations` module's `operation` type: one entry of the index. */
export function operationTypeDeclaration(): TypeDeclaration {
  const maybe = (doc: TypeDoc) => union([doc, t("nil")]);
  const byString = (value: TypeDoc) => map(`optional(${string})`, value);
  const fields: { key: string; doc: TypeDoc }[] = [
    { key: "name:", doc: t(string) },
    { key: "operation_id:", doc: maybe(t(string)) },
    { key: "kind:", doc: union(OPERATION_KINDS.map((k) => t(atomLiteral(k)))) },
    // Every method the IR reads, so the type holds for any spec.
    { key: "method:", doc: union(HTTP_METHODS.map((m) => t(atomLiteral(m)))) },
    { key: "path:", doc: t(string) },
    { key: "params:", doc: maybe(t("module()")) },
    { key: "request:", doc: byString(t("module()")) },
    { key: "responses:", doc: byString(byString(t("module()"))) },
  ];
  const doc = [
    "An operation and the modules of its models: `:params` (its path, query, header and cookie",
    "parameters), `:request` (the body by media type) and `:responses` (the body by status code,",
    "then media type).",
  ];
  return { lines: [...typedocLines(doc), ...keywordMapTypeLines("@type operation ::", "%{", fields)] };
}

/** The `Operations` module's public functions' specs, by function. */
export function operationsSpecs(): Record<"all" | "get", string[]> {
  return {
    all: attributeLines("@spec all() ::", list(t("operation()"))),
    get: attributeLines(`@spec get(${string}) ::`, union([t("{:ok, operation()}"), t(":error")])),
  };
}
