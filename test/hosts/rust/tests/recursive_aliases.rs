//! test/hosts/rust/specs/recursive-aliases.yaml (crate `recursive_aliases`): aliases that come back
//! inside their own type are transparent newtypes, inside untagged unions too, and round-trip.
use modelgen_rust_check::{fixtures, round_trip};
use recursive_aliases::*;
use std::collections::BTreeMap;

#[test]
fn recursive_aliases_round_trip() {
    let payloads = fixtures("failure_classes/recursive_aliases.json");
    let full: Shapes = round_trip(&payloads[0]);
    assert_eq!(full.shape, NestedOrName::Nested(Nested(vec![vec![Nested(vec![]), Nested(vec![vec![]])], vec![]])));
    let Some(CodecOrCount::Codec(codec)) = &full.codec else { panic!("expected a codec: {:?}", full.codec) };
    assert_eq!(codec.0["video"], CodecList(vec![Codec(BTreeMap::from([("h264".to_string(), CodecList(vec![]))])), Codec(BTreeMap::new())]));
    assert_eq!(full.outer, Some(Outer(Inner(vec![Outer(Inner(vec![])), Outer(Inner(vec![Outer(Inner(vec![]))]))]))));
    assert_eq!(full.maybe, Some(Some(MaybeList(vec![None, Some(MaybeList(vec![])), Some(MaybeList(vec![None, Some(MaybeList(vec![None]))]))]))));

    let named: Shapes = round_trip(&payloads[1]);
    assert_eq!((named.shape, named.codec, named.maybe), (NestedOrName::StringValue("a name".into()), Some(CodecOrCount::Integer(42)), Some(None)));
    let empty: Shapes = round_trip(&payloads[2]);
    assert_eq!(empty.shape, NestedOrName::Nested(Nested(vec![])), "an empty array is the recursive alias, not a name");
}
