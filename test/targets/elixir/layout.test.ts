// Expected layouts were produced by `mix format` (Elixir 1.14) from one-line input.
import { describe, expect, it } from "vitest";
import { attributeLines, attributeListLines, attributeTermLines, defLines, shortDefLines, structTypeLines, text, union, type TypeDoc } from "../../../src/targets/elixir/layout.js";

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
