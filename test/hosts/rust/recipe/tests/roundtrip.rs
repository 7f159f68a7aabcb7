use modelgen_rust_recipe::*;
use serde_json::{json, Value};

/// decode JSON into T, encode back, compare as serde_json::Value (key order / number format independent)
fn roundtrip<T: serde::de::DeserializeOwned + serde::Serialize>(v: &Value) -> T {
    let t: T = serde_json::from_value(v.clone()).expect("decode");
    let back = serde_json::to_value(&t).expect("encode");
    assert_eq!(&back, v, "round trip changed the payload");
    t
}

fn run_json() -> Value {
    json!({
        "id": "run_1", "type": "run", "createdAt": 1699063291,
        "status": "requires_action", "model": "gpt-4o", "role": "assistant", "voice": "alloy",
        "completed_at": null, "$ref": "#/x",
        "step": {"type": "message_creation", "messageId": "msg_1"},
        "content": ["hi", [{"text": "a"}], 1.5],
        "x-extra": {"anything": [1, 2]}
    })
}

#[test]
fn struct_with_renames_roundtrips() {
    let r: RunObject = roundtrip(&run_json());
    assert_eq!(r.status, RunStatus::RequiresAction);
    assert_eq!(r.model, ModelId::Gpt4o);
    assert_eq!(r.temperature, None);
    assert_eq!(r.step, Some(StepDetails::MessageCreation { message_id: "msg_1".into() }));
    assert_eq!(r.content[1], ContentPart::Parts(vec![TextPart { text: "a".into() }]));
    assert_eq!(r.extra["x-extra"], json!({"anything": [1, 2]}));
}

#[test]
fn closed_enum_rejects_unknown_value() {
    let mut v = run_json();
    v["status"] = json!("weird");
    assert!(serde_json::from_value::<RunObject>(v).is_err());
}

#[test]
fn open_enum_with_untagged_variant_keeps_unknown_value() {
    let m: ModelId = roundtrip(&json!("gpt-9"));
    assert_eq!(m, ModelId::Other("gpt-9".into()));
    let m: ModelId = roundtrip(&json!("o1-mini"));
    assert_eq!(m, ModelId::O1Mini);
}

#[test]
fn serde_other_unit_variant_is_lossy() {
    let r: Role = serde_json::from_value(json!("tool")).unwrap();
    assert_eq!(r, Role::Unknown);
    assert_eq!(serde_json::to_value(r).unwrap(), json!("unknown"));
}

#[test]
fn hand_written_unknown_string_variant_roundtrips() {
    let v: Voice = roundtrip(&json!("shimmer"));
    assert_eq!(v, Voice::Unknown("shimmer".into()));
}

#[test]
fn internally_tagged_union() {
    let s: StepDetails = roundtrip(&json!({"type": "tool_calls", "tool_calls": [{"id": "c1"}]}));
    assert!(matches!(s, StepDetails::ToolCalls(_)));
    let u: StepDetails = serde_json::from_value(json!({"type": "future_kind", "x": 1})).unwrap();
    assert_eq!(u, StepDetails::Unknown);
}

#[test]
fn internally_tagged_union_with_untagged_value_fallback() {
    let t: Tool = roundtrip(&json!({"type": "function", "name": "f"}));
    assert_eq!(t, Tool::Function(FunctionTool { name: "f".into() }));
    let t: Tool = roundtrip(&json!({"type": "file_search"}));
    assert_eq!(t, Tool::FileSearch {});
    let t: Tool = roundtrip(&json!({"type": "web_search", "x": 1}));
    assert!(matches!(t, Tool::Other(_)));
}

#[test]
fn recursion_through_box_and_vec() {
    let f: Filter = roundtrip(&json!({"key": "a", "not": {"key": "b", "any": [{"key": "c"}]}}));
    assert_eq!(f.not.unwrap().any[0].key, "c");
}

#[test]
fn wide_struct() {
    let mut v = serde_json::Map::new();
    for i in 1..=33 { v.insert(format!("f{i:02}"), json!(i)); }
    let w: Wide = roundtrip(&Value::Object(v));
    assert_eq!(w.f33, 33);
}
