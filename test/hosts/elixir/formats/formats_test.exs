# The formats fixture (test/fixtures/formats.yaml): integers beyond 2^53 (int64's and uint64's
# largest) decode and encode with every digit, and a `const` or enum value written with such digits
# is that integer, not the double a JSON reader in another language would round it to.
# test/compile/elixir.test.ts runs this file against the fixtures' compiled modules.
defmodule FormatsFixture.HostTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias FormatsFixture.{Formats, Limit, Wide}

  test "integers beyond 2^53 round-trip with every digit" do
    json = fixture!("formats.json")
    assert {:ok, %Formats{} = formats} = Formats.from_json(json)
    assert formats.i64 == 9_007_199_254_740_993
    assert formats.u64 == 18_446_744_073_709_551_615
    assert formats.cursor == 9_223_372_036_854_775_806
    assert round_trip!(Formats, json) === json
  end

  test "a const and an enum value beyond 2^53 are the spec's digits" do
    json = fixture!("formats.json")
    assert {:ok,
            %Formats{
              most: 9_223_372_036_854_775_807,
              least: -9_223_372_036_854_775_808,
              limit: 9_223_372_036_854_775_807,
              wide: 18_446_744_073_709_551_615
            }} = Formats.from_json(json)

    assert Limit.values() == [0, 9_007_199_254_740_993, 9_223_372_036_854_775_807]
    assert Wide.values() == [0, 18_446_744_073_709_551_615]
    # The const admits its value only: the double's digits are another integer.
    assert {:error, _} = Formats.from_json(Map.put(json, "most", 9_223_372_036_854_775_808))
  end
end
