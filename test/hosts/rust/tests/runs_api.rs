//! Round trips of the spec/ models (crate `runs_api`, default options: lenient presence, open
//! enums) through real-shaped payloads, and the errors bad payloads get.
use modelgen_rust_check::{decode, decode_error, fixtures, round_trip};
use runs_api::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

fn runs() -> Vec<Value> {
    fixtures("runs_api/runs.json")
}

fn steps() -> Vec<Value> {
    fixtures("runs_api/steps.json")
}

#[test]
fn every_run_status_round_trips() {
    let mut seen = BTreeSet::new();
    for payload in runs() {
        let run: Run = round_trip(&payload);
        // An exhaustive match: a status added to the spec makes this test fail to compile.
        let name = match run.status {
            RunStatus::Queued => "queued",
            RunStatus::InProgress => "in_progress",
            RunStatus::RequiresAction => "requires_action",
            RunStatus::Cancelling => "cancelling",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Failed => "failed",
            RunStatus::Completed => "completed",
            RunStatus::Incomplete => "incomplete",
            RunStatus::Expired => "expired",
            RunStatus::Unknown(other) => panic!("fixture with an unlisted status {other}"),
        };
        assert_eq!(payload["status"], name);
        seen.insert(name);
    }
    assert_eq!(seen.len(), 9, "one fixture per status: {seen:?}");
}

#[test]
fn run_fields_decode_to_the_right_shapes() {
    let runs = runs();
    let queued: Run = round_trip(&runs[0]);
    assert_eq!(queued.object, literals::ThreadRun);
    assert_eq!(queued.created_at, 1_699_063_291_i64);
    assert_eq!(queued.started_at, None, "required and null");
    assert_eq!(queued.temperature, Some(Some(1.0)), "optional, present");
    assert_eq!(queued.tools, vec![AssistantTool::CodeInterpreter(CodeInterpreterTool { r#type: literals::CodeInterpreter })]);
    assert_eq!(queued.tool_choice, ToolChoice::ToolChoiceVariant1(ToolChoiceVariant1::Auto));
    assert_eq!(queued.response_format, ResponseFormat::Auto(literals::Auto));
    assert_eq!(queued.metadata, Some(BTreeMap::new()));

    let in_progress: Run = round_trip(&runs[1]);
    assert_eq!(in_progress.temperature, Some(None), "optional and null: kept apart from absent");
    assert_eq!(in_progress.top_p, None, "optional and absent");
    assert_eq!(in_progress.metadata.as_ref().unwrap()["team"], "runs");
    assert_eq!(in_progress.truncation_strategy.as_ref().unwrap().last_messages, Some(Some(10)));
    match &in_progress.tools[0] {
        AssistantTool::FileSearch(tool) => assert_eq!(tool.file_search.as_ref().unwrap().max_num_results, Some(20)),
        other => panic!("expected a file search tool, got {other:?}"),
    }

    let requires_action: Run = round_trip(&runs[2]);
    let action = requires_action.required_action.expect("required_action");
    assert_eq!(action.submit_tool_outputs.tool_calls.len(), 2);
    assert_eq!(action.submit_tool_outputs.tool_calls[0].function.name, "get_weather");
    match &requires_action.tools[0] {
        AssistantTool::Function(tool) => {
            assert_eq!(tool.function.strict, Some(Some(true)));
            assert_eq!(tool.function.parameters.as_ref().unwrap()["required"], json!(["city"]));
        }
        other => panic!("expected a function tool, got {other:?}"),
    }
    match &requires_action.tools[1] {
        AssistantTool::Function(tool) => assert_eq!(tool.function.strict, Some(None)),
        other => panic!("expected a function tool, got {other:?}"),
    }
    match &requires_action.tool_choice {
        ToolChoice::NamedToolChoice(choice) => assert_eq!(choice.r#type, NamedToolChoiceType::Function),
        other => panic!("expected a named tool choice, got {other:?}"),
    }

    let failed: Run = round_trip(&runs[5]);
    assert_eq!(failed.last_error.unwrap().code, RunLastErrorCode::RateLimitExceeded);
    assert_eq!(failed.usage.unwrap().total_tokens, 312);

    let completed: Run = round_trip(&runs[6]);
    assert_eq!(completed.metadata, None, "metadata is a nullable map");
    match completed.response_format {
        ResponseFormat::ResponseFormatJsonSchema(format) => assert_eq!(format.json_schema.strict, Some(Some(true))),
        other => panic!("expected a JSON schema response format, got {other:?}"),
    }

    let incomplete: Run = round_trip(&runs[7]);
    assert_eq!(incomplete.incomplete_details.unwrap().reason, Some(RunIncompleteDetailsReason::MaxCompletionTokens));
}

#[test]
fn every_step_status_and_both_step_details_round_trip() {
    let mut statuses = BTreeSet::new();
    let mut details = BTreeSet::new();
    for payload in steps() {
        let step: RunStep = round_trip(&payload);
        statuses.insert(match step.status {
            RunStepStatus::InProgress => "in_progress",
            RunStepStatus::Cancelled => "cancelled",
            RunStepStatus::Failed => "failed",
            RunStepStatus::Completed => "completed",
            RunStepStatus::Expired => "expired",
            RunStepStatus::Unknown(other) => panic!("fixture with an unlisted status {other}"),
        });
        details.insert(match (&step.step_details, &step.r#type) {
            (RunStepStepDetails::MessageCreation(m), RunStepType::MessageCreation) => {
                assert!(m.message_creation.message_id.starts_with("msg_"));
                "message_creation"
            }
            (RunStepStepDetails::ToolCalls(_), RunStepType::ToolCalls) => "tool_calls",
            other => panic!("step type and details disagree: {other:?}"),
        });
    }
    assert_eq!(statuses.len(), 5, "{statuses:?}");
    assert_eq!(details.len(), 2, "{details:?}");
}

#[test]
fn tool_call_union_decodes_each_kind() {
    let step: RunStep = round_trip(&steps()[1]);
    let RunStepStepDetails::ToolCalls(details) = step.step_details else { panic!("expected tool calls") };
    assert_eq!(details.tool_calls.len(), 3);
    match &details.tool_calls[0] {
        StepToolCall::CodeInterpreter(call) => {
            let outputs = &call.code_interpreter.outputs;
            assert!(matches!(&outputs[0], StepToolCallCodeInterpreterCodeInterpreterOutputsItem::Logs(logs) if logs.logs == "42\n"));
            assert!(matches!(&outputs[1], StepToolCallCodeInterpreterCodeInterpreterOutputsItem::Image(image) if image.image.file_id == "file_img123"));
        }
        other => panic!("expected a code interpreter call, got {other:?}"),
    }
    match &details.tool_calls[1] {
        StepToolCall::Function(call) => assert_eq!(call.function.output, None, "required and null"),
        other => panic!("expected a function call, got {other:?}"),
    }
    match &details.tool_calls[2] {
        StepToolCall::Function(call) => assert_eq!(call.function.output.as_deref(), Some("12:00")),
        other => panic!("expected a function call, got {other:?}"),
    }
    assert_eq!(step.usage.unwrap().total_tokens, 100);
    assert_eq!(step.metadata.unwrap()["trace"], "t-1");
}

#[test]
fn a_list_of_steps_round_trips() {
    let list = json!({ "object": "list", "data": steps(), "first_id": "step_001abc", "last_id": "step_005abc", "has_more": false });
    let decoded: RunStepList = round_trip(&list);
    assert_eq!(decoded.data.len(), 5);
}

#[test]
fn lenient_presence_reads_an_absent_required_nullable_field_as_none() {
    let mut payload = runs()[0].clone();
    payload.as_object_mut().unwrap().remove("completed_at");
    let run: Run = decode(&payload.to_string()).unwrap();
    assert_eq!(run.completed_at, None);
    // It is required, so it is written back (as null).
    assert_eq!(serde_json::to_value(&run).unwrap()["completed_at"], Value::Null);
}

#[test]
fn unknown_enum_values_and_tags_are_kept_and_written_back() {
    let mut payload = runs()[0].clone();
    payload["status"] = json!("paused");
    payload["tools"] = json!([{ "type": "web_search", "search_context_size": "low" }, { "type": "code_interpreter" }]);
    payload["tool_choice"] = json!("sometimes");
    let run: Run = round_trip(&payload);
    assert_eq!(run.status, RunStatus::Unknown("paused".into()));
    assert_eq!(run.tools[0], AssistantTool::Unknown(json!({ "type": "web_search", "search_context_size": "low" })));
    assert_eq!(run.tool_choice, ToolChoice::ToolChoiceVariant1(ToolChoiceVariant1::Unknown("sometimes".into())));

    let step_details: RunStepStepDetails = round_trip(&json!({ "type": "thinking", "thoughts": ["a"] }));
    assert!(matches!(step_details, RunStepStepDetails::Unknown(_)));
}

#[test]
fn missing_required_fields_are_errors_naming_the_field() {
    let mut payload = runs()[0].clone();
    payload.as_object_mut().unwrap().remove("id");
    assert_eq!(decode_error::<Run>(&payload), "missing field `id`");
    // serde's own message, without the path helper, names it too.
    let err = serde_json::from_value::<Run>(payload).unwrap_err().to_string();
    assert!(err.contains("missing field `id`"), "{err}");

    let mut payload = steps()[0].clone();
    payload["step_details"]["message_creation"].as_object_mut().unwrap().remove("message_id");
    // Inside a tagged union too: its variant keeps the path inside it (`serde_support::variant`).
    assert_eq!(decode_error::<RunStep>(&payload), "step_details: message_creation: missing field `message_id`");

    let mut payload = steps()[0].clone();
    payload["step_details"].as_object_mut().unwrap().remove("type");
    assert_eq!(decode_error::<RunStep>(&payload), "step_details: missing field `type`");
}

#[test]
fn wrong_types_are_errors_naming_the_field() {
    let mut payload = runs()[0].clone();
    payload["created_at"] = json!("yesterday");
    assert_eq!(decode_error::<Run>(&payload), "created_at: invalid type: string \"yesterday\", expected i64");

    let mut payload = runs()[2].clone();
    payload["required_action"]["submit_tool_outputs"]["tool_calls"][1]["function"]["arguments"] = json!(42);
    assert_eq!(
        decode_error::<Run>(&payload),
        "required_action.submit_tool_outputs.tool_calls[1].function.arguments: invalid type: integer `42`, expected a string"
    );

    let mut payload = runs()[0].clone();
    payload["usage"] = json!({ "prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3.5 });
    assert_eq!(decode_error::<Run>(&payload), "usage.total_tokens: invalid type: floating point `3.5`, expected i64");

    let mut payload = steps()[1].clone();
    payload["step_details"]["tool_calls"][0]["code_interpreter"]["input"] = json!(["x"]);
    assert_eq!(
        decode_error::<RunStep>(&payload),
        "step_details: tool_calls[0]: code_interpreter.input: invalid type: sequence, expected a string",
        "a union in a union: each keeps its part of the path (the crate's `decode` joins them)"
    );

    let mut payload = runs()[0].clone();
    payload["tool_choice"] = json!(7);
    assert_eq!(decode_error::<Run>(&payload), "tool_choice: data did not match any variant of untagged enum ToolChoice");
}

#[test]
fn literals_accept_only_their_value() {
    let mut payload = runs()[0].clone();
    payload["object"] = json!("thread.message");
    assert_eq!(decode_error::<Run>(&payload), "object: invalid value: string \"thread.message\", expected \"thread.run\"");
    assert_eq!(serde_json::to_value(literals::ThreadRunStep).unwrap(), json!("thread.run.step"));
    assert_eq!(literals::ThreadRun::VALUE, "thread.run");
}

#[test]
fn keywords_and_odd_names_keep_their_wire_names() {
    let payload = json!({
        "type": "t", "end": "e", "self": "s", "fn": "f", "match": "m", "default": "d", "do": "o", "class": "c",
        "$ref": "#/x", "kebab-case": "k", "dotted.name": "n", "9lives": 9, "camelCase": "c", "snake_case": "s", "with space": true
    });
    let k: Keywords = round_trip(&payload);
    assert_eq!((k.r#type.as_str(), k.self_.as_deref(), k.r#ref.as_deref(), k._9lives), ("t", Some("s"), Some("#/x"), Some(9)));
    assert_eq!(k.with_space, Some(true));

    let odd: Vec<OddEnum> = round_trip(&json!(["gpt-4o", "text.davinci/003", "with space", "", "2024-05-13", "+1", "-1", "end", "self", "Self"]));
    assert_eq!(odd[3], OddEnum::Empty);
    assert_eq!((odd[8].clone(), odd[9].clone()), (OddEnum::SelfValue, OddEnum::SelfValue2));
    let sort: Vec<SortOrder> = round_trip(&json!(["asc", "ASC", "desc", "DESC"]));
    assert_eq!(sort, vec![SortOrder::Asc, SortOrder::Asc2, SortOrder::Desc, SortOrder::Desc2]);

    // Schemas named like std types are escaped, not shadowing `String` and `Option`.
    let s: StringValue = round_trip(&json!({ "value": "v" }));
    assert_eq!(s.value, String::from("v"));
    let o: Option<OptionValue> = round_trip(&json!("some"));
    assert_eq!(o, Some(OptionValue::Some));
}

#[test]
fn integer_and_mixed_enums() {
    let p: Vec<Priority> = round_trip(&json!([1, 2, 3, 10, 99]));
    assert_eq!(p, vec![Priority::Value1, Priority::Value2, Priority::Value3, Priority::Value10, Priority::Unknown(99)]);
    assert!(decode_error::<Priority>(&json!("high")).contains("expected i64"));

    let m: Vec<Option<MixedEnum>> = round_trip(&json!(["auto", 1, true, null, "other", 2.5]));
    assert_eq!(m[..4], [Some(MixedEnum::Auto), Some(MixedEnum::Value1), Some(MixedEnum::True), None]);
    assert_eq!(m[4], Some(MixedEnum::Unknown(json!("other"))));
}

#[test]
fn unions_of_primitives_and_objects() {
    let v: Vec<StringOrNumber> = round_trip(&json!(["a", 1.5]));
    assert_eq!(v, vec![StringOrNumber::StringValue("a".into()), StringOrNumber::Number(1.5)]);

    let shapes: Vec<Shape> = round_trip(&json!([{ "radius": 1.5 }, { "width": 2.0, "height": 3.0 }]));
    assert!(matches!(shapes[0], Shape::ShapeCircle(_)));
    assert!(matches!(shapes[1], Shape::ShapeRectangle(_)));

    let values: Vec<ComparisonValue> = round_trip(&json!(["x", 2.5, false]));
    assert_eq!(values[2], ComparisonValue::Boolean(false));

    let expandable: Vec<ExpandableRun> = round_trip(&json!(["run_abc", runs()[0].clone()]));
    assert!(matches!(expandable[0], ExpandableRun::StringValue(_)));
    assert!(matches!(expandable[1], ExpandableRun::Run(_)));
}

#[test]
fn recursion_through_box_vec_and_map() {
    let tree: TreeNode = round_trip(&json!({
        "value": "root",
        "parent": { "value": "up" },
        "children": [{ "value": "a", "children": [{ "value": "a1" }] }],
        "by_name": { "b": { "value": "b" } }
    }));
    assert_eq!(tree.parent.unwrap().value, "up");
    assert_eq!(tree.children.unwrap()[0].children.as_ref().unwrap()[0].value, "a1");

    let filter: Filter = round_trip(&json!({
        "type": "and",
        "filters": [
            { "type": "eq", "key": "team", "value": "runs" },
            { "type": "or", "filters": [{ "type": "gt", "key": "n", "value": 3.0 }, { "type": "ne", "key": "ok", "value": true }] }
        ]
    }));
    assert!(matches!(&filter.filters[1], FilterFiltersItem::Filter(inner) if inner.r#type == FilterType::Or));
}

#[test]
fn maps_formats_and_null_idioms() {
    let bag: Bag = round_trip(&json!({ "name": "b", "x": 1, "y": 2 }));
    assert_eq!(bag.additional_properties.get("y"), Some(&2));
    let err = decode_error::<Bag>(&json!({ "name": "b", "x": "one" }));
    assert!(err.contains("expected i64"), "{err}");

    let formats: Formats = round_trip(&json!({
        "i32": -5, "i64": 9_007_199_254_740_993_i64, "u64": 18_446_744_073_709_551_615_u64, "f32": 0.7, "f64": 0.1,
        "when": "2024-01-01T00:00:00Z", "day": "2024-01-01", "uid": "6f1c", "link": "https://x", "blob": "AA==",
        "raw": [98, 121, 116, 101, 115], "stamp": 1_700_000_000, "custom": "#fff"
    }));
    assert_eq!((formats.i64, formats.u64, formats.f32), (9_007_199_254_740_993, Some(u64::MAX), Some(0.7)));
    // `format: binary` is bytes (`Vec<u8>`), which serde_json writes as an array of numbers.
    assert_eq!(formats.raw.as_deref(), Some(&b"bytes"[..]));
    assert!(decode_error::<Formats>(&json!({ "i32": 3_000_000_000_i64, "i64": 1 })).starts_with("i32: invalid value"));

    let refs: NullableRefs = round_trip(&json!({ "a": null, "b": { "prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2 },
        "c": null, "d": null, "e": null, "f": null, "g": null }));
    assert_eq!((refs.a, refs.e, refs.g), (None, None, Some(None)));
    let refs: NullableRefs = round_trip(&json!({ "a": null, "b": null, "c": null, "d": null, "e": ["x"], "f": "y" }));
    assert_eq!((refs.f, refs.g), (Some(NullableRefsF::Y), None));

    let anything: Anything = round_trip(&json!({ "any": [1, "two", null] }));
    assert_eq!(anything["any"][2], Value::Null);
    let tags: Tags = round_trip(&json!(["a", "b"]));
    assert_eq!(tags.len(), 2);
    let account: ApiV1Account = round_trip(&json!({ "sid": "AC1", "legacy_id": "L" }));
    assert_eq!(account.password, None);
    let error: SharedError = round_trip(&json!({ "code": null, "message": "m", "param": null, "type": "invalid_request_error" }));
    assert_eq!(error.r#type, "invalid_request_error");
}

#[test]
fn numbers_are_f64_so_an_integer_written_for_a_number_comes_back_as_a_float() {
    // Documented: `number` fields are f64, and serde_json writes an f64 with a fraction.
    let mut payload = runs()[0].clone();
    payload["temperature"] = json!(1);
    let run: Run = decode(&payload.to_string()).unwrap();
    assert_eq!(serde_json::to_string(&run.temperature).unwrap(), "1.0");
}
