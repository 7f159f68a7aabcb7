// The Codec module's and root module's typespecs, computed in the target (not in templates).
import { describe, expect, it } from "vitest";
import { codecSpecs, codecTypeDeclarations, modelsSpecLines, operationsSpecs, operationTypeDeclaration } from "../../../src/targets/elixir/codec-types.js";

const byName = Object.fromEntries(codecTypeDeclarations().map((d) => [d.lines.find((l) => l.startsWith("  @type "))!.split(" ")[3]!, d.lines]));

describe("Codec typespecs", () => {
  it.each([
    {
      name: "json",
      want: ['  @typedoc "A JSON value as the models take and give it: string keys, `nil` for `null`."', "  @type json ::", "          nil | boolean() | number() | String.t() | [json()] | %{optional(String.t()) => json()}"],
    },
    { name: "path", want: ['  @typedoc "Where a value sits in the JSON document: object keys and list indexes, outermost first."', "  @type path :: [String.t() | non_neg_integer()]"] },
    { name: "encode_options", want: ['  @typedoc "Encoding options: `optional_nils: :omit` leaves out every optional field that is `nil`."', "  @type encode_options :: [optional_nils: :null | :omit]"] },
    {
      name: "schema",
      want: [
        '  @typedoc "What a model module\'s `__schema__/0` returns."',
        "  @type schema ::",
        "          {:object, [field()], extra :: nil | {atom(), type()}}",
        "          | {:union, [variant()], tag :: String.t() | nil, unknown_tags :: :keep | :reject}",
        "          | {:type, type()}",
      ],
    },
    {
      // what an open tagged union keeps for a tag it does not list
      name: "unknown_variant",
      want: [
        '  @typedoc """',
        "  An object of a tagged union whose tag the spec does not list, kept as it was received (open",
        "  unions, the default); encoding writes it back unchanged.",
        '  """',
        "  @type unknown_variant :: %{optional(String.t()) => json()}",
      ],
    },
  ])("$name", ({ name, want }) => {
    expect(byName[name]).toEqual(want);
  });

  it("declares every type the Codec's specs name, each once, and breaks long unions one member per line", () => {
    expect(Object.keys(byName)).toEqual(["json", "path", "error", "type", "presence", "encode_options", "field", "variant", "unknown_variant", "schema"]);
    expect(byName.error!.filter((l) => l.startsWith("          | "))).toHaveLength(6);
    // an open enum names the JSON types of the values it keeps
    expect(byName.type).toContain("          | {:enum, [{json(), term()}], unknown :: [:string | :integer | :number | :boolean]}");
    expect(byName.presence!.slice(0, 2)).toEqual(['  @typedoc """', "  How a field may be absent: `:required` never; `:nil_if_absent` is a required field that allows"]);
    // Type lines fit mix format's 98 columns (a string in a typedoc is never broken, so it may not).
    for (const lines of Object.values(byName)) for (const l of lines.filter((x) => !x.includes("@typedoc"))) expect(l.length, l).toBeLessThanOrEqual(98);
  });

  it("writes the public functions' specs", () => {
    expect(codecSpecs()).toEqual({
      decode: ["  @spec decode(json(), type()) :: {:ok, term()} | {:error, error()}"],
      encode: ["  @spec encode(term(), type(), encode_options()) :: {:ok, json()} | {:error, error()}"],
      encodeBang: ["  @spec encode!(term(), type(), encode_options()) :: json()"],
      formatError: ["  @spec format_error(error()) :: String.t()"],
    });
    expect(modelsSpecLines()).toEqual(["  @spec models() :: [module()]"]);
  });
});

describe("Operations typespecs", () => {
  it("types an index entry as a map with keyword keys, every HTTP method and kind listed", () => {
    const lines = operationTypeDeclaration().lines;
    expect(lines.slice(0, 2)).toEqual(['  @typedoc """', "  An operation and the modules of its models: `:params` (its path, query, header and cookie"]);
    expect(lines.slice(lines.indexOf("  @type operation :: %{"))).toEqual([
      "  @type operation :: %{",
      "          name: String.t(),",
      "          operation_id: String.t() | nil,",
      "          kind: :path | :webhook | :callback,",
      "          method: :get | :put | :post | :delete | :options | :head | :patch | :trace,",
      "          path: String.t(),",
      "          params: module() | nil,",
      "          request: %{optional(String.t()) => module()},",
      "          responses: %{optional(String.t()) => %{optional(String.t()) => module()}}",
      "        }",
    ]);
  });

  it("writes the public functions' specs", () => {
    expect(operationsSpecs()).toEqual({
      all: ["  @spec all() :: [operation()]"],
      get: ["  @spec get(String.t()) :: {:ok, operation()} | :error"],
    });
  });
});
