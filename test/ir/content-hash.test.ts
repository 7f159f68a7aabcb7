// A model's content hash (src/ir/content-hash.ts): a function of its content without positions,
// however the model object was made, with a copy that only sets `parent` or `origin` taking its
// original's core hash instead of stringifying again.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { adoptCoreHash, contentHash, coreHash, coreText, sameCore } from "../../src/ir/content-hash.js";
import type { Model, SourceRef } from "../../src/ir/types.js";
import { irOf, REPO, SHARED } from "../helpers/generate.js";

const at = (line: number): SourceRef => ({ file: "spec.yaml", line, col: 1, pointer: `/x/${line}` });

function objectModel(id: string, extra: Partial<Model> = {}): Model {
  return {
    id,
    nameHint: ["Thing"],
    docs: {},
    source: at(1),
    kind: "object",
    fields: [{ name: "a", wireName: "a", required: true, type: { kind: "primitive", name: "string" }, docs: {}, source: at(2) }],
    ...extra,
  } as Model;
}

describe("contentHash", () => {
  it("leaves out positions: a model moved in the spec hashes the same", () => {
    const a = objectModel("#/a");
    const moved = { ...a, source: at(40) } as Model;
    expect(contentHash(moved)).toBe(contentHash(a));
  });

  it.each([
    ["a field's type", (m: Model) => ({ ...m, fields: [{ ...(m as { fields: object[] }).fields[0], type: { kind: "primitive", name: "integer" } }] })],
    ["the id", (m: Model) => ({ ...m, id: "#/b" })],
    ["the docs", (m: Model) => ({ ...m, docs: { description: "d" } })],
    ["the parent", (m: Model) => ({ ...m, parent: "#/p" })],
    ["the origin", (m: Model) => ({ ...m, origin: "parameters" })],
  ])("changes with %s", (_, change) => {
    const a = objectModel("#/a");
    expect(contentHash(change(a) as Model)).not.toBe(contentHash(a));
  });

  it("tells a parent from an origin of the same text", () => {
    const a = objectModel("#/a");
    expect(contentHash({ ...a, parent: "file" } as Model)).not.toBe(contentHash({ ...a, origin: "file" } as Model));
  });

  it("is the core hash for a model without parent and origin", () => {
    const a = objectModel("#/a");
    expect(contentHash(a)).toBe(coreHash(a));
    expect(coreHash({ ...a, parent: "#/p", origin: "operation" } as Model)).toBe(coreHash(a));
  });

  it("gives a copy that sets only the parent its original's core hash, and the value a fresh copy gets", () => {
    const original = objectModel("#/a/properties/b");
    const copy = { ...original, parent: "#/a" } as Model;
    expect(coreHash(original)).toBe(coreHash(structuredClone(original)));
    sameCore(copy, original);
    expect(contentHash(copy)).toBe(contentHash(structuredClone(copy)));
  });

  it("takes an adopted core hash (one a record stored) without hashing, and carries it to a copy", () => {
    const original = objectModel("#/c");
    adoptCoreHash(original, "stored");
    const copy = { ...original, parent: "#/p" } as Model;
    sameCore(copy, original);
    expect(coreHash(copy)).toBe("stored");
    expect(contentHash(copy)).not.toBe("stored");
    expect(contentHash(original)).toBe("stored");
  });

  it("leaves a copy alone when the original's core hash is not known yet", () => {
    const original = objectModel("#/d");
    const copy = { ...original, parent: "#/p" } as Model;
    sameCore(copy, original);
    expect(coreHash(copy)).toBe(coreHash(structuredClone(original)));
  });
});

/** The text the core hash was made of before coreText (a copy of the model and its fields without positions, parent and origin). */
function copiedCoreText(m: Model): string {
  const strip = { source: undefined, parent: undefined, origin: undefined };
  const copy = m.kind === "object" ? { ...m, ...strip, fields: m.fields.map((f) => ({ ...f, source: undefined })) } : { ...m, ...strip };
  return JSON.stringify(copy);
}

describe("coreText", () => {
  it.each([path.join(REPO, "spec/openapi.yaml"), path.join(SHARED, "specs/openai/openai-2026-08-21.yaml")])(
    "is the text of a copy without positions, parent and origin, and leaves every model of %s as it was",
    (spec) => {
      const models = irOf(spec).models;
      expect(models.some((m) => m.parent !== undefined) && models.some((m) => m.origin !== undefined)).toBe(true);
      for (const m of models) {
        const before = JSON.stringify(m);
        const keys = Object.keys(m).join();
        const fieldKeys = m.kind === "object" ? m.fields.map((f) => Object.keys(f).join()).join("|") : "";
        expect(coreText(m)).toBe(copiedCoreText(m));
        expect(JSON.stringify(m)).toBe(before);
        expect(Object.keys(m).join()).toBe(keys);
        expect(m.kind === "object" ? m.fields.map((f) => Object.keys(f).join()).join("|") : "").toBe(fieldKeys);
      }
    },
  );

  it("puts a field listed twice back as it was", () => {
    const a = objectModel("#/twice") as Model & { fields: { source: SourceRef }[] };
    a.fields.push(a.fields[0]!);
    expect(coreText(a)).toBe(copiedCoreText(a));
    expect(a.fields.map((f) => f.source)).toEqual([at(2), at(2)]);
    expect(a.source).toEqual(at(1));
  });
});
