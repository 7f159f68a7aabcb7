// What the Rust target keeps with a model's files in the units file (reuse.ts): the helpers, native
// crates and user modules its file uses, and nothing at all for a model that uses none (most of
// them: their empty lists were a seventh of the units file, parsed, written and hashed again by
// every regeneration). Kept or rendered, a model's uses reach the crate's files the same way
// (incremental.test.ts: a regeneration gives the bytes of a cold run).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FolderReuse } from "../../src/emit/reuse.js";
import { renderTarget } from "../../src/render/render-target.js";
import { irOf, REPO } from "../helpers/generate.js";

describe("the Rust units file", () => {
  it("keeps a model's uses with its files only when it has any", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "units-side-"));
    try {
      const reuse = new FolderReuse(dir, "basis");
      await renderTarget("rust", irOf(path.join(REPO, "spec/openapi.yaml")), { header: [], presence: "lenient", targetOptions: {} }, reuse);
      const units = (
        JSON.parse(reuse.output()[0]!.contents) as {
          units: Record<string, { side?: { support: string[]; crates: string[]; userTypes: string[] } }>;
        }
      ).units;
      const sides = Object.values(units).map((u) => u.side);
      expect(sides.filter((s) => s === undefined).length).toBeGreaterThan(sides.length / 2);
      const kept = sides.filter((s) => s !== undefined);
      expect(kept.length).toBeGreaterThan(0);
      for (const side of kept) expect(side.support.length + side.crates.length + side.userTypes.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
