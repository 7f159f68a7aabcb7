// The front-coded ids a units file records with a language's type names (reuse.ts) are made once
// per models array: the languages of one thread record the same list.
import { describe, expect, it } from "vitest";
import { codedIds } from "../../src/emit/reuse.js";
import { frontDecode } from "../../src/emit/front-coding.js";
import type { IrDocument } from "../../src/ir/types.js";

const ir = (ids: string[]) => ({ models: ids.map((id) => ({ id })) }) as unknown as IrDocument;

describe("codedIds", () => {
  it("codes the models' ids once per models array, and decodes to them", () => {
    const a = ir(["#/components/schemas/A", "#/components/schemas/AB", "#/components/schemas/B"]);
    const coded = codedIds(a);
    expect(codedIds({ ...a })).toBe(coded);
    expect(frontDecode(coded)).toEqual(a.models.map((m) => m.id));
    // Another models array (another IR) is coded afresh, even with the same ids.
    const b = ir(a.models.map((m) => m.id));
    expect(codedIds(b)).not.toBe(coded);
    expect(codedIds(b)).toEqual(coded);
  });
});
