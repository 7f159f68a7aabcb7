# Shared by the ExUnit round-trip tests. test/compile/elixir.test.ts copies this file and one
# folder of tests (runs_api/, openai/ or petstore/) into the `test/` folder of a freshly generated
# project and runs `mix test` there; MODELGEN_FIXTURES points at that suite's folder under
# test/hosts/elixir/fixtures/ (runs_api/, openai-2024-06-24/, openai-2026-08-21/ or petstore/).
ExUnit.start()

defmodule ModelgenHost.JSON do
  @moduledoc "jiffy with the options the generated models expect: string keys, nil for null."

  def decode!(text), do: :jiffy.decode(text, [:return_maps, {:null_term, nil}])

  def encode!(term), do: :jiffy.encode(term, [:use_nil])

  @doc "A fixture file, decoded."
  def fixture!(relative) do
    System.fetch_env!("MODELGEN_FIXTURES") |> Path.join(relative) |> File.read!() |> decode!()
  end

  @doc "Decodes `json` with `module`, encodes the result and parses the JSON text back."
  def round_trip!(module, json) do
    {:ok, value} = module.from_json(json)
    value |> module.to_json() |> encode!() |> decode!()
  end
end
