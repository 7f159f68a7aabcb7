# The Elixir side of the conformance suite (test/conformance/): decodes each of the spec's example
# responses with the generated model and encodes it back. test/compile/elixir.test.ts runs it in a
# generated project that is already compiled, with
#   MIX_ENV=test mix run --no-compile <this file>
#   MODELGEN_CASES    [{"id", "type": "<module>", "json": <example>}, ...]   (read)
#   MODELGEN_RESULTS  [{"id", "ok": true, "output": <re-encoded JSON>}
#                      | {"id", "ok": false, "error": "<the codec's message>"}, ...]   (written)
#   MODELGEN_CODEC    the generated `<Namespace>.Codec`, whose format_error/1 words the errors
# JSON goes through jiffy with the options the generated codec expects: string keys, nil for null.
defmodule ModelgenHost.Conformance do
  def decode!(text), do: :jiffy.decode(text, [:return_maps, {:null_term, nil}])

  def encode!(term), do: :jiffy.encode(term, [:use_nil])

  def main do
    cases = System.fetch_env!("MODELGEN_CASES") |> File.read!() |> decode!()
    results = Enum.map(cases, &run_case/1)
    File.write!(System.fetch_env!("MODELGEN_RESULTS"), [encode!(results), "\n"])
    ok = Enum.count(results, & &1["ok"])
    IO.puts("conformance: #{length(results)} cases, #{ok} decoded and re-encoded")
  end

  # The module name comes from the cases file, which takes it from the generator's own naming.
  defp run_case(%{"id" => id, "type" => type, "json" => json}) do
    module = Module.concat([type])

    case Code.ensure_loaded?(module) && module.from_json(json) do
      false ->
        %{"id" => id, "ok" => false, "error" => "no module #{type}"}

      {:ok, value} ->
        # Encoded to text and parsed back: what a client would send is what gets compared.
        output = value |> module.to_json() |> encode!() |> decode!()
        %{"id" => id, "ok" => true, "output" => output}

      {:error, reason} ->
        codec = Module.concat([System.fetch_env!("MODELGEN_CODEC")])
        %{"id" => id, "ok" => false, "error" => codec.format_error(reason)}
    end
  rescue
    e -> %{"id" => id, "ok" => false, "error" => "raised " <> Exception.format_banner(:error, e)}
  end
end

ModelgenHost.Conformance.main()
