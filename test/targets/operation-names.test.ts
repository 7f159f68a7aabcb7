// The name each language's operation index gives an operation, from one list of operations: the
// spec's operationIds claim first, derived names after, a repeat takes a number. The languages
// differ on purpose: TypeScript keys keep the operationId as written and go in IR order; Elixir
// goes in id order; Scala objects are PascalCase, compared case-insensitively (class files), and
// step around the names the index's own code uses.
import { describe, expect, it } from "vitest";
import { operationKeys } from "../../src/targets/typescript/operation-keys.js";
import { operationNames } from "../../src/targets/elixir/operation-index.js";
import { operationObjectNames } from "../../src/targets/scala/operation-names.js";
import type { Operation } from "../../src/ir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const op = (id: string, name: string[], operationId?: string): Operation => ({
  id,
  name,
  method: "get",
  path: "/",
  kind: "path",
  docs: {},
  source,
  requests: [],
  responses: [],
  ...(operationId !== undefined ? { operationId } : {}),
});

// In IR order.
const operations = [
  op("get /pets", ["listPets"], "listPets"),
  op("post /pets", ["post", "pets"]),
  op("get /pets/{id}", ["getPet"], "getPet"),
  op("webhook newPet post", ["new", "pet", "post"]),
  // The same operationId twice (invalid, but seen in real specs).
  op("a-dup", ["getPet"], "getPet"),
  // A derived name that an operationId already took.
  op("z derived", ["list", "pets"]),
  op("op", ["Operation"], "Operation"),
];

describe("operation names by language", () => {
  const ts = operationKeys(operations);
  const elixir = operationNames(operations);
  const scala = operationObjectNames(operations);
  it.each([
    { id: "get /pets", ts: "listPets", elixir: "listPets", scala: "ListPets" },
    { id: "post /pets", ts: "postPets", elixir: "postPets", scala: "PostPets" },
    // IR order gives TypeScript's first getPet to this one; id order gives Elixir's to "a-dup".
    { id: "get /pets/{id}", ts: "getPet", elixir: "getPet2", scala: "GetPet" },
    { id: "a-dup", ts: "getPet2", elixir: "getPet", scala: "GetPet2" },
    { id: "webhook newPet post", ts: "newPetPost", elixir: "newPetPost", scala: "NewPetPost" },
    { id: "z derived", ts: "listPets2", elixir: "listPets2", scala: "ListPets2" },
    // Scala's index declares a trait named Operation.
    { id: "op", ts: "Operation", elixir: "Operation", scala: "OperationValue" },
  ])("$id", ({ id, ...want }) => {
    expect({ ts: ts.get(id), elixir: elixir.get(id), scala: scala.get(id) }).toEqual(want);
  });

  it("names every operation, each name once per language", () => {
    for (const names of [ts, elixir, scala]) {
      expect([...names.keys()].sort()).toEqual(operations.map((o) => o.id).sort());
      expect(new Set(names.values()).size).toBe(operations.length);
    }
  });

  it("gives the same names whatever order the operations come in, for Elixir", () => {
    expect(operationNames([...operations].reverse())).toEqual(elixir);
  });
});
