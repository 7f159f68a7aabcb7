// Expected layouts were produced by `mix format` (Elixir 1.14) from one-line input.
import { describe, expect, it } from "vitest";
import { attributeLines, attributeListLines, attributeTermLines, defLines, keywordMapTypeLines, shortDefLines, structTypeLines, text, union, type Term, type TypeDoc } from "../../../src/targets/elixir/layout.js";

const atoms = (...names: string[]) => union(names.map((n) => text(`:"${n}"`)));
const LONG = "OpenAiApi.CreateEvalCompletionsRunDataSource.InputMessages.Template.TemplateItem.t()";
const list = (item: TypeDoc): TypeDoc => ({ kind: "list", item });
const map = (value: TypeDoc): TypeDoc => ({ kind: "map", key: "optional(String.t())", value });

describe("Elixir typespec layout (as mix format prints it)", () => {
  it("keeps what fits on one line", () => {
    expect(attributeLines("@type t ::", union([text("String.t()"), text("nil")]))).toEqual(["  @type t :: String.t() | nil"]);
  });

  it("breaks a long union one member per line under @type", () => {
    expect(attributeLines("@type u ::", atoms("gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5-2025-08-07", "gpt-5-mini-2025-08-07", "gpt-5-pro"))).toEqual([
      "  @type u ::",
      '          :"gpt-5"',
      '          | :"gpt-5-mini"',
      '          | :"gpt-5-nano"',
      '          | :"gpt-5-2025-08-07"',
      '          | :"gpt-5-mini-2025-08-07"',
      '          | :"gpt-5-pro"',
    ]);
  });

  it("moves a spec's result to the next line when that is enough", () => {
    expect(attributeLines("@spec from_json(VeryLongNamespaceForTesting.Codec.json()) ::", union([text("{:ok, t()}"), text("{:error, VeryLongNamespaceForTesting.Codec.error()}")]))).toEqual([
      "  @spec from_json(VeryLongNamespaceForTesting.Codec.json()) ::",
      "          {:ok, t()} | {:error, VeryLongNamespaceForTesting.Codec.error()}",
    ]);
  });

  it("hugs lists and maps that do not fit", () => {
    expect(attributeLines("@type a ::", list(text(LONG)))).toEqual(["  @type a :: [", `          ${LONG}`, "        ]"]);
    expect(attributeLines("@type c ::", map(list(text(LONG))))).toEqual(["  @type c :: %{", "          optional(String.t()) => [", `            ${LONG}`, "          ]", "        }"]);
    expect(attributeLines("@type d ::", map(union([list(text(LONG)), text("nil")])))).toEqual([
      "  @type d :: %{",
      "          optional(String.t()) =>",
      `            [${LONG}]`,
      "            | nil",
      "        }",
    ]);
  });

  it("lays out struct fields, breaking long ones below their key", () => {
    expect(
      structTypeLines([
        { key: "id:", doc: text("String.t()") },
        { key: "model2:", doc: atoms("gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5-2025-08-07", "gpt-5-mini-2025") },
        { key: "list:", doc: union([list(atoms("gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5-2025-08-07", "gpt-5-mini-2025-08-07", "gpt-5-pro")), text("nil")]) },
        { key: "a:", doc: list(list(text(LONG))) },
      ]),
    ).toEqual([
      "  @type t :: %__MODULE__{",
      "          id: String.t(),",
      "          model2:",
      '            :"gpt-5" | :"gpt-5-mini" | :"gpt-5-nano" | :"gpt-5-2025-08-07" | :"gpt-5-mini-2025",',
      "          list:",
      "            [",
      '              :"gpt-5"',
      '              | :"gpt-5-mini"',
      '              | :"gpt-5-nano"',
      '              | :"gpt-5-2025-08-07"',
      '              | :"gpt-5-mini-2025-08-07"',
      '              | :"gpt-5-pro"',
      "            ]",
      "            | nil,",
      "          a: [",
      `            [${LONG}]`,
      "          ]",
      "        }",
    ]);
    expect(structTypeLines([{ key: "value:", doc: text("String.t()") }])).toEqual(["  @type t :: %__MODULE__{value: String.t()}"]);
    expect(structTypeLines([])).toEqual(["  @type t :: %__MODULE__{}"]);
  });

  it("lays out a map type with keyword keys like a struct's", () => {
    expect(keywordMapTypeLines("@type op ::", "%{", [{ key: "name:", doc: text("String.t()") }])).toEqual(["  @type op :: %{name: String.t()}"]);
    expect(
      keywordMapTypeLines("@type operation ::", "%{", [
        { key: "name:", doc: text("String.t()") },
        { key: "operation_id:", doc: union([text("String.t()"), text("nil")]) },
        { key: "responses:", doc: map(map(text("module()"))) },
        { key: "kinds:", doc: atoms("path-template-with-a-long-name", "webhook-with-a-long-name", "callback-with-a-long-name") },
      ]),
    ).toEqual([
      "  @type operation :: %{",
      "          name: String.t(),",
      "          operation_id: String.t() | nil,",
      "          responses: %{optional(String.t()) => %{optional(String.t()) => module()}},",
      "          kinds:",
      '            :"path-template-with-a-long-name"',
      '            | :"webhook-with-a-long-name"',
      '            | :"callback-with-a-long-name"',
      "        }",
    ]);
  });
});

describe("Elixir map terms (as mix format prints them)", () => {
  const kw = (key: string, value: Term) => ({ key: `${key}:`, value });
  const str = (key: string, value: Term) => ({ key: `"${key}" =>`, value });
  const MODULE = "OpenAI.ListPaginatedFineTuningJobsResponseWithAnEvenLongerNameThanUsual";

  it("writes a map flat when it fits", () => {
    expect(attributeTermLines("ops", [{ map: [kw("name", '"x"'), kw("request", { map: [] })] }])).toEqual(['  @ops [%{name: "x", request: %{}}]']);
  });

  it("breaks a long map one entry per line; a map value that does not fit after its key hugs its brace", () => {
    // The inner map would fit on a line of its own; the formatter still breaks it after `responses: %{`.
    const op: Term = {
      map: [
        kw("name", '"listPaginatedFineTuningJobs"'),
        kw("operation_id", "nil"),
        kw("request", { map: [] }),
        kw("responses", { map: [str("200", { map: [str("application/json", "OpenAiApi.ListPaginatedFineTuningJobsResponse")] })] }),
      ],
    };
    expect(attributeTermLines("operations", [op])).toEqual([
      "  @operations [",
      "    %{",
      '      name: "listPaginatedFineTuningJobs",',
      "      operation_id: nil,",
      "      request: %{},",
      "      responses: %{",
      '        "200" => %{"application/json" => OpenAiApi.ListPaginatedFineTuningJobsResponse}',
      "      }",
      "    }",
      "  ]",
    ]);
  });

  it("puts a scalar that does not fit after its key on the next line", () => {
    const op: Term = {
      map: [
        kw("params", MODULE),
        kw("request", { map: [str("application/x-www-form-urlencoded", MODULE)] }),
        kw("path", `"/organization/projects/{project_id}/service_accounts/{service_account_id}/keys/{key_id}/rotate"`),
      ],
    };
    expect(attributeTermLines("operations", [op])).toEqual([
      "  @operations [",
      "    %{",
      `      params: ${MODULE},`,
      "      request: %{",
      '        "application/x-www-form-urlencoded" =>',
      `          ${MODULE}`,
      "      },",
      "      path:",
      '        "/organization/projects/{project_id}/service_accounts/{service_account_id}/keys/{key_id}/rotate"',
      "    }",
      "  ]",
    ]);
  });
});

describe("Elixir data layout", () => {
  it("writes terms flat when they fit, else one element per line", () => {
    expect(attributeTermLines("fields", [{ tuple: [":id", '"id"', ":string", ":required"] }])).toEqual(['  @fields [{:id, "id", :string, :required}]']);
    const long = { tuple: [":status", '"status"', { tuple: [":enum", { list: ["queued", "in_progress", "requires_action", "cancelling", "cancelled"].map((v) => ({ tuple: [`"${v}"`, `:${v}`] })) }] }, ":required"] };
    expect(attributeTermLines("fields", [long])).toEqual([
      "  @fields [",
      "    {",
      "      :status,",
      '      "status",',
      "      {",
      "        :enum,",
      "        [",
      '          {"queued", :queued},',
      '          {"in_progress", :in_progress},',
      '          {"requires_action", :requires_action},',
      '          {"cancelling", :cancelling},',
      '          {"cancelled", :cancelled}',
      "        ]",
      "      },",
      "      :required",
      "    }",
      "  ]",
    ]);
  });

  it("uses do: for short bodies and do/end otherwise", () => {
    expect(defLines("__schema__", { tuple: [":object", "@fields", "nil"] })).toEqual(["  def __schema__, do: {:object, @fields, nil}"]);
    expect(shortDefLines("to_json(value, options \\\\ [])", "VeryLongNamespace.ForModels.Codec.encode!(value, {:model, __MODULE__}, options)")).toEqual([
      "  def to_json(value, options \\\\ []),",
      "    do: VeryLongNamespace.ForModels.Codec.encode!(value, {:model, __MODULE__}, options)",
    ]);
  });

  it("breaks long attribute lists one item per line", () => {
    expect(attributeListLines("defstruct", [":a", ":b"])).toEqual(["  defstruct [:a, :b]"]);
    const many = Array.from({ length: 20 }, (_, i) => `:field_number_${i}`);
    expect(attributeListLines("@enforce_keys", many)).toEqual(["  @enforce_keys [", ...many.map((m, i) => `    ${m}${i < 19 ? "," : ""}`), "  ]"]);
  });
});
