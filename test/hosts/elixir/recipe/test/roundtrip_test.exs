defmodule ModelgenCheck.RoundtripTest do
  use ExUnit.Case, async: true
  alias ModelgenCheck.SpecJSON
  alias ModelgenCheck.Components.{Filter, MessageCreation, RunStepObject}

  @json File.read!(Path.join(__DIR__, "../fixtures/run_step.json"))

  test "jiffy is loaded from the Debian package" do
    assert %{"a" => nil, "b" => [1, 2.5]} =
             :jiffy.decode(~s({"a":null,"b":[1,2.5]}), [:return_maps, {:null_term, nil}])

    assert :jiffy.encode(%{"a" => nil}, [:use_nil]) == "{\"a\":null}"
  end

  test "decodes a payload into the struct and back" do
    step = SpecJSON.decode!(@json, RunStepObject)

    assert %RunStepObject{
             status: :in_progress,
             type: :message_creation,
             object: :"thread.run.step",
             cancelled_at: nil
           } = step

    assert %{
             type: :message_creation,
             message_creation: %MessageCreation{message_id: "msg_abc123"}
           } = step.step_details

    back = :jiffy.decode(SpecJSON.encode!(step), [:return_maps])
    orig = :jiffy.decode(@json, [:return_maps, {:null_term, nil}]) |> SpecJSON.plain()
    assert back == orig
  end

  test "rejects a value outside the enum" do
    bad = String.replace(@json, "in_progress", "weird")
    assert_raise ArgumentError, fn -> SpecJSON.decode!(bad, RunStepObject) end
  end

  test "rejects an unknown key and a missing required key" do
    assert_raise ArgumentError, fn ->
      SpecJSON.decode!(String.replace(@json, ~s("id":), ~s("zzz":1,"id":)), RunStepObject)
    end

    assert_raise ArgumentError, fn ->
      SpecJSON.decode!(String.replace(@json, ~s("id":"step_abc123",), ""), RunStepObject)
    end
  end

  test "recursive type and struct defaults" do
    f = SpecJSON.decode!(~s({"key":"a","not":{"key":"b"}}), Filter)
    assert %Filter{key: "a", any: [], not: %Filter{key: "b", not: nil}} = f
  end

  test "@enforce_keys is enforced at construction" do
    assert_raise ArgumentError, fn -> struct!(MessageCreation, %{}) end
  end
end
