# Round trips of spec/openapi.yaml's Run through the generated RunsApi modules.
defmodule RunsApi.RunTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias RunsApi.Run

  test "a completed run decodes into structs, atoms and nils" do
    json = fixture!("run_completed.json")
    assert {:ok, %Run{} = run} = Run.from_json(json)

    assert %Run{
             id: "run_abc123",
             object: :"thread.run",
             status: :completed,
             required_action: nil,
             last_error: nil,
             expires_at: nil,
             started_at: 1_699_063_291,
             completed_at: 1_699_063_298,
             incomplete_details: nil,
             metadata: %{"user" => "u_42"},
             usage: %RunsApi.Usage{prompt_tokens: 123, completion_tokens: 456, total_tokens: 579},
             temperature: 1.0,
             top_p: 1,
             truncation_strategy: %RunsApi.TruncationStrategy{type: :auto, last_messages: nil},
             tool_choice: :auto,
             parallel_tool_calls: true,
             response_format: :auto
           } = run

    assert [
             %RunsApi.CodeInterpreterTool{type: :code_interpreter},
             %RunsApi.FileSearchTool{
               type: :file_search,
               file_search: %RunsApi.FileSearchTool.FileSearch{max_num_results: 20}
             },
             %RunsApi.FunctionTool{
               type: :function,
               function: %RunsApi.Function{
                 name: "get_weather",
                 strict: true,
                 parameters: %{"type" => "object", "required" => ["city"]}
               }
             }
           ] = run.tools
  end

  test "a completed run encodes back to the same JSON" do
    json = fixture!("run_completed.json")
    assert round_trip!(Run, json) === json
  end

  test "a run waiting for tool outputs: nested structs, tagged and untagged unions" do
    json = fixture!("run_requires_action.json")
    assert {:ok, run} = Run.from_json(json)

    assert %Run{
             status: :requires_action,
             required_action: %Run.RequiredAction{
               type: :submit_tool_outputs,
               submit_tool_outputs: %Run.RequiredAction.SubmitToolOutputs{
                 tool_calls: [%RunsApi.ToolCall{id: "call_1", type: :function}]
               }
             },
             last_error: %Run.LastError{code: :rate_limit_exceeded, message: "Slow down."},
             incomplete_details: %Run.IncompleteDetails{reason: :max_prompt_tokens},
             tools: [],
             metadata: nil,
             usage: nil,
             max_prompt_tokens: nil,
             temperature: 0.2,
             top_p: nil,
             tool_choice: %RunsApi.NamedToolChoice{
               type: :function,
               function: %{name: "get_weather"}
             },
             response_format: %RunsApi.ResponseFormatJsonSchema{
               type: :json_schema,
               json_schema: %RunsApi.ResponseFormatJsonSchema.JsonSchema{
                 name: "weather",
                 strict: nil
               }
             }
           } = run

    assert round_trip!(Run, json) === json
  end

  test "optional fields absent from the JSON stay absent; an optional nullable nil is written as null" do
    json = fixture!("run_completed.json") |> Map.drop(["temperature", "top_p"])
    {:ok, run} = Run.from_json(json)
    assert %Run{temperature: nil, top_p: nil} = run
    assert Run.to_json(run) === Map.merge(json, %{"temperature" => nil, "top_p" => nil})
    # :omit also leaves out the optional nullable truncation_strategy.last_messages
    assert Run.to_json(run, optional_nils: :omit) ===
             Map.update!(json, "truncation_strategy", &Map.delete(&1, "last_messages"))
  end

  test "null in an optional field that does not admit it reads as absent, as in Rust and Scala" do
    path = ["tools", Access.at(1), "file_search", "max_num_results"]
    json = put_in(fixture!("run_completed.json"), path, nil)
    assert {:ok, run} = Run.from_json(json)
    assert %Run{tools: [_, %{file_search: %{max_num_results: nil}}, _]} = run
    assert Enum.at(Run.to_json(run)["tools"], 1)["file_search"] == %{}
    # a required field still may not be null
    assert Run.from_json(%{json | "model" => nil}) ==
             {:error, {:invalid_type, ["model"], "string", nil}}
  end

  test "lenient presence: a required field that allows null may be absent and reads as nil" do
    json = fixture!("run_completed.json") |> Map.drop(["expires_at", "metadata", "usage"])
    assert {:ok, %Run{expires_at: nil, metadata: nil, usage: nil} = run} = Run.from_json(json)
    # written back as null: the field is required
    assert %{"expires_at" => nil, "metadata" => nil, "usage" => nil} = Run.to_json(run)
  end

  test "missing and mistyped fields are errors naming the field" do
    json = fixture!("run_completed.json")
    assert Run.from_json(Map.delete(json, "model")) == {:error, {:missing_field, ["model"]}}

    assert Run.from_json(Map.put(json, "created_at", "yesterday")) ==
             {:error, {:invalid_type, ["created_at"], "integer", "yesterday"}}

    assert Run.from_json(Map.put(json, "status", 7)) ==
             {:error, {:invalid_enum, ["status"], 7}}

    assert RunsApi.Closed.Run.from_json(Map.put(json, "status", "paused")) ==
             {:error, {:invalid_enum, ["status"], "paused"}}

    assert Run.from_json(Map.put(json, "object", "thread")) ==
             {:error, {:invalid_literal, ["object"], "thread.run", "thread"}}

    assert RunsApi.Closed.Run.from_json(
             put_in(json, ["tools", Access.at(1), "type"], "web_search")
           ) ==
             {:error, {:unknown_tag, ["tools", 1, "type"], "web_search"}}

    assert Run.from_json(
             put_in(json, ["tools", Access.at(1), "file_search", "max_num_results"], 2.5)
           ) ==
             {:error,
              {:invalid_type, ["tools", 1, "file_search", "max_num_results"], "integer", 2.5}}

    assert Run.from_json(Map.put(json, "usage", %{"prompt_tokens" => 1})) ==
             {:error, {:missing_field, ["usage", "completion_tokens"]}}

    assert Run.from_json(Map.put(json, "model", nil)) ==
             {:error, {:invalid_type, ["model"], "string", nil}}

    assert Run.from_json(["not", "an", "object"]) ==
             {:error, {:invalid_type, [], "object", ["not", "an", "object"]}}
  end

  test "an untagged union names every variant it tried" do
    json = fixture!("run_completed.json") |> Map.put("tool_choice", "sometimes")
    # open enums: the enum variant keeps the unlisted string
    assert {:ok, %Run{tool_choice: "sometimes"}} = Run.from_json(json)
    assert round_trip!(Run, json) === json

    assert {:error, {:no_matching_variant, ["tool_choice"], reasons}} =
             RunsApi.Closed.Run.from_json(json)

    assert [
             {:invalid_enum, ["tool_choice"], "sometimes"},
             {:invalid_type, ["tool_choice"], _, "sometimes"}
           ] = reasons

    assert RunsApi.Codec.format_error({:no_matching_variant, ["tool_choice"], reasons}) =~
             "at .tool_choice: no variant fits"

    assert {:error, {:no_matching_variant, ["tool_choice"], [_, _]}} =
             Run.from_json(Map.put(json, "tool_choice", 7))
  end

  test "open enums and unions keep what the spec does not list and write it back unchanged" do
    json = fixture!("run_completed.json")
    paused = Map.put(json, "status", "paused")
    assert {:ok, %Run{status: "paused"}} = Run.from_json(paused)
    assert round_trip!(Run, paused) === paused

    web = %{"type" => "web_search", "web_search" => %{"max_results" => 3, "sites" => nil}}
    with_web = put_in(json, ["tools", Access.at(1)], web)
    assert {:ok, %Run{tools: [_, ^web, _]}} = Run.from_json(with_web)
    assert round_trip!(Run, with_web) === with_web
  end

  test "decode errors name the JSON path and show the value, cut to 80 characters" do
    json = fixture!("run_completed.json")
    message = fn bad -> bad |> Run.from_json() |> elem(1) |> RunsApi.Codec.format_error() end

    assert message.(Map.put(json, "created_at", "yesterday")) ==
             ~s(at .created_at: expected integer, got "yesterday")

    assert message.(Map.put(json, "usage", [1, %{"a" => nil}])) ==
             ~s(at .usage: expected object, got [1,{"a":null}])

    long = message.(Map.put(json, "created_at", String.duplicate("x", 500)))

    assert long ==
             ~s(at .created_at: expected integer, got ") <> String.duplicate("x", 76) <> "..."

    big = Map.new(1..300, fn i -> {"key_#{i}", i} end)

    shown =
      message.(Map.put(json, "created_at", big))
      |> String.replace_prefix("at .created_at: expected integer, got ", "")

    assert String.length(shown) == 80
    assert String.starts_with?(shown, "{") and String.ends_with?(shown, "...")

    # a long key leaves no room for its value: still cut, never a crash
    wide = %{String.duplicate("k", 100) => String.duplicate("v", 100)}
    assert String.length(message.(Map.put(json, "created_at", wide))) < 120

    assert RunsApi.Codec.format_error({:invalid_type, ["odd key", 0, "dotted.name"], "string", 1}) ==
             ~s(at .["odd key"][0].["dotted.name"]: expected string, got 1)

    assert RunsApi.Codec.format_error({:missing_field, []}) ==
             "at the top level: required field is missing"
  end

  test "encoding checks values too and names the field" do
    {:ok, run} = Run.from_json(fixture!("run_completed.json"))

    error = assert_raise ArgumentError, fn -> Run.to_json(%{run | status: :paused}) end
    assert error.message =~ "status: :paused is not one of the allowed values"

    error =
      assert_raise ArgumentError, fn ->
        Run.to_json(%{run | usage: %{run.usage | total_tokens: "many"}})
      end

    assert error.message =~ "usage.total_tokens: expected integer"

    assert {:error, {:invalid_type, ["model"], "string", nil}} =
             RunsApi.Codec.encode(%{run | model: nil}, {:model, Run})
  end

  test "a struct built by hand encodes to JSON" do
    run = %Run{
      id: "run_1",
      object: :"thread.run",
      created_at: 1,
      thread_id: "t",
      assistant_id: "a",
      status: :queued,
      required_action: nil,
      last_error: nil,
      expires_at: nil,
      started_at: nil,
      cancelled_at: nil,
      failed_at: nil,
      completed_at: nil,
      incomplete_details: nil,
      model: "gpt-4o",
      instructions: "",
      tools: [%RunsApi.CodeInterpreterTool{type: :code_interpreter}],
      metadata: %{},
      usage: nil,
      max_prompt_tokens: nil,
      max_completion_tokens: nil,
      truncation_strategy: nil,
      tool_choice: :none,
      parallel_tool_calls: true,
      response_format: %RunsApi.ResponseFormatText{type: :text}
    }

    json = Run.to_json(run, optional_nils: :omit)
    assert json["status"] == "queued"
    assert json["object"] == "thread.run"
    assert json["tools"] == [%{"type" => "code_interpreter"}]
    assert json["response_format"] == %{"type" => "text"}
    assert Map.has_key?(json, "last_error") and json["last_error"] == nil
    refute Map.has_key?(json, "temperature")
    assert Run.from_json(decode!(encode!(json))) == {:ok, run}
  end
end
