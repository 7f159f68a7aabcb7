//! spec/openapi.yaml generated with `presence: tolerant` (crate `runs_api_tolerant`): every field
//! may be absent or null, literals and tags are still checked, and encoding leaves absent fields out.
use modelgen_rust_check::{decode, decode_error, fixtures, round_trip};
use runs_api_tolerant::*;
use serde_json::json;

#[test]
fn valid_payloads_round_trip_unchanged() {
    for payload in fixtures("runs_api/runs.json") {
        round_trip::<Run>(&payload);
    }
    for payload in fixtures("runs_api/steps.json") {
        round_trip::<RunStep>(&payload);
    }
}

#[test]
fn required_fields_may_be_absent_and_stay_absent() {
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    for field in ["id", "object", "created_at", "status", "tools", "completed_at"] {
        payload.as_object_mut().unwrap().remove(field);
    }
    let run: Run = decode(&payload.to_string()).expect("a run without required fields decodes");
    assert_eq!((&run.id, run.object, run.created_at, &run.status, &run.tools), (&None, None, None, &None, &None));
    assert_eq!(run.completed_at, None);
    let encoded = serde_json::to_value(&run).expect("encode");
    for field in ["id", "object", "created_at", "status", "tools"] {
        assert!(encoded.get(field).is_none(), "{field} was absent and must stay absent: {encoded}");
    }
    // A required field that admits null is written as the null the spec asks for.
    assert_eq!(encoded["completed_at"], json!(null));
}

#[test]
fn required_fields_may_be_null_and_come_back_absent() {
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    payload["instructions"] = json!(null);
    payload["model"] = json!(null);
    let run: Run = decode(&payload.to_string()).expect("null in a required non-nullable field decodes");
    assert_eq!((&run.instructions, &run.model), (&None, &None));
    let encoded = serde_json::to_value(&run).expect("encode");
    assert!(encoded.get("instructions").is_none() && encoded.get("model").is_none(), "{encoded}");
}

#[test]
fn nested_models_are_tolerant_too() {
    let mut payload = fixtures("runs_api/steps.json")[1].clone();
    payload["step_details"]["tool_calls"][1]["function"].as_object_mut().unwrap().remove("name");
    let step: RunStep = round_trip(&payload);
    match step.step_details.expect("step_details") {
        RunStepStepDetails::ToolCalls(details) => match &details.tool_calls.as_deref().unwrap()[1] {
            StepToolCall::Function(call) => assert_eq!(call.function.as_ref().unwrap().name, None),
            other => panic!("expected a function call, got {other:?}"),
        },
        other => panic!("expected tool calls, got {other:?}"),
    }
}

#[test]
fn literals_and_tags_are_still_checked() {
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    payload["object"] = json!("thread.message");
    assert_eq!(decode_error::<Run>(&payload), "object: invalid value: string \"thread.message\", expected \"thread.run\"");

    let mut payload = fixtures("runs_api/steps.json")[0].clone();
    payload["step_details"].as_object_mut().unwrap().remove("type");
    assert_eq!(decode_error::<RunStep>(&payload), "step_details: missing field `type`");

    // An unlisted tag is kept (open unions), not read as whichever variant tolerates it.
    let mut payload = fixtures("runs_api/steps.json")[0].clone();
    payload["step_details"] = json!({ "type": "handoff", "to": "agent_b" });
    let step: RunStep = round_trip(&payload);
    assert_eq!(step.step_details, Some(RunStepStepDetails::Unknown(json!({ "type": "handoff", "to": "agent_b" }))));
}

#[test]
fn wrong_types_are_still_errors() {
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    payload["created_at"] = json!("yesterday");
    assert_eq!(decode_error::<Run>(&payload), "created_at: invalid type: string \"yesterday\", expected i64");
}
