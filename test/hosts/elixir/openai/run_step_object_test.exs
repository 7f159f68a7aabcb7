# OpenAI's RunStepObject, both step_details variants, through the generated `OpenAI` modules.
defmodule OpenAI.RunStepObjectTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias OpenAI.RunStepObject

  test "a message_creation step" do
    json = fixture!("run_step_message_creation.json")
    assert {:ok, step} = RunStepObject.from_json(json)

    assert %RunStepObject{
             object: :"thread.run.step",
             type: :message_creation,
             status: :completed,
             step_details: %OpenAI.RunStepDetailsMessageCreationObject{
               type: :message_creation,
               message_creation: %OpenAI.RunStepDetailsMessageCreationObject.MessageCreation{
                 message_id: "msg_abc123"
               }
             },
             last_error: nil,
             metadata: nil,
             usage: %OpenAI.RunStepCompletionUsage{total_tokens: 579}
           } = step

    assert round_trip!(RunStepObject, json) === json
  end

  test "a tool_calls step with code interpreter, file search and function calls" do
    json = fixture!("run_step_tool_calls.json")
    assert {:ok, step} = RunStepObject.from_json(json)

    assert %RunStepObject{
             type: :tool_calls,
             status: :failed,
             failed_at: 1_699_063_299,
             last_error: %RunStepObject.LastError{code: :server_error},
             metadata: %{"k" => "v"},
             usage: nil,
             step_details: %OpenAI.RunStepDetailsToolCallsObject{
               type: :tool_calls,
               tool_calls: [code, search, function]
             }
           } = step

    assert %OpenAI.RunStepDetailsToolCallsCodeObject{
             id: "call_ci",
             type: :code_interpreter,
             code_interpreter: %OpenAI.RunStepDetailsToolCallsCodeObject.CodeInterpreter{
               input: "import math\nprint(math.sqrt(16))",
               outputs: [
                 %OpenAI.RunStepDetailsToolCallsCodeOutputLogsObject{type: :logs, logs: "4.0\n"},
                 %OpenAI.RunStepDetailsToolCallsCodeOutputImageObject{
                   type: :image,
                   image: %{file_id: "file-abc123"}
                 }
               ]
             }
           } = code

    assert %OpenAI.RunStepDetailsToolCallsFileSearchObject{id: "call_fs", type: :file_search} =
             search

    assert %OpenAI.RunStepDetailsToolCallsFunctionObject{
             type: :function,
             function: %{name: "get_current_weather", output: nil}
           } = function

    assert round_trip!(RunStepObject, json) === json
  end

  test "bad payloads are errors naming the field" do
    json = fixture!("run_step_tool_calls.json")

    # An unknown tag is kept (open unions), but a tag that is not a string is an error.
    reasoning =
      put_in(json, ["step_details"], %{"type" => "reasoning", "summary" => ["thinking"]})

    assert {:ok, %RunStepObject{step_details: %{"type" => "reasoning"}}} =
             RunStepObject.from_json(reasoning)

    assert round_trip!(RunStepObject, reasoning) === reasoning

    assert RunStepObject.from_json(put_in(json, ["step_details", "type"], false)) ==
             {:error, {:unknown_tag, ["step_details", "type"], false}}

    assert RunStepObject.from_json(
             put_in(json, ["step_details", "tool_calls", Access.at(2), "function", "name"], nil)
           ) ==
             {:error,
              {:invalid_type, ["step_details", "tool_calls", 2, "function", "name"], "string",
               nil}}

    assert RunStepObject.from_json(
             put_in(
               json,
               ["step_details", "tool_calls", Access.at(0), "code_interpreter", "outputs"],
               [%{"kind" => "video"}]
             )
           ) ==
             {:error,
              {:missing_field,
               ["step_details", "tool_calls", 0, "code_interpreter", "outputs", 0, "type"]}}

    assert RunStepObject.from_json(Map.delete(json, "step_details")) ==
             {:error, {:missing_field, ["step_details"]}}

    assert RunStepObject.from_json(Map.put(json, "type", ["thinking"])) ==
             {:error, {:invalid_enum, ["type"], ["thinking"]}}

    assert {:ok, %RunStepObject{type: "thinking"}} =
             RunStepObject.from_json(Map.put(json, "type", "thinking"))
  end
end
