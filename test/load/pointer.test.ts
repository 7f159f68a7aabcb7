import { describe, expect, it } from "vitest";
import { appendPointer, childPointer, fragmentToPointer, lookupPointer, parsePointer } from "../../src/load/pointer.js";

describe("JSON pointers", () => {
  it.each([
    { given: "", want: [] },
    { given: "/components/schemas/Run", want: ["components", "schemas", "Run"] },
    { given: "/paths/~1threads~1{id}/get", want: ["paths", "/threads/{id}", "get"] },
    { given: "/a~0b/c~01", want: ["a~b", "c~1"] },
  ])("parses $given", ({ given, want }) => {
    expect(parsePointer(given)).toEqual(want);
  });

  it.each([
    { given: ["a/b", "c~d", 3], want: "/a~1b/c~0d/3" },
    { given: ["properties", "$ref"], want: "/properties/$ref" },
  ])("appends $given", ({ given, want }) => {
    expect(appendPointer("", ...given)).toBe(want);
  });

  it.each([
    { pointer: "/components/schemas", token: "a/b~c", want: "/components/schemas/a~1b~0c" },
    { pointer: "/allOf", token: 0, want: "/allOf/0" },
    { pointer: "", token: "plain", want: "/plain" },
  ])("steps from $pointer to the child $token", ({ pointer, token, want }) => {
    expect(childPointer(pointer, token)).toBe(want);
    expect(appendPointer(pointer, token)).toBe(want);
  });

  it.each([
    { given: "/components/schemas/My%20Schema", want: "/components/schemas/My Schema" },
    { given: "/components/schemas/a~1b", want: "/components/schemas/a~1b" },
    { given: "/bad%zz", want: "/bad%zz" },
  ])("decodes the fragment $given", ({ given, want }) => {
    expect(fragmentToPointer(given)).toBe(want);
  });

  it("says where a lookup stopped", () => {
    const doc = { a: { b: [1, 2] } };
    expect(lookupPointer(doc, "/a/b/1")).toMatchObject({ found: true, value: 2 });
    expect(lookupPointer(doc, "/a/c/d")).toEqual({ found: false, missingAt: "/a/c" });
  });
});
