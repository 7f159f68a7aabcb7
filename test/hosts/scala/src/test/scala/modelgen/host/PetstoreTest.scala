package modelgen.host

import io.circe.Json
import io.circe.syntax.*
import org.junit.Test
import org.junit.Assert.{assertEquals, assertNotEquals}
import scala.collection.immutable.ArraySeq
import modelgen.host.Check.*
import fixtures.petstore.*

/**
 * The operation models of the multi-file petstore fixture (package fixtures.petstore): a request
 * body and a response body round-trip real-shaped JSON, the operation index names their types,
 * and a multipart file part holds bytes.
 */
class PetstoreTest {

  /** Compiles only when `A` and `B` are the same type. */
  private def sameType[A, B](using A =:= B): Unit = ()

  @Test def placeOrderRequest(): Unit = {
    val order = roundTrip[PostStoresStoreIdOrdersRequest]("petstore/place_order_request.json")
    // pet_id is int64: a value past 2^53 survives.
    assertEquals(9007199254740993L, order.petId)
    assertEquals(2, order.quantity)
    assertEquals(Some(PostStoresStoreIdOrdersRequest.Delivery.Courier), order.delivery)
    assertEquals(Some("https://shop.example.com/hooks/orders"), order.callbackUrl)
    // Only the required fields: the optional ones are absent, and stay absent when written.
    val minimal = roundTripJson[PostStoresStoreIdOrdersRequest](json("""{"pet_id": 7, "quantity": 1}"""), "minimal order")
    assertEquals(PostStoresStoreIdOrdersRequest(petId = 7L, quantity = 1), minimal)
    val input = fixture("petstore/place_order_request.json")
    assertMentions(failure[PostStoresStoreIdOrdersRequest](remove(input, "quantity")), "Missing required field", "quantity")
    assertMentions(failure[PostStoresStoreIdOrdersRequest](set(input, "quantity", Json.fromLong(1L << 40))), ".quantity")
  }

  @Test def listPetsResponse(): Unit = {
    val page = roundTrip[ListPetsResponse]("petstore/list_pets_response.json")
    assertEquals(List("Rex", "Tom", "Kiwi"), page.data.map(_.name))
    assertEquals(List(PetStatus.Available, PetStatus.Adopted, PetStatus.Unknown("quarantined")), page.data.map(_.status))
    // tag is optional and nullable: null, a value and absent each come back as they were.
    assertEquals(List(Nullable.Null, Nullable.Present("cat"), Nullable.Absent), page.data.map(_.tag))
    assertEquals(Some(Pet.Owner(name = "Ann", since = Some("2024-05-13"))), page.data(1).owner)
    assertEquals((true, Nullable.Present("cur_3")), (page.hasMore, page.nextCursor))
    val last = roundTripJson[ListPetsResponse](json("""{"data": [], "has_more": false, "next_cursor": null}"""), "last page")
    assertEquals(Nullable.Null, last.nextCursor)
    assertMentions(failure[ListPetsResponse](remove(fixture("petstore/list_pets_response.json"), "data.0.name")), "Missing required field", "name")
  }

  @Test def operationIndexNamesTheModels(): Unit = {
    sameType[Operations.ListPets.Params, ListPetsParams]
    sameType[Operations.ListPets.Response200, ListPetsResponse]
    sameType[Operations.PostStoresStoreIdOrders.Params, PostStoresStoreIdOrdersParams]
    sameType[Operations.PostStoresStoreIdOrders.Request, PostStoresStoreIdOrdersRequest]
    sameType[Operations.PostStoresStoreIdOrders.Response200, Order]
    sameType[Operations.PostStoresStoreIdOrders.Response201, PostStoresStoreIdOrdersResponse201]
    sameType[Operations.PostStoresStoreIdOrders.Response422, PostStoresStoreIdOrdersError422]
    sameType[Operations.PostStoresStoreIdOrders.ResponseDefault, ErrorsProblem]
    sameType[Operations.CreatePet.Request, PetCreate]
    sameType[Operations.CreatePet.RequestForm, CreatePetRequestForm]
    sameType[Operations.UploadPetPhoto.Request, UploadPetPhotoRequest]
    sameType[Operations.PetAdoptedPost.Request, PetAdoptedPostRequest]
    // A body sent as */* or text/json, with nothing else to read, is read as JSON.
    sameType[Operations.GetInventory.Response200, GetInventoryResponse]
    sameType[Operations.Restock.Request, RestockRequest]
    sameType[Operations.Restock.Response200, Order]

    assertEquals((Some("listPets"), "GET", "/pets", "path"), (Operations.ListPets.operationId, Operations.ListPets.method, Operations.ListPets.path, Operations.ListPets.kind))
    assertEquals((None, "POST", "/stores/{store_id}/orders"), (Operations.PostStoresStoreIdOrders.operationId, Operations.PostStoresStoreIdOrders.method, Operations.PostStoresStoreIdOrders.path))
    assertEquals(("callback", "{$request.body#/callback_url}"), (Operations.PostStoresStoreIdOrdersOrderShippedPost.kind, Operations.PostStoresStoreIdOrdersOrderShippedPost.path))
    assertEquals(("webhook", "petAdopted"), (Operations.PetAdoptedPost.kind, Operations.PetAdoptedPost.path))
    assertEquals(
      List("CreateAdoption", "CreateAdoptionDecidedPost", "CreatePet", "DeletePetsPetId", "GetInventory", "GetPet", "ListPets", "PetAdoptedPost",
        "PostStoresStoreIdOrders", "PostStoresStoreIdOrdersOrderShippedPost", "Restock", "UploadPetPhoto"),
      Operations.all.map(_.name),
    )
    // The index's types carry the models' codecs: decoding through them is decoding the model.
    val page = decode[Operations.ListPets.Response200](fixture("petstore/list_pets_response.json"))
    assertEquals(3, page.data.size)
  }

  @Test def multipartFilePartIsBytes(): Unit = {
    // The first bytes of a PNG file, base64 in the JSON form.
    val png = ArraySeq(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a).map(_.toByte)
    val input = json("""{"file": "iVBORw0KGgo=", "caption": "Rex at the beach"}""")
    val upload = roundTripJson[UploadPetPhotoRequest](input, "photo upload")
    assertEquals(png, upload.file)
    // Bytes compare by content (an Array would compare by reference), so whole requests do too.
    assertEquals(UploadPetPhotoRequest(file = png, caption = Some("Rex at the beach")), upload)
    assertNotEquals(upload, upload.copy(file = png.updated(0, 0.toByte)))
    assertEquals(input, UploadPetPhotoRequest(file = png, caption = Some("Rex at the beach")).asJson)
    assertMentions(failure[UploadPetPhotoRequest](set(input, "file", Json.fromString("not base64!"))), ".file", "base64")
  }
}
