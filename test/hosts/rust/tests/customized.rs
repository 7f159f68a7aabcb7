//! Issue 13's customized generations (test/compile/customized/settings.ts): `types: native`,
//! `map: { Metadata: crate::extra::Metadata }`, an overlay and a rename, decoded from payloads and
//! encoded back unchanged (payloads in test/compile/payloads/customized, copied to fixtures/customized).
use modelgen_rust_check::{decode, fixtures, round_trip};

mod native_spec {
    use super::*;
    use ::runs_api_native::*;

    #[test]
    fn formats_read_as_chrono_and_uuid_and_write_back_the_wire_form() {
        for payload in fixtures("customized/formats.json") {
            let f: Formats = round_trip(&payload);
            assert_eq!(f.when.unwrap().to_rfc3339(), "2024-05-01T12:30:00+00:00");
            assert_eq!(f.day.unwrap().to_string(), "2024-05-01");
            assert_eq!(f.uid.unwrap().to_string(), "123e4567-e89b-12d3-a456-426614174000");
            assert_eq!(f.stamp.unwrap().timestamp(), 1_714_566_600);
        }
    }

    #[test]
    fn a_bad_date_is_an_error_naming_the_field() {
        let err = decode::<Formats>(r#"{"i32": 1, "i64": 2, "day": "2024-13-01"}"#).unwrap_err();
        assert!(err.starts_with("day:"), "{err}");
    }

    #[test]
    fn runs_with_timestamps_and_the_users_metadata_round_trip() {
        for payload in fixtures("runs_api/runs.json") {
            let run: Run = round_trip(&payload);
            assert!(run.created_at.timestamp() > 1_600_000_000);
            let _: Option<&runs_api_native::extra::Metadata> = run.metadata.as_ref();
        }
    }
}

mod customized_openai {
    use super::*;
    use ::openai_customized::*;

    #[test]
    fn a_run_with_timestamps_null_instructions_and_the_users_metadata_round_trips() {
        for payload in fixtures("customized/runs.json") {
            let run: RunObject = round_trip(&payload);
            assert_eq!(run.created_at.timestamp(), 1_698_107_661);
            assert_eq!(run.started_at.map(|t| t.timestamp()), Some(1_698_107_662));
            assert_eq!(run.expires_at, None);
            // The overlay made instructions nullable.
            assert_eq!(run.instructions, None);
            let metadata: &openai_customized::extra::Metadata = run.metadata.as_ref().expect("metadata");
            assert_eq!(metadata.get("team"), Some("runs"));
        }
    }

    #[test]
    fn the_renamed_step_model_is_run_step() {
        let step: Option<RunStep> = None;
        assert!(step.is_none());
    }
}
