//! Helpers for the round-trip tests: load a fixture, decode it into a generated model, encode it
//! back and compare as JSON values (key order and whitespace do not matter, everything else does).
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A JSON fixture from `fixtures/`.
pub fn fixture(name: &str) -> Value {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The items of a fixture that holds an array of payloads.
pub fn fixtures(name: &str) -> Vec<Value> {
    match fixture(name) {
        Value::Array(items) => items,
        other => panic!("{name}: expected an array of payloads, got {other}"),
    }
}

/// Decodes `json` as `T` (panicking with the field path on failure), encodes it again and
/// asserts the result is the same JSON value.
pub fn round_trip<T: DeserializeOwned + Serialize>(json: &Value) -> T {
    let text = json.to_string();
    let decoded: T = decode(&text).unwrap_or_else(|e| panic!("decode failed: {e}\npayload: {text}"));
    let encoded = serde_json::to_value(&decoded).expect("encode");
    assert_eq!(&encoded, json, "the round trip changed the payload");
    decoded
}

/// Decodes with the path of the failing field in the error: `created_at: invalid type: ...`
/// (serde's message, minus serde_json's ` at line L column C`, which says nothing here).
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let message = e.to_string();
        match message.rfind(" at line ") {
            Some(at) if message[at..].contains(" column ") => message[..at].to_string(),
            _ => message,
        }
    })
}

/// The error message for a payload that must not decode.
pub fn decode_error<T: DeserializeOwned + std::fmt::Debug>(json: &Value) -> String {
    match decode::<T>(&json.to_string()) {
        Ok(value) => panic!("decoded a bad payload: {value:?}"),
        Err(message) => message,
    }
}
