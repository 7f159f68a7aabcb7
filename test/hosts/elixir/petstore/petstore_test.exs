# The operation models of test/fixtures/petstore (a multi-file spec without components): a
# request body and a response body round-trip through jiffy, and `PetStore.Operations` names the
# modules of each operation's parts.
defmodule PetStore.HostTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  alias PetStore.{ListPetsResponse, Operations, Pet, PostStoresStoreIdOrdersRequest}

  test "a request body: POST /stores/{store_id}/orders" do
    json = fixture!("post_stores_store_id_orders_request.json")
    assert {:ok, order} = PostStoresStoreIdOrdersRequest.from_json(json)

    assert %PostStoresStoreIdOrdersRequest{
             pet_id: 42,
             quantity: 2,
             delivery: :courier,
             callback_url: "https://example.com/hooks/orders?store=7"
           } = order

    assert round_trip!(PostStoresStoreIdOrdersRequest, json) === json

    # Built by hand with only the required fields: the optional ones are left out of the JSON.
    minimal = %PostStoresStoreIdOrdersRequest{pet_id: 7, quantity: 1}
    written = minimal |> PostStoresStoreIdOrdersRequest.to_json() |> encode!() |> decode!()
    assert written === %{"pet_id" => 7, "quantity" => 1}

    assert PostStoresStoreIdOrdersRequest.from_json(Map.delete(json, "quantity")) ==
             {:error, {:missing_field, ["quantity"]}}

    # Enums are open: an unlisted delivery keeps its string and is written back as it came.
    assert {:ok, %PostStoresStoreIdOrdersRequest{delivery: "drone"}} =
             PostStoresStoreIdOrdersRequest.from_json(%{json | "delivery" => "drone"})

    assert PostStoresStoreIdOrdersRequest.from_json(%{json | "delivery" => 3}) ==
             {:error, {:invalid_enum, ["delivery"], 3}}
  end

  test "a response body: GET /pets" do
    json = fixture!("list_pets_response.json")
    assert {:ok, page} = ListPetsResponse.from_json(json)

    assert %ListPetsResponse{
             has_more: true,
             next_cursor: "pet_2",
             data: [
               %Pet{
                 id: 9_007_199_254_740_993,
                 name: "Mittens",
                 tag: "tabby",
                 status: :adopted,
                 owner: %Pet.Owner{name: "Ada", since: "2026-03-14"}
               },
               %Pet{id: 2, name: "Rex", tag: nil, status: :available, owner: nil}
             ]
           } = page

    assert round_trip!(ListPetsResponse, json) === json

    last_page = %{json | "has_more" => false, "next_cursor" => nil}
    assert round_trip!(ListPetsResponse, last_page) === last_page
  end

  test "a multipart file part keeps its raw bytes" do
    bytes = <<0xFF, 0xD8, 0xFF, 0xE0, 0, 1>>
    form = %{"file" => bytes, "caption" => "Rex at the beach"}

    assert {:ok, %PetStore.UploadPetPhotoRequest{file: ^bytes}} =
             PetStore.UploadPetPhotoRequest.from_json(form)
  end

  test "the operation index names each operation's modules" do
    assert {:ok, list} = Operations.get("listPets")

    assert %{
             name: "listPets",
             operation_id: "listPets",
             kind: :path,
             method: :get,
             path: "/pets",
             params: PetStore.ListPetsParams,
             request: %{},
             responses: %{"200" => %{"application/json" => ListPetsResponse}}
           } = list

    # No operationId: named from the method and path.
    assert {:ok, order} = Operations.get("postStoresStoreIdOrders")

    assert %{
             operation_id: nil,
             method: :post,
             path: "/stores/{store_id}/orders",
             params: PetStore.PostStoresStoreIdOrdersParams,
             request: %{"application/json" => PostStoresStoreIdOrdersRequest},
             responses: %{
               "200" => %{"application/json" => PetStore.Order},
               "201" => %{"application/json" => PetStore.PostStoresStoreIdOrdersResponse201},
               "422" => %{"application/json" => PetStore.PostStoresStoreIdOrdersError422},
               "default" => %{"application/json" => PetStore.ErrorsProblem}
             }
           } = order

    assert {:ok, %{kind: :webhook, path: "petAdopted"}} = Operations.get("petAdoptedPost")
    assert {:ok, %{kind: :callback}} = Operations.get("postStoresStoreIdOrdersOrderShippedPost")
    assert Operations.get("nope") == :error
  end

  test "a body sent as */* or text/json, with nothing else to read, is read as JSON" do
    assert {:ok, %{responses: %{"200" => %{"*/*" => PetStore.GetInventoryResponse}}}} = Operations.get("getInventory")
    assert {:ok, %{request: request, responses: %{"200" => responses}}} = Operations.get("restock")
    assert request == %{"text/json" => PetStore.RestockRequest}
    assert responses == %{"application/json" => PetStore.Order}

    assert {:ok, %PetStore.GetInventoryResponse{counts: %{"available" => 3}}} =
             PetStore.GetInventoryResponse.from_json(%{"counts" => %{"available" => 3}})
  end

  test "every operation is listed once, sorted by name, and every module it names is a model" do
    names = Enum.map(Operations.all(), & &1.name)
    assert names == Enum.sort(names)
    assert names == Enum.uniq(names)
    assert length(names) == 12

    modules =
      Enum.flat_map(Operations.all(), fn op ->
        bodies = Map.values(op.request) ++ Enum.flat_map(Map.values(op.responses), &Map.values/1)
        if op.params, do: [op.params | bodies], else: bodies
      end)

    for module <- Enum.uniq(modules) do
      assert module in PetStore.models(), "#{inspect(module)} is not a model"
      assert {:module, ^module} = Code.ensure_loaded(module)
      assert function_exported?(module, :from_json, 1)
    end
  end
end
