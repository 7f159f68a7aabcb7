defmodule ModelgenElixirCheck.MixProject do
  use Mix.Project

  # Self-contained recipe: a hand-written stand-in for generated models (lib/)
  # and round-trips sample JSON with :jiffy (Debian erlang-jiffy). No deps, no Hex.
  def project do
    [
      app: :modelgen_elixir_check,
      version: "0.1.0",
      elixir: "~> 1.14",
      deps: [],
      elixirc_paths: elixirc_paths(Mix.env()),
      test_paths: ["test"],
      # keep debug info (default): dialyzer and Code.Typespec read types from the beams
      elixirc_options: [warnings_as_errors: true]
    ]
  end

  # test/support (the JSON <-> typespec caster) is compiled only for tests
  defp elixirc_paths(:test), do: ["lib", "test/support"]
  defp elixirc_paths(_), do: ["lib"]

  # :jiffy lives in the OTP lib dir (/usr/lib/erlang/lib/jiffy-1.1.1), so it is on the code path
  # already; listing it here starts it for `mix test` and makes mix check it is there.
  def application, do: [extra_applications: [:jiffy]]
end
