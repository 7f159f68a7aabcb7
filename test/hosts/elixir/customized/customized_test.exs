# Issue 13's customized generations (test/compile/customized/settings.ts), built into one project:
# `Native.RunsApi` (spec/ with types native and Metadata mapped to Acme.Metadata), `Custom.OpenAI`
# (OpenAI 2026-08-21 with an overlay, a rename, types native and the mapping) and `RunOnly.OpenAI`
# (include RunObject). Payloads from test/compile/payloads/customized.
defmodule Customized.Test do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  test "formats read as DateTime, Date and a checked uuid, and write back the wire form" do
    [json] = fixture!("formats.json")
    assert {:ok, f} = Native.RunsApi.Formats.from_json(json)
    assert f.when == ~U[2024-05-01 12:30:00Z]
    assert f.day == ~D[2024-05-01]
    assert f.uid == "123e4567-e89b-12d3-a456-426614174000"
    assert f.stamp == ~U[2024-05-01 12:30:00Z]
    assert round_trip!(Native.RunsApi.Formats, json) == json
  end

  test "bad input is {:invalid_format, path, value}" do
    [json] = fixture!("formats.json")

    for {key, bad} <- [{"when", "yesterday"}, {"day", "2024-13-01"}, {"uid", "not-a-uuid"}] do
      assert {:error, {:invalid_format, [^key], ^bad}} =
               Native.RunsApi.Formats.from_json(Map.put(json, key, bad))
    end
  end

  test "a Run with timestamps, null instructions and the user's Metadata round-trips" do
    [json] = fixture!("runs.json")
    assert {:ok, run} = Custom.OpenAI.RunObject.from_json(json)
    assert run.created_at == DateTime.from_unix!(1_698_107_661)
    assert run.expires_at == nil
    assert run.instructions == nil
    assert %Acme.Metadata{pairs: %{"team" => "runs"}} = run.metadata
    assert round_trip!(Custom.OpenAI.RunObject, json) == json
  end

  test "the renamed step model, and a build of RunObject alone" do
    assert Code.ensure_loaded?(Custom.OpenAI.RunStep)
    refute Code.ensure_loaded?(Custom.OpenAI.RunStepObject)
    assert {:ok, _} = RunOnly.OpenAI.RunObject.from_json(Map.put(hd(fixture!("runs.json")), "instructions", ""))
    refute Code.ensure_loaded?(RunOnly.OpenAI.RunStepObject)
  end
end
