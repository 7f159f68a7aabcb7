// Name hints come only from where a schema sits in the document (its pointer and file), so a
// model's name changes only when the spec does. Tables of places and the words they give.
import { describe, expect, it } from "vitest";
import { hintForPointer, isInsideDefinition, variantWord } from "../../src/ir/normalize/names.js";
import { compareStrings } from "../../src/common/order.js";

describe("variantWord", () => {
  it.each<{ name: string; branch: unknown; index: number; tag: string | undefined; want: string }>([
    { name: "the tag's const", branch: { properties: { type: { const: "cat" } } }, index: 0, tag: "type", want: "cat" },
    { name: "the tag's single enum value", branch: { properties: { type: { enum: ["dog"] } } }, index: 1, tag: "type", want: "dog" },
    { name: "a nullable single enum value", branch: { properties: { type: { enum: ["x", null] } } }, index: 0, tag: "type", want: "x" },
    { name: "a number tag", branch: { properties: { kind: { const: 3 } } }, index: 0, tag: "kind", want: "3" },
    { name: "two enum values are no tag: the position", branch: { properties: { type: { enum: ["a", "b"] } } }, index: 1, tag: "type", want: "variant2" },
    { name: "an object const is no tag", branch: { properties: { type: { const: { a: 1 } } } }, index: 0, tag: "type", want: "variant1" },
    { name: "the title without a tag", branch: { title: "Circle" }, index: 0, tag: "type", want: "Circle" },
    { name: "the title when no tag property is asked", branch: { properties: { type: { const: "cat" } }, title: "T" }, index: 0, tag: undefined, want: "T" },
    { name: "a blank title is no title", branch: { title: "  " }, index: 2, tag: undefined, want: "variant3" },
    { name: "not a schema object", branch: "text", index: 0, tag: "type", want: "variant1" },
  ])("$name", ({ branch, index, tag, want }) => {
    expect(variantWord(branch, index, tag)).toBe(want);
  });
});

describe("hintForPointer", () => {
  const doc = {
    components: {
      schemas: {
        Pet: { properties: { owner: { type: "object" }, tags: { items: { type: "object" } }, extra: { additionalProperties: {} } } },
        Shape: { oneOf: [{ properties: { type: { const: "circle" } } }, { title: "Square" }, {}] },
        Tagged: { discriminator: { propertyName: "kind" }, anyOf: [{ properties: { kind: { const: "a" } } }] },
        Both: { allOf: [{ properties: { x: {} } }] },
      },
    },
    $defs: { Thing: { properties: { part: {} } } },
    definitions: { A: { properties: { b: {} } } },
    paths: { x: { title: "Titled" }, y: {}, z: { properties: { schemas: { properties: { a: {} } } } } },
  };
  it.each<{ name: string; file?: string; pointer: string; isRoot?: boolean; want: string[] }>([
    { name: "a named schema", pointer: "/components/schemas/Pet", want: ["Pet"] },
    { name: "a property", pointer: "/components/schemas/Pet/properties/owner", want: ["Pet", "owner"] },
    { name: "array items", pointer: "/components/schemas/Pet/properties/tags/items", want: ["Pet", "tags", "item"] },
    { name: "map values", pointer: "/components/schemas/Pet/properties/extra/additionalProperties", want: ["Pet", "extra", "value"] },
    { name: "a branch named by its tag", pointer: "/components/schemas/Shape/oneOf/0", want: ["Shape", "circle"] },
    { name: "a branch named by its title", pointer: "/components/schemas/Shape/oneOf/1", want: ["Shape", "Square"] },
    { name: "a branch named by its position", pointer: "/components/schemas/Shape/oneOf/2", want: ["Shape", "variant3"] },
    { name: "the discriminator's property names the branch", pointer: "/components/schemas/Tagged/anyOf/0", want: ["Tagged", "a"] },
    { name: "an allOf member adds no word", pointer: "/components/schemas/Both/allOf/0/properties/x", want: ["Both", "x"] },
    { name: "a $defs entry", pointer: "/$defs/Thing/properties/part", want: ["Thing", "part"] },
    { name: "a definitions entry", pointer: "/definitions/A/properties/b", want: ["A", "b"] },
    { name: "an escaped key", pointer: "/components/schemas/a~1b", want: ["a/b"] },
    { name: "outside a collection, the root file: the last token", file: "models/droplet_create.yml", pointer: "/paths/y", want: ["y"] },
    { name: "the whole root file: its stem", file: "models/droplet_create.yml", pointer: "", want: ["droplet_create"] },
    { name: "another file: the title", file: "models/droplet_create.yml", pointer: "/paths/x", isRoot: false, want: ["Titled"] },
    {
      name: "another file without a title: stem and last token",
      file: "models/droplet_create.yml",
      pointer: "/paths/y",
      isRoot: false,
      want: ["droplet_create", "y"],
    },
    { name: "another whole file: its stem", file: "shared/error.json", pointer: "", isRoot: false, want: ["error"] },
    { name: "a property called schemas is no collection", pointer: "/paths/z/properties/schemas/properties/a", want: ["a"] },
    { name: "a schema called schemas is named by its key", pointer: "/components/schemas/schemas/properties/x", want: ["schemas", "x"] },
  ])("$name", ({ file, pointer, isRoot, want }) => {
    expect(hintForPointer(doc, file ?? "spec.yaml", pointer, isRoot ?? true)).toEqual(want);
  });
});

describe("isInsideDefinition", () => {
  it.each<{ pointer: string; want: boolean }>([
    { pointer: "/components/schemas/Pet", want: false },
    { pointer: "/components/schemas/Pet/properties/owner", want: true },
    { pointer: "/components/schemas/Pet/items", want: true },
    { pointer: "/components/schemas", want: false },
    { pointer: "/$defs/Thing", want: false },
    { pointer: "/$defs/Thing/properties/part", want: true },
    { pointer: "/definitions/A/properties/b", want: true },
    { pointer: "/components/schemas/A/$defs/B", want: true },
    { pointer: "/paths/~1pets/get/responses/200/content/application~1json/schema", want: false },
    // A property named like a collection is a name: `schemas/x` below it is no definition.
    { pointer: "/paths/~1pets/get/requestBody/content/application~1json/schema/properties/schemas/properties/x", want: false },
    { pointer: "/components/schemas/schemas/properties/definitions", want: true },
    { pointer: "", want: false },
  ])("$pointer -> $want", ({ pointer, want }) => {
    expect(isInsideDefinition(pointer)).toBe(want);
  });
});

describe("compareStrings", () => {
  it.each([
    { given: ["b", "a", "B", "A"], want: ["A", "B", "a", "b"] },
    { given: ["é", "e", "z"], want: ["e", "z", "é"] },
    { given: ["a10", "a9", "a1"], want: ["a1", "a10", "a9"] },
    { given: ["", "a", ""], want: ["", "", "a"] },
  ])("code-unit order of $given", ({ given, want }) => {
    expect([...given].sort(compareStrings)).toEqual(want);
  });
});
