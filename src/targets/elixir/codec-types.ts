// The typespecs of the generated `<Namespace>.Codec` module and of the root module: the JSON term
// the models take and give, error reasons, the `__schema__/0` descriptions, and the public
// functions' specs. Written here with the same type mapping and layout as the models' own specs
// (primitiveSpec, union, attributeLines), so templates only place them.
import { attributeLines, text, union, type TypeDoc } from "./layout.js";
import { primitiveSpec } from "./types.js";
import { stringLiteral } from "./naming.js";

const string = primitiveSpec("string");
const boolean = primitiveSpec("boolean");
const t = (s: string) => text(s);
const list = (item: TypeDoc): TypeDoc => ({ kind: "list", item });
const map = (key: string, value: TypeDoc): TypeDoc => ({ kind: "map", key, value });

/** One `@typedoc` + `@type` declaration, as lines. */
export interface TypeDeclaration {
  lines: string[];
}

function declaration(doc: string | string[], name: string, type: TypeDoc): TypeDeclaration {
  const typedoc = typeof doc === "string" ? [`  @typedoc ${stringLiteral(doc)}`] : ['  @typedoc """', ...doc.map((l) => `  ${l}`), '  """'];
  return { lines: [...typedoc, ...attributeLines(`@type ${name} ::`, type)] };
}

/** The Codec module's types, in the order they are declared. */
export function codecTypeDeclarations(): TypeDeclaration[] {
  return [
    declaration("A JSON value as the models take and give it: string keys, `nil` for `null`.", "json", union([t("nil"), t(boolean), t(primitiveSpec("number")), t(string), list(t("json()")), map(`optional(${string})`, t("json()"))])),
    declaration("Where a value sits in the JSON document: object keys and list indexes, outermost first.", "path", list(union([t(string), t("non_neg_integer()")]))),
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
      ]),
    ),
    declaration(
      "The type of a value, as the generated `__schema__/0` functions write it.",
      "type",
      union(
        [":string", ":integer", ":number", ":boolean", ":any", "{:literal, json(), term()}", "{:enum, [{json(), term()}]}", "{:list, type()}", "{:map, type()}", "{:nullable, type()}", "{:model, module()}"].map(t),
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
    declaration("Encoding options: `optional_nils: :omit` leaves out every optional field that is `nil`.", "encode_options", t("[optional_nils: :null | :omit]")),
    declaration("A struct field: struct key, JSON key, type, presence.", "field", t(`{atom(), ${string}, type(), presence()}`)),
    declaration("A union's variant: its type and the tags that select it.", "variant", t(`{type(), tags :: [${string}]}`)),
    declaration(
      "What a model module's `__schema__/0` returns.",
      "schema",
      union([
        t(`{:object, [field()], extra :: nil | {atom(), type()}}`),
        t(`{:union, [variant()], tag_property :: ${string} | nil, nullable :: ${boolean}}`),
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
