//! OpenAI's RunObject and RunStepObject, generated from two versions of the OpenAI spec, decoded
//! from payloads shaped like the API's responses and encoded back unchanged.
use modelgen_rust_check::{decode_error, fixtures, round_trip};
use serde_json::json;
use std::collections::BTreeSet;

macro_rules! openai_round_trips {
    ($module:ident, $krate:ident) => {
        mod $module {
            use super::*;
            use ::$krate::*;

            #[test]
            fn run_objects_in_every_status_round_trip() {
                let mut seen = BTreeSet::new();
                for payload in fixtures("openai/run_objects.json") {
                    let run: RunObject = round_trip(&payload);
                    assert_eq!(run.object, literals::ThreadRun);
                    seen.insert(match run.status {
                        RunObjectStatus::Queued => "queued",
                        RunObjectStatus::InProgress => "in_progress",
                        RunObjectStatus::RequiresAction => {
                            let action = run.required_action.as_ref().expect("required_action");
                            assert_eq!(action.submit_tool_outputs.tool_calls[0].function.name, "get_current_weather");
                            assert!(matches!(run.tools[0], RunObjectToolsItem::Function(_)));
                            "requires_action"
                        }
                        RunObjectStatus::Cancelling => {
                            assert_eq!((run.temperature, run.top_p), (Some(None), Some(None)));
                            "cancelling"
                        }
                        RunObjectStatus::Cancelled => "cancelled",
                        RunObjectStatus::Failed => {
                            assert_eq!(run.last_error.as_ref().unwrap().code, RunObjectLastErrorCode::RateLimitExceeded);
                            "failed"
                        }
                        RunObjectStatus::Completed => {
                            assert_eq!(run.usage.as_ref().unwrap().total_tokens, 579);
                            "completed"
                        }
                        RunObjectStatus::Incomplete => "incomplete",
                        RunObjectStatus::Expired => "expired",
                        RunObjectStatus::Unknown(other) => panic!("unlisted status {other}"),
                    });
                }
                assert_eq!(seen.len(), 9, "{seen:?}");
            }

            #[test]
            fn run_step_objects_with_both_details_and_every_tool_call_round_trip() {
                let mut statuses = BTreeSet::new();
                let mut calls = BTreeSet::new();
                for payload in fixtures("openai/run_step_objects.json") {
                    let step: RunStepObject = round_trip(&payload);
                    statuses.insert(format!("{:?}", step.status));
                    match &step.step_details {
                        RunStepObjectStepDetails::MessageCreation(m) => assert!(m.message_creation.message_id.starts_with("msg_")),
                        RunStepObjectStepDetails::ToolCalls(t) => {
                            for call in &t.tool_calls {
                                calls.insert(match call {
                                    RunStepDetailsToolCallsObjectToolCallsItem::CodeInterpreter(c) => {
                                        assert_eq!(c.code_interpreter.outputs.len(), 2);
                                        "code_interpreter"
                                    }
                                    RunStepDetailsToolCallsObjectToolCallsItem::FileSearch(_) => "file_search",
                                    RunStepDetailsToolCallsObjectToolCallsItem::Function(f) => {
                                        assert_eq!(f.function.output, None);
                                        "function"
                                    }
                                    RunStepDetailsToolCallsObjectToolCallsItem::Unknown(v) => panic!("unexpected tool call {v}"),
                                });
                            }
                        }
                        RunStepObjectStepDetails::Unknown(v) => panic!("unexpected step details {v}"),
                    }
                }
                assert_eq!(statuses.len(), 5, "{statuses:?}");
                assert_eq!(calls.len(), 3, "{calls:?}");
            }

            #[test]
            fn metadata_is_a_map() {
                let run: RunObject = round_trip(&fixtures("openai/run_objects.json")[1]);
                assert_eq!(run.metadata.unwrap()["user_id"], "user_abc123");
            }

            #[test]
            fn bad_payloads_fail_naming_the_field() {
                let mut payload = fixtures("openai/run_objects.json")[0].clone();
                payload.as_object_mut().unwrap().remove("thread_id");
                assert_eq!(decode_error::<RunObject>(&payload), "missing field `thread_id`");

                let mut payload = fixtures("openai/run_objects.json")[0].clone();
                payload["expires_at"] = json!("soon");
                assert_eq!(decode_error::<RunObject>(&payload), "expires_at: invalid type: string \"soon\", expected i64");

                let mut payload = fixtures("openai/run_step_objects.json")[0].clone();
                payload["run_id"] = json!(17);
                assert_eq!(decode_error::<RunStepObject>(&payload), "run_id: invalid type: integer `17`, expected a string");

                let mut payload = fixtures("openai/run_step_objects.json")[0].clone();
                payload["object"] = json!("thread.run");
                assert_eq!(
                    decode_error::<RunStepObject>(&payload),
                    "object: invalid value: string \"thread.run\", expected \"thread.run.step\""
                );
            }

            #[test]
            fn unknown_values_are_kept() {
                let mut payload = fixtures("openai/run_step_objects.json")[1].clone();
                payload["status"] = json!("paused");
                payload["step_details"]["tool_calls"][0] = json!({ "id": "call_x", "type": "computer_use", "computer_use": {} });
                let step: RunStepObject = round_trip(&payload);
                assert_eq!(step.status, RunStepObjectStatus::Unknown("paused".into()));
            }
        }
    };
}

openai_round_trips!(v2024_06_24, openai_2024_06_24);
openai_round_trips!(v2026_08_21, openai_2026_08_21);
