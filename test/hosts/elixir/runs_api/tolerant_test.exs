# `presence: tolerant` (issue 14): the models of spec/ generated once more with that policy, as
# `RunsApi.Tolerant` in the same project. Every field may be absent or null when decoding, and
# nothing else is relaxed: constants, enum values (of the wrong JSON type), tags and value types
# are still checked. Encoding leaves out what is nil, except fields the spec lets be null.
defmodule RunsApi.TolerantTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias RunsApi.Tolerant.{Run, RunStep, Usage}

  test "a real response still round-trips unchanged" do
    json = fixture!("run_completed.json")
    assert {:ok, %Run{status: :completed, usage: %Usage{total_tokens: 579}}} = Run.from_json(json)
    assert round_trip!(Run, json) === json
  end

  test "no field is required: a missing one is nil and stays absent when written" do
    json =
      fixture!("run_completed.json") |> Map.drop(["id", "object", "model", "tools", "status"])

    assert {:ok, %Run{id: nil, object: nil, model: nil, tools: nil, status: nil} = run} =
             Run.from_json(json)

    written = run |> Run.to_json() |> encode!() |> decode!()
    assert written === json
    # An empty object decodes: every field is nil.
    assert {:ok, %Run{id: nil}} = Run.from_json(%{})
  end

  test "null in a field the spec does not let be null reads as nil and is left out when written" do
    json = fixture!("run_completed.json")
    nulls = %{json | "instructions" => nil, "model" => nil, "tools" => nil}
    assert {:ok, %Run{instructions: nil, model: nil, tools: nil} = run} = Run.from_json(nulls)
    written = Run.to_json(run)
    refute Map.has_key?(written, "instructions")
    refute Map.has_key?(written, "model")
    # a field that admits null is still written as null
    assert Map.fetch!(written, "expires_at") == nil
  end

  test "nested objects are tolerant too" do
    json = fixture!("run_completed.json") |> Map.put("usage", %{"total_tokens" => nil})
    assert {:ok, %Run{usage: %Usage{prompt_tokens: nil, total_tokens: nil}}} = Run.from_json(json)
  end

  test "constants, tags and value types are still checked" do
    json = fixture!("run_completed.json")

    assert Run.from_json(%{json | "object" => "thread"}) ==
             {:error, {:invalid_literal, ["object"], "thread.run", "thread"}}

    assert Run.from_json(%{json | "created_at" => "yesterday"}) ==
             {:error, {:invalid_type, ["created_at"], "integer", "yesterday"}}

    assert Run.from_json(%{json | "status" => 7}) == {:error, {:invalid_enum, ["status"], 7}}

    step = fixture!("run_step_message.json")

    assert RunStep.from_json(put_in(step, ["step_details"], %{"message_creation" => %{}})) ==
             {:error, {:missing_field, ["step_details", "type"]}}

    assert RunStep.from_json(put_in(step, ["step_details", "type"], nil)) ==
             {:error, {:unknown_tag, ["step_details", "type"], nil}}

    # An item of a list is not a field: null there is still an error.
    assert {:error, {:no_matching_variant, ["tools", 0], _}} =
             Run.from_json(%{json | "tools" => [nil]})
  end

  test "no key is enforced when building a struct" do
    assert %Run{id: nil, status: nil} = struct!(Run, %{})

    assert Run.to_json(%Run{id: "run_1", status: :queued}) |> Map.take(["id", "status"]) ==
             %{"id" => "run_1", "status" => "queued"}
  end
end
