# OpenAI's RunObject through the modules generated from a real OpenAI spec (run once for
# openai-2024-06-24.yaml and once for openai-2026-08-21.yaml, both with namespace `OpenAI`).
defmodule OpenAI.RunObjectTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias OpenAI.RunObject

  test "a completed run decodes into structs, atoms and nils" do
    json = fixture!("run_object_completed.json")
    assert {:ok, run} = RunObject.from_json(json)

    assert %RunObject{
             id: "run_abc123",
             object: :"thread.run",
             status: :completed,
             required_action: nil,
             last_error: nil,
             expires_at: nil,
             cancelled_at: nil,
             completed_at: 1_699_063_291,
             incomplete_details: nil,
             tools: [
               %OpenAI.AssistantToolsCode{type: :code_interpreter},
               %OpenAI.AssistantToolsFileSearch{
                 type: :file_search,
                 file_search: %{max_num_results: 10}
               }
             ],
             metadata: %{},
             usage: %OpenAI.RunCompletionUsage{
               prompt_tokens: 123,
               completion_tokens: 456,
               total_tokens: 579
             },
             temperature: 1.0,
             truncation_strategy: %OpenAI.TruncationObject{type: :auto, last_messages: nil},
             tool_choice: :auto,
             response_format: :auto,
             parallel_tool_calls: true
           } = run
  end

  test "a completed run encodes back to the same JSON" do
    json = fixture!("run_object_completed.json")
    assert round_trip!(RunObject, json) === json
  end

  test "a run that requires action" do
    json = fixture!("run_object_requires_action.json")
    assert {:ok, run} = RunObject.from_json(json)

    assert %RunObject{
             status: :requires_action,
             required_action: %RunObject.RequiredAction{
               type: :submit_tool_outputs,
               submit_tool_outputs: %{
                 tool_calls: [
                   %OpenAI.RunToolCallObject{
                     id: "call_abc123",
                     type: :function,
                     function: %{
                       name: "get_current_weather",
                       arguments: ~s({"location":"San Francisco, CA"})
                     }
                   }
                 ]
               }
             },
             last_error: %RunObject.LastError{code: :rate_limit_exceeded},
             incomplete_details: %RunObject.IncompleteDetails{reason: :max_completion_tokens},
             tools: [
               %OpenAI.AssistantToolsFunction{
                 type: :function,
                 function: %OpenAI.FunctionObject{
                   name: "get_current_weather",
                   parameters: %{"required" => ["location"]}
                 }
               }
             ],
             metadata: %{"session" => "s-1"},
             usage: nil,
             tool_choice: %OpenAI.AssistantsNamedToolChoice{
               type: :function,
               function: %{name: "get_current_weather"}
             },
             response_format: %{type: :json_object},
             parallel_tool_calls: false
           } = run

    assert round_trip!(RunObject, json) === json
  end

  test "bad payloads are errors naming the field" do
    json = fixture!("run_object_completed.json")

    assert RunObject.from_json(Map.delete(json, "thread_id")) ==
             {:error, {:missing_field, ["thread_id"]}}

    assert RunObject.from_json(Map.put(json, "status", 3)) ==
             {:error, {:invalid_enum, ["status"], 3}}

    assert RunObject.from_json(Map.put(json, "object", "thread.run.step")) ==
             {:error, {:invalid_literal, ["object"], "thread.run", "thread.run.step"}}

    assert {:error, {:unknown_tag, ["tools", 0, "type"], nil} = reason} =
             RunObject.from_json(put_in(json, ["tools", Access.at(0), "type"], nil))

    assert OpenAI.Codec.format_error(reason) ==
             "at .tools[0].type: null does not select any variant"

    assert RunObject.from_json(put_in(json, ["usage", "total_tokens"], "579")) ==
             {:error, {:invalid_type, ["usage", "total_tokens"], "integer", "579"}}

    assert {:error, reason} =
             RunObject.from_json(put_in(json, ["usage"], List.duplicate("x", 40)))

    message = OpenAI.Codec.format_error(reason)
    assert String.starts_with?(message, ~s(at .usage: expected object, got ["x","x",))
    assert String.ends_with?(message, "...")
  end

  test "what the API adds later is kept and written back unchanged (open enums and unions)" do
    json = fixture!("run_object_completed.json")

    for changed <- [
          Map.put(json, "status", "paused"),
          put_in(json, ["truncation_strategy", "type"], "middle"),
          put_in(json, ["tools", Access.at(0)], %{"type" => "browser", "browser" => %{"max" => 2}})
        ] do
      assert {:ok, %RunObject{}} = RunObject.from_json(changed)
      assert round_trip!(RunObject, changed) === changed
    end

    assert {:ok, %RunObject{status: "paused"}} =
             RunObject.from_json(Map.put(json, "status", "paused"))
  end
end
