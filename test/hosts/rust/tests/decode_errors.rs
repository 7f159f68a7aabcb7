//! The generated crates' own `decode` module (issue 14): a decode error names the JSON path of the
//! offending value, through tagged unions too, and shows the value cut to 80 characters.
use modelgen_rust_check::fixtures;
use runs_api::decode::{self, DecodeError, SHOWN_VALUE_CHARS};
use runs_api::{Run, RunStep};
use serde_json::{json, Value};

fn run_error(edit: impl FnOnce(&mut Value)) -> DecodeError {
    let mut payload = fixtures("runs_api/runs.json")[2].clone();
    edit(&mut payload);
    decode::from_str::<Run>(&payload.to_string()).expect_err("must not decode")
}

fn step_error(edit: impl FnOnce(&mut Value)) -> DecodeError {
    let mut payload = fixtures("runs_api/steps.json")[1].clone();
    edit(&mut payload);
    decode::from_str::<RunStep>(&payload.to_string()).expect_err("must not decode")
}

#[test]
fn valid_documents_decode_as_with_serde_json() {
    let text = fixtures("runs_api/runs.json")[0].to_string();
    let run: Run = decode::from_str(&text).expect("decode");
    assert_eq!(run, serde_json::from_str::<Run>(&text).unwrap());
    assert_eq!(decode::from_slice::<Run>(text.as_bytes()).unwrap(), run);
    assert_eq!(decode::from_value::<Run>(&serde_json::from_str(&text).unwrap()).unwrap(), run);
}

#[test]
fn a_wrong_type_names_the_path_and_shows_the_value() {
    let e = run_error(|p| p["required_action"]["submit_tool_outputs"]["tool_calls"][1]["function"]["arguments"] = json!(42));
    assert_eq!(e.path(), "required_action.submit_tool_outputs.tool_calls[1].function.arguments");
    assert_eq!(e.value(), Some("42"));
    assert_eq!(e.message(), "invalid type: integer `42`, expected a string");
    assert_eq!(
        e.to_string(),
        "required_action.submit_tool_outputs.tool_calls[1].function.arguments: invalid type: integer `42`, expected a string (value: 42)"
    );
}

#[test]
fn a_missing_field_shows_the_object_that_lacks_it() {
    let e = run_error(|p| {
        p["last_error"] = json!({ "message": "slow down" });
    });
    assert_eq!((e.path(), e.value(), e.message()), ("last_error", Some(r#"{"message":"slow down"}"#), "missing field `code`"));
}

#[test]
fn the_path_goes_on_inside_a_tagged_union() {
    // The variant is decoded from a copy of the object: its inner path used to be lost.
    let e = step_error(|p| p["step_details"]["tool_calls"][1]["function"]["arguments"] = json!(["x"]));
    assert_eq!(e.path(), "step_details.tool_calls[1].function.arguments");
    assert_eq!(e.value(), Some(r#"["x"]"#));
    assert_eq!(e.message(), "invalid type: sequence, expected a string");

    let e = step_error(|p| {
        p["step_details"]["tool_calls"][0]["code_interpreter"]["outputs"][1]["image"].as_object_mut().unwrap().remove("file_id");
    });
    assert_eq!(e.path(), "step_details.tool_calls[0].code_interpreter.outputs[1].image");
    assert_eq!((e.value(), e.message()), (Some("{}"), "missing field `file_id`"));

    // A tag the union needs but does not find: the path of the union's object.
    let e = step_error(|p| {
        p["step_details"].as_object_mut().unwrap().remove("type");
    });
    assert_eq!((e.path(), e.message()), ("step_details", "missing field `type`"));
}

#[test]
fn a_long_value_is_cut_to_80_characters() {
    let long = "x".repeat(200);
    let e = run_error(|p| p["usage"] = json!({ "prompt_tokens": long, "completion_tokens": 1, "total_tokens": 2 }));
    assert_eq!(e.path(), "usage.prompt_tokens");
    let shown = e.value().unwrap();
    assert_eq!(shown.chars().count(), SHOWN_VALUE_CHARS);
    assert_eq!(SHOWN_VALUE_CHARS, 80);
    assert!(shown.starts_with("\"xxx") && shown.ends_with("x…"), "{shown}");

    // Counted in characters, not bytes: a multi-byte character is never split.
    let e = run_error(|p| p["metadata"] = json!("é".repeat(100)));
    assert_eq!(e.value().unwrap().chars().count(), 80);
    let exactly = "y".repeat(78);
    let e = run_error(|p| p["metadata"] = json!(exactly));
    assert_eq!(e.value(), Some(format!("\"{exactly}\"").as_str()), "80 characters with the quotes: shown whole");
}

#[test]
fn text_that_is_not_json_says_where() {
    let e = decode::from_str::<Run>(r#"{"id": "run_1", "object": }"#).unwrap_err();
    assert_eq!(e.value(), None);
    assert!(e.message().starts_with("expected value at line 1 column"), "{e}");
    let e = decode::from_str::<Value>("{} {}").unwrap_err();
    assert_eq!(e.path(), ".");
    assert!(e.message().starts_with("trailing characters"), "{e}");
}

#[test]
fn the_document_itself_is_the_path_dot() {
    let e = decode::from_str::<Run>("\"a run\"").unwrap_err();
    assert_eq!((e.path(), e.value()), (".", Some("\"a run\"")));
    assert_eq!(e.message(), "invalid type: string \"a run\", expected struct Run");
}
