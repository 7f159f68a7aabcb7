defmodule Acme.Metadata do
  @moduledoc """
  The user's own type for the `Metadata` model (`map: { Metadata: { elixir: "Acme.Metadata" } }`):
  the generated codec reads and writes it with `from_json/1` and `to_json/1`.
  """

  @type t :: %__MODULE__{pairs: %{optional(String.t()) => String.t()}}
  defstruct pairs: %{}

  @spec from_json(term()) :: {:ok, t()} | {:error, :not_string_pairs}
  def from_json(json) when is_map(json) do
    if Enum.all?(json, fn {k, v} -> is_binary(k) and is_binary(v) end),
      do: {:ok, %__MODULE__{pairs: json}},
      else: {:error, :not_string_pairs}
  end

  def from_json(_json), do: {:error, :not_string_pairs}

  @spec to_json(t()) :: %{optional(String.t()) => String.t()}
  def to_json(%__MODULE__{pairs: pairs}), do: pairs
end
