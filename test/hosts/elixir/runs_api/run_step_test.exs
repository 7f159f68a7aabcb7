# Round trips of spec/openapi.yaml's RunStep (both step_details variants) through RunsApi.
defmodule RunsApi.RunStepTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias RunsApi.RunStep
  alias RunsApi.StepToolCall.CodeInterpreter.CodeInterpreter.OutputsItem

  test "a message_creation step" do
    json = fixture!("run_step_message.json")
    assert {:ok, step} = RunStep.from_json(json)

    assert %RunStep{
             object: :"thread.run.step",
             type: :message_creation,
             status: :completed,
             step_details: %RunsApi.MessageCreationDetails{
               type: :message_creation,
               message_creation: %RunsApi.MessageCreationDetails.MessageCreation{
                 message_id: "msg_abc123"
               }
             },
             last_error: nil,
             expired_at: nil,
             metadata: %{},
             usage: %RunsApi.Usage{total_tokens: 579}
           } = step

    assert round_trip!(RunStep, json) === json
  end

  test "a tool_calls step: unions inside lists inside unions" do
    json = fixture!("run_step_tool_calls.json")
    assert {:ok, step} = RunStep.from_json(json)

    assert %RunStep{
             type: :tool_calls,
             status: :in_progress,
             last_error: %RunStep.LastError{code: :server_error},
             failed_at: 1_699_063_295,
             metadata: nil,
             usage: nil,
             step_details: %RunsApi.ToolCallsDetails{
               type: :tool_calls,
               tool_calls: [code, function]
             }
           } = step

    assert %RunsApi.StepToolCall.CodeInterpreter{
             type: :code_interpreter,
             code_interpreter: %{
               input: "print(6 * 7)",
               outputs: [
                 %OutputsItem.Logs{type: :logs, logs: "42\n"},
                 %OutputsItem.Image{
                   type: :image,
                   image: %OutputsItem.Image.Image{file_id: "file-img1"}
                 }
               ]
             }
           } = code

    assert %{type: :function, function: %{name: "get_weather", output: nil}} = function
    assert round_trip!(RunStep, json) === json
  end

  test "a step whose details have no tag, or an unknown one" do
    json = fixture!("run_step_message.json")

    assert RunStep.from_json(put_in(json, ["step_details"], %{"message_creation" => %{}})) ==
             {:error, {:missing_field, ["step_details", "type"]}}

    # Tagged unions are open by default: an unlisted tag keeps the object as received...
    thinking = put_in(json, ["step_details", "type"], "thinking")
    assert {:ok, %RunStep{step_details: details}} = RunStep.from_json(thinking)
    assert details == thinking["step_details"]
    assert round_trip!(RunStep, thinking) === thinking

    # ...and `openUnions: false` rejects it.
    assert RunsApi.Closed.RunStep.from_json(thinking) ==
             {:error, {:unknown_tag, ["step_details", "type"], "thinking"}}

    # The tag itself must still be a string, open or not.
    assert RunStep.from_json(put_in(json, ["step_details", "type"], 7)) ==
             {:error, {:unknown_tag, ["step_details", "type"], 7}}

    assert RunStep.from_json(put_in(json, ["step_details", "message_creation"], %{})) ==
             {:error, {:missing_field, ["step_details", "message_creation", "message_id"]}}
  end

  test "deep paths through lists and unions" do
    json = fixture!("run_step_tool_calls.json")

    path = [
      "step_details",
      "tool_calls",
      Access.at(0),
      "code_interpreter",
      "outputs",
      Access.at(1),
      "image"
    ]

    assert {:error, reason} = RunStep.from_json(put_in(json, path, %{"file_id" => 7}))

    assert reason ==
             {:invalid_type,
              [
                "step_details",
                "tool_calls",
                0,
                "code_interpreter",
                "outputs",
                1,
                "image",
                "file_id"
              ], "string", 7}

    assert RunsApi.Codec.format_error(reason) ==
             "at .step_details.tool_calls[0].code_interpreter.outputs[1].image.file_id: expected string, got 7"
  end

  test "a list of steps" do
    step = fixture!("run_step_message.json")

    json = %{
      "object" => "list",
      "data" => [step, step],
      "first_id" => "a",
      "last_id" => "b",
      "has_more" => false
    }

    assert {:ok, %RunsApi.RunStepList{object: :list, data: [%RunStep{}, %RunStep{}]}} =
             RunsApi.RunStepList.from_json(json)

    assert round_trip!(RunsApi.RunStepList, json) === json
  end
end

# Counting atoms needs a quiet VM: this module runs after the async ones, alone.
defmodule RunsApi.AtomsTest do
  use ExUnit.Case, async: false
  import ModelgenHost.JSON

  alias RunsApi.RunStep

  test "decoding unknown enum values creates no atoms, open or closed" do
    json = fixture!("run_step_message.json")
    # Every module loaded first: loading one adds its atoms.
    for root <- [RunsApi, RunsApi.Closed, RunsApi.Tolerant], module <- root.models() do
      Code.ensure_loaded!(module)
    end

    # warm up: the first calls load what else they use
    assert {:ok, _} = RunStep.from_json(Map.put(json, "status", "warm_up"))
    assert {:error, _} = RunsApi.Closed.RunStep.from_json(Map.put(json, "status", "warm_up"))
    before = :erlang.system_info(:atom_count)

    for i <- 1..200 do
      status = "never_seen_status_#{i}"
      # open (the default): the value stays a string
      assert {:ok, %RunStep{status: ^status}} = RunStep.from_json(Map.put(json, "status", status))

      assert {:error, {:invalid_enum, ["status"], ^status}} =
               RunsApi.Closed.RunStep.from_json(Map.put(json, "status", status))
    end

    assert :erlang.system_info(:atom_count) == before
  end
end
