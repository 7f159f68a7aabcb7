// Typed sample payloads for the petstore fixture's operation models, and the operation index
// resolving to those models; compiled by test/compile/typescript.test.ts beside the generated
// files. Every `@ts-expect-error` marks a line that must fail (the test removes them and checks).
import type {
  CreateAdoptionRequest,
  CreatePetRequestForm,
  ErrorsProblem,
  GetPetParams,
  ListPetsResponse,
  operations,
  Pet,
  PostStoresStoreIdOrdersRequest,
  PostStoresStoreIdOrdersResponse201,
  UploadPetPhotoRequest,
} from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export const order = {
  pet_id: 42,
  quantity: 2,
  delivery: "courier",
  callback_url: "https://example.com/shipped",
} satisfies PostStoresStoreIdOrdersRequest;

export const page = {
  data: [{ id: 1, name: "Rex", tag: null, status: "available", owner: { name: "Ana", since: "2024-01-01" } }],
  has_more: false,
  next_cursor: null,
} satisfies ListPetsResponse;

export const photo = { file: new Blob(["<jpeg bytes>"], { type: "image/jpeg" }), caption: "Rex" } satisfies UploadPetPhotoRequest;

export const wrongDelivery = {
  ...order,
  // @ts-expect-error -- "drone" is not a delivery option
  delivery: "drone",
} satisfies PostStoresStoreIdOrdersRequest;

// @ts-expect-error -- `has_more` is required
export const missingHasMore: ListPetsResponse = (({ has_more: _omitted, ...rest }) => rest)(page);

export const photoAsText = {
  // @ts-expect-error -- a file part is a Blob, not its name
  file: "rex.jpg",
} satisfies UploadPetPhotoRequest;

// The operation index names the same models.
export type IndexResolves = [
  Assert<Equal<operations["listPets"]["responses"][200], ListPetsResponse>>,
  Assert<Equal<operations["listPets"]["request"], never>>,
  Assert<Equal<operations["getPet"]["params"], GetPetParams>>,
  Assert<Equal<operations["postStoresStoreIdOrders"]["request"]["application/json"], PostStoresStoreIdOrdersRequest>>,
  Assert<Equal<operations["postStoresStoreIdOrders"]["responses"][201], PostStoresStoreIdOrdersResponse201>>,
  Assert<Equal<operations["postStoresStoreIdOrders"]["responses"]["default"], ErrorsProblem>>,
  Assert<Equal<operations["createPet"]["request"]["application/x-www-form-urlencoded"], CreatePetRequestForm>>,
  // An optional request body is an optional member.
  Assert<Equal<operations["createAdoption"]["request"], { "application/json": CreateAdoptionRequest } | undefined>>,
  Assert<Equal<operations["uploadPetPhoto"]["request"]["multipart/form-data"]["file"], Blob>>,
  // Operations without an operationId are keyed by their derived name.
  Assert<Equal<keyof operations["deletePetsPetId"], "params" | "request" | "responses">>,
];

export const placed = {
  order: { id: "ord_1", pet_id: 42, quantity: 2 },
  placed_at: "2026-01-01T00:00:00Z",
} satisfies operations["postStoresStoreIdOrders"]["responses"][201];

// @ts-expect-error -- listPets answers a page, not one pet
export type WrongResponse = Assert<Equal<operations["listPets"]["responses"][200], Pet>>;
