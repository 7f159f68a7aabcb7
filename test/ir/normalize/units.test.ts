// The units the incremental normalizer cuts the root document into, and their text hashes.
import { describe, expect, it } from "vitest";
import { SpecSet } from "../../../src/load/loader.js";
import { unitOf, unitTexts } from "../../../src/ir/normalize/incremental/units.js";

describe("unitOf", () => {
  it.each([
    ["/components/schemas/Pet/properties/name", "/components/schemas/Pet"],
    ["/components/schemas/Pet", "/components/schemas/Pet"],
    ["/components/responses/NotFound/content", "/components/responses/NotFound"],
    ["/paths/~1pets~1{id}/get/responses/200", "/paths/~1pets~1{id}"],
    ["/webhooks/newPet/post", "/webhooks/newPet"],
    ["/components/schemas", undefined],
    ["/paths", undefined],
    ["/info/title", undefined],
    ["", undefined],
  ])("%s -> %s", (pointer, want) => expect(unitOf(pointer)).toBe(want));
});

const SPEC = `openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200": {description: ok}
components:
  schemas:
    A:
      type: string
    B:
      type: integer
`;

function units(text: string) {
  return unitTexts(new SpecSet("/virtual/spec.yaml", () => text).root);
}

describe("unitTexts", () => {
  it("gives each unit its start and a hash of its text", () => {
    const got = units(SPEC);
    expect([...got.keys()].sort()).toEqual(["/components/schemas/A", "/components/schemas/B", "/paths/~1pets"]);
    expect(got.get("/components/schemas/B")).toMatchObject({ line: 13, col: 7 });
  });

  it.each([
    [
      "a line added above everything: same hashes, lines moved",
      (t: string) => t.replace("info:", "# c\ninfo:"),
      { A: "same", B: "same", shift: 1 },
    ],
    ["B edited: only B's hash changes", (t: string) => t.replace("type: integer", "type: number"), { A: "same", B: "other", shift: 0 }],
    // The text between units belongs to the one before (here B's key line is in A's slice).
    ["B renamed: A's slice holds B's key", (t: string) => t.replace("    B:", "    C:"), { A: "other", B: "gone", shift: 0 }],
  ])("%s", (_, edit, want) => {
    const before = units(SPEC);
    const after = units(edit(SPEC));
    const a = after.get("/components/schemas/A")!;
    expect(a.hash === before.get("/components/schemas/A")!.hash ? "same" : "other").toBe(want.A);
    expect(a.line - before.get("/components/schemas/A")!.line).toBe(want.shift);
    const b = after.get("/components/schemas/B");
    expect(b === undefined ? "gone" : b.hash === before.get("/components/schemas/B")!.hash ? "same" : "other").toBe(want.B);
  });
});
