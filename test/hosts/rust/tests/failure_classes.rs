//! test/fixtures/failure-classes.yaml (crate `failure_classes`, default options): recursive maps
//! and arrays inside unions and aliases, enums named by const titles and `x-enum-varnames`, and a
//! nullable alias whose null sits at each use. Holder payloads round-trip unchanged.
use failure_classes::*;
use modelgen_rust_check::{decode, decode_error, fixtures, round_trip};
use serde_json::json;
use std::collections::BTreeMap;

fn holders() -> Vec<serde_json::Value> {
    fixtures("failure_classes/holders.json")
}

fn leaf(text: &str) -> Tree {
    Tree::Leaf(text.to_string())
}

#[test]
fn a_full_holder_round_trips_with_every_recursive_shape() {
    let full: Holder = round_trip(&holders()[0]);
    assert_eq!(full.metadata.as_ref().map(|m| m["team"].as_str()), Some("runs"));
    assert_eq!(full.extra, Some(None), "optional nullable alias, null: kept apart from absent");
    let Tree::Map(tree) = &full.tree else { panic!("expected a map of trees: {:?}", full.tree) };
    assert_eq!(tree["left"], leaf("leaf-a"));
    assert_eq!(tree["right"], Tree::Map(BTreeMap::from([("deeper".to_string(), leaf("leaf-b")), ("empty".to_string(), Tree::Map(BTreeMap::new()))])));
    let forest: &Forest = full.forest.as_ref().expect("forest");
    assert_eq!(forest["north"], vec![leaf("pine"), Tree::Map(BTreeMap::from([("branch".to_string(), leaf("twig"))]))]);
    // `Nested` is a newtype (a recursive `type` alias is illegal): arrays of arrays of itself.
    let nested = full.nested.as_ref().expect("nested");
    assert_eq!(nested.0.len(), 3);
    assert_eq!(nested.0[1], vec![Nested(vec![vec![], vec![]])]);
    assert_eq!(
        full.json,
        Some(JsonLike::Array(vec![
            JsonLike::Number(2.5),
            JsonLike::StringValue("text".into()),
            JsonLike::Map(BTreeMap::from([(
                "inner".to_string(),
                JsonLike::Array(vec![JsonLike::StringValue("deep".into()), JsonLike::Number(0.25)])
            )])),
            JsonLike::Array(vec![]),
        ]))
    );
    assert_eq!(full.level, Level::Beta, "named by its const title");
    assert_eq!(full.untitled, Some(Untitled::Minus1), "no name given: one from the value");
    assert_eq!(full.mode, Some(Mode::OneX), "named by x-enum-varnames");
}

#[test]
fn minimal_and_empty_holders_round_trip() {
    let minimal: Holder = round_trip(&holders()[1]);
    assert_eq!((minimal.metadata, minimal.extra, minimal.tree, minimal.level), (None, None, leaf("just-a-leaf"), Level::Alpha));
    let empty: Holder = round_trip(&holders()[2]);
    assert_eq!(empty.metadata, Some(BTreeMap::new()));
    assert_eq!(empty.extra, Some(Some(BTreeMap::from([("k".to_string(), "v".to_string())]))));
    assert_eq!(empty.tree, Tree::Map(BTreeMap::new()));
    assert_eq!(empty.nested, Some(Nested(vec![])));
    assert_eq!((empty.level, empty.untitled, empty.mode), (Level::Gamma, Some(Untitled::Value2), Some(Mode::Unset)));
}

#[test]
fn values_the_spec_does_not_list_are_kept() {
    let unlisted: Holder = round_trip(&holders()[3]);
    assert_eq!(unlisted.level, Level::Unknown(7));
    assert_eq!(unlisted.untitled, Some(Untitled::Unknown(9)));
    assert_eq!(unlisted.mode, Some(Mode::Unknown("warp-speed".into())));
}

#[test]
fn an_absent_nullable_alias_reads_as_none_and_encodes_as_null() {
    // Lenient presence: the required `metadata` may be absent; it comes back as `null`.
    let holder: Holder = decode(&json!({ "tree": "leaf", "level": 1 }).to_string()).expect("decode");
    assert_eq!(holder.metadata, None);
    assert_eq!(serde_json::to_value(&holder).unwrap(), json!({ "metadata": null, "tree": "leaf", "level": 1 }));
}

#[test]
fn bad_payloads_fail_naming_the_field() {
    let err = decode_error::<Holder>(&json!({ "metadata": null, "tree": "leaf", "level": "high" }));
    assert!(err.starts_with("level: invalid type: string \"high\""), "{err}");
    let err = decode_error::<Holder>(&json!({ "metadata": null, "tree": "leaf", "level": 1, "nested": [[1]] }));
    assert!(err.starts_with("nested"), "{err}");
    let err = decode_error::<Holder>(&json!({ "metadata": { "k": 1 }, "tree": "leaf", "level": 1 }));
    assert!(err.starts_with("metadata.k: invalid type: integer `1`"), "{err}");
}
