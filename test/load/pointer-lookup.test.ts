// Walking a JSON pointer through a document: what it finds (value, parent, key), where a miss
// stopped, and the escaping that keeps "/" and "~" in keys apart from the separators.
import { describe, expect, it } from "vitest";
import { appendPointer, escapeToken, lookupPointer, parsePointer, unescapeToken, type Lookup } from "../../src/load/pointer.js";

const doc = {
  paths: { "/runs/{id}": { get: { responses: { "200": { description: "ok" } } } } },
  list: [10, { a: null }],
  "a~b": { "": 0 },
  empty: {},
};

describe("lookupPointer", () => {
  it.each<{ name: string; pointer: string; want: Lookup }>([
    { name: "the whole document", pointer: "", want: { found: true, value: doc, parent: undefined, key: undefined } },
    { name: "an escaped path key", pointer: "/paths/~1runs~1{id}/get/responses/200/description", want: { found: true, value: "ok", parent: { description: "ok" }, key: "description" } },
    { name: "an array index", pointer: "/list/0", want: { found: true, value: 10, parent: doc.list, key: "0" } },
    { name: "null is found", pointer: "/list/1/a", want: { found: true, value: null, parent: { a: null }, key: "a" } },
    { name: "a tilde key and an empty key", pointer: "/a~0b/", want: { found: true, value: 0, parent: { "": 0 }, key: "" } },
    { name: "a missing key", pointer: "/paths/~1pets", want: { found: false, missingAt: "/paths/~1pets" } },
    { name: "past the end of an array", pointer: "/list/2", want: { found: false, missingAt: "/list/2" } },
    { name: "below a scalar", pointer: "/list/0/x", want: { found: false, missingAt: "/list/0/x" } },
    { name: "below null", pointer: "/list/1/a/b", want: { found: false, missingAt: "/list/1/a/b" } },
    { name: "an inherited property is not a key", pointer: "/empty/toString", want: { found: false, missingAt: "/empty/toString" } },
  ])("$name", ({ pointer, want }) => {
    expect(lookupPointer(doc, pointer)).toEqual(want);
  });

  it("refuses a pointer without a leading slash", () => {
    expect(() => parsePointer("paths")).toThrow("not a JSON pointer: paths");
  });
});

describe("token escaping", () => {
  it.each([
    { raw: "plain", escaped: "plain" },
    { raw: "a/b", escaped: "a~1b" },
    { raw: "a~b", escaped: "a~0b" },
    // "~1" written literally must not read back as "/".
    { raw: "~1", escaped: "~01" },
    { raw: "/~", escaped: "~1~0" },
    { raw: "", escaped: "" },
  ])("$raw <-> $escaped", ({ raw, escaped }) => {
    expect(escapeToken(raw)).toBe(escaped);
    expect(unescapeToken(escaped)).toBe(raw);
    expect(parsePointer(appendPointer("", raw, "x"))).toEqual([raw, "x"]);
  });
});
