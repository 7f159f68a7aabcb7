//! test/fixtures/inheritance.yaml (crate `inheritance`, default options): a type that declares a
//! discriminator and is extended through allOf holds any of its subtypes. Each decodes as the
//! subtype its tag names, with every field of its own, and encodes back unchanged; a type that
//! occurs itself (its own tag) is its `...Base` object, and a tag the spec does not list is kept.
use inheritance::*;
use modelgen_rust_check::{decode_error, round_trip};
use serde_json::json;

fn payload() -> serde_json::Value {
    json!({
        "pet": { "petType": "dog", "name": "Rex", "packSize": 3 },
        "shapes": [
            { "@kind": "polygon", "label": "p", "sides": 5 },
            { "@kind": "square", "sides": 4, "side": 2.5 },
            { "@kind": "Circle", "radius": 1.5 }
        ],
        "events": {
            "a": { "type": "base", "at": 1_700_000_000 },
            "b": { "type": "click", "x": 1, "y": 2 }
        },
        "tree": {
            "kind": "Branch",
            "children": [
                { "kind": "Leaf", "id": "l", "value": null },
                { "kind": "Branch", "children": [], "first": { "kind": "Leaf", "value": "v" } }
            ]
        },
        "favourite": { "petType": "Lizard", "name": "Liz" }
    })
}

#[test]
fn each_subtype_decodes_as_itself_and_round_trips_with_its_own_fields() {
    let owner: Owner = round_trip(&payload());
    match &owner.pet {
        Pet::Dog(dog) => assert_eq!(dog.pack_size, 3),
        other => panic!("expected a Dog, got {other:?}"),
    }
    assert!(matches!(owner.favourite, Some(Pet::Lizard(_))));
    let shapes = owner.shapes.expect("shapes");
    assert!(matches!(&shapes[0], Shape::Polygon(Polygon::PolygonBase(p)) if p.sides == Some(5)));
    assert!(matches!(&shapes[1], Shape::Polygon(Polygon::Square(s)) if s.side == Some(2.5)));
    assert!(matches!(&shapes[2], Shape::Circle(_)));
    let events = owner.events.expect("events");
    assert!(matches!(events["a"], Event::EventBase(_)));
    assert!(matches!(&events["b"], Event::ClickEvent(c) if c.y == Some(2)));
    match owner.tree {
        Some(Node::Branch(branch)) => assert!(matches!(&branch.children[0], Node::Leaf(leaf) if leaf.value == Some(None))),
        other => panic!("expected a Branch, got {other:?}"),
    }
}

#[test]
fn a_tag_the_spec_does_not_list_is_kept_and_a_subtype_s_own_rules_hold() {
    let mut other = payload();
    other["pet"] = json!({ "petType": "parrot", "name": "Polly", "words": 12 });
    let owner: Owner = round_trip(&other);
    assert!(matches!(owner.pet, Pet::Unknown(_)));
    // A Dog without its required packSize is not a Pet of another kind.
    let mut bad = payload();
    bad["pet"] = json!({ "petType": "dog", "name": "Rex" });
    assert!(decode_error::<Owner>(&bad).contains("packSize"));
}
