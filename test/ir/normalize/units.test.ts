// The units the incremental normalizer cuts the root document into, and their text hashes.
import { describe, expect, it } from "vitest";
import { SpecSet } from "../../../src/load/loader.js";
import { unitOf, unitTexts } from "../../../src/ir/normalize/incremental/units.js";
import { textDelta } from "../../../src/load/text-delta.js";

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
    ["/components/schemas/", "/components/schemas/"],
    ["/components//x/y", "/components//x"],
    ["/components/schemas/a/", "/components/schemas/a"],
    ["/paths/", "/paths/"],
    ["/webhooks", undefined],
    ["/componentsX/a/b", undefined],
    ["/pathsX/a", undefined],
    ["components/schemas/a", undefined],
  ])("%s -> %s", (pointer, want) => expect(unitOf(pointer)).toBe(want));

  it("cuts as splitting at the slashes does, for pointers made of every kind of token", () => {
    const bySplit = (pointer: string): string | undefined => {
      const tokens = pointer.split("/", 5);
      if (tokens[1] === "components" && tokens.length >= 4) return `/components/${tokens[2]}/${tokens[3]}`;
      if ((tokens[1] === "paths" || tokens[1] === "webhooks") && tokens.length >= 3) return `/${tokens[1]}/${tokens[2]}`;
      return undefined;
    };
    const tokens = ["", "components", "paths", "webhooks", "schemas", "a", "~1b", "info"];
    const pointers = [""];
    for (let depth = 0; depth < 5; depth++)
      for (const p of [...pointers]) for (const t of tokens) if (p.split("/").length === depth + 1) pointers.push(`${p}/${t}`);
    expect(pointers.length).toBeGreaterThan(1000);
    for (const p of pointers) expect(unitOf(p), p).toBe(bySplit(p));
  });
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

describe("unitTexts with the units of the text a change is measured against", () => {
  /** The units of `after`, read with a history whose previous text is `before` (its units given, with marked hashes). */
  function carried(before: string, after: string) {
    const marked = Object.fromEntries([...units(before)].map(([p, u]) => [p, { ...u, hash: `kept:${p}` }]));
    const change = { ...textDelta(Buffer.from(before), Buffer.from(after), before.length, after.length)!, since: "x" };
    const doc = { ...new SpecSet("/virtual/spec.yaml", () => after).root, changed: change };
    return unitTexts(doc, marked);
  }

  it.each([
    ["a line added above everything: every unit's hash taken, lines moved", (t: string) => t.replace("info:", "# c\ninfo:"), ["A", "B", "~1pets"]],
    ["B edited: every hash but B's taken", (t: string) => t.replace("type: integer", "type: number"), ["A", "~1pets"]],
    ["nothing changed: every hash taken", (t: string) => t, ["A", "B", "~1pets"]],
  ])("%s", (_, edit, taken) => {
    const got = carried(SPEC, edit(SPEC));
    const fresh = units(edit(SPEC));
    expect([...got.keys()]).toEqual([...fresh.keys()]);
    for (const [pointer, unit] of got) {
      const isTaken = taken.some((t) => pointer.endsWith(`/${t}`));
      // Positions are always this text's; a hash is taken only where the text is the same.
      expect({ ...unit, hash: undefined }, pointer).toEqual({ ...fresh.get(pointer)!, hash: undefined });
      expect(unit.hash, pointer).toBe(isTaken ? `kept:${pointer}` : fresh.get(pointer)!.hash);
    }
  });

  it("takes no hash without a change measured, nor from a unit whose text was elsewhere", () => {
    const marked = Object.fromEntries([...units(SPEC)].map(([p, u]) => [p, { ...u, hash: `kept:${p}`, start: u.start + 1 }]));
    const doc = new SpecSet("/virtual/spec.yaml", () => SPEC).root;
    expect([...unitTexts(doc, marked).values()].some((u) => u.hash.startsWith("kept:"))).toBe(false);
    const changed = { from: SPEC.length, to: SPEC.length, shift: 0, since: "x" };
    expect([...unitTexts({ ...doc, changed }, marked).values()].some((u) => u.hash.startsWith("kept:"))).toBe(false);
  });
});
