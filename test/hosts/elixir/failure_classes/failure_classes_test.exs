# The failure-classes fixture (test/fixtures/failure-classes.yaml): recursive shapes (`Tree`,
# `Nested`, `JsonLike`, `Forest`) decode and encode, enum atoms are the wire values whatever names
# the spec gives them (titles, x-enum-varnames), and a nullable alias (`Metadata`) is the value
# while the fields that use it take nil. test/compile/elixir.test.ts runs this file against the
# fixtures' compiled modules (no mix project of its own), which include the fixture generated once
# more with `rename.fields` (`Holder.metadata` -> `labels`, `Holder.json` -> `payload`) as
# `FailureClasses.Renamed`.
defmodule FailureClasses.HostTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias FailureClasses.{Holder, Level, Metadata, Mode, Nested, Tree}

  test "a Holder with every recursive shape round-trips unchanged" do
    json = fixture!("holder.json")
    assert {:ok, %Holder{} = holder} = Holder.from_json(json)

    assert holder.tree == %{
             "left" => %{"leaf" => "a", "deeper" => %{"deepest" => "b"}},
             "right" => "c",
             "empty" => %{}
           }

    assert holder.forest == %{"north" => [%{"oak" => "d"}, "e", %{}], "south" => []}
    assert holder.nested == [[[], [[[]]]], []]
    assert holder.json == [1, 2.5, "three", %{"four" => [4, %{"five" => "5"}]}, []]
    assert round_trip!(Holder, json) === json
  end

  test "enum atoms are the wire values; the names the spec gives them are only docs" do
    json = fixture!("holder.json")
    assert {:ok, %Holder{mode: :"fast-lane", level: 2, untitled: -1}} = Holder.from_json(json)
    assert Mode.values() == [:"fast-lane", :"1x", :""]
    assert Level.values() == [1, 2, 3]
    assert Mode.from_json("") == {:ok, :""}
    assert Mode.to_json(:"1x") == "1x"
    # The names are not values: an open enum keeps "FastLane" as an unknown string.
    assert Mode.from_json("FastLane") == {:ok, "FastLane"}
    assert Level.from_json(4) == {:ok, 4}
  end

  test "a nullable alias is the value; the fields that use it take nil" do
    json = fixture!("holder.json")
    assert {:ok, %Holder{metadata: nil, extra: %{"team" => "search"}}} = Holder.from_json(json)

    # Required and nullable: absent reads as nil (lenient presence) and is written as null.
    assert {:ok, %Holder{metadata: nil}} = Holder.from_json(Map.delete(json, "metadata"))
    assert round_trip!(Holder, Map.delete(json, "metadata"))["metadata"] === nil

    # Optional and nullable: null stays null.
    assert round_trip!(Holder, %{json | "extra" => nil}) === %{json | "extra" => nil}

    # The alias itself names the map, not the null.
    assert Metadata.from_json(%{"k" => "v"}) == {:ok, %{"k" => "v"}}
    assert {:error, {:invalid_type, [], "object", nil}} = Metadata.from_json(nil)

    assert {:error, {:invalid_type, ["extra", "team"], "string", 1}} =
             Holder.from_json(%{json | "extra" => %{"team" => 1}})
  end

  test "recursive shapes reject what does not fit, naming the place" do
    json = fixture!("holder.json")
    bad_tree = put_in(json, ["tree", "left", "deeper"], 5)
    assert {:error, {:no_matching_variant, ["tree"], _}} = Holder.from_json(bad_tree)
    assert {:error, {:invalid_type, [0, 1], "array", "x"}} = Nested.from_json([[[], "x"]])
    assert {:ok, "leaf"} = Tree.from_json("leaf")
  end

  test "a renamed field keeps its wire name as the JSON key" do
    json = fixture!("holder.json")
    renamed = FailureClasses.Renamed.Holder
    assert {:ok, holder} = renamed.from_json(json)
    assert %{labels: nil, payload: [1, 2.5, "three" | _]} = holder
    refute Map.has_key?(holder, :metadata)
    refute Map.has_key?(holder, :json)
    assert round_trip!(renamed, json) === json

    written = %{holder | labels: %{"a" => "b"}} |> renamed.to_json() |> encode!() |> decode!()
    assert written["metadata"] == %{"a" => "b"}
    refute Map.has_key?(written, "labels")

    # Errors name the JSON key, not the struct key.
    assert {:error, {:no_matching_variant, ["json"], _}} =
             renamed.from_json(%{json | "json" => true})
  end
end
