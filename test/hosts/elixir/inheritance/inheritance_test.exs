# The inheritance fixture (test/fixtures/inheritance.yaml): a type that declares a discriminator and
# is extended through allOf holds any of its subtypes. Each decodes as the struct of the subtype its
# tag names, with every field of its own, and encodes back unchanged; a type that occurs itself is
# its `Base` struct, and a tag the spec does not list is kept as the map received.
# test/compile/elixir.test.ts runs this file against the fixtures' compiled modules.
defmodule InheritanceFixture.HostTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias InheritanceFixture.{Branch, Circle, ClickEvent, Dog, Event, Leaf, Lizard, Owner, Polygon, Square}

  test "each subtype decodes as its own struct and round-trips with its own fields" do
    json = fixture!("owner.json")
    assert {:ok, %Owner{} = owner} = Owner.from_json(json)
    assert %Dog{petType: :dog, packSize: 3} = owner.pet
    assert %Lizard{name: "Liz"} = owner.favourite
    assert [%Polygon.Base{sides: 5}, %Square{side: 2.5}, %Circle{radius: 1.5}] = owner.shapes
    assert %{"a" => %Event.Base{at: 1_700_000_000}, "b" => %ClickEvent{y: 2}} = owner.events
    assert %Branch{children: [%Leaf{value: nil}, %Branch{children: []}]} = owner.tree
    assert round_trip!(Owner, json) === json
  end

  test "a tag the spec does not list is kept; a subtype's own rules hold" do
    json = fixture!("owner.json")
    parrot = %{"petType" => "parrot", "name" => "Polly", "words" => 12}
    assert {:ok, %Owner{pet: ^parrot}} = Owner.from_json(Map.put(json, "pet", parrot))
    assert round_trip!(Owner, Map.put(json, "pet", parrot)) === Map.put(json, "pet", parrot)
    assert {:error, _} = Owner.from_json(Map.put(json, "pet", %{"petType" => "dog", "name" => "Rex"}))
  end
end
