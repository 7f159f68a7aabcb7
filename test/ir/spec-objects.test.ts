// Which request and response bodies get a model (JSON, forms, multipart; by media type, with
// parameters and any case), which JSON one takes the plain name, the docs an OpenAPI part object
// lends its schema, and the entries of a map-valued key.
import { describe, expect, it } from "vitest";
import { isPlainJson } from "../../src/common/media-types.js";
import { bodyKind, entriesOf, type Located } from "../../src/ir/normalize/spec-objects.js";
import { objectDocs } from "../../src/ir/normalize/parts.js";
import type { BodyKind, Docs } from "../../src/ir/types.js";

describe("bodyKind and isPlainJson", () => {
  it.each<{ given: string; kind: BodyKind | undefined; plain: boolean }>([
    { given: "application/json", kind: "json", plain: true },
    { given: "application/json; charset=utf-8", kind: "json", plain: true },
    { given: "Application/JSON", kind: "json", plain: true },
    { given: "application/merge-patch+json", kind: "json", plain: false },
    { given: "application/vnd.api+json;v=2", kind: "json", plain: false },
    { given: "application/jsonl", kind: undefined, plain: false },
    { given: "application/x-ndjson", kind: undefined, plain: false },
    { given: "text/json", kind: undefined, plain: false },
    { given: "application/x-www-form-urlencoded", kind: "form", plain: false },
    { given: "multipart/form-data; boundary=x", kind: "multipart", plain: false },
    { given: "multipart/mixed", kind: undefined, plain: false },
    { given: "application/octet-stream", kind: undefined, plain: false },
    { given: "text/event-stream", kind: undefined, plain: false },
    { given: "*/*", kind: undefined, plain: false },
  ])("$given", ({ given, kind, plain }) => {
    expect({ kind: bodyKind(given), plain: isPlainJson(given) }).toEqual({ kind, plain });
  });
});

describe("objectDocs", () => {
  it.each<{ name: string; given: Record<string, unknown>; want: Docs }>([
    { name: "nothing", given: {}, want: {} },
    { name: "summary as title, description", given: { summary: "List runs", description: "All of them." }, want: { title: "List runs", description: "All of them." } },
    { name: "blank text is no text", given: { summary: "  ", description: "\n" }, want: {} },
    { name: "deprecated only when true", given: { deprecated: "yes" }, want: {} },
    { name: "deprecated", given: { deprecated: true }, want: { deprecated: true } },
  ])("$name", ({ given, want }) => {
    expect(objectDocs(given)).toEqual(want);
  });
});

describe("entriesOf", () => {
  const at = (value: Record<string, unknown>) => ({ value, pointer: "/paths/~1runs/get" }) as unknown as Located;
  it.each<{ name: string; value: Record<string, unknown>; want: [string, unknown, string][] }>([
    {
      name: "each entry with its pointer, extensions skipped",
      value: { responses: { "200": { description: "ok" }, "x-internal": true, default: {} } },
      want: [
        ["200", { description: "ok" }, "/paths/~1runs/get/responses/200"],
        ["default", {}, "/paths/~1runs/get/responses/default"],
      ],
    },
    { name: "a missing key", value: {}, want: [] },
    { name: "a key that is not a map", value: { responses: ["200"] }, want: [] },
    {
      name: "keys with slashes are escaped in the pointer",
      value: { responses: { "application/json": 1 } },
      want: [["application/json", 1, "/paths/~1runs/get/responses/application~1json"]],
    },
  ])("$name", ({ value, want }) => {
    expect(entriesOf(at(value), "responses")).toEqual(want);
  });
});
