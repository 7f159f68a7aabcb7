//! The same spec generated with `presence: strict` and `openEnums: false` (crate
//! `runs_api_strict`): the fixtures still round trip, and what the defaults tolerate is an error.
use modelgen_rust_check::{decode_error, fixtures, round_trip};
use runs_api_strict::*;
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
fn strict_presence_requires_required_nullable_fields() {
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    payload.as_object_mut().unwrap().remove("completed_at");
    assert_eq!(decode_error::<Run>(&payload), "missing field `completed_at`");

    let mut payload = fixtures("runs_api/steps.json")[1].clone();
    payload["step_details"]["tool_calls"][1]["function"].as_object_mut().unwrap().remove("output");
    let err = decode_error::<RunStep>(&payload);
    assert!(err.starts_with("step_details") && err.ends_with("missing field `output`"), "{err}");

    // Optional fields may still be absent.
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    payload.as_object_mut().unwrap().remove("temperature");
    round_trip::<Run>(&payload);
}

#[test]
fn closed_enums_reject_unknown_values() {
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    payload["status"] = json!("paused");
    let err = decode_error::<Run>(&payload);
    assert!(err.starts_with("status: unknown variant `paused`, expected one of `queued`, `in_progress`"), "{err}");

    assert_eq!(decode_error::<Priority>(&json!(99)), "invalid value: integer `99`, expected one of 1, 2, 3, 10");
    let err = decode_error::<MixedEnum>(&json!("other"));
    assert_eq!(err, "unknown value \"other\", expected one of \"auto\", 1, true");
}

#[test]
fn closed_tagged_unions_reject_unknown_tags() {
    let mut payload = fixtures("runs_api/runs.json")[0].clone();
    payload["tools"] = json!([{ "type": "web_search" }]);
    assert_eq!(
        decode_error::<Run>(&payload),
        "tools[0]: unknown variant `web_search`, expected one of `code_interpreter`, `file_search`, `function`"
    );
    let err = decode_error::<RunStepStepDetails>(&json!({ "type": 3 }));
    assert_eq!(err, "invalid type: integer `3`, expected a string tag");
    let err = decode_error::<RunStepStepDetails>(&json!("message_creation"));
    assert_eq!(err, "invalid type: string \"message_creation\", expected an object");
}
