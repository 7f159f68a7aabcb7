//! The Rust half of the conformance suite (test/compile/rust.test.ts drives it): the spec's own
//! example responses, each decoded as the generated type the test names and encoded back.
//!
//! Environment (when unset, the test only says so and passes: `cargo test` of the host builds it):
//!   CONFORMANCE_CRATE    the generated crate whose types the cases name (`openai_2026_08_21`)
//!   CONFORMANCE_CASES    [{"id": "e001", "type": "RunObject", "json": {...}}, ...]
//!   CONFORMANCE_RESULTS  written here: [{"id", "ok": true, "output"} | {"id", "ok": false, "error"}]
//!
//! The type dispatch (crate and type name -> decode and re-encode) is not committed: the test
//! writes `conformance/dispatch.rs` beside the generated crates, from the IR's names.
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Decodes an example as one type and encodes it back.
type Codec = fn(Value) -> Result<Value, String>;

/// The second half of a round trip; the dispatch decodes each example with its crate's
/// `decode::from_value`, whose error names the failing field's path and shows its value.
fn encode<T: Serialize>(decoded: &T) -> Result<Value, String> {
    serde_json::to_value(decoded).map_err(|e| format!("encode: {e}"))
}

// fn codec(krate: &str, type_name: &str) -> Option<Codec>, and per crate
// fn <crate>_round_trip<T: DeserializeOwned + Serialize>(json: Value) -> Result<Value, String>
include!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/conformance/dispatch.rs"
));

fn run_case(krate: &str, case: &Value) -> Value {
    let id = case["id"].clone();
    let type_name = case["type"].as_str().unwrap_or_default();
    let Some(codec) = codec(krate, type_name) else {
        return json!({ "id": id, "ok": false, "error": format!("no type {type_name:?} in {krate}'s dispatch") });
    };
    let input = case.get("json").cloned().unwrap_or(Value::Null);
    match catch_unwind(AssertUnwindSafe(|| codec(input))) {
        Ok(Ok(output)) => json!({ "id": id, "ok": true, "output": output }),
        Ok(Err(error)) => json!({ "id": id, "ok": false, "error": error }),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            json!({ "id": id, "ok": false, "error": format!("panicked: {}", message.unwrap_or_default()) })
        }
    }
}

#[test]
fn example_responses_decode_and_re_encode() {
    let (Ok(krate), Ok(cases_file), Ok(results_file)) = (
        std::env::var("CONFORMANCE_CRATE"),
        std::env::var("CONFORMANCE_CASES"),
        std::env::var("CONFORMANCE_RESULTS"),
    ) else {
        println!(
            "CONFORMANCE_CRATE / CONFORMANCE_CASES / CONFORMANCE_RESULTS not set: nothing to run"
        );
        return;
    };
    let text = std::fs::read_to_string(&cases_file).unwrap_or_else(|e| panic!("{cases_file}: {e}"));
    let cases: Vec<Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{cases_file}: {e}"));
    let results: Vec<Value> = cases.iter().map(|case| run_case(&krate, case)).collect();
    let out = serde_json::to_string(&results).expect("results encode");
    std::fs::write(&results_file, out + "\n").unwrap_or_else(|e| panic!("{results_file}: {e}"));
}
