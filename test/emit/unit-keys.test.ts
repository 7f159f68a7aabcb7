// The keys of incremental regeneration (src/emit/unit-keys.ts): what the languages of one thread
// share (edges, components, contents) is worked out once per IR, so a language's keys must be the
// same whether another language's were computed first on the same IR or not.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unitKeys } from "../../src/emit/unit-keys.js";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { rustNamingRules } from "../../src/targets/rust/naming.js";
import { elixirNamingRules } from "../../src/targets/elixir/naming.js";
import { irOf, REPO } from "../helpers/generate.js";
import type { IrDocument } from "../../src/ir/types.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const RULES = { typescript: tsNamingRules, rust: rustNamingRules, elixir: elixirNamingRules };
type Lang = keyof typeof RULES;

const keysOf = (ir: IrDocument, lang: Lang) => unitKeys(ir, assignNames(ir, RULES[lang]));

describe("unitKeys", () => {
  it("gives each language the keys it gets on an IR no other language keyed", () => {
    const cases: { first: Lang; second: Lang }[] = [
      { first: "typescript", second: "rust" },
      { first: "rust", second: "elixir" },
      { first: "elixir", second: "typescript" },
    ];
    for (const c of cases) {
      const shared = structuredClone(irOf(SPEC));
      keysOf(shared, c.first);
      expect(keysOf(shared, c.second), `${c.second} after ${c.first}`).toEqual(keysOf(structuredClone(irOf(SPEC)), c.second));
    }
  });

  it("changes the key of a model, and of the models reaching it, when its content changes, and no other", () => {
    const before = structuredClone(irOf(SPEC));
    const after = structuredClone(irOf(SPEC));
    const target = after.models.find((m) => m.kind === "object" && !m.parent)!;
    const edited = { ...target, docs: { ...target.docs, description: "edited" } };
    after.models = after.models.map((m) => (m === target ? edited : m));
    const a = keysOf(before, "typescript");
    const b = keysOf(after, "typescript");
    const reaches = (from: string, seen = new Set<string>()): boolean => {
      if (from === target.id) return true;
      if (seen.has(from)) return false;
      seen.add(from);
      const m = after.models.find((x) => x.id === from)!;
      const out = JSON.stringify(m).match(/"target":"[^"]+"/g)?.map((t) => t.slice(10, -1)) ?? [];
      const related = [...out, ...(m.parent ? [m.parent] : []), ...after.models.filter((x) => x.parent === from).map((x) => x.id)];
      return related.some((r) => reaches(r, seen));
    };
    for (const m of after.models) expect(a.get(m.id) !== b.get(m.id), m.id).toBe(reaches(m.id));
    expect([...b.keys()].filter((id) => a.get(id) !== b.get(id))).toContain(target.id);
  });
});
