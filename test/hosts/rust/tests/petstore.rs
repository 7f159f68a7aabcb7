//! The petstore fixture (test/fixtures/petstore: a multi-file spec with no components, crate
//! `petstore`): operation models round-trip real-shaped JSON, a multipart file part is bytes, and
//! the operation index (`petstore::operations`) names each operation's models.
use modelgen_rust_check::{decode_error, fixtures, round_trip};
use petstore::*;
use serde_json::json;
use std::any::TypeId;

#[test]
fn order_requests_round_trip() {
    let requests = fixtures("petstore/orders_requests.json");
    let full: PostStoresStoreIdOrdersRequest = round_trip(&requests[0]);
    assert_eq!(full.pet_id, 9_007_199_254_740_993_i64, "an int64 beyond f64's exact integers");
    assert_eq!(full.quantity, 2_i32);
    assert_eq!(full.delivery, Some(PostStoresStoreIdOrdersRequestDelivery::Courier));
    assert_eq!(full.callback_url.as_deref(), Some("https://shop.example/hooks/orders"));

    let minimal: PostStoresStoreIdOrdersRequest = round_trip(&requests[1]);
    assert_eq!((minimal.delivery, minimal.callback_url), (None, None), "optional and absent: left out again");

    let unlisted: PostStoresStoreIdOrdersRequest = round_trip(&requests[2]);
    assert_eq!(unlisted.delivery, Some(PostStoresStoreIdOrdersRequestDelivery::Unknown("drone".into())));
}

#[test]
fn a_bad_order_request_fails_naming_the_field() {
    assert_eq!(decode_error::<PostStoresStoreIdOrdersRequest>(&json!({ "pet_id": 1 })), "missing field `quantity`");
    let too_big = decode_error::<PostStoresStoreIdOrdersRequest>(&json!({ "pet_id": 1, "quantity": 3_000_000_000_i64 }));
    assert!(too_big.starts_with("quantity: invalid value"), "{too_big}");
}

#[test]
fn list_pets_responses_round_trip() {
    let pages = fixtures("petstore/list_pets_responses.json");
    let first: ListPetsResponse = round_trip(&pages[0]);
    assert!(first.has_more);
    assert_eq!(first.next_cursor, Some(Some("cur_3".to_string())));
    assert_eq!(first.data.len(), 3);
    assert_eq!(first.data[0].tag, Some(Some("dog".to_string())));
    assert_eq!(first.data[1].tag, Some(None), "optional and null: kept apart from absent");
    assert_eq!(first.data[2].tag, None);
    assert_eq!(first.data[1].status, PetStatus::Adopted);
    assert_eq!(first.data[1].owner.as_ref().map(|o| o.since.as_deref()), Some(Some("2025-03-01")));
    assert_eq!(first.data[2].status, PetStatus::Unknown("quarantined".into()));

    let last: ListPetsResponse = round_trip(&pages[1]);
    assert_eq!((last.data.len(), last.next_cursor), (0, Some(None)));
    let no_cursor: ListPetsResponse = round_trip(&pages[2]);
    assert_eq!(no_cursor.next_cursor, None);
}

#[test]
fn a_multipart_file_part_is_bytes() {
    let upload = UploadPetPhotoRequest { file: vec![0x89, b'P', b'N', b'G'], caption: Some("Rex".into()) };
    let encoded = serde_json::to_value(&upload).expect("encode");
    assert_eq!(encoded, json!({ "file": [137, 80, 78, 71], "caption": "Rex" }));
    let decoded: UploadPetPhotoRequest = round_trip(&encoded);
    assert_eq!(decoded, upload);
}

/// Are `A` and `B` the same type (an alias of the index and the model it should name)?
fn same<A: 'static, B: 'static>() -> bool {
    TypeId::of::<A>() == TypeId::of::<B>()
}

#[test]
fn the_operation_index_names_each_operations_models() {
    use operations::*;
    assert_eq!((list_pets::OPERATION_ID, list_pets::METHOD, list_pets::PATH), ("listPets", "GET", "/pets"));
    assert!(same::<list_pets::Params, ListPetsParams>());
    assert!(same::<list_pets::Response200, ListPetsResponse>());

    // No operationId: the name is derived from the method and path.
    use post_stores_store_id_orders as orders;
    assert_eq!((orders::OPERATION_ID, orders::METHOD, orders::PATH), ("postStoresStoreIdOrders", "POST", "/stores/{store_id}/orders"));
    assert!(same::<orders::Params, PostStoresStoreIdOrdersParams>());
    assert!(same::<orders::Request, PostStoresStoreIdOrdersRequest>());
    assert!(same::<orders::Response200, Order>());
    assert!(same::<orders::Response201, PostStoresStoreIdOrdersResponse201>());
    assert!(same::<orders::Response422, PostStoresStoreIdOrdersError422>());
    assert!(same::<orders::ResponseDefault, ErrorsProblem>());

    // Shared models, other media types, a file operation, a callback and a webhook.
    assert!(same::<create_pet::Request, PetCreate>());
    assert!(same::<create_pet::RequestForm, CreatePetRequestForm>());
    assert!(same::<create_pet::Response400, CreatePetError400>());
    assert!(same::<get_pet::Response404, ErrorsNotFound>());
    assert!(same::<upload_pet_photo::Request, UploadPetPhotoRequest>());
    assert_eq!(post_stores_store_id_orders_order_shipped_post::PATH, "{$request.body#/callback_url}");
    assert!(same::<post_stores_store_id_orders_order_shipped_post::Request, PostStoresStoreIdOrdersOrderShippedPostRequest>());
    assert_eq!((pet_adopted_post::OPERATION_ID, pet_adopted_post::PATH), ("petAdoptedPost", "petAdopted"));

    // The aliases are the models: a payload decodes through them.
    let request: orders::Request = round_trip(&fixtures("petstore/orders_requests.json")[0]);
    assert_eq!(request.quantity, 2);
    let page: list_pets::Response200 = round_trip(&fixtures("petstore/list_pets_responses.json")[1]);
    assert!(!page.has_more);
}
