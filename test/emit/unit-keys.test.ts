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
import type { IrDocument, Model } from "../../src/ir/types.js";

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

  // Field names are not hashed as names (NameTable.placement leaves them out): they follow from the
  // model's content, which is. A type name is hashed as a name: it can change with other models.
  it.each([
    { edit: "its description", change: (m: Model): Model => ({ ...m, docs: { ...m.docs, description: "edited" } }) },
    {
      edit: "a field's identifier (its name in most languages)",
      change: (m: Model): Model => (m.kind === "object" ? { ...m, fields: m.fields.map((f, i) => (i === 0 ? { ...f, identifier: "renamed" } : f)) } : m),
    },
    { edit: "its name hint (its type name)", change: (m: Model): Model => ({ ...m, nameHint: ["Zz", "Unique"] }) },
    // Its content is the same, but a model named first (and reaching nothing of it) now holds its name.
    { edit: "its name (taken by a new model)", change: (m: Model): Model => m, taker: true },
  ])("changes the key of a model, and of the models reaching it, when $edit changes, and no other", ({ change, taker }) => {
    const before = structuredClone(irOf(SPEC));
    const after = structuredClone(irOf(SPEC));
    const target = after.models.find((m) => m.kind === "object" && !m.parent && m.fields.length > 0)!;
    const edited = change(target);
    after.models = after.models.map((m) => (m === target ? edited : m));
    const newcomer: Model = { id: "#/components/schemas/0", nameHint: target.nameHint, kind: "alias", type: { kind: "unknown" }, docs: {}, source: target.source };
    if (taker) after.models.unshift(newcomer);
    for (const lang of Object.keys(RULES) as Lang[]) {
      const a = keysOf(before, lang);
      const b = keysOf(after, lang);
      const reaches = (from: string, seen = new Set<string>()): boolean => {
        if (from === target.id) return true;
        if (seen.has(from)) return false;
        seen.add(from);
        const m = after.models.find((x) => x.id === from)!;
        const out = JSON.stringify(m).match(/"target":"[^"]+"/g)?.map((t) => t.slice(10, -1)) ?? [];
        const related = [...out, ...(m.parent ? [m.parent] : []), ...after.models.filter((x) => x.parent === from).map((x) => x.id)];
        return related.some((r) => reaches(r, seen));
      };
      for (const m of after.models) expect(a.get(m.id) !== b.get(m.id), `${lang} ${m.id}`).toBe(reaches(m.id) || m === newcomer);
      expect([...b.keys()].filter((id) => a.get(id) !== b.get(id))).toContain(target.id);
    }
  });
});
