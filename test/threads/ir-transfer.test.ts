// The IR the render worker is sent (src/threads/ir-transfer.ts): without source positions for the
// moment it is copied, and whole again on this thread afterwards, even when the send throws.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serialize } from "node:v8";
import { withoutSources } from "../../src/threads/ir-transfer.js";
import { irOf, REPO, withoutPositions } from "../helpers/generate.js";
import type { IrDocument } from "../../src/ir/types.js";

const sourcesOf = (ir: IrDocument) => ir.models.flatMap((m) => [m.source, ...(m.kind === "object" ? m.fields.map((f) => f.source) : [])]);

describe("withoutSources", () => {
  const ir = irOf(path.join(REPO, "spec/openapi.yaml"));

  it("hands the send an IR with no model or field position, and puts every one back", () => {
    const before = sourcesOf(ir);
    expect(before.every((s) => s !== undefined)).toBe(true);
    const seen = withoutSources(ir, () => sourcesOf(ir));
    expect(seen.length).toBe(before.length);
    expect(seen.every((s) => s === undefined)).toBe(true);
    const after = sourcesOf(ir);
    expect(after.every((s, i) => s === before[i])).toBe(true);
  });

  it("copies less: the serialized IR loses its positions and nothing else", () => {
    const whole = serialize(ir).length;
    const sent = withoutSources(ir, () => serialize(ir).length);
    expect(sent).toBeLessThan(whole);
    // The copy the worker gets is the IR with undefined positions, byte for byte.
    expect(withoutSources(ir, () => serialize(ir))).toEqual(serialize(withoutPositions(ir)));
  });

  it("puts the positions back when the send throws", () => {
    const before = sourcesOf(ir);
    expect(() =>
      withoutSources(ir, () => {
        throw new Error("worker gone");
      }),
    ).toThrow("worker gone");
    expect(sourcesOf(ir).every((s, i) => s === before[i])).toBe(true);
  });
});
