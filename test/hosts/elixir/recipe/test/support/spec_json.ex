defmodule ModelgenCheck.SpecJSON do
  @moduledoc """
  Test-only: decode `:jiffy` JSON into the shape a module's `@type` describes (structs, atom enums,
  nil) and encode it back. Reads the typespecs from the compiled beams (`Code.Typespec`), so the
  modules must be compiled to .beam files (mix does that).
  """

  @spec decode!(binary(), module(), atom()) :: term()
  def decode!(json, mod, type \\ :t) do
    term = :jiffy.decode(json, [:return_maps, {:null_term, nil}])

    case cast(term, {:remote_type, 0, [{:atom, 0, mod}, {:atom, 0, type}, []]}, mod) do
      {:ok, v} ->
        v

      {:error, why} ->
        raise ArgumentError, "does not match #{inspect(mod)}.#{type}(): #{inspect(why)}"
    end
  end

  @spec encode!(term()) :: binary()
  def encode!(term), do: IO.iodata_to_binary(:jiffy.encode(plain(term), [:use_nil]))

  @doc "struct -> plain map with string keys, nil fields dropped (a struct cannot tell nil from absent)"
  def plain(%_{} = s), do: s |> Map.from_struct() |> plain()

  def plain(m) when is_map(m),
    do: for({k, v} <- m, v != nil, into: %{}, do: {to_string(k), plain(v)})

  def plain(l) when is_list(l), do: Enum.map(l, &plain/1)
  def plain(a) when is_atom(a) and a not in [nil, true, false], do: Atom.to_string(a)
  def plain(x), do: x

  defp type_of(mod, name, args) do
    {:ok, types} = Code.Typespec.fetch_types(mod)

    Enum.find_value(types, fn
      {_, {^name, t, params}} when length(params) == length(args) -> t
      _ -> nil
    end) || raise "no type #{inspect(mod)}.#{name}/#{length(args)}"
  end

  @doc "cast(json_term, erlang_abstract_type, module_for_local_types) :: {:ok, term} | {:error, reason}"
  def cast(v, {:remote_type, _, [{:atom, _, String}, {:atom, _, :t}, []]}, _), do: bin(v)

  def cast(v, {:remote_type, _, [{:atom, _, m}, {:atom, _, n}, args]}, _),
    do: cast(v, type_of(m, n, args), m)

  def cast(v, {:user_type, _, n, args}, m), do: cast(v, type_of(m, n, args), m)
  def cast(v, {:ann_type, _, [_, t]}, m), do: cast(v, t, m)

  def cast(v, {:type, _, :union, ts}, m) do
    Enum.find_value(ts, {:error, {:no_union_branch, v}}, fn t ->
      case cast(v, t, m) do
        {:ok, _} = ok -> ok
        _ -> nil
      end
    end)
  end

  def cast(nil, {:atom, _, nil}, _), do: {:ok, nil}
  def cast(b, {:atom, _, b}, _) when is_boolean(b), do: {:ok, b}

  def cast(s, {:atom, _, a}, _) when is_binary(s) and is_atom(a),
    do: if(s == Atom.to_string(a), do: {:ok, a}, else: {:error, {:not_atom, a, s}})

  def cast(v, {:type, _, t, []}, _) when t in [:any, :term], do: {:ok, v}
  def cast(v, {:type, _, :integer, []}, _) when is_integer(v), do: {:ok, v}
  def cast(v, {:type, _, :float, []}, _) when is_number(v), do: {:ok, v * 1.0}
  def cast(v, {:type, _, :number, []}, _) when is_number(v), do: {:ok, v}
  def cast(v, {:type, _, :boolean, []}, _) when is_boolean(v), do: {:ok, v}
  def cast(v, {:type, _, :binary, []}, _), do: bin(v)
  def cast(v, {:type, _, :list, []}, _) when is_list(v), do: {:ok, v}

  def cast(v, {:type, _, l, [t]}, m) when l in [:list, :nonempty_list] and is_list(v) do
    Enum.reduce_while(v, {:ok, []}, fn x, {:ok, acc} ->
      case cast(x, t, m) do
        {:ok, y} -> {:cont, {:ok, [y | acc]}}
        e -> {:halt, e}
      end
    end)
    |> case do
      {:ok, l} -> {:ok, Enum.reverse(l)}
      e -> e
    end
  end

  def cast(v, {:type, _, :map, :any}, _) when is_map(v), do: {:ok, v}

  def cast(v, {:type, _, :map, fields}, m) when is_map(v) do
    {exact, assoc} =
      Enum.split_with(fields, &match?({:type, _, :map_field_exact, [{:atom, _, _}, _]}, &1))

    {strukt, exact} = Enum.split_with(exact, &match?({_, _, _, [{:atom, _, :__struct__}, _]}, &1))
    known = for {_, _, _, [{:atom, _, k}, t]} <- exact, into: %{}, do: {Atom.to_string(k), {k, t}}

    result =
      Enum.reduce_while(v, {:ok, %{}}, fn {k, x}, {:ok, acc} ->
        case known do
          %{^k => {ak, t}} ->
            case cast(x, t, m) do
              {:ok, y} -> {:cont, {:ok, Map.put(acc, ak, y)}}
              e -> {:halt, e}
            end

          _ ->
            hit =
              Enum.find_value(assoc, fn {:type, _, _, [kt, vt]} ->
                with {:ok, k2} <- cast(k, kt, m),
                     {:ok, y} <- cast(x, vt, m),
                     do: {k2, y},
                     else: (_ -> nil)
              end)

            if hit,
              do: {:cont, {:ok, Map.put(acc, elem(hit, 0), elem(hit, 1))}},
              else: {:halt, {:error, {:unknown_key, k}}}
        end
      end)

    with {:ok, acc} <- result do
      case strukt do
        # struct: absent keys keep the struct's defaults; struct!/2 raises on a missing @enforce_keys key
        [{_, _, _, [_, {:atom, _, smod}]}] ->
          try do
            {:ok, struct!(smod, acc)}
          rescue
            e in ArgumentError -> {:error, {:missing_key, Exception.message(e)}}
          end

        # plain map type: absent keys must accept nil
        [] ->
          missing = for {_, {ak, t}} <- known, not Map.has_key?(acc, ak), do: {ak, t}

          case Enum.find(missing, fn {_, t} -> cast(nil, t, m) != {:ok, nil} end) do
            {ak, _} -> {:error, {:missing_key, ak}}
            nil -> {:ok, acc}
          end
      end
    end
  end

  def cast(v, t, _), do: {:error, {:mismatch, v, t}}

  defp bin(v) when is_binary(v), do: {:ok, v}
  defp bin(v), do: {:error, {:not_string, v}}
end
