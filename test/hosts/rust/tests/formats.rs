//! test/fixtures/formats.yaml (crate `formats`, default options): integers beyond 2^53 (int64's and
//! uint64's largest) decode and encode with every digit, and a `const` or enum value the spec wrote
//! with such digits is that integer: not the double a JSON reader gives for it, which took another
//! int64 for it and wrote `9.223372036854776e18` back.
use formats::*;
use modelgen_rust_check::{decode_error, round_trip};
use serde_json::json;

fn payload() -> serde_json::Value {
    json!({
        "i32": 7,
        "i64": 9_007_199_254_740_993_i64,
        "u64": 18_446_744_073_709_551_615_u64,
        "stamp": 1_700_000_000,
        "seed": -9_223_372_036_854_775_808_i64,
        "most": 9_223_372_036_854_775_807_i64,
        "least": -9_223_372_036_854_775_808_i64,
        "limit": 9_223_372_036_854_775_807_i64,
        "wide": 18_446_744_073_709_551_615_u64,
        "cursor": 9_223_372_036_854_775_806_i64
    })
}

#[test]
fn integers_beyond_2_to_the_53_round_trip_with_every_digit() {
    let formats: Formats = round_trip(&payload());
    assert_eq!(formats.i64, 9_007_199_254_740_993);
    assert_eq!(formats.u64, u64::MAX);
    assert_eq!(formats.limit, Some(Limit::Value9223372036854775807));
    assert_eq!(formats.wide, Some(Wide::Value18446744073709551615));
    assert_eq!(literals::Value9223372036854775807::VALUE, i64::MAX);
    assert_eq!(literals::Minus9223372036854775808::VALUE, i64::MIN);
}

#[test]
fn another_integer_that_reads_as_the_same_double_is_not_the_spec_s_value() {
    let mut other = payload();
    other["limit"] = json!(9_223_372_036_854_775_806_i64);
    let formats: Formats = round_trip(&other);
    assert_eq!(formats.limit, Some(Limit::Unknown(9_223_372_036_854_775_806)));
    other["most"] = json!(9_223_372_036_854_775_806_i64);
    assert!(decode_error::<Formats>(&other).contains("most"));
}
